-- +goose Up
-- Organisations own every other row: no query runs without one.
CREATE TABLE organisations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    created_at TIMESTAMPTZ NOT NULL
);

-- People who sign in. Emails are stored lower-case and are unique across
-- organisations, so that sign-in needs only an email and a password.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organisations (id),
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'practitioner', 'cofacilitator', 'parent')),
    password_hash TEXT NOT NULL,
    disabled_at   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX users_org ON users (org_id, name);

-- Server-side sessions. The token itself is never stored, only its SHA-256.
-- user_id is copied out of the session data so that all of a person's
-- sessions can be listed and ended.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    data       BYTEA NOT NULL,
    expiry     TIMESTAMPTZ NOT NULL,
    user_id    TEXT REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX sessions_expiry ON sessions (expiry);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time links that let the first administrator set up an empty install.
CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- +goose Down
DROP TABLE setup_tokens;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE organisations;
