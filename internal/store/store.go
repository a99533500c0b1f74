// Package store keeps Steadfast's records in SQLite or PostgreSQL behind one API.
//
// Both engines run the same hand-written SQL with $1-style placeholders. Where
// the engines truly differ, the difference lives in the dialect, not in scattered
// conditionals. Storage never returns HTTP errors: callers get the sentinel
// errors in errors.go.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// Engine names a storage engine.
type Engine string

// The two engines Steadfast supports.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Config says where the database is and how to open it.
type Config struct {
	// DSN is a postgres:// URL, or empty for the SQLite file inside DataDir.
	// A "sqlite:PATH" DSN names a SQLite file explicitly.
	DSN string
	// DataDir holds the SQLite database when DSN is empty.
	DataDir string
	// ReadConns bounds the SQLite read pool; zero means a sensible default.
	ReadConns int
	// Now is the clock used for every stored time; nil means time.Now.
	Now func() time.Time
}

// DB is an open database. It is safe for concurrent use.
//
// On SQLite it holds two pools: a single-connection write pool whose
// transactions begin IMMEDIATE, so writers queue in Go rather than failing with
// SQLITE_BUSY, and a read pool that runs in WAL alongside the writer. On
// PostgreSQL both roles share one pool.
type DB struct {
	engine Engine
	write  *sql.DB
	read   *sql.DB
	// reads is where read methods query: the read pool, or one read
	// transaction inside ReadSnapshot.
	reads querier
	// stmts keeps SQLite's read statements prepared (see preparedReads);
	// nil on PostgreSQL.
	stmts *stmtCache
	now   func() time.Time
	where string
}

// Open connects to the database named by cfg. It does not migrate: call Migrate.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	engine, target, err := parseDSN(cfg)
	if err != nil {
		return nil, err
	}
	var db *DB
	switch engine {
	case SQLite:
		db, err = openSQLite(target, cfg.ReadConns)
	case Postgres:
		db, err = openPostgres(target)
	}
	if err != nil {
		return nil, err
	}
	db.now = now
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s database at %s: %w", engine, db.where, err)
	}
	return db, nil
}

// parseDSN decides the engine and the engine-specific target from cfg.
func parseDSN(cfg Config) (Engine, string, error) {
	dsn := strings.TrimSpace(cfg.DSN)
	switch {
	case dsn == "":
		if cfg.DataDir == "" {
			return "", "", errors.New("store: no database given: set a data directory or a DSN")
		}
		return SQLite, filepath.Join(cfg.DataDir, "steadfast.db"), nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return Postgres, dsn, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(dsn, "sqlite:")
		if path == "" || strings.Contains(path, "?") {
			return "", "", fmt.Errorf("store: %q is not a SQLite file path (settings are fixed by Steadfast)", dsn)
		}
		return SQLite, path, nil
	default:
		return "", "", fmt.Errorf("store: unrecognised database %q: use postgres://… or sqlite:PATH", redactDSN(dsn))
	}
}

// redactDSN hides any password in a DSN, in the user information or in the
// query string, so that it can be shown in errors and logs.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unreadable database address)"
	}
	q := u.Query()
	for _, k := range []string{"password", "sslpassword"} {
		if q.Has(k) {
			q.Set(k, "redacted")
		}
	}
	u.RawQuery = q.Encode()
	return u.Redacted()
}

// Engine reports which engine this database uses.
func (db *DB) Engine() Engine { return db.engine }

// Where describes the database location for logs, with any password hidden.
func (db *DB) Where() string { return db.where }

// Now returns the store's clock reading in UTC, truncated to the microsecond
// precision both engines keep.
func (db *DB) Now() time.Time { return db.now().UTC().Truncate(time.Microsecond) }

// Ping checks that both pools answer.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("ping write pool: %w", err)
	}
	if db.read != db.write {
		if err := db.read.PingContext(ctx); err != nil {
			return fmt.Errorf("ping read pool: %w", err)
		}
	}
	return nil
}

// Close closes both pools, and the statements kept prepared.
func (db *DB) Close() error {
	var err error
	if db.stmts != nil {
		err = db.stmts.close()
	}
	err = errors.Join(err, db.write.Close())
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// querier is what both *sql.DB and *sql.Tx offer; read helpers accept either.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inWriteTx runs fn in a write transaction and commits it if fn returns nil.
// Keep fn short: on SQLite every other writer waits for it.
func (db *DB) inWriteTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin write: %w", mapError(err))
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", mapError(err))
	}
	return nil
}
