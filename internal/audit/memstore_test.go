package audit_test

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/steadfast-care/steadfast/internal/audit"
)

// memStore is an in-memory audit store for the pure tests: it appends,
// checkpoints and reads back the way internal/store does, without SQL.
type memStore struct {
	mu      sync.Mutex
	recs    []audit.Record
	hashes  map[int64]tlog.Hash
	tree    *audit.Tree
	cps     []audit.Checkpoint
	fail    error // returned by the next AppendAudit calls while set
	appends int   // AppendAudit calls
	now     time.Time
}

func newMemStore() *memStore {
	return &memStore{hashes: map[int64]tlog.Hash{}, tree: audit.NewTree(),
		now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
}

func (m *memStore) AppendAudit(ctx context.Context, events []audit.Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.appends++
	if m.fail != nil {
		return m.fail
	}
	for i := range events {
		e := events[i].Normalise()
		e.Seq = m.tree.Size()
		if e.ID == "" {
			e.ID = fmt.Sprintf("ev%d", e.Seq)
		}
		if e.At.IsZero() {
			m.now = m.now.Add(time.Millisecond)
			e.At = m.now
		}
		leaf := audit.LeafHash(e)
		stored, err := m.tree.Append(leaf)
		if err != nil {
			return err
		}
		first, _ := audit.StoredHashRange(e.Seq)
		for j, h := range stored {
			m.hashes[first+int64(j)] = h
		}
		m.recs = append(m.recs, audit.Record{Event: e, LeafHash: leaf, Stored: stored})
		events[i] = e
	}
	return nil
}

func (m *memStore) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		h, ok := m.hashes[x]
		if !ok {
			return nil, fmt.Errorf("no stored hash %d", x)
		}
		out[i] = h
	}
	return out, nil
}

func (m *memStore) WriteAuditCheckpoint(ctx context.Context, s *audit.Signer) (audit.Checkpoint, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	size := m.tree.Size()
	var prev audit.Checkpoint
	if n := len(m.cps); n > 0 {
		prev = m.cps[n-1]
	}
	if err := s.CheckSigned(prev); err != nil {
		return audit.Checkpoint{}, false, err
	}
	if size == 0 || size == prev.Size {
		return audit.Checkpoint{}, false, nil
	}
	root, err := tlog.TreeHash(size, m)
	if err != nil {
		return audit.Checkpoint{}, false, err
	}
	m.now = m.now.Add(time.Millisecond)
	cp, err := s.Next(prev, size, root, m.now, m)
	if err != nil {
		return audit.Checkpoint{}, false, err
	}
	m.cps = append(m.cps, cp)
	return cp, true, nil
}

func (m *memStore) AuditCheckpoints(ctx context.Context) ([]audit.Checkpoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]audit.Checkpoint(nil), m.cps...), nil
}

func (m *memStore) ScanAudit(ctx context.Context, fn func(audit.Record) error) error {
	m.mu.Lock()
	recs := append([]audit.Record(nil), m.recs...)
	m.mu.Unlock()
	for _, r := range recs {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (m *memStore) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.recs)
}

var (
	_ audit.Store  = (*memStore)(nil)
	_ audit.Source = (*memStore)(nil)
)
