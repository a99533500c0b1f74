package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
)

// SaveJournalEntry keeps a journal entry written by e.AuthorID for the
// family e.FamilyID and, when the safety rule says so
// (journal.AlertReasons), raises an alert for the family's practitioner in
// the same transaction. It returns the entry as stored and the alert's
// reasons. A family of another organisation is ErrNotFound.
func (db *DB) SaveJournalEntry(ctx context.Context, orgID string, e journal.Entry) (journal.Entry, []journal.Reason, error) {
	e.ID, e.CreatedAt, e.OccurredAt = ids.New(), db.Now(), e.OccurredAt.UTC()
	details, err := json.Marshal(e)
	if err != nil {
		return journal.Entry{}, nil, fmt.Errorf("save journal entry: %w", err)
	}
	reasons := journal.AlertReasons(e)
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, e.FamilyID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO journal_entries (id, org_id, family_id, author_id, kind, occurred_at, details, summary, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, e.ID, orgID, e.FamilyID, e.AuthorID, string(e.Kind), e.OccurredAt, string(details),
			e.Summary(), e.CreatedAt); err != nil {
			return mapError(err)
		}
		if len(reasons) == 0 {
			return nil
		}
		var rs []string
		for _, r := range reasons {
			rs = append(rs, string(r))
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO journal_alerts (entry_id, org_id, family_id, reasons, raised_at) VALUES ($1, $2, $3, $4, $5)`,
			e.ID, orgID, e.FamilyID, strings.Join(rs, " "), e.CreatedAt)
		return mapError(err)
	})
	if err != nil {
		return journal.Entry{}, nil, fmt.Errorf("save journal entry: %w", err)
	}
	return e, reasons, nil
}

// JournalFilter narrows a family's journal: Kind "" for every kind, and
// zero times to leave that end open.
type JournalFilter struct {
	Kind     journal.Kind
	From, To time.Time
}

// JournalPage is one page of a family's journal, newest first.
type JournalPage struct {
	Entries []journal.Entry
	Total   int
}

// Journal lists a family's journal entries, newest first, limit at a time.
func (db *DB) Journal(ctx context.Context, orgID, familyID string, f JournalFilter, limit, offset int) (JournalPage, error) {
	to := f.To
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	where := `j.family_id = $1 AND j.org_id = $2 AND ($3 = '' OR j.kind = $3) AND j.occurred_at >= $4 AND j.occurred_at < $5`
	args := []any{familyID, orgID, string(f.Kind), f.From.UTC(), to.UTC()}
	var page JournalPage
	if err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM journal_entries j WHERE `+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count journal: %w", mapError(err))
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT j.id, j.family_id, j.author_id, u.name, j.kind, j.occurred_at, j.details, j.created_at
		FROM journal_entries j JOIN users u ON u.id = j.author_id WHERE `+where+` ORDER BY j.occurred_at DESC, j.id LIMIT $6 OFFSET $7`,
		append(args, limit, offset)...)
	if err != nil {
		return page, fmt.Errorf("journal: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanJournalEntry(rows)
		if err != nil {
			return page, fmt.Errorf("journal: %w", err)
		}
		page.Entries = append(page.Entries, e)
	}
	return page, mapError(rows.Err())
}

// JournalSince lists every entry of a family from since on, oldest first,
// for its weekly figures. It reads at most the maxJournalWeeks most recent
// weeks' worth, which no family reaches.
func (db *DB) JournalSince(ctx context.Context, orgID, familyID string, since time.Time) ([]journal.Entry, error) {
	page, err := db.Journal(ctx, orgID, familyID, JournalFilter{From: since}, maxJournalSince, 0)
	if err != nil {
		return nil, err
	}
	out := page.Entries
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// maxJournalSince bounds the entries read for progress.
const maxJournalSince = 5000

// JournalEntry reads one entry of a family's journal; one of another
// family or organisation is ErrNotFound.
func (db *DB) JournalEntry(ctx context.Context, orgID, familyID, id string) (journal.Entry, error) {
	row := db.reads.QueryRowContext(ctx, `SELECT j.id, j.family_id, j.author_id, u.name, j.kind, j.occurred_at, j.details, j.created_at
		FROM journal_entries j JOIN users u ON u.id = j.author_id WHERE j.id = $1 AND j.family_id = $2 AND j.org_id = $3`, id, familyID, orgID)
	e, err := scanJournalEntry(row)
	if err != nil {
		return journal.Entry{}, fmt.Errorf("journal entry %s: %w", id, err)
	}
	return e, nil
}

func scanJournalEntry(row interface{ Scan(...any) error }) (journal.Entry, error) {
	var c entryColumns
	if err := row.Scan(&c.id, &c.family, &c.author, &c.authorName, &c.kind, &c.at, &c.details, &c.created); err != nil {
		return journal.Entry{}, mapError(err)
	}
	return c.entry()
}

// entryColumns are an entry's columns as read.
type entryColumns struct {
	id, family, author, authorName, kind, details string
	at, created                                   sqlTime
}

// entry builds the entry from its columns.
func (c entryColumns) entry() (journal.Entry, error) {
	var e journal.Entry
	if err := json.Unmarshal([]byte(c.details), &e); err != nil {
		return journal.Entry{}, fmt.Errorf("entry %s details: %w", c.id, err)
	}
	e.ID, e.FamilyID, e.AuthorID, e.AuthorName, e.Kind = c.id, c.family, c.author, c.authorName, journal.Kind(c.kind)
	e.OccurredAt, e.CreatedAt = c.at.Time.UTC(), c.created.Time.UTC()
	return e, nil
}
