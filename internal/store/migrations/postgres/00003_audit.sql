-- +goose Up
-- The audit trail: an append-only log whose records are the leaves of an
-- RFC 6962 Merkle tree (see internal/audit). Text columns hold '' rather than
-- NULL for absent values, so a record reads back exactly as it was hashed.
CREATE TABLE audit_records (
    seq           BIGINT PRIMARY KEY CHECK (seq >= 0), -- position in the log, from 0
    id            TEXT NOT NULL UNIQUE,
    org_id        TEXT NOT NULL,                       -- '' when unknown (failed sign-in)
    actor_id      TEXT NOT NULL,
    actor_role    TEXT NOT NULL,
    action        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('', 'allow', 'deny')),
    reason        TEXT NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    request_id    TEXT NOT NULL,
    client_addr   TEXT NOT NULL,
    leaf_hash     BYTEA NOT NULL CHECK (octet_length(leaf_hash) = 32)
);
-- The audit viewer: everything in an organisation, per record, per person.
CREATE INDEX audit_records_org_at ON audit_records (org_id, at);
CREATE INDEX audit_records_resource ON audit_records (org_id, resource_type, resource_id, at);
CREATE INDEX audit_records_actor ON audit_records (org_id, actor_id, at);

-- The tree's hashes, stored by tlog's stored hash index, so that the root
-- at any size can be computed from at most 64 of them.
CREATE TABLE audit_hashes (
    idx  BIGINT PRIMARY KEY CHECK (idx >= 0),
    hash BYTEA NOT NULL CHECK (octet_length(hash) = 32)
);

-- Signed checkpoints: size, root and time, Ed25519-signed with the key kept
-- in the data directory. Each is also appended to the checkpoint file there.
CREATE TABLE audit_checkpoints (
    size      BIGINT PRIMARY KEY CHECK (size > 0),
    root      BYTEA NOT NULL CHECK (octet_length(root) = 32),
    at        TIMESTAMPTZ NOT NULL,
    signature BYTEA NOT NULL
);

-- Append-only: every UPDATE, DELETE and TRUNCATE is refused. The store maps
-- the message to store.ErrAppendOnly.
-- +goose StatementBegin
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_hashes_append_only BEFORE UPDATE OR DELETE ON audit_hashes
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_hashes_no_truncate BEFORE TRUNCATE ON audit_hashes
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- +goose Down
DROP TABLE audit_checkpoints;
DROP TABLE audit_hashes;
DROP TABLE audit_records;
DROP FUNCTION audit_append_only();
