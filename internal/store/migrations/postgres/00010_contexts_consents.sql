-- +goose Up
-- The contexts a family has been in (early help, a child protection plan…),
-- with their dates; ended ones are kept as history.
CREATE TABLE family_contexts (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    kind        TEXT NOT NULL CHECK (kind IN ('early-help', 'child-in-need', 'child-protection', 'looked-after', 'other')),
    detail      TEXT NOT NULL,
    started_on  TEXT NOT NULL,
    ended_on    TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX family_contexts_family ON family_contexts (family_id, started_on);

-- What a family has agreed to, how, and when it was withdrawn. Rows are
-- never removed: a withdrawal is recorded beside the consent.
CREATE TABLE family_consents (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organisations (id),
    family_id    TEXT NOT NULL REFERENCES families (id),
    kind         TEXT NOT NULL CHECK (kind IN ('group', 'supporters', 'evaluation')),
    how          TEXT NOT NULL CHECK (how IN ('spoken', 'written')),
    given_by     TEXT NOT NULL,
    recorded_by  TEXT NOT NULL REFERENCES users (id),
    recorded_at  TIMESTAMPTZ NOT NULL,
    withdrawn_at TIMESTAMPTZ,
    withdrawn_by TEXT REFERENCES users (id)
);
CREATE INDEX family_consents_family ON family_consents (family_id, kind);

-- +goose Down
DROP TABLE family_consents;
DROP TABLE family_contexts;
