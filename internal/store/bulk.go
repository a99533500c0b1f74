package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Bulk loads many generated rows quickly, for the county-scale demo only.
// Ordinary requests never use it: it skips the checks the per-row methods
// make (that a family belongs to the organisation, that a summary differs
// from the last), because the generator makes only consistent rows.
//
// Rows are buffered per table and written as multi-row INSERTs with $n
// placeholders, which both engines accept. Whenever one table's buffer is
// full, every buffer is written in the order the tables were declared, so a
// row is always written after the rows it refers to. A transaction is
// committed after about commitEvery rows. Bulk is not safe for concurrent use.
type Bulk struct {
	db          *DB
	ctx         context.Context
	tx          *sql.Tx
	stmts       map[string]*sql.Stmt // statements prepared on tx, by text
	tables      []*bulkTable         // in dependency order
	commitEvery int
	uncommitted int
	written     int
}

// bulkTable buffers rows for one table.
type bulkTable struct {
	name  string
	cols  []string
	chunk int   // most rows in one INSERT statement
	args  []any // buffered values, len(cols) per row
}

// bulkParams bounds the placeholders in one statement. It is small because
// SQLite looks up each $n parameter by name in a list, so binding a statement
// with n parameters costs n²: 4,000 parameters made loading four times slower.
const bulkParams = 100

// NewBulk starts a bulk load that commits about every commitEvery rows.
// Call Close to write what remains; on an error, call Abort.
func (db *DB) NewBulk(ctx context.Context, commitEvery int) (*Bulk, error) {
	b := &Bulk{db: db, ctx: ctx, commitEvery: max(commitEvery, 1)}
	for _, t := range []struct {
		name string
		cols string
	}{
		{"families", "id, org_id, name, created_at"},
		{"users", "id, org_id, email, name, role, password_hash, team_id, family_id, created_at, updated_at"},
		{"supervision_links", "org_id, supervisor_id, practitioner_id, created_at"},
		{"allocations", "id, org_id, family_id, practitioner_id, started_at"},
		{"family_members", memberColumns + ", org_id"},
		{"family_summaries", "id, org_id, family_id, worried, working_well, needs_to_happen, author_id, created_at"},
		{"contact_notes", "id, org_id, family_id, author_id, occurred_at, kind, present, child_seen, child_words, body, version, recorded_at, created_at"},
		{"contact_note_versions", "note_id, version, org_id, author_id, occurred_at, kind, present, child_seen, child_words, body, recorded_at"},
	} {
		cols := strings.Split(t.cols, ", ")
		b.tables = append(b.tables, &bulkTable{name: t.name, cols: cols, chunk: max(1, bulkParams/len(cols))})
	}
	if err := b.pragmas(bulkPragmas); err != nil {
		return nil, err
	}
	if err := b.begin(); err != nil {
		return nil, err
	}
	return b, nil
}

// On SQLite, a bulk load keeps the statement journals (written for every
// multi-row INSERT, so that it can be undone alone) in memory rather than in
// temporary files, and caches more pages; Close restores the defaults.
var (
	bulkPragmas    = []string{"PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536"}
	defaultPragmas = []string{"PRAGMA temp_store = DEFAULT", "PRAGMA cache_size = -2000"}
)

// pragmas sets SQLite pragmas on the write pool's single connection.
func (b *Bulk) pragmas(list []string) error {
	if b.db.engine != SQLite {
		return nil
	}
	for _, p := range list {
		if _, err := b.db.write.ExecContext(b.ctx, p); err != nil {
			return fmt.Errorf("bulk: %s: %w", p, mapError(err))
		}
	}
	return nil
}

// Written counts the rows written so far, committed or not.
func (b *Bulk) Written() int { return b.written }

func (b *Bulk) begin() error {
	tx, err := b.db.write.BeginTx(b.ctx, nil)
	if err != nil {
		return fmt.Errorf("bulk: begin: %w", mapError(err))
	}
	b.tx, b.stmts = tx, map[string]*sql.Stmt{}
	return nil
}

// add buffers one row for the table at index i and writes the buffers when
// that table's buffer is full.
func (b *Bulk) add(i int, values ...any) error {
	t := b.tables[i]
	t.args = append(t.args, values...)
	if len(t.args)/len(t.cols) < t.chunk {
		return nil
	}
	return b.flush()
}

// flush writes every buffered row, table by table in dependency order, and
// commits when enough rows have been written since the last commit.
func (b *Bulk) flush() error {
	for _, t := range b.tables {
		if err := b.writeTable(t); err != nil {
			return err
		}
	}
	if b.uncommitted < b.commitEvery {
		return nil
	}
	if err := b.commit(); err != nil {
		return err
	}
	return b.begin()
}

func (b *Bulk) writeTable(t *bulkTable) error {
	rows := len(t.args) / len(t.cols)
	if rows == 0 {
		return nil
	}
	query := t.insert(rows)
	stmt, ok := b.stmts[query]
	if !ok {
		var err error
		if stmt, err = b.tx.PrepareContext(b.ctx, query); err != nil {
			return fmt.Errorf("bulk: prepare %s: %w", t.name, mapError(err))
		}
		b.stmts[query] = stmt
	}
	_, err := stmt.ExecContext(b.ctx, t.args...)
	if err != nil {
		return fmt.Errorf("bulk: insert %d rows into %s: %w", rows, t.name, mapError(err))
	}
	t.args = t.args[:0]
	b.uncommitted += rows
	b.written += rows
	return nil
}

// insert builds a multi-row INSERT of n rows with $n placeholders.
func (t *bulkTable) insert(n int) string {
	var sb strings.Builder
	sb.WriteString("INSERT INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES ")
	p := 0
	for r := 0; r < n; r++ {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for c := range t.cols {
			if c > 0 {
				sb.WriteString(", ")
			}
			p++
			fmt.Fprintf(&sb, "$%d", p)
		}
		sb.WriteByte(')')
	}
	return sb.String()
}

func (b *Bulk) commit() error {
	for _, s := range b.stmts {
		_ = s.Close()
	}
	if err := b.tx.Commit(); err != nil {
		b.tx = nil
		return fmt.Errorf("bulk: commit: %w", mapError(err))
	}
	b.tx, b.uncommitted = nil, 0
	return nil
}

// Close writes every buffered row and commits.
func (b *Bulk) Close() error {
	if b.tx == nil {
		return fmt.Errorf("bulk: already closed")
	}
	for _, t := range b.tables {
		if err := b.writeTable(t); err != nil {
			b.Abort()
			return err
		}
	}
	if err := b.commit(); err != nil {
		return err
	}
	if err := refreshAllFamilyActivity(b.ctx, b.db.write); err != nil {
		return fmt.Errorf("bulk: %w", err)
	}
	if b.db.engine == Postgres {
		// PostgreSQL plans from table statistics, which autovacuum would
		// gather only some minutes after a load this size.
		if _, err := b.db.write.ExecContext(b.ctx, "ANALYZE"); err != nil {
			return fmt.Errorf("bulk: analyze: %w", mapError(err))
		}
	}
	return b.pragmas(defaultPragmas)
}

// Abort rolls back the rows not yet committed. It is safe to call after Close.
func (b *Bulk) Abort() {
	if b.tx != nil {
		_ = b.tx.Rollback()
		b.tx = nil
	}
}
