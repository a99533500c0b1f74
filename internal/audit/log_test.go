package audit_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/audit"
)

func TestLogCheckpointsOnCadenceAndAtClose(t *testing.T) {
	dir := t.TempDir()
	m := newMemStore()
	l, err := audit.Open(t.Context(), m, audit.Options{
		DataDir:    dir,
		Checkpoint: audit.CheckpointerOptions{Every: 50, Interval: time.Hour},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.cps) != 0 {
		t.Errorf("an empty log was checkpointed at start")
	}
	record := func(n int) {
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				e := audit.Event{OrgID: "org", ActorID: fmt.Sprint("u", i%7), Action: audit.Read, ResourceType: "family", ResourceID: "f"}
				if err := l.Record(t.Context(), e); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	record(60)
	// Every 50 records nudges a checkpoint; the hour-long interval never fires.
	deadline := time.Now().Add(10 * time.Second)
	for cps, _ := m.AuditCheckpoints(t.Context()); len(cps) == 0; cps, _ = m.AuditCheckpoints(t.Context()) {
		if time.Now().After(deadline) {
			t.Fatal("no checkpoint after 60 records with Every = 50")
		}
		time.Sleep(time.Millisecond)
	}
	record(60)
	if err := l.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	cps, _ := m.AuditCheckpoints(t.Context())
	if len(cps) < 2 || cps[0].Size < 50 || cps[len(cps)-1].Size != 120 {
		t.Fatalf("checkpoints at sizes %v; want one after 50 records and a final one at 120", sizes(cps))
	}
	file, err := audit.ReadCheckpointFile(audit.CheckpointPath(dir))
	if err != nil || len(file) != len(cps) {
		t.Fatalf("checkpoint file holds %d, database %d: %v", len(file), len(cps), err)
	}
	res, err := audit.VerifyStored(t.Context(), m, audit.FilesIn(dir))
	if err != nil || res.Records != 120 || res.Unsigned != 0 {
		t.Fatalf("VerifyStored after Close = %+v, %v", res, err)
	}

	// Reopening with records appended behind the log's back (as after a
	// crash between commit and checkpoint) signs them at once.
	appendN(t, m, 3)
	l2, err := audit.Open(t.Context(), m, audit.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if cps, _ := m.AuditCheckpoints(t.Context()); cps[len(cps)-1].Size != 123 {
		t.Errorf("no checkpoint at start over the unsigned tail")
	}
	if err := l2.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
}

func TestLogRefusesAnotherKey(t *testing.T) {
	m := newMemStore()
	l, err := audit.Open(t.Context(), m, audit.Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Record(t.Context(), audit.Event{Action: audit.SignIn}); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	// A second instance with its own, different key file, whether or not
	// there is anything new to sign.
	if _, err := audit.Open(t.Context(), m, audit.Options{DataDir: t.TempDir()}); err == nil {
		t.Fatal("an instance with a different signing key started")
	}
	appendN(t, m, 1)
	if _, err := audit.Open(t.Context(), m, audit.Options{DataDir: t.TempDir()}); err == nil {
		t.Fatal("an instance with a different signing key started over unsigned records")
	}
}

func sizes(cps []audit.Checkpoint) []int64 {
	var out []int64
	for _, c := range cps {
		out = append(out, c.Size)
	}
	return out
}
