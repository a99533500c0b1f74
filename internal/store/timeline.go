package store

import (
	"context"
	"fmt"
	"time"
)

// TimelineItem is one entry on a family's timeline.
type TimelineItem struct {
	Kind   string // "note" or "summary"
	ID     string
	At     time.Time // when it happened: the contact, or the change
	Author string
	Title  string // a note's kind, or "" for a summary
	Text   string
}

// TimelinePage is one page of a family's timeline, newest first.
type TimelinePage struct {
	Items []TimelineItem
	Total int
}

// Timeline lists a family's story, newest first: its contact notes and the
// changes to its worries, strengths and next steps. kind keeps only "note" or
// "summary" items; zero times leave that end open.
func (db *DB) Timeline(ctx context.Context, orgID, familyID, kind string, from, to time.Time, limit, offset int) (TimelinePage, error) {
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	union := `SELECT 'note' AS kind, n.id AS id, n.occurred_at AS at, u.name AS author, n.kind AS title, n.body AS text
			FROM contact_notes n JOIN users u ON u.id = n.author_id WHERE n.family_id = $1 AND n.org_id = $2
		UNION ALL
		SELECT 'summary', s.id, s.created_at, u.name, '', s.worried
			FROM family_summaries s JOIN users u ON u.id = s.author_id WHERE s.family_id = $1 AND s.org_id = $2`
	where := `($3 = '' OR t.kind = $3) AND t.at >= $4 AND t.at < $5`
	args := []any{familyID, orgID, kind, from.UTC(), to.UTC()}
	var page TimelinePage
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+union+`) AS t WHERE `+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count timeline: %w", mapError(err))
	}
	rows, err := db.read.QueryContext(ctx, `SELECT t.kind, t.id, t.at, t.author, t.title, t.text FROM (`+union+`) AS t
		WHERE `+where+` ORDER BY t.at DESC, t.id LIMIT $6 OFFSET $7`, append(args, limit, offset)...)
	if err != nil {
		return page, fmt.Errorf("timeline: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var it TimelineItem
		if err := rows.Scan(&it.Kind, &it.ID, &it.At, &it.Author, &it.Title, &it.Text); err != nil {
			return page, fmt.Errorf("timeline: %w", mapError(err))
		}
		it.At = it.At.UTC()
		page.Items = append(page.Items, it)
	}
	return page, mapError(rows.Err())
}
