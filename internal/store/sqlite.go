package store

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// sqlitePragmas are applied by the driver to every new connection, in order.
// busy_timeout comes first so that the journal_mode change itself waits for
// other connections instead of failing.
var sqlitePragmas = []string{
	"busy_timeout(10000)",
	"journal_mode(WAL)",
	"synchronous(FULL)",
	"foreign_keys(ON)",
}

// sqliteDSN builds the driver DSN for path. The write pool's transactions begin
// IMMEDIATE so a writer takes the lock at BEGIN rather than failing to upgrade
// later; the read pool is marked query_only so a write through it is an error.
func sqliteDSN(path string, writer bool) string {
	q := url.Values{}
	for _, p := range sqlitePragmas {
		q.Add("_pragma", p)
	}
	if writer {
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(ON)")
	}
	// Times are written as "2006-01-02 15:04:05.999999999-07:00", which sorts
	// correctly as text when every time is UTC, as the store ensures.
	q.Set("_time_format", "sqlite")
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(path string, readConns int) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create data directory %s: %w", dir, err)
		}
	}
	write, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		return nil, fmt.Errorf("open sqlite write pool: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)

	read, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open sqlite read pool: %w", err)
	}
	if readConns <= 0 {
		readConns = max(4, runtime.NumCPU())
	}
	read.SetMaxOpenConns(readConns)
	read.SetMaxIdleConns(readConns)
	read.SetConnMaxIdleTime(0)
	cache := newStmtCache()
	return &DB{engine: SQLite, write: write, read: read, reads: preparedReads{pool: read, cache: cache}, stmts: cache, where: path}, nil
}
