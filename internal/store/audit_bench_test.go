package store_test

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// benchRequests is how many requests record audit events at once.
const benchRequests = 64

// BenchmarkAuditRecord measures durable audit records per second, as 64
// concurrent requests each record one event and wait until it is committed:
// through the group-commit batcher (as configured by default, and waiting
// 2 ms to gather each batch) and with one transaction per record. SQLite runs on a file
// in TMPDIR with synchronous=FULL, the production settings; PostgreSQL runs
// too when STEADFAST_TEST_POSTGRES is set. Run it with `make bench-audit`.
func BenchmarkAuditRecord(b *testing.B) {
	modes := []struct {
		name string
		opts audit.BatcherOptions
		now  bool
	}{
		{"group-commit", audit.BatcherOptions{}, false},
		{"group-commit-wait-2ms", audit.BatcherOptions{MaxDelay: 2 * time.Millisecond}, false},
		{"commit-per-record", audit.BatcherOptions{}, true},
	}
	for _, engine := range storetest.Engines() {
		for _, mode := range modes {
			b.Run(fmt.Sprintf("%s/%s", engine, mode.name), func(b *testing.B) {
				db := storetest.Open(b, engine)
				bt := audit.NewBatcher(db, mode.opts)
				defer bt.Close(b.Context())
				record := bt.Record
				if mode.now {
					record = bt.RecordNow
				}
				var n atomic.Int64
				b.SetParallelism((benchRequests + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						i := n.Add(1)
						e := readEvent("org1", fmt.Sprintf("u%d", i%50), audit.Read, "family", fmt.Sprintf("f%d", i%500))
						if err := record(b.Context(), e); err != nil {
							b.Error(err)
							return
						}
					}
				})
				b.StopTimer()
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
				if st := bt.Stats(); st.Batches > 0 {
					b.ReportMetric(float64(st.Events)/float64(st.Batches), "records/commit")
				}
				b.ReportMetric(0, "ns/op") // per-op time is misleading for parallel runs; records/s is the figure
			})
		}
	}
}
