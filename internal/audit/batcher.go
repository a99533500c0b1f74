package audit

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults for BatcherOptions.
const (
	DefaultMaxBatch      = 256
	DefaultCommitTimeout = 10 * time.Second
)

// ErrClosed is returned by a Batcher or Log after Close.
var ErrClosed = errors.New("audit: log is closed")

// BatcherOptions tune group commit. The zero value gives the defaults.
type BatcherOptions struct {
	// MaxDelay is how long the first event of a batch waits for others
	// before the batch is committed. Zero (the default) means no waiting:
	// each batch takes whatever queued while the previous one committed,
	// which under load groups as well as waiting does (see
	// docs/performance.md) without adding latency when the system is quiet.
	MaxDelay time.Duration
	// MaxBatch caps the events in one transaction; zero means DefaultMaxBatch.
	MaxBatch int
	// CommitTimeout bounds one batch's transaction; zero means
	// DefaultCommitTimeout. A batch does not use any caller's context, so
	// one cancelled request cannot fail the others in its batch.
	CommitTimeout time.Duration
	// OnCommit, if set, is called with the number of events after each
	// successful commit. It must be safe for concurrent use and quick.
	OnCommit func(n int)
}

// BatcherStats counts what a batcher has committed.
type BatcherStats struct {
	Batches int64 // transactions committed
	Events  int64 // events in them
	Failed  int64 // transactions that failed
}

// request is one event waiting for its batch.
type request struct {
	ev   Event
	done chan error
}

// Batcher records events with group commit: many callers' events share one
// transaction, and so one fsync, while every caller still waits until its
// own event is durable. Record blocks until the batch holding the event has
// committed and returns that commit's error, so nothing acknowledged is lost.
//
// One goroutine takes the first queued event and everything queued behind
// it (waiting up to MaxDelay for more, if set), up to MaxBatch events, and
// commits them together; events that arrive during a commit form the next
// batch.
type Batcher struct {
	app  Appender
	opts BatcherOptions

	mu     sync.RWMutex // guards closed against sends on queue
	closed bool
	queue  chan *request
	done   chan struct{}

	batches, events, failed atomic.Int64
}

// NewBatcher starts a batcher that appends through app. Call Close to drain
// it and stop its goroutine.
func NewBatcher(app Appender, opts BatcherOptions) *Batcher {
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = DefaultMaxBatch
	}
	if opts.CommitTimeout <= 0 {
		opts.CommitTimeout = DefaultCommitTimeout
	}
	b := &Batcher{
		app:   app,
		opts:  opts,
		queue: make(chan *request, 4*opts.MaxBatch),
		done:  make(chan struct{}),
	}
	go b.loop()
	return b
}

// Record queues e and waits until it is committed. It returns nil once the
// event is durable, the commit's error if its batch failed, an
// ErrInvalidEvent error without queueing if e is invalid, and ctx's error if
// ctx ends first (the event may still be committed).
func (b *Batcher) Record(ctx context.Context, e Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	req := &request{ev: e, done: make(chan error, 1)}
	b.mu.RLock()
	if b.closed {
		b.mu.RUnlock()
		return ErrClosed
	}
	select {
	case b.queue <- req:
		b.mu.RUnlock()
	case <-ctx.Done():
		b.mu.RUnlock()
		return ctx.Err()
	}
	select {
	case err := <-req.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// RecordNow appends e in a transaction of its own, bypassing group commit.
// It exists to measure what group commit saves, and for callers that run
// outside the request path.
func (b *Batcher) RecordNow(ctx context.Context, e Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	b.mu.RLock()
	closed := b.closed
	b.mu.RUnlock()
	if closed {
		return ErrClosed
	}
	if err := b.app.AppendAudit(ctx, []Event{e}); err != nil {
		b.failed.Add(1)
		return err
	}
	b.committed(1)
	return nil
}

// Close stops taking events, commits every event already queued, and waits
// for that to finish or for ctx to end.
func (b *Batcher) Close(ctx context.Context) error {
	b.mu.Lock()
	if !b.closed {
		b.closed = true
		close(b.queue)
	}
	b.mu.Unlock()
	select {
	case <-b.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stats returns counts of what has been committed so far.
func (b *Batcher) Stats() BatcherStats {
	return BatcherStats{Batches: b.batches.Load(), Events: b.events.Load(), Failed: b.failed.Load()}
}

// loop collects and commits batches until the queue is closed and drained.
func (b *Batcher) loop() {
	defer close(b.done)
	batch := make([]*request, 0, b.opts.MaxBatch)
	for {
		first, ok := <-b.queue
		if !ok {
			return
		}
		batch = b.collect(append(batch[:0], first))
		b.commit(batch)
		clear(batch) // let the requests be collected
	}
}

// collect adds queued requests to batch until it is full, or MaxDelay has
// passed since the first, or (with no delay) the queue is momentarily empty.
func (b *Batcher) collect(batch []*request) []*request {
	var timeout <-chan time.Time
	if b.opts.MaxDelay > 0 {
		t := time.NewTimer(b.opts.MaxDelay)
		defer t.Stop()
		timeout = t.C
	}
	for len(batch) < b.opts.MaxBatch {
		if timeout == nil {
			select {
			case r, ok := <-b.queue:
				if !ok {
					return batch
				}
				batch = append(batch, r)
			default:
				return batch
			}
			continue
		}
		select {
		case r, ok := <-b.queue:
			if !ok {
				return batch
			}
			batch = append(batch, r)
		case <-timeout:
			return batch
		}
	}
	return batch
}

// commit appends one batch and tells every waiter the outcome.
func (b *Batcher) commit(batch []*request) {
	events := make([]Event, len(batch))
	for i, r := range batch {
		events[i] = r.ev
	}
	ctx, cancel := context.WithTimeout(context.Background(), b.opts.CommitTimeout)
	err := b.app.AppendAudit(ctx, events)
	cancel()
	if err != nil {
		b.failed.Add(1)
	} else {
		b.committed(len(events))
	}
	for _, r := range batch {
		r.done <- err
	}
}

// committed counts a successful commit of n events.
func (b *Batcher) committed(n int) {
	b.batches.Add(1)
	b.events.Add(int64(n))
	if b.opts.OnCommit != nil {
		b.opts.OnCommit(n)
	}
}
