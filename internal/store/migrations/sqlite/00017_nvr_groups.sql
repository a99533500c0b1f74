-- +goose Up
-- NVR parent groups and one-to-one work. A group runs one saved version of
-- one of the organisation's programme templates (template_id and
-- template_version): a group started from a shipped template copies it into
-- the organisation first, so neither a later release nor a later edit
-- changes a running group. Its sessions are rows, made from the schedule
-- (start date, weekday, time, dates skipped) when the group is started;
-- their plans and handouts are read from the pinned template version.
CREATE TABLE nvr_groups (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organisations (id),
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('group', 'one-to-one')),
    template_id      TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    venue            TEXT NOT NULL,
    capacity         INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 30),
    start_on         TEXT NOT NULL,
    weekday          INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_time       TEXT NOT NULL,
    skip_dates       TEXT NOT NULL,
    created_by       TEXT NOT NULL REFERENCES users (id),
    created_at       TIMESTAMP NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES nvr_template_versions (template_id, version)
);
CREATE INDEX nvr_groups_org ON nvr_groups (org_id, start_on);

-- Who runs a group: facilitators (practitioners) and co-facilitators.
CREATE TABLE nvr_group_staff (
    group_id TEXT NOT NULL REFERENCES nvr_groups (id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    org_id   TEXT NOT NULL REFERENCES organisations (id),
    role     TEXT NOT NULL CHECK (role IN ('facilitator', 'co-facilitator')),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX nvr_group_staff_user ON nvr_group_staff (user_id);

CREATE TABLE nvr_group_sessions (
    group_id  TEXT NOT NULL REFERENCES nvr_groups (id),
    number    INTEGER NOT NULL,
    org_id    TEXT NOT NULL REFERENCES organisations (id),
    starts_at TIMESTAMP NOT NULL,
    title     TEXT NOT NULL,
    PRIMARY KEY (group_id, number)
);

-- A family in a group, with the parent or carer who comes (shown by first
-- name to the group).
CREATE TABLE nvr_group_enrolments (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    group_id    TEXT NOT NULL REFERENCES nvr_groups (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    member_id   TEXT NOT NULL REFERENCES family_members (id),
    enrolled_by TEXT NOT NULL REFERENCES users (id),
    enrolled_at TIMESTAMP NOT NULL,
    UNIQUE (group_id, family_id)
);
CREATE INDEX nvr_group_enrolments_family ON nvr_group_enrolments (family_id);

-- Attendance as it stands, one row per parent and session; every recording
-- is also added to nvr_group_attendance_changes, which is never changed, so
-- a correction keeps what was recorded before.
CREATE TABLE nvr_group_attendance (
    enrolment_id   TEXT NOT NULL REFERENCES nvr_group_enrolments (id),
    session_number INTEGER NOT NULL,
    group_id       TEXT NOT NULL REFERENCES nvr_groups (id),
    org_id         TEXT NOT NULL REFERENCES organisations (id),
    value          TEXT NOT NULL CHECK (value IN ('present', 'late', 'apologies', 'absent')),
    note           TEXT NOT NULL,
    recorded_by    TEXT NOT NULL REFERENCES users (id),
    recorded_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (enrolment_id, session_number)
);
CREATE INDEX nvr_group_attendance_group ON nvr_group_attendance (group_id, session_number);

CREATE TABLE nvr_group_attendance_changes (
    enrolment_id   TEXT NOT NULL REFERENCES nvr_group_enrolments (id),
    session_number INTEGER NOT NULL,
    org_id         TEXT NOT NULL REFERENCES organisations (id),
    value          TEXT NOT NULL,
    note           TEXT NOT NULL,
    recorded_by    TEXT NOT NULL REFERENCES users (id),
    recorded_at    TIMESTAMP NOT NULL
);
CREATE INDEX nvr_group_attendance_changes_enrolment ON nvr_group_attendance_changes (enrolment_id, session_number);

-- Notes on a session for the group's staff.
CREATE TABLE nvr_group_notes (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (id),
    group_id       TEXT NOT NULL REFERENCES nvr_groups (id),
    session_number INTEGER NOT NULL,
    author_id      TEXT NOT NULL REFERENCES users (id),
    body           TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX nvr_group_notes_session ON nvr_group_notes (group_id, session_number, created_at);

-- A short note about one parent at one session, which appears on that
-- family's timeline (at the session's time) with its title.
CREATE TABLE nvr_group_parent_notes (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (id),
    group_id       TEXT NOT NULL REFERENCES nvr_groups (id),
    session_number INTEGER NOT NULL,
    enrolment_id   TEXT NOT NULL REFERENCES nvr_group_enrolments (id),
    family_id      TEXT NOT NULL REFERENCES families (id),
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    author_id      TEXT NOT NULL REFERENCES users (id),
    occurred_at    TIMESTAMP NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX nvr_group_parent_notes_family ON nvr_group_parent_notes (family_id, org_id, occurred_at);
CREATE INDEX nvr_group_parent_notes_session ON nvr_group_parent_notes (group_id, session_number);

-- +goose Down
DROP TABLE nvr_group_parent_notes;
DROP TABLE nvr_group_notes;
DROP TABLE nvr_group_attendance_changes;
DROP TABLE nvr_group_attendance;
DROP TABLE nvr_group_enrolments;
DROP TABLE nvr_group_sessions;
DROP TABLE nvr_group_staff;
DROP TABLE nvr_groups;
