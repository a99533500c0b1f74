-- +goose Up
-- Engagement records: what a practitioner saw of a family's engagement, on
-- one date, and their thinking and plan. A record is never changed once
-- written; hypotheses and plan actions change status over time, and every
-- status they have had is kept in the *_changes tables. Dates the record
-- describes (recorded_on, review_on, due_on) are YYYY-MM-DD text.
CREATE TABLE engagement_records (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organisations (id),
    family_id    TEXT NOT NULL REFERENCES families (id),
    author_id    TEXT NOT NULL REFERENCES users (id),
    recorded_on  TEXT NOT NULL,
    hard_areas   TEXT NOT NULL,
    family_view  TEXT NOT NULL,
    for_child    TEXT NOT NULL CHECK (for_child <> ''),
    feelings     TEXT NOT NULL,
    at_risk      TEXT NOT NULL CHECK (at_risk IN ('yes', 'no')),
    safety_step  TEXT NOT NULL CHECK (safety_step IN ('', 'joint-visit', 'check-in', 'meet-elsewhere', 'other')),
    safety_other TEXT NOT NULL,
    review_on    TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX engagement_records_family ON engagement_records (family_id, org_id, recorded_on);

-- The patterns a record describes, each with the behaviour seen.
CREATE TABLE engagement_record_patterns (
    record_id TEXT NOT NULL REFERENCES engagement_records (id),
    org_id    TEXT NOT NULL REFERENCES organisations (id),
    pattern   TEXT NOT NULL CHECK (pattern IN ('ambivalence', 'avoidance', 'confrontation', 'violence')),
    seen      TEXT NOT NULL,
    PRIMARY KEY (record_id, pattern)
);

CREATE TABLE engagement_hypotheses (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    record_id  TEXT NOT NULL REFERENCES engagement_records (id),
    position   INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    text       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('held', 'tested', 'set-aside')),
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX engagement_hypotheses_record ON engagement_hypotheses (record_id);
CREATE INDEX engagement_hypotheses_family ON engagement_hypotheses (family_id, org_id);

CREATE TABLE engagement_hypothesis_changes (
    hypothesis_id TEXT NOT NULL REFERENCES engagement_hypotheses (id),
    seq           INTEGER NOT NULL,
    org_id        TEXT NOT NULL REFERENCES organisations (id),
    status        TEXT NOT NULL,
    note          TEXT NOT NULL,
    changed_by    TEXT NOT NULL REFERENCES users (id),
    changed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (hypothesis_id, seq)
);

CREATE TABLE engagement_actions (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    record_id  TEXT NOT NULL REFERENCES engagement_records (id),
    position   INTEGER NOT NULL,
    what       TEXT NOT NULL,
    owner      TEXT NOT NULL,
    due_on     TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('open', 'done', 'not-needed')),
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX engagement_actions_record ON engagement_actions (record_id);
-- Caseloads read each family's earliest open action.
CREATE INDEX engagement_actions_open ON engagement_actions (family_id, org_id, status, due_on);

CREATE TABLE engagement_action_changes (
    action_id  TEXT NOT NULL REFERENCES engagement_actions (id),
    seq        INTEGER NOT NULL,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    status     TEXT NOT NULL,
    note       TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users (id),
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (action_id, seq)
);

-- A practitioner who feels at risk working with a family, and the safety
-- step they asked for. It stands until ended_at is set: by the same
-- worker's later record, or by someone saying why it is no longer needed.
CREATE TABLE engagement_safety_flags (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (id),
    family_id      TEXT NOT NULL REFERENCES families (id),
    record_id      TEXT NOT NULL REFERENCES engagement_records (id),
    worker_id      TEXT NOT NULL REFERENCES users (id),
    step           TEXT NOT NULL CHECK (step IN ('joint-visit', 'check-in', 'meet-elsewhere', 'other')),
    step_other     TEXT NOT NULL,
    raised_at      TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ,
    ended_by       TEXT REFERENCES users (id),
    end_reason     TEXT NOT NULL
);
CREATE UNIQUE INDEX engagement_safety_flags_record ON engagement_safety_flags (record_id);
CREATE INDEX engagement_safety_flags_family ON engagement_safety_flags (family_id, org_id) WHERE ended_at IS NULL;
CREATE INDEX engagement_safety_flags_worker ON engagement_safety_flags (worker_id) WHERE ended_at IS NULL;

-- +goose Down
DROP TABLE engagement_safety_flags;
DROP TABLE engagement_action_changes;
DROP TABLE engagement_actions;
DROP TABLE engagement_hypothesis_changes;
DROP TABLE engagement_hypotheses;
DROP TABLE engagement_record_patterns;
DROP TABLE engagement_records;
