-- +goose Up
-- Practitioners' own wellbeing. A weekly check-in: one answer (0 to 10)
-- per person per week, where week is the Monday's date in the UK
-- (YYYY-MM-DD); answering again that week replaces it. The note is read
-- only by its author. answered_at is passed from Go, so demo data can be
-- back-dated.
CREATE TABLE wellbeing_check_ins (
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    week        TEXT NOT NULL,
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    note        TEXT NOT NULL DEFAULT '',
    answered_at TIMESTAMP NOT NULL,
    -- The team the person was in when they answered, so that moving
    -- someone later does not change a past week's team figures.
    team_id     TEXT REFERENCES teams (id),
    PRIMARY KEY (org_id, user_id, week)
);
-- Team and organisation figures sum one week's answers.
CREATE INDEX wellbeing_check_ins_week ON wellbeing_check_ins (org_id, week);

-- Whether a practitioner shares their trend (scores only) with their
-- supervisors. No row means not shared.
CREATE TABLE wellbeing_sharing (
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    share_trend BOOLEAN NOT NULL DEFAULT FALSE,
    -- Whether they have ever shared it: a supervisor may remember what
    -- they saw, so figures treat these answers as seen for good.
    ever_shared BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

-- A member of staff's own self-care plan: what helps, early signs, and
-- who to talk to. One each, read only by its owner.
CREATE TABLE self_care_plans (
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    helps       TEXT NOT NULL DEFAULT '',
    early_signs TEXT NOT NULL DEFAULT '',
    talk_to     TEXT NOT NULL DEFAULT '',
    updated_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

-- +goose Down
DROP TABLE self_care_plans;
DROP TABLE wellbeing_sharing;
DROP TABLE wellbeing_check_ins;
