package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations
var migrationFiles embed.FS

// migrationsFor returns the migration folder for one engine.
func migrationsFor(engine Engine) (fs.FS, error) {
	sub, err := fs.Sub(migrationFiles, "migrations/"+string(engine))
	if err != nil {
		return nil, fmt.Errorf("migrations for %s: %w", engine, err)
	}
	return sub, nil
}

// MigrationResult says what Migrate applied.
type MigrationResult struct {
	Applied []int64 // versions applied by this call, in order
	Current int64   // the schema version afterwards
}

// Migrate brings the schema up to date. On PostgreSQL it holds a session
// advisory lock, so several instances starting together migrate exactly once.
func (db *DB) Migrate(ctx context.Context) (MigrationResult, error) {
	p, err := db.provider()
	if err != nil {
		return MigrationResult{}, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return MigrationResult{}, fmt.Errorf("migrate %s schema: %w", db.engine, err)
	}
	var out MigrationResult
	for _, r := range results {
		out.Applied = append(out.Applied, r.Source.Version)
	}
	out.Current, err = p.GetDBVersion(ctx)
	if err != nil {
		return out, fmt.Errorf("read schema version: %w", err)
	}
	return out, nil
}

func (db *DB) provider() (*goose.Provider, error) {
	fsys, err := migrationsFor(db.engine)
	if err != nil {
		return nil, err
	}
	var opts []goose.ProviderOption
	dialect := goose.DialectSQLite3
	if db.engine == Postgres {
		dialect = goose.DialectPostgres
		// Check the lock every second (the default is every five), for up to
		// five minutes, so an instance that loses the race starts promptly.
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return nil, fmt.Errorf("postgres migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, db.write, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("load %s migrations: %w", db.engine, err)
	}
	return p, nil
}

// LatestSchemaVersion is the highest migration version this binary carries.
func LatestSchemaVersion(engine Engine) (int64, error) {
	fsys, err := migrationsFor(engine)
	if err != nil {
		return 0, err
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return 0, fmt.Errorf("list %s migrations: %w", engine, err)
	}
	var latest int64
	for _, e := range entries {
		prefix, _, ok := strings.Cut(e.Name(), "_")
		if !ok {
			continue
		}
		v, err := strconv.ParseInt(prefix, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("migration %s: bad version: %w", e.Name(), err)
		}
		latest = max(latest, v)
	}
	return latest, nil
}

// ErrSchemaBehind means the database answers but has migrations still to apply.
var ErrSchemaBehind = errors.New("store: schema is not current")

// CheckReady reports whether the database answers and its schema matches this
// binary. It takes no locks, so readiness probes stay cheap.
func (db *DB) CheckReady(ctx context.Context) error {
	want, err := LatestSchemaVersion(db.engine)
	if err != nil {
		return err
	}
	var have sql.NullInt64
	err = db.reads.QueryRowContext(ctx,
		`SELECT MAX(version_id) FROM goose_db_version WHERE is_applied`).Scan(&have)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if !have.Valid || have.Int64 < want {
		return fmt.Errorf("%w: at %d, want %d", ErrSchemaBehind, have.Int64, want)
	}
	return nil
}
