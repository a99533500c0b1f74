-- +goose Up
-- Contact notes. The current version is in contact_notes; every version,
-- the current one included, is in contact_note_versions, so nothing written
-- is ever overwritten silently.
CREATE TABLE contact_notes (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    author_id   TEXT NOT NULL REFERENCES users (id),
    occurred_at TIMESTAMP NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('home-visit', 'office', 'phone', 'video', 'school', 'other')),
    present     TEXT NOT NULL,
    child_seen  TEXT NOT NULL CHECK (child_seen IN ('alone', 'with-others', 'no')),
    child_words TEXT NOT NULL,
    body        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX contact_notes_family ON contact_notes (family_id, occurred_at);

CREATE TABLE contact_note_versions (
    note_id     TEXT NOT NULL REFERENCES contact_notes (id),
    version     INTEGER NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    author_id   TEXT NOT NULL REFERENCES users (id),
    occurred_at TIMESTAMP NOT NULL,
    kind        TEXT NOT NULL,
    present     TEXT NOT NULL,
    child_seen  TEXT NOT NULL,
    child_words TEXT NOT NULL,
    body        TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (note_id, version)
);

-- One draft per person per note being written (note_id '' for a new note),
-- saved as they type. A draft outlives any session.
CREATE TABLE note_drafts (
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    author_id  TEXT NOT NULL REFERENCES users (id),
    note_id    TEXT NOT NULL,
    fields     TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (author_id, family_id, note_id)
);

-- +goose Down
DROP TABLE note_drafts;
DROP TABLE contact_note_versions;
DROP TABLE contact_notes;
