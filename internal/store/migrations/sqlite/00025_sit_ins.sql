-- +goose Up
-- A family's NVR sit-ins: each answers one hard moment of the family's
-- journal, is planned (when, who with, what the parent will say) and then
-- done (when, how long, what was said, the child's proposal). A done
-- sit-in is kept as it is. summary is what the family's timeline shows.
CREATE TABLE sit_ins (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    entry_id    TEXT NOT NULL REFERENCES journal_entries (id),
    status      TEXT NOT NULL CHECK (status IN ('planned', 'done')),
    planned_for TIMESTAMP,
    with_whom   TEXT NOT NULL DEFAULT '',
    will_say    TEXT NOT NULL DEFAULT '',
    done_at     TIMESTAMP,
    minutes     INTEGER NOT NULL DEFAULT 0,
    said        TEXT NOT NULL DEFAULT '',
    proposal    TEXT NOT NULL DEFAULT '',
    summary     TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX sit_ins_family ON sit_ins (family_id, org_id, created_at);
CREATE INDEX sit_ins_done ON sit_ins (family_id, org_id, done_at);

-- +goose Down
DROP TABLE sit_ins;
