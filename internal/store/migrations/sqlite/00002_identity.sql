-- +goose Up
-- Teams group staff within an organisation.
CREATE TABLE teams (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, name)
);

-- Families: the household a parent belongs to and practitioners are
-- allocated to. The families issue adds the rest of the record.
CREATE TABLE families (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX families_org ON families (org_id, name);

ALTER TABLE users ADD COLUMN team_id TEXT REFERENCES teams (id);
-- A parent is a member of exactly one family; staff have none.
ALTER TABLE users ADD COLUMN family_id TEXT REFERENCES families (id);
CREATE INDEX users_family ON users (family_id);

-- A supervisor supervises practitioners.
CREATE TABLE supervision_links (
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    supervisor_id   TEXT NOT NULL REFERENCES users (id),
    practitioner_id TEXT NOT NULL REFERENCES users (id),
    created_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (supervisor_id, practitioner_id)
);
CREATE INDEX supervision_links_practitioner ON supervision_links (practitioner_id);

-- A practitioner is allocated to a family, with history: ended_at is set
-- when the allocation ends, and the row is kept.
CREATE TABLE allocations (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    family_id       TEXT NOT NULL REFERENCES families (id),
    practitioner_id TEXT NOT NULL REFERENCES users (id),
    started_at      TIMESTAMP NOT NULL,
    ended_at        TIMESTAMP
);
CREATE INDEX allocations_practitioner ON allocations (practitioner_id, ended_at);
CREATE INDEX allocations_family ON allocations (family_id, ended_at);

-- One-time links to set a password: invitations and resets. Only the hash
-- of the token is kept.
CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    user_id    TEXT NOT NULL REFERENCES users (id),
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX password_links_user ON password_links (user_id);

-- Staff who opened a family outside their own work, with the reason they
-- gave. Shown on the family's page to its allocated practitioners and their
-- supervisors. The grant itself lives in the opener's session and ends with it.
CREATE TABLE break_glass (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    user_id    TEXT NOT NULL REFERENCES users (id),
    reason     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX break_glass_family ON break_glass (family_id, created_at);

-- +goose Down
DROP TABLE break_glass;
DROP TABLE password_links;
DROP TABLE allocations;
DROP TABLE supervision_links;
DROP INDEX users_family;
ALTER TABLE users DROP COLUMN family_id;
ALTER TABLE users DROP COLUMN team_id;
DROP TABLE families;
DROP TABLE teams;
