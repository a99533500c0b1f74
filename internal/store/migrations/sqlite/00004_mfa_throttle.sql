-- +goose Up
-- What "Your sessions" lists. The session store copies these out of the
-- session data, as it does user_id. Times are NULL until a user signs in.
ALTER TABLE sessions ADD COLUMN signed_in_at TIMESTAMP;
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMP;
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';

-- A confirmed authenticator app. last_step is the newest TOTP time step
-- accepted: codes from it or earlier are refused, so no code works twice,
-- whichever instance checks it.
CREATE TABLE second_factors (
    user_id     TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    totp_secret TEXT NOT NULL,
    last_step   INTEGER NOT NULL,
    enabled_at  TIMESTAMP NOT NULL
);

-- One-use recovery codes, kept only as SHA-256 hashes.
CREATE TABLE recovery_codes (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP,
    PRIMARY KEY (user_id, code_hash)
);

-- Failed sign-ins in a row for each account, and its lock. locks counts the
-- locks since the last successful sign-in, so each lasts longer.
CREATE TABLE sign_in_lockouts (
    user_id      TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failures     INTEGER NOT NULL,
    locks        INTEGER NOT NULL,
    locked_until TIMESTAMP,
    updated_at   TIMESTAMP NOT NULL
);

-- Failed sign-ins from each client address in a fixed window.
CREATE TABLE sign_in_address_failures (
    address      TEXT PRIMARY KEY,
    window_start TIMESTAMP NOT NULL,
    failures     INTEGER NOT NULL
);
CREATE INDEX sign_in_address_failures_window ON sign_in_address_failures (window_start);

-- +goose Down
DROP TABLE sign_in_address_failures;
DROP TABLE sign_in_lockouts;
DROP TABLE recovery_codes;
DROP TABLE second_factors;
ALTER TABLE sessions DROP COLUMN device;
ALTER TABLE sessions DROP COLUMN last_seen_at;
ALTER TABLE sessions DROP COLUMN signed_in_at;
