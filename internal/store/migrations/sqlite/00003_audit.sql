-- +goose Up
-- The audit trail: an append-only log whose records are the leaves of an
-- RFC 6962 Merkle tree (see internal/audit). Text columns hold '' rather than
-- NULL for absent values, so a record reads back exactly as it was hashed.
CREATE TABLE audit_records (
    seq           INTEGER PRIMARY KEY,           -- position in the log, from 0
    id            TEXT NOT NULL UNIQUE,
    org_id        TEXT NOT NULL,                 -- '' when unknown (failed sign-in)
    actor_id      TEXT NOT NULL,
    actor_role    TEXT NOT NULL,
    action        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('', 'allow', 'deny')),
    reason        TEXT NOT NULL,
    at            TIMESTAMP NOT NULL,
    request_id    TEXT NOT NULL,
    client_addr   TEXT NOT NULL,
    leaf_hash     BLOB NOT NULL CHECK (length(leaf_hash) = 32)
);
-- The audit viewer: everything in an organisation, per record, per person.
CREATE INDEX audit_records_org_at ON audit_records (org_id, at);
CREATE INDEX audit_records_resource ON audit_records (org_id, resource_type, resource_id, at);
CREATE INDEX audit_records_actor ON audit_records (org_id, actor_id, at);

-- The tree's hashes, stored by tlog's stored hash index, so that the root
-- at any size can be computed from at most 64 of them.
CREATE TABLE audit_hashes (
    idx  INTEGER PRIMARY KEY,
    hash BLOB NOT NULL CHECK (length(hash) = 32)
);

-- Signed checkpoints: size, root and time, Ed25519-signed with the key kept
-- in the data directory. Each is also appended to the checkpoint file there.
CREATE TABLE audit_checkpoints (
    size      INTEGER PRIMARY KEY CHECK (size > 0),
    root      BLOB NOT NULL CHECK (length(root) = 32),
    at        TIMESTAMP NOT NULL,
    signature BLOB NOT NULL
);

-- Append-only: every UPDATE and DELETE is refused. (SQLite has no TRUNCATE;
-- a DELETE without WHERE fires these triggers too.) The store maps the
-- message to store.ErrAppendOnly.
-- +goose StatementBegin
CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_hashes_no_update BEFORE UPDATE ON audit_hashes
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_hashes_no_delete BEFORE DELETE ON audit_hashes
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE audit_checkpoints;
DROP TABLE audit_hashes;
DROP TABLE audit_records;
