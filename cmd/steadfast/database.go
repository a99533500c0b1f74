package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/steadfast-care/steadfast/internal/store"
)

// dbFlags are the flags every command that opens the database shares.
type dbFlags struct {
	data string
	dsn  string
}

func (d *dbFlags) register(fs *flag.FlagSet, defaultData string) {
	fs.StringVar(&d.data, "data", defaultData, "directory for Steadfast's files: the SQLite database (unless --db is set) and keys")
	fs.StringVar(&d.dsn, "db", "", "database: empty for SQLite inside --data, or a postgres://user:password@host/db URL for PostgreSQL")
}

// openAndMigrate opens the database and brings its schema up to date.
func (d *dbFlags) openAndMigrate(ctx context.Context, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, store.Config{DSN: d.dsn, DataDir: d.data})
	if err != nil {
		return nil, err
	}
	res, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	log.Info("database ready", "engine", db.Engine(), "where", db.Where(), "schema", res.Current, "applied", len(res.Applied))
	return db, nil
}

// openQuietly opens a database whose schema must already be current, for
// commands that should not change the schema as a side effect.
func (d *dbFlags) openQuietly(ctx context.Context) (*store.DB, error) {
	db, err := store.Open(ctx, store.Config{DSN: d.dsn, DataDir: d.data})
	if err != nil {
		return nil, err
	}
	if err := db.CheckReady(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w (run `steadfast migrate` first)", err)
	}
	return db, nil
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", "Bring the database schema up to date, then exit. Safe to run while other instances start.", stderr)
	var d dbFlags
	d.register(fs, "./steadfast-data")
	if err := parseWithEnv(fs, args, stdout); err != nil {
		return err
	}
	db, err := store.Open(ctx, store.Config{DSN: d.dsn, DataDir: d.data})
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(res.Applied) == 0 {
		_, err = fmt.Fprintf(stdout, "The %s schema is already current (version %d).\n", db.Engine(), res.Current)
	} else {
		_, err = fmt.Fprintf(stdout, "Applied %d migration(s) to the %s database; schema is now at version %d.\n", len(res.Applied), db.Engine(), res.Current)
	}
	return err
}
