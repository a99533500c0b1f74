-- +goose Up
-- A parent's NVR journal: what they record at home between sessions. The
-- common facts are columns; what each kind of entry holds is a JSON object
-- in details (the fields of journal.Entry), so a new field needs no
-- migration; summary is the entry in a sentence, as the family's timeline
-- shows it. An entry is the family's record: its practitioner sees it.
CREATE TABLE journal_entries (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    author_id   TEXT NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('incident', 'self-care', 'gesture', 'presence')),
    occurred_at TIMESTAMP NOT NULL,
    details     TEXT NOT NULL,
    summary     TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX journal_entries_family ON journal_entries (family_id, org_id, occurred_at);

-- A safety alert raised by a journal entry (journal.AlertReasons), for the
-- family's practitioner to acknowledge with a note.
CREATE TABLE journal_alerts (
    entry_id        TEXT PRIMARY KEY REFERENCES journal_entries (id),
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    family_id       TEXT NOT NULL REFERENCES families (id),
    reasons         TEXT NOT NULL,
    raised_at       TIMESTAMP NOT NULL,
    acknowledged_by TEXT REFERENCES users (id),
    acknowledged_at TIMESTAMP,
    note            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_alerts_open ON journal_alerts (org_id, acknowledged_at, family_id);

-- +goose Down
DROP TABLE journal_alerts;
DROP TABLE journal_entries;
