package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"
)

// snapshotPrepareWait is how long a read snapshot waits for a free
// connection to prepare a statement on before running it unprepared.
const snapshotPrepareWait = 20 * time.Millisecond

// stmtCacheLimit bounds how many distinct read statements are kept
// prepared. Statements built with IN lists differ by the list's length, so
// the set is not fixed; past the limit, statements are prepared each time
// as before.
const stmtCacheLimit = 512

// preparedReads runs read statements on SQLite's read pool through
// statements prepared once and kept, so that a page view does not compile
// its SQL again each time: on SQLite, compiling a large statement (the
// timeline's union, the caseload's signals) costs as much as running it.
// Inside a read snapshot the same prepared statements are bound to the
// snapshot's transaction. PostgreSQL does not use it: pgx keeps its own
// per-connection statement cache.
type preparedReads struct {
	pool  *sql.DB
	tx    *sql.Tx // nil outside a snapshot
	cache *stmtCache
}

// stmtCache holds the prepared statements, shared by every copy of a DB.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

func newStmtCache() *stmtCache { return &stmtCache{stmts: map[string]*sql.Stmt{}} }

// stmt returns the prepared statement for query, preparing it on pool the
// first time, or nil when query should run unprepared: the cache is full,
// or wait is set and no connection of the pool came free within it.
//
// A read snapshot already holds one of the pool's connections, and
// preparing needs another; if every connection were held by a snapshot
// waiting to prepare, none would ever come free. So inside a snapshot
// (wait > 0) preparing gives up after wait, and the statement runs on the
// snapshot's own connection unprepared this time. The lock is never held
// while preparing.
func (c *stmtCache) stmt(ctx context.Context, pool *sql.DB, query string, wait time.Duration) (*sql.Stmt, error) {
	c.mu.Lock()
	s, ok := c.stmts[query]
	full := len(c.stmts) >= stmtCacheLimit
	c.mu.Unlock()
	if ok {
		return s, nil
	}
	if full {
		return nil, nil
	}
	pctx := ctx
	if wait > 0 {
		var cancel context.CancelFunc
		pctx, cancel = context.WithTimeout(ctx, wait)
		defer cancel()
	}
	s, err := pool.PrepareContext(pctx, query)
	if err != nil {
		if wait > 0 && pctx.Err() != nil && ctx.Err() == nil {
			return nil, nil
		}
		return nil, fmt.Errorf("prepare statement: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.stmts[query]; ok || len(c.stmts) >= stmtCacheLimit {
		// Another request prepared it meanwhile, or the cache filled up:
		// this one is spare.
		if err := s.Close(); err != nil {
			return nil, fmt.Errorf("close a spare statement: %w", err)
		}
		return prev, nil
	}
	c.stmts[query] = s
	return s, nil
}

// close closes every kept statement.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var first error
	for q, s := range c.stmts {
		if err := s.Close(); err != nil && first == nil {
			first = err
		}
		delete(c.stmts, q)
	}
	return first
}

// bound returns the kept statement for query, bound to the snapshot's
// transaction when there is one, or nil to run query directly.
func (p preparedReads) bound(ctx context.Context, query string) (*sql.Stmt, error) {
	var wait time.Duration
	if p.tx != nil {
		wait = snapshotPrepareWait
	}
	s, err := p.cache.stmt(ctx, p.pool, query, wait)
	if err != nil || s == nil {
		return nil, err
	}
	if p.tx != nil {
		// The transaction reuses the statement already prepared on its
		// connection, and lets it go when it ends.
		return p.tx.StmtContext(ctx, s), nil
	}
	return s, nil
}

// QueryContext runs a read statement that returns rows.
func (p preparedReads) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := p.bound(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return p.direct().QueryContext(ctx, query, args...)
	}
	return s.QueryContext(ctx, args...)
}

// QueryRowContext runs a read statement that returns one row. A failure to
// prepare shows up, as with database/sql, when the row is scanned.
func (p preparedReads) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := p.bound(ctx, query)
	if err != nil || s == nil {
		return p.direct().QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// ExecContext runs a statement without keeping it prepared: reads do not
// write, so this serves only the rare read-side statement with no rows.
func (p preparedReads) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.direct().ExecContext(ctx, query, args...)
}

// direct is the pool or the snapshot's transaction, for running a
// statement without the cache.
func (p preparedReads) direct() querier {
	if p.tx != nil {
		return p.tx
	}
	return p.pool
}
