package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// verifyDB checks the whole stored log, without files, as verify does.
func verifyDB(t *testing.T, db *store.DB, pub []byte) (audit.Result, error) {
	t.Helper()
	cps, err := db.AuditCheckpoints(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	v := audit.NewVerifier(pub)
	if err := v.AddCheckpoints("the database", cps); err != nil {
		return audit.Result{}, err
	}
	if err := db.ScanAudit(t.Context(), v.Add); err != nil {
		return audit.Result{}, err
	}
	return v.Finish()
}

func readEvent(org, actor string, action audit.Action, resType, resID string) audit.Event {
	return audit.Event{OrgID: org, ActorID: actor, ActorRole: "practitioner", Action: action,
		ResourceType: resType, ResourceID: resID, Decision: audit.Allow, RequestID: "req", ClientAddr: "192.0.2.1"}
}

func TestAppendAuditRoundTrip(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		at := time.Date(2026, 11, 23, 10, 0, 0, 123456789, time.FixedZone("BST", 3600))
		events := []audit.Event{
			{Action: audit.SignInFailed, ClientAddr: "198.51.100.4", RequestID: "r1", Reason: "unknown email"},
			{OrgID: "org1", ActorID: "u1", ActorRole: "practitioner", Action: audit.BreakGlass, ResourceType: "family",
				ResourceID: "f1", Decision: audit.Allow, Reason: "Child at risk tonight; duty worker unreachable. «quoted» ✓", At: at},
			readEvent("org1", "u1", audit.Read, "family", "f1"),
		}
		if err := db.AppendAudit(ctx, events); err != nil {
			t.Fatal(err)
		}
		for i, e := range events {
			if e.Seq != int64(i) || e.ID == "" || e.At.IsZero() || e.At.Location() != time.UTC {
				t.Errorf("event %d after append: %+v", i, e)
			}
		}
		if !events[1].At.Equal(at.Truncate(time.Microsecond)) {
			t.Errorf("a given time was not kept: %v", events[1].At)
		}
		recs, err := db.AuditRecords(ctx, 0, 10)
		if err != nil || len(recs) != 3 {
			t.Fatalf("AuditRecords = %d, %v", len(recs), err)
		}
		for i, r := range recs {
			if r.Event != events[i] {
				t.Errorf("record %d reads back as\n%+v\nwant\n%+v", i, r.Event, events[i])
			}
			if r.LeafHash != audit.LeafHash(events[i]) {
				t.Errorf("record %d: stored leaf hash differs", i)
			}
			if first, end := audit.StoredHashRange(r.Seq); int64(len(r.Stored)) != end-first || r.Stored[0] != r.LeafHash {
				t.Errorf("record %d: stored hashes %d", i, len(r.Stored))
			}
		}
		more := make([]audit.Event, 5)
		for i := range more {
			more[i] = readEvent("org1", "u2", audit.Read, "family", "f2")
		}
		if err := db.AppendAudit(ctx, more); err != nil {
			t.Fatal(err)
		}
		if more[0].Seq != 3 || more[4].Seq != 7 {
			t.Errorf("second batch seqs %d..%d, want 3..7", more[0].Seq, more[4].Seq)
		}
		if recs, _ := db.AuditRecords(ctx, 6, 10); len(recs) != 2 || recs[0].Seq != 6 {
			t.Errorf("AuditRecords from 6: %d records", len(recs))
		}
		if res, err := verifyDB(t, db, nil); err != nil || res.Records != 8 {
			t.Errorf("verify = %+v, %v", res, err)
		}

		bad := []audit.Event{readEvent("org1", "u1", audit.Read, "family", "f1"), {Reason: "no action"}}
		if err := db.AppendAudit(ctx, bad); !errors.Is(err, audit.ErrInvalidEvent) {
			t.Errorf("invalid event: %v", err)
		}
		if recs, _ := db.AuditRecords(ctx, 0, 100); len(recs) != 8 {
			t.Errorf("a batch with an invalid event wrote %d records", len(recs)-8)
		}
	})
}

func TestAuditCheckpoints(t *testing.T) {
	storetest.ForEachEngineConfig(t, func(t *testing.T, db *store.DB, cfg store.Config) {
		ctx := t.Context()
		s := newTestSigner(t)
		if _, wrote, err := db.WriteAuditCheckpoint(ctx, s); err != nil || wrote {
			t.Errorf("checkpoint of an empty log: wrote %v, %v", wrote, err)
		}
		appendReads(t, db, 5)
		cp, wrote, err := db.WriteAuditCheckpoint(ctx, s)
		if err != nil || !wrote || cp.Size != 5 || cp.VerifySignature(s.Public()) != nil {
			t.Fatalf("checkpoint = %+v, %v, %v", cp, wrote, err)
		}
		if _, wrote, _ := db.WriteAuditCheckpoint(ctx, s); wrote {
			t.Error("checkpointed a log that had not grown")
		}
		appendReads(t, db, 3)
		if _, _, err := db.WriteAuditCheckpoint(ctx, newTestSigner(t)); err == nil {
			t.Error("an instance with another key checkpointed over this key's log")
		}
		if _, _, err := db.WriteAuditCheckpoint(ctx, s); err != nil {
			t.Fatal(err)
		}
		cps, err := db.AuditCheckpoints(ctx)
		if err != nil || len(cps) != 2 || cps[0].Size != 5 || cps[1].Size != 8 || cps[0].Root != cp.Root || !cps[0].At.Equal(cp.At) {
			t.Fatalf("AuditCheckpoints = %+v, %v", cps, err)
		}
		if res, err := verifyDB(t, db, s.Public()); err != nil || res.Latest.Size != 8 {
			t.Errorf("verify = %+v, %v", res, err)
		}

		// Someone with the table owner's rights rewrites the stored hash of the
		// first four records: the next checkpoint is refused, not signed.
		raw := storetest.Raw(t, cfg)
		storetest.DropAuditTriggers(t, raw, db.Engine())
		if _, err := raw.ExecContext(ctx, `UPDATE audit_hashes SET hash = $1 WHERE idx = $2`,
			make([]byte, 32), audit.EdgeIndexes(8)[0]); err != nil {
			t.Fatal(err)
		}
		appendReads(t, db, 1)
		if _, _, err := db.WriteAuditCheckpoint(ctx, s); !errors.Is(err, audit.ErrInconsistent) {
			t.Errorf("checkpoint over a rewritten tree: %v, want ErrInconsistent", err)
		}
	})
}

func TestAuditTablesAreAppendOnly(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		appendReads(t, db, 3)
		s := newTestSigner(t)
		if _, _, err := db.WriteAuditCheckpoint(ctx, s); err != nil {
			t.Fatal(err)
		}
		statements := []string{
			`UPDATE audit_records SET actor_id = 'intruder' WHERE seq = 1`,
			`DELETE FROM audit_records WHERE seq = 2`,
			`DELETE FROM audit_records`,
			`UPDATE audit_hashes SET hash = hash WHERE idx = 0`,
			`DELETE FROM audit_hashes WHERE idx = 0`,
			`UPDATE audit_checkpoints SET size = 2`,
			`DELETE FROM audit_checkpoints`,
		}
		if db.Engine() == store.Postgres {
			statements = append(statements, `TRUNCATE audit_records`, `TRUNCATE audit_hashes`, `TRUNCATE audit_checkpoints`)
		}
		for _, stmt := range statements {
			if err := db.ExecWrite(ctx, stmt); !errors.Is(err, store.ErrAppendOnly) {
				t.Errorf("%s: err = %v, want ErrAppendOnly", stmt, err)
			}
		}
		recs, err := db.AuditRecords(ctx, 0, 10)
		if err != nil || len(recs) != 3 || recs[1].ActorID != "u1" {
			t.Errorf("records changed despite the triggers: %+v, %v", recs, err)
		}
		if res, err := verifyDB(t, db, s.Public()); err != nil || res.Records != 3 || res.Checkpoints != 1 {
			t.Errorf("verify after refused changes = %+v, %v", res, err)
		}
	})
}

func TestAuditSeqIsContinuousUnderConcurrentInstances(t *testing.T) {
	storetest.ForEachEngineConfig(t, func(t *testing.T, db *store.DB, cfg store.Config) {
		ctx := t.Context()
		instances := []*store.DB{db, storetest.OpenConfig(t, cfg)}
		s := newTestSigner(t)
		const writers, batches = 6, 15
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				inst := instances[w%len(instances)]
				for b := range batches {
					events := make([]audit.Event, 1+b%3)
					for i := range events {
						events[i] = readEvent("org1", fmt.Sprintf("w%d", w), audit.Read, "family", fmt.Sprintf("f%d", b))
					}
					if err := inst.AppendAudit(ctx, events); err != nil {
						t.Errorf("writer %d: %v", w, err)
						return
					}
					for i := 1; i < len(events); i++ {
						if events[i].Seq != events[i-1].Seq+1 {
							t.Errorf("a batch was not given consecutive seqs: %d then %d", events[i-1].Seq, events[i].Seq)
						}
					}
				}
			})
		}
		// Both instances checkpoint while the writers append.
		for _, inst := range instances {
			wg.Go(func() {
				for range 5 {
					if _, _, err := inst.WriteAuditCheckpoint(ctx, s); err != nil {
						t.Errorf("checkpoint: %v", err)
					}
					time.Sleep(2 * time.Millisecond)
				}
			})
		}
		wg.Wait()
		if _, _, err := db.WriteAuditCheckpoint(ctx, s); err != nil {
			t.Fatal(err)
		}
		want := int64(0)
		for b := range batches {
			want += int64(writers * (1 + b%3))
		}
		var seqs []int64
		if err := db.ScanAudit(ctx, func(r audit.Record) error { seqs = append(seqs, r.Seq); return nil }); err != nil {
			t.Fatal(err)
		}
		for i, s := range seqs {
			if s != int64(i) {
				t.Fatalf("record at position %d has seq %d", i, s)
			}
		}
		if int64(len(seqs)) != want {
			t.Errorf("%d records, want %d", len(seqs), want)
		}
		res, err := verifyDB(t, db, s.Public())
		if err != nil || res.Records != want || res.Unsigned != 0 {
			t.Errorf("verify after concurrent appends = %+v, %v", res, err)
		}
	})
}

func TestListAudit(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		base := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
		var events []audit.Event
		for i := range 12 {
			e := readEvent("orgA", fmt.Sprintf("u%d", i%3), audit.Read, "family", fmt.Sprintf("f%d", i%2))
			if i%4 == 3 {
				e.Action, e.Decision = audit.Update, audit.Deny
			}
			e.At = base.Add(time.Duration(i) * time.Hour)
			events = append(events, e)
		}
		other := readEvent("orgB", "u0", audit.Read, "family", "f0")
		other.At = base.Add(30 * time.Minute)
		events = append(events, other)
		if err := db.AppendAudit(ctx, events); err != nil {
			t.Fatal(err)
		}

		page, err := db.ListAudit(ctx, "orgA", store.AuditFilter{}, 5, 0)
		if err != nil || page.Total != 12 || len(page.Events) != 5 {
			t.Fatalf("unfiltered: total %d, %d events, %v", page.Total, len(page.Events), err)
		}
		if !page.Events[0].At.Equal(base.Add(11*time.Hour)) || !page.Events[4].At.Equal(base.Add(7*time.Hour)) {
			t.Errorf("not newest first: %v … %v", page.Events[0].At, page.Events[4].At)
		}
		last, _ := db.ListAudit(ctx, "orgA", store.AuditFilter{}, 5, 10)
		if len(last.Events) != 2 || !last.Events[1].At.Equal(base) {
			t.Errorf("last page: %+v", last.Events)
		}

		cases := []struct {
			name string
			f    store.AuditFilter
			want []int // indexes into events, newest first
		}{
			{"actor", store.AuditFilter{ActorID: "u1"}, []int{10, 7, 4, 1}},
			{"family", store.AuditFilter{ResourceType: "family", ResourceID: "f1"}, []int{11, 9, 7, 5, 3, 1}},
			{"action", store.AuditFilter{Action: audit.Update}, []int{11, 7, 3}},
			{"time window", store.AuditFilter{From: base.Add(2 * time.Hour), To: base.Add(5 * time.Hour)}, []int{4, 3, 2}},
			{"family and actor", store.AuditFilter{ResourceType: "family", ResourceID: "f0", ActorID: "u0"}, []int{6, 0}},
			{"nothing", store.AuditFilter{ActorID: "nobody"}, nil},
		}
		for _, c := range cases {
			page, err := db.ListAudit(ctx, "orgA", c.f, 50, 0)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var got []int64
			for _, e := range page.Events {
				got = append(got, e.Seq)
			}
			var want []int64
			for _, i := range c.want {
				want = append(want, events[i].Seq)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) || page.Total != len(c.want) {
				t.Errorf("%s: seqs %v (total %d), want %v", c.name, got, page.Total, want)
			}
		}
		if page, _ := db.ListAudit(ctx, "orgB", store.AuditFilter{}, 50, 0); page.Total != 1 || page.Events[0] != events[12] {
			t.Errorf("organisation B sees %+v", page)
		}
		if _, err := db.ListAudit(ctx, "", store.AuditFilter{}, 50, 0); err == nil {
			t.Error("ListAudit ran without an organisation")
		}
	})
}

// appendReads appends n read events in one batch.
func appendReads(t *testing.T, db *store.DB, n int) {
	t.Helper()
	events := make([]audit.Event, n)
	for i := range events {
		events[i] = readEvent("org1", "u1", audit.Read, "family", "f1")
	}
	if err := db.AppendAudit(context.Background(), events); err != nil {
		t.Fatal(err)
	}
}
