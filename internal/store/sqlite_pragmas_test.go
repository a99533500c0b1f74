package store

import (
	"context"
	"database/sql"
	"testing"
)

// TestSQLitePoolPragmas opens every connection of both SQLite pools at once and
// reads back the settings that durability and integrity depend on.
func TestSQLitePoolPragmas(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, Config{DataDir: t.TempDir(), ReadConns: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	want := map[string]string{
		"journal_mode": "wal",
		"synchronous":  "2", // FULL
		"foreign_keys": "1",
		"busy_timeout": "10000",
	}
	check := func(name string, pool *sql.DB, n int, queryOnly string) {
		t.Helper()
		conns := make([]*sql.Conn, n)
		for i := range conns {
			c, err := pool.Conn(ctx) // held open, so each is a distinct connection
			if err != nil {
				t.Fatalf("%s conn %d: %v", name, i, err)
			}
			conns[i] = c
		}
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		if got := pool.Stats().OpenConnections; got != n {
			t.Fatalf("%s pool has %d open connections, want %d", name, got, n)
		}
		for i, c := range conns {
			for pragma, value := range want {
				var got string
				if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
					t.Fatalf("%s conn %d PRAGMA %s: %v", name, i, pragma, err)
				}
				if got != value {
					t.Errorf("%s conn %d: %s = %q, want %q", name, i, pragma, got, value)
				}
			}
			var qo string
			if err := c.QueryRowContext(ctx, "PRAGMA query_only").Scan(&qo); err != nil {
				t.Fatal(err)
			}
			if qo != queryOnly {
				t.Errorf("%s conn %d: query_only = %s, want %s", name, i, qo, queryOnly)
			}
		}
	}
	if db.write.Stats().MaxOpenConnections != 1 {
		t.Fatalf("write pool allows %d connections, want 1", db.write.Stats().MaxOpenConnections)
	}
	check("write", db.write, 1, "0")
	check("read", db.read, 3, "1")
}

// TestSQLiteWriteTxIsImmediate checks that a write transaction takes the
// write lock at BEGIN, so a second writer waits instead of failing mid-way.
func TestSQLiteWriteTxIsImmediate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(ctx, Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()

	// An independent connection with a short busy timeout: it must find the
	// write lock already taken by tx, which has not yet touched any table.
	other, err := sql.Open("sqlite", "file:"+dir+"/steadfast.db?_pragma=busy_timeout(50)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.ExecContext(ctx, "BEGIN IMMEDIATE"); err == nil {
		t.Fatal("a second writer took the write lock while a write transaction was open")
	}
}
