-- +goose Up
-- A family record is open or closed, with the reason it closed.
ALTER TABLE families ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed'));
ALTER TABLE families ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';

-- The people in a family's record: children first on every page.
CREATE TABLE family_members (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organisations (id),
    family_id     TEXT NOT NULL REFERENCES families (id),
    kind          TEXT NOT NULL CHECK (kind IN ('child', 'carer', 'household', 'outside')),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    date_of_birth TEXT NOT NULL DEFAULT '',
    school        TEXT NOT NULL DEFAULT '',
    what_matters  TEXT NOT NULL DEFAULT '',
    relationship  TEXT NOT NULL DEFAULT '',
    languages     TEXT NOT NULL DEFAULT '',
    interpreter   BOOLEAN NOT NULL DEFAULT FALSE,
    access_needs  TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX family_members_family ON family_members (family_id, kind);

-- What we are worried about, what is working well, what needs to happen.
-- Every save is a new version; the newest is the current one.
CREATE TABLE family_summaries (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    family_id       TEXT NOT NULL REFERENCES families (id),
    worried         TEXT NOT NULL,
    working_well    TEXT NOT NULL,
    needs_to_happen TEXT NOT NULL,
    author_id       TEXT NOT NULL REFERENCES users (id),
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX family_summaries_family ON family_summaries (family_id, created_at);

-- +goose Down
DROP TABLE family_summaries;
DROP TABLE family_members;
ALTER TABLE families DROP COLUMN closed_reason;
ALTER TABLE families DROP COLUMN status;
