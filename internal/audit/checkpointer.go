package audit

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults for CheckpointerOptions: a checkpoint at most every 30 seconds
// while records arrive, and sooner after 4096 records. At most that many
// records, or that much time, can be cut from the end of the log without
// verify noticing; a smaller cadence narrows the window but writes more
// checkpoints, and verify checks every one of them.
const (
	DefaultCheckpointEvery    = 4096
	DefaultCheckpointInterval = 30 * time.Second
)

// CheckpointerOptions set the checkpoint cadence. The zero value gives the
// defaults.
type CheckpointerOptions struct {
	// Every is how many records appended by this instance prompt a checkpoint.
	Every int64
	// Interval is the longest time between checkpoints while the log grows.
	Interval time.Duration
	// Timeout bounds one checkpoint; zero means DefaultCommitTimeout.
	Timeout time.Duration
	// Log receives failures of background checkpoints; nil discards them.
	Log *slog.Logger
}

// Checkpointer writes signed checkpoints to the database and appends each to
// the checkpoint file, on a cadence: every Interval, after Every records, and
// once more at Close. A checkpoint is skipped when the log has not grown.
type Checkpointer struct {
	w      CheckpointWriter
	signer *Signer
	file   string
	opts   CheckpointerOptions

	mu      sync.Mutex // one checkpoint at a time
	pending atomic.Int64
	nudge   chan struct{}
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
}

// NewCheckpointer starts a checkpointer that signs with signer, stores
// through w and appends to the checkpoint file at file. Call Close to stop it.
func NewCheckpointer(w CheckpointWriter, signer *Signer, file string, opts CheckpointerOptions) *Checkpointer {
	if opts.Every <= 0 {
		opts.Every = DefaultCheckpointEvery
	}
	if opts.Interval <= 0 {
		opts.Interval = DefaultCheckpointInterval
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultCommitTimeout
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	c := &Checkpointer{
		w: w, signer: signer, file: file, opts: opts,
		nudge: make(chan struct{}, 1),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	go c.loop()
	return c
}

// Appended tells the checkpointer that n more records were committed; it
// checkpoints soon after Every of them. It never blocks.
func (c *Checkpointer) Appended(n int) {
	if c.pending.Add(int64(n)) >= c.opts.Every {
		select {
		case c.nudge <- struct{}{}:
		default:
		}
	}
}

// Checkpoint writes a checkpoint now, if the log has grown since the last
// one, and appends it to the checkpoint file. It reports whether it wrote one.
func (c *Checkpointer) Checkpoint(ctx context.Context) (Checkpoint, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := c.pending.Load()
	cp, ok, err := c.w.WriteAuditCheckpoint(ctx, c.signer)
	if err != nil || !ok {
		return cp, ok, err
	}
	c.pending.Add(-seen)
	if err := AppendCheckpointFile(c.file, cp); err != nil {
		return cp, true, fmt.Errorf("checkpoint at size %d is in the database but not the file: %w", cp.Size, err)
	}
	return cp, true, nil
}

// Close stops the cadence and writes a final checkpoint, so that a clean
// shutdown leaves every record signed.
func (c *Checkpointer) Close(ctx context.Context) error {
	c.once.Do(func() { close(c.stop) })
	select {
	case <-c.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	if _, _, err := c.Checkpoint(ctx); err != nil {
		return fmt.Errorf("final audit checkpoint: %w", err)
	}
	return nil
}

// loop checkpoints on the timer and when nudged, until Close.
func (c *Checkpointer) loop() {
	defer close(c.done)
	t := time.NewTicker(c.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		case <-c.nudge:
		}
		ctx, cancel := context.WithTimeout(context.Background(), c.opts.Timeout)
		if _, _, err := c.Checkpoint(ctx); err != nil {
			c.opts.Log.Error("audit checkpoint failed", "err", err)
		}
		cancel()
	}
}
