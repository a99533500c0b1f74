package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestPreparedReadsReuseStatements checks the SQLite read-statement cache:
// a statement is prepared once and reused, in and out of a read snapshot,
// with the right answers each time; past the limit statements still run,
// unkept; and closing the database lets them all go.
func TestPreparedReadsReuseStatements(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, err := db.CreateOrganisation(ctx, "Cache Borough")
	if err != nil {
		t.Fatal(err)
	}
	const q = `SELECT name FROM organisations WHERE id = $1`
	before := len(db.stmts.stmts)
	for range 3 {
		var name string
		if err := db.reads.QueryRowContext(ctx, q, org.ID).Scan(&name); err != nil || name != "Cache Borough" {
			t.Fatalf("read through the cache: %q, %v", name, err)
		}
	}
	if got := len(db.stmts.stmts); got != before+1 {
		t.Errorf("%d statements kept after reading one three times, from %d; want one more", got, before)
	}
	err = db.ReadSnapshot(ctx, func(snap *DB) error {
		rows, err := snap.reads.QueryContext(ctx, q, org.ID)
		if err != nil {
			return err
		}
		defer rows.Close()
		if !rows.Next() {
			return fmt.Errorf("no row in the snapshot")
		}
		var name string
		return rows.Scan(&name)
	})
	if err != nil {
		t.Fatalf("read in a snapshot: %v", err)
	}
	if got := len(db.stmts.stmts); got != before+1 {
		t.Errorf("the snapshot prepared its own copy: %d statements kept; want %d", got, before+1)
	}

	// Fill the cache, then read with statements it cannot keep.
	for i := len(db.stmts.stmts); i < stmtCacheLimit; i++ {
		var n int
		if err := db.reads.QueryRowContext(ctx, fmt.Sprintf(`SELECT %d`, i)).Scan(&n); err != nil || n != i {
			t.Fatalf("fill the cache at %d: %d, %v", i, n, err)
		}
	}
	var n int
	if err := db.reads.QueryRowContext(ctx, `SELECT 99999`).Scan(&n); err != nil || n != 99999 {
		t.Fatalf("a read past the limit: %d, %v", n, err)
	}
	if got := len(db.stmts.stmts); got != stmtCacheLimit {
		t.Errorf("%d statements kept; want the limit, %d", got, stmtCacheLimit)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if got := len(db.stmts.stmts); got != 0 {
		t.Errorf("%d statements kept after closing", got)
	}
}

// TestSnapshotsDoNotWaitForeverToPrepare: with one read connection, a
// snapshot holds it, so a statement cannot be prepared on another; the
// snapshot's read must still run (unprepared) rather than wait for ever.
func TestSnapshotsDoNotWaitForeverToPrepare(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	db, err := Open(ctx, Config{DataDir: t.TempDir(), ReadConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	err = db.ReadSnapshot(ctx, func(snap *DB) error {
		var n int
		if err := snap.reads.QueryRowContext(ctx, `SELECT 41 + 1`).Scan(&n); err != nil || n != 42 {
			return fmt.Errorf("read in the snapshot: %d, %v", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Outside a snapshot the connection is free, and the statement is kept.
	var n int
	if err := db.reads.QueryRowContext(ctx, `SELECT 41 + 1`).Scan(&n); err != nil || n != 42 {
		t.Fatalf("read outside a snapshot: %d, %v", n, err)
	}
	if _, ok := db.stmts.stmts[`SELECT 41 + 1`]; !ok {
		t.Error("the statement was not kept once a connection was free")
	}
}
