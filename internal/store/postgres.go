package store

import (
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPostgres opens one pool that serves both reads and writes. Several
// Steadfast instances may share the database: nothing another instance needs
// is kept in process memory.
func openPostgres(dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse postgres DSN %s: %w", redactDSN(dsn), err)
	}
	// An acknowledged write must be durable, whatever the server default says.
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["synchronous_commit"] = "on"
	cfg.RuntimeParams["timezone"] = "UTC"
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	return &DB{engine: Postgres, write: db, read: db, reads: db, where: redactDSN(dsn)}, nil
}
