package store_test

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestBatcherRecordIsDurableOnReturn(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		b := audit.NewBatcher(db, audit.BatcherOptions{})
		const n = 100
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				actor := fmt.Sprintf("w%d", i)
				if err := b.Record(t.Context(), readEvent("org1", actor, audit.Read, "family", "f1")); err != nil {
					t.Errorf("Record: %v", err)
					return
				}
				page, err := db.ListAudit(t.Context(), "org1", store.AuditFilter{ActorID: actor}, 10, 0)
				if err != nil || page.Total != 1 {
					t.Errorf("after Record returned, %s's event is not readable: total %d, %v", actor, page.Total, err)
				}
			})
		}
		wg.Wait()
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		st := b.Stats()
		if st.Events != n || st.Failed != 0 || st.Batches >= n {
			t.Errorf("stats %+v: want %d events grouped into fewer batches", st, n)
		}
		if res, err := verifyDB(t, db, nil); err != nil || res.Records != n {
			t.Errorf("verify = %+v, %v", res, err)
		}
	})
}

// TestBatcherCloseLosesNothingAcknowledged races Close against Records:
// every Record that returned nil is in the database, and nothing else is.
func TestBatcherCloseLosesNothingAcknowledged(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		b := audit.NewBatcher(db, audit.BatcherOptions{})
		var acknowledged, refused atomic.Int64
		var wg sync.WaitGroup
		for i := range 60 {
			wg.Go(func() {
				err := b.Record(t.Context(), readEvent("org1", fmt.Sprint("w", i), audit.Read, "family", "f1"))
				switch {
				case err == nil:
					acknowledged.Add(1)
				case errors.Is(err, audit.ErrClosed):
					refused.Add(1)
				default:
					t.Errorf("Record: %v", err)
				}
			})
			if i == 30 {
				wg.Go(func() {
					if err := b.Close(t.Context()); err != nil {
						t.Errorf("Close: %v", err)
					}
				})
			}
		}
		wg.Wait()
		page, err := db.ListAudit(t.Context(), "org1", store.AuditFilter{}, 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		if int64(page.Total) != acknowledged.Load() || acknowledged.Load()+refused.Load() != 60 {
			t.Errorf("%d acknowledged, %d refused, %d stored", acknowledged.Load(), refused.Load(), page.Total)
		}
	})
}

func TestBatcherReturnsTheCommitErrorToEveryWaiter(t *testing.T) {
	storetest.ForEachEngineConfig(t, func(t *testing.T, db *store.DB, cfg store.Config) {
		broken := storetest.OpenConfig(t, cfg)
		broken.Close() // every append through it now fails
		b := audit.NewBatcher(broken, audit.BatcherOptions{})
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Go(func() {
				if err := b.Record(t.Context(), readEvent("org1", fmt.Sprint("w", i), audit.Read, "family", "f1")); err == nil {
					t.Error("Record returned nil though its batch could not commit")
				}
			})
		}
		wg.Wait()
		if err := b.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if st := b.Stats(); st.Events != 0 || st.Failed == 0 {
			t.Errorf("stats %+v", st)
		}
		if recs, err := db.AuditRecords(t.Context(), 0, 100); err != nil || len(recs) != 0 {
			t.Errorf("%d records stored, %v", len(recs), err)
		}
	})
}
