-- +goose Up
-- Which person in a family's record a parent's account is for, and who
-- invited them. A person has at most one account; the account's family is
-- users.family_id, repeated here so every query can carry it.
CREATE TABLE parent_accounts (
    user_id    TEXT PRIMARY KEY REFERENCES users (id),
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    member_id  TEXT NOT NULL UNIQUE REFERENCES family_members (id),
    invited_by TEXT REFERENCES users (id),
    invited_at TIMESTAMP NOT NULL
);
CREATE INDEX parent_accounts_family ON parent_accounts (family_id, org_id);

-- When a parent confirmed they had read the statement of who sees what they
-- write, per version of the statement. Rows are only ever added.
CREATE TABLE transparency_confirmations (
    user_id      TEXT NOT NULL REFERENCES users (id),
    org_id       TEXT NOT NULL REFERENCES organisations (id),
    version      INTEGER NOT NULL CHECK (version >= 1),
    confirmed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, version)
);

-- The organisation's own contacts for where to get help now. While an
-- organisation has none, Steadfast's defaults are shown (see internal/help).
CREATE TABLE help_contacts (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    reach       TEXT NOT NULL CHECK (length(reach) BETWEEN 1 AND 300),
    when_to_use TEXT NOT NULL CHECK (length(when_to_use) BETWEEN 1 AND 300),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX help_contacts_org ON help_contacts (org_id, position);

-- +goose Down
DROP TABLE help_contacts;
DROP TABLE transparency_confirmations;
DROP TABLE parent_accounts;
