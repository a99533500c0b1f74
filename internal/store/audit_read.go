package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/steadfast-care/steadfast/internal/audit"
)

// auditScanPage is how many records ScanAudit reads per query.
const auditScanPage = 1000

// AuditCheckpoints returns every stored checkpoint, smallest first.
func (db *DB) AuditCheckpoints(ctx context.Context) ([]audit.Checkpoint, error) {
	cps, err := scanAuditCheckpoints(db.reads.QueryContext(ctx,
		`SELECT size, root, at, signature FROM audit_checkpoints ORDER BY size`))
	if err != nil {
		return nil, fmt.Errorf("audit checkpoints: %w", err)
	}
	return cps, nil
}

func scanAuditCheckpoints(rows *sql.Rows, err error) ([]audit.Checkpoint, error) {
	if err != nil {
		return nil, fmt.Errorf("read audit checkpoints: %w", mapError(err))
	}
	defer rows.Close()
	var out []audit.Checkpoint
	for rows.Next() {
		var c audit.Checkpoint
		var root []byte
		if err := rows.Scan(&c.Size, &root, &c.At, &c.Signature); err != nil {
			return nil, fmt.Errorf("read audit checkpoint: %w", mapError(err))
		}
		if c.Root, err = hashFromBytes(root); err != nil {
			return nil, fmt.Errorf("audit checkpoint at size %d: root: %w", c.Size, err)
		}
		c.At = c.At.UTC()
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit checkpoints: %w", mapError(err))
	}
	return out, nil
}

// AuditRecords returns up to limit records from fromSeq on, in Seq order,
// each with the tree hashes stored beside it.
func (db *DB) AuditRecords(ctx context.Context, fromSeq int64, limit int) ([]audit.Record, error) {
	return db.auditRecords(ctx, fromSeq, math.MaxInt64, limit)
}

// ScanAudit calls fn for every record in Seq order, with its stored tree
// hashes, a page at a time. It first reads the log's size and stops there,
// so records appended while it runs are not visited, and any checkpoint read
// before the call covers only records it visits.
func (db *DB) ScanAudit(ctx context.Context, fn func(audit.Record) error) error {
	var end int64
	if err := db.reads.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq) + 1, 0) FROM audit_records`).Scan(&end); err != nil {
		return fmt.Errorf("read audit log size: %w", mapError(err))
	}
	for from := int64(0); from < end; {
		page, err := db.auditRecords(ctx, from, end, auditScanPage)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		from = page[len(page)-1].Seq + 1
	}
	return nil
}

// auditRecords reads records with fromSeq <= seq < beforeSeq, then the
// stored hashes that belong to them.
func (db *DB) auditRecords(ctx context.Context, fromSeq, beforeSeq int64, limit int) ([]audit.Record, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit_records
		WHERE seq >= $1 AND seq < $2 ORDER BY seq LIMIT $3`, fromSeq, beforeSeq, limit)
	if err != nil {
		return nil, fmt.Errorf("read audit records: %w", mapError(err))
	}
	var recs []audit.Record
	for rows.Next() {
		var r audit.Record
		var leaf []byte
		if r.Event, err = scanAuditEvent(rows, &leaf); err != nil {
			rows.Close()
			return nil, err
		}
		if r.LeafHash, err = hashFromBytes(leaf); err != nil {
			rows.Close()
			return nil, fmt.Errorf("audit record %d: leaf hash: %w", r.Seq, err)
		}
		recs = append(recs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit records: %w", mapError(err))
	}
	if len(recs) == 0 {
		return nil, nil
	}
	first, _ := audit.StoredHashRange(recs[0].Seq)
	_, end := audit.StoredHashRange(recs[len(recs)-1].Seq)
	hashes, err := auditHashRange(ctx, db.read, first, end)
	if err != nil {
		return nil, err
	}
	for i := range recs {
		lo, hi := audit.StoredHashRange(recs[i].Seq)
		stored := make([]tlog.Hash, 0, hi-lo)
		for x := lo; x < hi; x++ {
			h, ok := hashes[x]
			if !ok {
				break // fewer hashes than expected: the verifier reports it
			}
			stored = append(stored, h)
		}
		recs[i].Stored = stored
	}
	return recs, nil
}

// auditHashRange reads the stored hashes with first <= idx < end.
func auditHashRange(ctx context.Context, q querier, first, end int64) (map[int64]tlog.Hash, error) {
	rows, err := q.QueryContext(ctx, `SELECT idx, hash FROM audit_hashes WHERE idx >= $1 AND idx < $2`, first, end)
	if err != nil {
		return nil, fmt.Errorf("read audit tree hashes: %w", mapError(err))
	}
	defer rows.Close()
	out := make(map[int64]tlog.Hash, end-first)
	for rows.Next() {
		var idx int64
		var b []byte
		if err := rows.Scan(&idx, &b); err != nil {
			return nil, fmt.Errorf("read audit tree hashes: %w", mapError(err))
		}
		if out[idx], err = hashFromBytes(b); err != nil {
			return nil, fmt.Errorf("audit tree hash %d: %w", idx, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit tree hashes: %w", mapError(err))
	}
	return out, nil
}

// scanAuditEvent reads one row of auditColumns; the leaf hash goes to leaf.
func scanAuditEvent(rows *sql.Rows, leaf *[]byte) (audit.Event, error) {
	var e audit.Event
	var action, decision string
	err := rows.Scan(&e.Seq, &e.ID, &e.OrgID, &e.ActorID, &e.ActorRole, &action, &e.ResourceType,
		&e.ResourceID, &decision, &e.Reason, &e.At, &e.RequestID, &e.ClientAddr, leaf)
	if err != nil {
		return audit.Event{}, fmt.Errorf("read audit record: %w", mapError(err))
	}
	e.Action, e.Decision, e.At = audit.Action(action), audit.Decision(decision), e.At.UTC()
	return e, nil
}
