package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// auditFixture is a database with a signed audit log, as a server leaves it.
type auditFixture struct {
	db      *store.DB
	engine  store.Engine
	raw     *sql.DB
	dataDir string
	args    []string // the flags that point `steadfast audit verify` at it
	events  []audit.Event
}

// newAuditFixture records n events through the running audit log (group
// commit, checkpointer) and closes it cleanly, so a final checkpoint at n is
// in the database and the checkpoint file.
func newAuditFixture(t *testing.T, engine store.Engine, n int) *auditFixture {
	t.Helper()
	cfg := storetest.Config(t, engine)
	f := &auditFixture{db: storetest.OpenConfig(t, cfg), engine: engine, raw: storetest.Raw(t, cfg), dataDir: cfg.DataDir}
	if engine == store.Postgres {
		f.dataDir = t.TempDir()
		f.args = []string{"--db", cfg.DSN}
	}
	f.args = append(f.args, "--data", f.dataDir)
	log, err := audit.Open(t.Context(), f.db, audit.Options{DataDir: f.dataDir})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			e := audit.Event{OrgID: "org1", ActorID: fmt.Sprintf("user%d", i%4), ActorRole: "practitioner",
				Action: audit.Read, ResourceType: "family", ResourceID: fmt.Sprintf("fam%d", i%5), Decision: audit.Allow,
				RequestID: fmt.Sprintf("req%d", i), ClientAddr: "192.0.2.10"}
			if err := log.Record(t.Context(), e); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := log.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	recs, err := f.db.AuditRecords(t.Context(), 0, n)
	if err != nil || len(recs) != n {
		t.Fatalf("fixture holds %d records, %v", len(recs), err)
	}
	for _, r := range recs {
		f.events = append(f.events, r.Event)
	}
	return f
}

// verify runs `steadfast audit verify` and returns its exit code and output.
func (f *auditFixture) verify(t *testing.T, extra ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append(append([]string{"audit", "verify"}, f.args...), extra...)
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// tamper drops the append-only triggers, as the tables' owner could, and
// runs statements directly against the database.
func (f *auditFixture) tamper(t *testing.T, statements ...string) {
	t.Helper()
	storetest.DropAuditTriggers(t, f.raw, f.engine)
	for _, s := range statements {
		if _, err := f.raw.ExecContext(t.Context(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func forEachEngine(t *testing.T, fn func(t *testing.T, engine store.Engine)) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) { fn(t, engine) })
	}
}

func TestAuditVerifyUntouchedLog(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine store.Engine) {
		f := newAuditFixture(t, engine, 40)
		code, out, errOut := f.verify(t)
		if code != 0 {
			t.Fatalf("exit %d: %s%s", code, out, errOut)
		}
		want := "Audit log verified: 40 records, 1 checkpoint in the database and 1 in " + audit.CheckpointPath(f.dataDir)
		if !strings.Contains(out, want) || !strings.Contains(out, "Latest checkpoint at size 40") {
			t.Errorf("output %q, want %q", out, want)
		}
	})
}

func TestAuditVerifyNamesTheChangedRecord(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine store.Engine) {
		f := newAuditFixture(t, engine, 40)
		f.tamper(t, `UPDATE audit_records SET actor_id = 'someone-else' WHERE seq = 17`)
		code, out, errOut := f.verify(t)
		want := fmt.Sprintf("record 17 (id %s)", f.events[17].ID)
		if code != 1 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "was changed") {
			t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 naming %s", code, out, errOut, want)
		}
	})
}

func TestAuditVerifyCatchesSwappedRecords(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine store.Engine) {
		f := newAuditFixture(t, engine, 20)
		// Move record 5's contents to position 6 and back: every column but seq.
		f.tamper(t,
			`UPDATE audit_records SET seq = 1000 WHERE seq = 5`,
			`UPDATE audit_records SET seq = 5 WHERE seq = 6`,
			`UPDATE audit_records SET seq = 6 WHERE seq = 1000`)
		code, _, errOut := f.verify(t)
		want := fmt.Sprintf("record 5 (id %s)", f.events[6].ID)
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, stderr %q; want exit 1 naming %s", code, errOut, want)
		}
	})
}

func TestAuditVerifyCatchesDeletedNewestRecords(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine store.Engine) {
		f := newAuditFixture(t, engine, 40)
		f.tamper(t, `DELETE FROM audit_records WHERE seq >= 33`)
		code, _, errOut := f.verify(t)
		if code != 1 || !strings.Contains(errOut, "log shorter than checkpoint size") ||
			!strings.Contains(errOut, "checkpoint at size 40") || !strings.Contains(errOut, "records missing after 32") {
			t.Errorf("exit %d, stderr %q; want a failure against the checkpoint at 40", code, errOut)
		}
	})
}

func TestAuditVerifyUsesTheCheckpointFile(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine store.Engine) {
		f := newAuditFixture(t, engine, 30)
		// Remove the newest records, their hashes and every checkpoint from the
		// database: only the file still knows the log reached 30.
		f.tamper(t, `DELETE FROM audit_records WHERE seq >= 20`, `DELETE FROM audit_checkpoints`)
		code, _, errOut := f.verify(t)
		if code != 1 || !strings.Contains(errOut, "records missing after 19") || !strings.Contains(errOut, audit.CheckpointFileName) {
			t.Errorf("exit %d, stderr %q; want the checkpoint file to catch the deletion", code, errOut)
		}
		// A copy of the file kept elsewhere can be named instead.
		elsewhere := t.TempDir() + "/offsite.log"
		data, err := os.ReadFile(audit.CheckpointPath(f.dataDir))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(elsewhere, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(audit.CheckpointPath(f.dataDir)); err != nil {
			t.Fatal(err)
		}
		code, _, errOut = f.verify(t, "--checkpoints", elsewhere)
		if code != 1 || !strings.Contains(errOut, "offsite.log") {
			t.Errorf("with --checkpoints: exit %d, stderr %q", code, errOut)
		}
	})
}

func TestAuditVerifyRejectsAnotherKey(t *testing.T) {
	f := newAuditFixture(t, store.SQLite, 5)
	if err := os.Remove(audit.KeyPath(f.dataDir)); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.LoadOrCreateKey(audit.KeyPath(f.dataDir)); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := f.verify(t)
	if code != 1 || !strings.Contains(errOut, "does not verify with the audit key") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestAuditCommandUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(t.Context(), []string{"audit"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "verify") {
		t.Errorf("steadfast audit: exit %d, %q", code, errOut.String())
	}
	if code := run(t.Context(), []string{"audit", "nonsense"}, &out, &errOut); code != 2 {
		t.Errorf("unknown subcommand: exit %d", code)
	}
	errOut.Reset()
	if code := run(t.Context(), []string{"audit", "verify", "--data", t.TempDir()}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "no database") {
		t.Errorf("verify an empty directory: exit %d, %q", code, errOut.String())
	}
}
