-- +goose Up
-- What happens to a group after it starts: a parent stops coming (withdrawn,
-- with the reason; their attendance so far is kept), a session moves (the
-- move is kept with its reason), a supporters' session is added (a session
-- of kind 'supporters', numbered after the programme's), and a parent who
-- missed a session is caught up by phone, video or in person.
ALTER TABLE nvr_group_enrolments ADD COLUMN withdrawn_at TIMESTAMPTZ;
ALTER TABLE nvr_group_enrolments ADD COLUMN withdrawn_by TEXT REFERENCES users (id);
ALTER TABLE nvr_group_enrolments ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE nvr_group_sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'programme' CHECK (kind IN ('programme', 'supporters'));

CREATE TABLE nvr_group_session_moves (
    group_id       TEXT NOT NULL REFERENCES nvr_groups (id),
    session_number INTEGER NOT NULL,
    org_id         TEXT NOT NULL REFERENCES organisations (id),
    from_at        TIMESTAMPTZ NOT NULL,
    to_at          TIMESTAMPTZ NOT NULL,
    reason         TEXT NOT NULL,
    moved_by       TEXT NOT NULL REFERENCES users (id),
    moved_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX nvr_group_session_moves_session ON nvr_group_session_moves (group_id, session_number, moved_at);

-- One catch-up per parent and missed session: arranged (how and when), then
-- recorded as done with a note, which reaches the family's timeline.
CREATE TABLE nvr_group_catchups (
    enrolment_id   TEXT NOT NULL REFERENCES nvr_group_enrolments (id),
    session_number INTEGER NOT NULL,
    group_id       TEXT NOT NULL REFERENCES nvr_groups (id),
    org_id         TEXT NOT NULL REFERENCES organisations (id),
    family_id      TEXT NOT NULL REFERENCES families (id),
    how            TEXT NOT NULL CHECK (how IN ('phone', 'video', 'in-person')),
    planned_at     TIMESTAMPTZ NOT NULL,
    done_at        TIMESTAMPTZ,
    note_id        TEXT REFERENCES nvr_group_parent_notes (id),
    arranged_by    TEXT NOT NULL REFERENCES users (id),
    recorded_by    TEXT REFERENCES users (id),
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (enrolment_id, session_number)
);
CREATE INDEX nvr_group_catchups_group ON nvr_group_catchups (group_id, session_number);
CREATE INDEX nvr_group_catchups_family ON nvr_group_catchups (family_id, org_id, done_at);

-- +goose Down
DROP TABLE nvr_group_catchups;
DROP TABLE nvr_group_session_moves;
ALTER TABLE nvr_group_sessions DROP COLUMN kind;
ALTER TABLE nvr_group_enrolments DROP COLUMN withdrawn_reason;
ALTER TABLE nvr_group_enrolments DROP COLUMN withdrawn_by;
ALTER TABLE nvr_group_enrolments DROP COLUMN withdrawn_at;
