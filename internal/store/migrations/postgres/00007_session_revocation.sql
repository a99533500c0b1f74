-- +goose Up
-- Ending a session marks its row rather than deleting it, until it expires.
-- A request that loaded the session before it was ended cannot then write it
-- back: the store never updates or recreates a revoked row.
ALTER TABLE sessions ADD COLUMN revoked BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE sessions DROP COLUMN revoked;
