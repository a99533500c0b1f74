package audit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
)

// Options configure a running Log.
type Options struct {
	// DataDir holds the signing key and the checkpoint file.
	DataDir string
	// Batch tunes group commit; its OnCommit is chained after the
	// checkpointer's own.
	Batch BatcherOptions
	// Checkpoint sets the checkpoint cadence.
	Checkpoint CheckpointerOptions
	// Log receives background failures; nil discards them.
	Log *slog.Logger
}

// Log is the running audit trail of one instance: a Batcher for group
// commit and a Checkpointer on its cadence, sharing the data directory's
// signing key. The web layer records every audited event through it.
type Log struct {
	batcher *Batcher
	cp      *Checkpointer
	signer  *Signer
	closed  atomic.Bool
}

// Open loads (or on first use creates) the signing key in opts.DataDir,
// writes a checkpoint at once if records were appended since the last one
// (after a crash, say; this also proves the key matches the one that signed
// the stored log), and starts the batcher and checkpointer.
func Open(ctx context.Context, st Store, opts Options) (*Log, error) {
	if opts.DataDir == "" {
		return nil, errors.New("audit: no data directory for the signing key and checkpoint file")
	}
	key, err := LoadOrCreateKey(KeyPath(opts.DataDir))
	if err != nil {
		return nil, err
	}
	signer, err := NewSigner(key)
	if err != nil {
		return nil, err
	}
	if opts.Checkpoint.Log == nil {
		opts.Checkpoint.Log = opts.Log
	}
	cp := NewCheckpointer(st, signer, CheckpointPath(opts.DataDir), opts.Checkpoint)
	if _, _, err := cp.Checkpoint(ctx); err != nil {
		_ = cp.Close(ctx)
		return nil, fmt.Errorf("audit: checkpoint at start: %w", err)
	}
	batch := opts.Batch
	if then := batch.OnCommit; then != nil {
		batch.OnCommit = func(n int) { cp.Appended(n); then(n) }
	} else {
		batch.OnCommit = cp.Appended
	}
	return &Log{batcher: NewBatcher(st, batch), cp: cp, signer: signer}, nil
}

// Record appends e with group commit and returns once it is durable. See
// Batcher.Record.
func (l *Log) Record(ctx context.Context, e Event) error { return l.batcher.Record(ctx, e) }

// RecordNow appends e in its own transaction. See Batcher.RecordNow.
func (l *Log) RecordNow(ctx context.Context, e Event) error { return l.batcher.RecordNow(ctx, e) }

// Checkpoint writes a checkpoint now if the log has grown.
func (l *Log) Checkpoint(ctx context.Context) (Checkpoint, bool, error) { return l.cp.Checkpoint(ctx) }

// Stats reports the batcher's counts.
func (l *Log) Stats() BatcherStats { return l.batcher.Stats() }

// Signer returns the log's signer, whose Public key verifies its checkpoints.
func (l *Log) Signer() *Signer { return l.signer }

// Close drains the batcher, so every queued event is committed, then writes
// a final checkpoint. Call it after the HTTP server has shut down.
//
// Closing a closed Log returns ErrClosed and does nothing.
func (l *Log) Close(ctx context.Context) error {
	if l.closed.Swap(true) {
		return ErrClosed
	}
	drained := l.batcher.Close(ctx)
	return errors.Join(drained, l.cp.Close(ctx))
}
