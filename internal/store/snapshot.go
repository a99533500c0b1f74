package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ReadSnapshot runs fn with a view of the store whose reads all happen in
// one read-only transaction, so a page built from several reads sees one
// consistent state of the database. On SQLite it also keeps the
// connection's page cache warm between those reads: a new read transaction
// after another connection's write (every page view writes an audit record)
// starts with an empty cache. Use snap for reads only; fn must not keep it.
func (db *DB) ReadSnapshot(ctx context.Context, fn func(snap *DB) error) error {
	var opts *sql.TxOptions
	if db.engine == Postgres {
		// Read committed would give each statement its own snapshot.
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	tx, err := db.read.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin read snapshot: %w", mapError(err))
	}
	snap := *db
	snap.reads = tx
	if db.stmts != nil {
		snap.reads = preparedReads{pool: db.read, tx: tx, cache: db.stmts}
	}
	err = fn(&snap)
	if rerr := tx.Rollback(); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
		err = errors.Join(err, fmt.Errorf("end read snapshot: %w", rerr))
	}
	return err
}
