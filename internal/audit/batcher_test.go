package audit

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// fakeAppender records batches and can hold or fail them.
type fakeAppender struct {
	mu      sync.Mutex
	batches [][]Event
	ids     map[string]bool
	gate    chan struct{} // when set, every append waits for it to close
	fail    func(call int) error
	delay   time.Duration
}

func newFakeAppender() *fakeAppender { return &fakeAppender{ids: map[string]bool{}} }

func (f *fakeAppender) AppendAudit(ctx context.Context, events []Event) error {
	f.mu.Lock()
	call, gate, delay := len(f.batches), f.gate, f.delay
	f.batches = append(f.batches, append([]Event(nil), events...))
	f.mu.Unlock()
	if gate != nil {
		<-gate
	}
	time.Sleep(delay)
	if f.fail != nil {
		if err := f.fail(call); err != nil {
			return err
		}
	}
	f.mu.Lock()
	for _, e := range events {
		f.ids[e.ID] = true
	}
	f.mu.Unlock()
	return nil
}

func (f *fakeAppender) has(id string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ids[id]
}

func (f *fakeAppender) calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.batches)
}

func event(id string) Event {
	return Event{ID: id, OrgID: "org", Action: Read, ResourceType: "family", ResourceID: "f"}
}

// waitFor polls cond until it holds; a test that would hang fails instead.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestRecordReturnsOnlyOnceDurable(t *testing.T) {
	app := newFakeAppender()
	app.delay = 3 * time.Millisecond // like an fsync, so that callers queue
	var committed int64
	var mu sync.Mutex
	b := NewBatcher(app, BatcherOptions{OnCommit: func(n int) { mu.Lock(); committed += int64(n); mu.Unlock() }})
	const n = 200
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			id := fmt.Sprintf("e%d", i)
			if err := b.Record(t.Context(), event(id)); err != nil {
				t.Errorf("Record: %v", err)
				return
			}
			if !app.has(id) {
				t.Errorf("Record(%s) returned before its batch committed", id)
			}
		})
	}
	wg.Wait()
	if err := b.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	st := b.Stats()
	if st.Events != n || committed != n || st.Failed != 0 {
		t.Errorf("stats %+v, OnCommit saw %d; want %d events", st, committed, n)
	}
	if st.Batches >= n {
		t.Errorf("%d batches for %d concurrent events: nothing was grouped", st.Batches, n)
	}
	for _, batch := range app.batches {
		if len(batch) > DefaultMaxBatch {
			t.Errorf("batch of %d is over the cap", len(batch))
		}
	}
}

func TestBatchCapAndNoDelay(t *testing.T) {
	app := newFakeAppender()
	app.gate = make(chan struct{})
	b := NewBatcher(app, BatcherOptions{MaxBatch: 4})
	errs := make(chan error, 10)
	go func() { errs <- b.Record(t.Context(), event("first")) }()
	waitFor(t, "the first batch to start", func() bool { return app.calls() == 1 })
	for i := range 9 {
		go func() { errs <- b.Record(t.Context(), event(fmt.Sprint(i))) }()
	}
	waitFor(t, "nine queued events", func() bool { return len(b.queue) == 9 })
	close(app.gate)
	for range 10 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, batch := range app.batches {
		sizes = append(sizes, len(batch))
	}
	if fmt.Sprint(sizes) != "[1 4 4 1]" {
		t.Errorf("batch sizes %v, want [1 4 4 1]", sizes)
	}
}

func TestCommitErrorReachesEveryWaiterOfTheBatch(t *testing.T) {
	app := newFakeAppender()
	app.gate = make(chan struct{})
	boom := errors.New("disk full")
	app.fail = func(call int) error {
		if call == 1 {
			return boom
		}
		return nil
	}
	b := NewBatcher(app, BatcherOptions{MaxDelay: 2 * time.Millisecond})
	first := make(chan error, 1)
	go func() { first <- b.Record(t.Context(), event("first")) }()
	waitFor(t, "the first batch to start", func() bool { return app.calls() == 1 })
	errs := make(chan error, 10)
	for i := range 10 {
		go func() { errs <- b.Record(t.Context(), event(fmt.Sprint(i))) }()
	}
	waitFor(t, "ten queued events", func() bool { return len(b.queue) == 10 })
	close(app.gate)
	if err := <-first; err != nil {
		t.Errorf("first batch: %v", err)
	}
	for range 10 {
		if err := <-errs; !errors.Is(err, boom) {
			t.Errorf("waiter in the failed batch got %v, want %v", err, boom)
		}
	}
	if app.calls() != 2 {
		t.Errorf("%d appends, want the ten events in one batch", app.calls())
	}
	if err := b.Record(t.Context(), event("after")); err != nil {
		t.Errorf("the batcher did not recover after a failed batch: %v", err)
	}
	if err := b.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if st := b.Stats(); st.Failed != 1 || st.Events != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestCloseDrains(t *testing.T) {
	app := newFakeAppender()
	app.gate = make(chan struct{})
	b := NewBatcher(app, BatcherOptions{MaxBatch: 3})
	errs := make(chan error, 10)
	for i := range 10 {
		go func() { errs <- b.Record(t.Context(), event(fmt.Sprint(i))) }()
	}
	waitFor(t, "events to queue behind the first batch", func() bool {
		app.mu.Lock()
		defer app.mu.Unlock()
		return len(app.batches) == 1 && len(app.batches[0])+len(b.queue) == 10
	})
	closed := make(chan error, 1)
	go func() { closed <- b.Close(t.Context()) }()
	waitFor(t, "Close to take effect", func() bool {
		b.mu.RLock()
		defer b.mu.RUnlock()
		return b.closed
	})
	if err := b.Record(t.Context(), event("late")); !errors.Is(err, ErrClosed) {
		t.Errorf("Record after Close: %v, want ErrClosed", err)
	}
	if err := b.RecordNow(t.Context(), event("late")); !errors.Is(err, ErrClosed) {
		t.Errorf("RecordNow after Close: %v, want ErrClosed", err)
	}
	close(app.gate)
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	for range 10 {
		if err := <-errs; err != nil {
			t.Errorf("queued event: %v", err)
		}
	}
	for i := range 10 {
		if !app.has(fmt.Sprint(i)) {
			t.Errorf("event %d was queued before Close but not committed", i)
		}
	}
	if app.has("late") {
		t.Error("an event recorded after Close was committed")
	}
}

func TestRecordRefusesInvalidAndHonoursContext(t *testing.T) {
	app := newFakeAppender()
	b := NewBatcher(app, BatcherOptions{})
	defer b.Close(t.Context())
	if err := b.Record(t.Context(), Event{}); !errors.Is(err, ErrInvalidEvent) {
		t.Errorf("invalid event: %v", err)
	}
	if err := b.RecordNow(t.Context(), Event{}); !errors.Is(err, ErrInvalidEvent) {
		t.Errorf("invalid event now: %v", err)
	}
	if app.calls() != 0 {
		t.Error("an invalid event reached the store")
	}
	app.gate = make(chan struct{})
	defer close(app.gate)
	go b.Record(context.Background(), event("blocker"))
	waitFor(t, "a batch to hold the store", func() bool { return app.calls() == 1 })
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	if err := b.Record(ctx, event("impatient")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Record with an expiring context: %v", err)
	}
}

func TestRecordNowCommitsAlone(t *testing.T) {
	app := newFakeAppender()
	b := NewBatcher(app, BatcherOptions{})
	for i := range 5 {
		if err := b.RecordNow(t.Context(), event(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if app.calls() != 5 || b.Stats().Batches != 5 {
		t.Errorf("%d appends, stats %+v; want one per event", app.calls(), b.Stats())
	}
}
