-- +goose Up
-- Things a practitioner has sent to supervision ("take this to
-- supervision"): an engagement record, a conversation plan or its debrief.
-- The supervision issue builds the sessions that read them as agenda items;
-- discussed_at is set when a session takes one up.
CREATE TABLE supervision_items (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    practitioner_id TEXT NOT NULL REFERENCES users (id),
    family_id       TEXT NOT NULL REFERENCES families (id),
    kind            TEXT NOT NULL CHECK (kind IN ('engagement', 'conversation-plan', 'conversation-debrief')),
    item_id         TEXT NOT NULL,
    note            TEXT NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL,
    discussed_at    TIMESTAMPTZ
);
CREATE INDEX supervision_items_practitioner ON supervision_items (practitioner_id, discussed_at, sent_at);
-- Sending the same thing again before it is discussed changes nothing.
CREATE UNIQUE INDEX supervision_items_waiting ON supervision_items (kind, item_id, practitioner_id) WHERE discussed_at IS NULL;

-- +goose Down
DROP TABLE supervision_items;
