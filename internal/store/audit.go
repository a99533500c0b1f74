package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// auditLockKey is the PostgreSQL advisory lock every audit writer holds for
// its transaction, so that instances sharing a database append in a single
// order. (The text "steadfast-audit" as eight bytes.)
const auditLockKey int64 = 0x7374656164666173

// auditInsertRows caps the rows in one multi-row INSERT on PostgreSQL,
// keeping the number of parameters well inside its limit (see insertRows).
const auditInsertRows = 200

var (
	_ audit.Store  = (*DB)(nil)
	_ audit.Source = (*DB)(nil)
)

// AppendAudit appends events to the audit log in one write transaction:
// it takes the log's lock, reads the current size, gives the events the
// next Seq numbers, and writes the records with their leaf hashes and the
// tree's new stored hashes. Empty IDs get a new random ID and zero times the
// store's clock. On success events hold what was stored.
//
// If the stored tree cannot be read (someone removed rows behind the
// triggers), appending fails: the log stops rather than build on a damaged
// tree.
func (db *DB) AppendAudit(ctx context.Context, events []audit.Event) error {
	if len(events) == 0 {
		return nil
	}
	now := db.Now()
	for i := range events {
		e := &events[i]
		if e.ID == "" {
			e.ID = ids.New()
		}
		if e.At.IsZero() {
			e.At = now
		}
		*e = e.Normalise()
		if err := e.Validate(); err != nil {
			return fmt.Errorf("append audit: %w", err)
		}
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		size, err := db.lockAudit(ctx, tx)
		if err != nil {
			return err
		}
		tree, err := loadAuditTree(ctx, tx, size)
		if err != nil {
			return err
		}
		leaves := make([]tlog.Hash, len(events))
		var hashes []storedHash
		for i := range events {
			events[i].Seq = size + int64(i)
			leaves[i] = audit.LeafHash(events[i])
			stored, err := tree.Append(leaves[i])
			if err != nil {
				return err
			}
			first, _ := audit.StoredHashRange(events[i].Seq)
			for j, h := range stored {
				hashes = append(hashes, storedHash{first + int64(j), h})
			}
		}
		if err := db.insertAuditRecords(ctx, tx, events, leaves); err != nil {
			return err
		}
		return db.insertAuditHashes(ctx, tx, hashes)
	})
	if err != nil {
		return fmt.Errorf("append %d audit events: %w", len(events), err)
	}
	return nil
}

// lockAudit serialises audit writers and returns the log's size. SQLite's
// single write connection, with transactions that begin IMMEDIATE, already
// serialises them; on PostgreSQL a transaction-level advisory lock does, and
// is released at commit or rollback.
func (db *DB) lockAudit(ctx context.Context, tx *sql.Tx) (int64, error) {
	if db.engine == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, auditLockKey); err != nil {
			return 0, fmt.Errorf("lock audit log: %w", mapError(err))
		}
	}
	var size int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq) + 1, 0) FROM audit_records`).Scan(&size); err != nil {
		return 0, fmt.Errorf("read audit log size: %w", mapError(err))
	}
	return size, nil
}

// storedHash is one row of audit_hashes.
type storedHash struct {
	idx  int64
	hash tlog.Hash
}

// loadAuditTree reads the right edge of the stored tree of the given size.
func loadAuditTree(ctx context.Context, q querier, size int64) (*audit.Tree, error) {
	edge, err := readAuditHashes(ctx, q, audit.EdgeIndexes(size))
	if err != nil {
		return nil, err
	}
	return audit.ResumeTree(size, edge)
}

// readAuditHashes returns the stored hashes at indexes, in that order.
func readAuditHashes(ctx context.Context, q querier, indexes []int64) ([]tlog.Hash, error) {
	if len(indexes) == 0 {
		return nil, nil
	}
	list, args := inList(nil, indexes)
	rows, err := q.QueryContext(ctx, `SELECT idx, hash FROM audit_hashes WHERE idx IN (`+list+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("read audit tree hashes: %w", mapError(err))
	}
	defer rows.Close()
	found := make(map[int64]tlog.Hash, len(indexes))
	for rows.Next() {
		var idx int64
		var b []byte
		if err := rows.Scan(&idx, &b); err != nil {
			return nil, fmt.Errorf("read audit tree hashes: %w", mapError(err))
		}
		h, err := hashFromBytes(b)
		if err != nil {
			return nil, fmt.Errorf("audit tree hash %d: %w", idx, err)
		}
		found[idx] = h
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit tree hashes: %w", mapError(err))
	}
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		h, ok := found[x]
		if !ok {
			return nil, fmt.Errorf("audit tree hash %d is missing: the stored log is damaged", x)
		}
		out[i] = h
	}
	return out, nil
}

// hashReader adapts readAuditHashes to tlog.HashReader, which has no context.
type hashReader struct {
	ctx context.Context
	q   querier
}

// ReadHashes implements tlog.HashReader.
func (r hashReader) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	return readAuditHashes(r.ctx, r.q, indexes)
}

func hashFromBytes(b []byte) (tlog.Hash, error) {
	var h tlog.Hash
	if len(b) != len(h) {
		return h, fmt.Errorf("hash is %d bytes, want %d", len(b), len(h))
	}
	copy(h[:], b)
	return h, nil
}

// auditColumns are audit_records' columns in Encode's order, then the hash.
const auditColumns = `seq, id, org_id, actor_id, actor_role, action, resource_type, resource_id, decision, reason, at, request_id, client_addr, leaf_hash`

// insertAuditRecords writes events and their leaf hashes.
func (db *DB) insertAuditRecords(ctx context.Context, tx *sql.Tx, events []audit.Event, leaves []tlog.Hash) error {
	err := db.insertRows(ctx, tx, `INSERT INTO audit_records (`+auditColumns+`) VALUES `, 14, len(events), func(i int) []any {
		e := events[i]
		return []any{e.Seq, e.ID, e.OrgID, e.ActorID, e.ActorRole, string(e.Action), e.ResourceType,
			e.ResourceID, string(e.Decision), e.Reason, e.At, e.RequestID, e.ClientAddr, leaves[i][:]}
	})
	if err != nil {
		return fmt.Errorf("insert audit records: %w", err)
	}
	return nil
}

// insertAuditHashes writes stored tree hashes.
func (db *DB) insertAuditHashes(ctx context.Context, tx *sql.Tx, hashes []storedHash) error {
	err := db.insertRows(ctx, tx, `INSERT INTO audit_hashes (idx, hash) VALUES `, 2, len(hashes), func(i int) []any {
		return []any{hashes[i].idx, hashes[i].hash[:]}
	})
	if err != nil {
		return fmt.Errorf("insert audit tree hashes: %w", err)
	}
	return nil
}

// insertRows inserts n rows of cols values each, args(i) giving row i's,
// with statements prepared once per call and reused.
//
// How many rows go in one statement is the one place the engines differ.
// SQLite runs in process, so one prepared single-row INSERT executed n times
// is cheapest: a multi-row statement would be parsed afresh for each batch,
// the driver's binding of numbered parameters grows with the square of their
// number, and SQLite would keep a statement journal for it. PostgreSQL pays a
// network round trip per statement, so it takes up to auditInsertRows rows
// at once.
func (db *DB) insertRows(ctx context.Context, tx *sql.Tx, insert string, cols, n int, args func(i int) []any) error {
	perStmt := 1
	if db.engine == Postgres {
		perStmt = auditInsertRows
	}
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	for start := 0; start < n; start += perStmt {
		rows := min(perStmt, n-start)
		st, ok := stmts[rows]
		if !ok {
			var err error
			if st, err = tx.PrepareContext(ctx, insert+valueRows(rows, cols)); err != nil {
				return mapError(err)
			}
			stmts[rows] = st
		}
		values := make([]any, 0, rows*cols)
		for i := start; i < start+rows; i++ {
			values = append(values, args(i)...)
		}
		if _, err := st.ExecContext(ctx, values...); err != nil {
			return mapError(err)
		}
	}
	return nil
}

// valueRows returns "($1, $2), ($3, $4)" for rows rows of cols columns.
func valueRows(rows, cols int) string {
	var b strings.Builder
	n := 1
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", n)
			n++
		}
		b.WriteByte(')')
	}
	return b.String()
}

// WriteAuditCheckpoint signs the log's current size and root with s and
// stores the checkpoint, in one write transaction holding the log's lock.
// Before signing it checks, with a consistency proof over the stored hashes,
// that the tree extends the latest stored checkpoint, and that the latest
// checkpoint was signed with the same key. It reports false, writing
// nothing, when the log is empty or has not grown since that checkpoint (but
// still fails if that checkpoint was signed with another key). The caller
// appends the checkpoint to the checkpoint file.
func (db *DB) WriteAuditCheckpoint(ctx context.Context, s *audit.Signer) (audit.Checkpoint, bool, error) {
	var cp audit.Checkpoint
	var wrote bool
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		size, err := db.lockAudit(ctx, tx)
		if err != nil {
			return err
		}
		prev, err := latestAuditCheckpoint(ctx, tx)
		if err != nil {
			return err
		}
		// Even with nothing to sign, an instance started with the wrong key
		// should hear of it now rather than at its first checkpoint.
		if err := s.CheckSigned(prev); err != nil {
			return err
		}
		if size == 0 || size == prev.Size {
			return nil
		}
		r := hashReader{ctx, tx}
		root, err := tlog.TreeHash(size, r)
		if err != nil {
			return fmt.Errorf("audit tree root at %d: %w", size, err)
		}
		cp, err = s.Next(prev, size, root, db.Now(), r)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit_checkpoints (size, root, at, signature) VALUES ($1, $2, $3, $4)`,
			cp.Size, cp.Root[:], cp.At, cp.Signature); err != nil {
			return fmt.Errorf("insert audit checkpoint: %w", mapError(err))
		}
		wrote = true
		return nil
	})
	if err != nil {
		return audit.Checkpoint{}, false, fmt.Errorf("write audit checkpoint: %w", err)
	}
	return cp, wrote, nil
}

// latestAuditCheckpoint returns the largest stored checkpoint, or the zero
// checkpoint when there is none.
func latestAuditCheckpoint(ctx context.Context, q querier) (audit.Checkpoint, error) {
	cps, err := scanAuditCheckpoints(q.QueryContext(ctx,
		`SELECT size, root, at, signature FROM audit_checkpoints ORDER BY size DESC LIMIT 1`))
	if err != nil || len(cps) == 0 {
		return audit.Checkpoint{}, err
	}
	return cps[0], nil
}
