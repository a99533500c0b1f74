package audit

import "context"

// Appender appends events to the log. internal/store implements it.
type Appender interface {
	// AppendAudit appends events, in order, in one durable transaction,
	// assigning their Seq (and ID and At, where empty). It returns only once
	// the events are committed.
	AppendAudit(ctx context.Context, events []Event) error
}

// CheckpointWriter signs the log's current tree and keeps the checkpoint.
// internal/store implements it.
type CheckpointWriter interface {
	// WriteAuditCheckpoint signs the current size and root with s and stores
	// the checkpoint. It reports false, writing nothing, when the log is empty
	// or has not grown since the latest checkpoint. It fails if the latest
	// checkpoint was not signed by s (s.CheckSigned), or if the tree does not
	// extend it (s.Next).
	WriteAuditCheckpoint(ctx context.Context, s *Signer) (Checkpoint, bool, error)
}

// Source is the stored log, read back for verification. internal/store
// implements it.
type Source interface {
	// AuditCheckpoints returns every checkpoint stored, by size.
	AuditCheckpoints(ctx context.Context) ([]Checkpoint, error)
	// ScanAudit calls fn for each record in Seq order, with the tree hashes
	// stored beside it. It reads only records appended before it was
	// called, so checkpoints read before it never outrun it.
	ScanAudit(ctx context.Context, fn func(Record) error) error
}

// Store is everything the running log needs from storage.
type Store interface {
	Appender
	CheckpointWriter
}
