-- +goose Up
-- Reflective supervision (issue 8): sessions between a supervisor and a
-- practitioner they supervise, their agenda, case direction for families,
-- the private reflective part, legal exports of it, and the
-- organisation's expected frequency.
CREATE TABLE supervision_sessions (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    supervisor_id   TEXT NOT NULL REFERENCES users (id),
    practitioner_id TEXT NOT NULL REFERENCES users (id),
    planned_for     TIMESTAMPTZ NOT NULL,
    held_at         TIMESTAMPTZ,
    -- A planned session the supervisor called off; kept, never shown as to come.
    cancelled_at    TIMESTAMPTZ,
    created_by      TEXT NOT NULL REFERENCES users (id),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_sessions_practitioner ON supervision_sessions (practitioner_id, planned_for);
CREATE INDEX supervision_sessions_supervisor ON supervision_sessions (supervisor_id, planned_for);

-- What was sent to supervision is marked with the session that discussed it.
ALTER TABLE supervision_items ADD COLUMN session_id TEXT REFERENCES supervision_sessions (id);

-- Agenda items either person added by hand. Like sent items they wait for
-- the practitioner's next session until one discusses them.
CREATE TABLE supervision_agenda_notes (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    practitioner_id TEXT NOT NULL REFERENCES users (id),
    family_id       TEXT REFERENCES families (id),
    text            TEXT NOT NULL,
    added_by        TEXT NOT NULL REFERENCES users (id),
    added_at        TIMESTAMPTZ NOT NULL,
    discussed_at    TIMESTAMPTZ,
    session_id      TEXT REFERENCES supervision_sessions (id)
);
CREATE INDEX supervision_agenda_notes_practitioner ON supervision_agenda_notes (practitioner_id, discussed_at, added_at);

-- The reflective part: private to the session's two people.
CREATE TABLE supervision_reflections (
    session_id  TEXT PRIMARY KEY REFERENCES supervision_sessions (id),
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    noticed     TEXT NOT NULL,
    triggers    TEXT NOT NULL,
    how_i_am    TEXT NOT NULL,
    what_helped TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES users (id),
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Case direction: part of the family's record, shown on its timeline.
CREATE TABLE supervision_directions (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    session_id  TEXT NOT NULL REFERENCES supervision_sessions (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    decision    TEXT NOT NULL,
    action      TEXT NOT NULL,
    owner_id    TEXT REFERENCES users (id),
    due_on      TEXT NOT NULL,
    summary     TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_directions_family ON supervision_directions (family_id, recorded_at);
CREATE INDEX supervision_directions_session ON supervision_directions (session_id, recorded_at);

-- Exports of a practitioner's reflections for a legal request.
CREATE TABLE supervision_legal_exports (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    practitioner_id TEXT NOT NULL REFERENCES users (id),
    exported_by     TEXT NOT NULL REFERENCES users (id),
    reason          TEXT NOT NULL,
    sessions        INTEGER NOT NULL,
    exported_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_legal_exports_practitioner ON supervision_legal_exports (practitioner_id, exported_at);

-- How often practitioners are expected to be supervised, and how many
-- weeks without a child seen bring a family onto the agenda.
CREATE TABLE supervision_settings (
    org_id         TEXT PRIMARY KEY REFERENCES organisations (id),
    every_weeks    INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 26),
    not_seen_weeks INTEGER NOT NULL CHECK (not_seen_weeks BETWEEN 1 AND 52),
    updated_by     TEXT NOT NULL REFERENCES users (id),
    updated_at     TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE supervision_settings;
DROP TABLE supervision_legal_exports;
DROP TABLE supervision_directions;
DROP TABLE supervision_reflections;
DROP TABLE supervision_agenda_notes;
ALTER TABLE supervision_items DROP COLUMN session_id;
DROP TABLE supervision_sessions;
