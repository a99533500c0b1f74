-- +goose Up
-- Courageous-conversation plans. The current version of each plan is in
-- conversation_plans; every version, the current one included, is in
-- conversation_plan_versions, so nothing written is overwritten silently.
-- A plan's debrief is kept the same way: every version is a row of
-- conversation_debrief_versions, and conversation_plans.debrief_version
-- names the current one (0 while the conversation is still planned).
--
-- The anticipated responses (pattern, what the family might say or do, how
-- I will respond) are a JSON array in a TEXT column rather than child rows.
-- They are always read and written whole, with the plan version they belong
-- to, and never searched or counted on their own; as a column, each version
-- of a plan stays one row, copied whole, on both engines alike.
CREATE TABLE conversation_plans (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    family_id       TEXT NOT NULL REFERENCES families (id),
    author_id       TEXT NOT NULL REFERENCES users (id),
    planned_for     TEXT NOT NULL,
    with_whom       TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    worries         TEXT NOT NULL,
    working_well    TEXT NOT NULL,
    needs_to_happen TEXT NOT NULL,
    opening         TEXT NOT NULL,
    responses       TEXT NOT NULL,
    support         TEXT NOT NULL,
    version         INTEGER NOT NULL,
    recorded_at     TIMESTAMP NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    debrief_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversation_plans_family ON conversation_plans (family_id, created_at);

CREATE TABLE conversation_plan_versions (
    plan_id         TEXT NOT NULL REFERENCES conversation_plans (id),
    version         INTEGER NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    author_id       TEXT NOT NULL REFERENCES users (id),
    planned_for     TEXT NOT NULL,
    with_whom       TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    worries         TEXT NOT NULL,
    working_well    TEXT NOT NULL,
    needs_to_happen TEXT NOT NULL,
    opening         TEXT NOT NULL,
    responses       TEXT NOT NULL,
    support         TEXT NOT NULL,
    recorded_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE conversation_debrief_versions (
    plan_id     TEXT NOT NULL REFERENCES conversation_plans (id),
    version     INTEGER NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    author_id   TEXT NOT NULL REFERENCES users (id),
    held_on     TEXT NOT NULL,
    how_it_went TEXT NOT NULL,
    family_said TEXT NOT NULL,
    how_i_felt  TEXT NOT NULL,
    next_steps  TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (plan_id, version)
);

-- +goose Down
DROP TABLE conversation_debrief_versions;
DROP TABLE conversation_plan_versions;
DROP TABLE conversation_plans;
