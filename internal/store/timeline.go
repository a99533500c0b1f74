package store

import (
	"context"
	"fmt"
	"time"
)

// TimelineItem is one entry on a family's timeline.
type TimelineItem struct {
	Kind   string // "note", "summary", "group", "journal", "sit-in" or "direction"
	ID     string
	At     time.Time // when it happened: the contact, or the change
	Author string
	Title  string // a note's kind, a group session's name, a journal entry's kind, or "" for a summary or a sit-in
	Text   string
}

// TimelinePage is one page of a family's timeline, newest first.
type TimelinePage struct {
	Items []TimelineItem
	Total int
}

// Timeline lists a family's story, newest first: its contact notes, the
// changes to its worries, strengths and next steps, notes about a parent
// at a group session, what the parents wrote in their NVR journal, and the
// sit-ins they have done, and case direction from supervision. kind keeps
// only "note", "summary", "group", "journal", "sit-in" or "direction"
// items; zero times leave that end open.
func (db *DB) Timeline(ctx context.Context, orgID, familyID, kind string, from, to time.Time, limit, offset int) (TimelinePage, error) {
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	// Each arm is filtered, ordered and cut to the page's end on its own, so
	// that it reads its index newest first and stops there; only the rows
	// that can reach the page are joined to their authors and sorted.
	notes := `SELECT 'note' AS kind, n.id AS id, n.occurred_at AS at, n.author_id AS author_id, n.kind AS title, n.body AS text
			FROM contact_notes n WHERE n.family_id = $1 AND n.org_id = $2 AND ($3 = '' OR $3 = 'note') AND n.occurred_at >= $4 AND n.occurred_at < $5`
	summaries := `SELECT 'summary' AS kind, s.id AS id, s.created_at AS at, s.author_id AS author_id, '' AS title, s.worried AS text
			FROM family_summaries s WHERE s.family_id = $1 AND s.org_id = $2 AND ($3 = '' OR $3 = 'summary') AND s.created_at >= $4 AND s.created_at < $5`
	groups := `SELECT 'group' AS kind, g.id AS id, g.occurred_at AS at, g.author_id AS author_id, g.title AS title, g.body AS text
			FROM nvr_group_parent_notes g WHERE g.family_id = $1 AND g.org_id = $2 AND ($3 = '' OR $3 = 'group') AND g.occurred_at >= $4 AND g.occurred_at < $5`
	journals := `SELECT 'journal' AS kind, j.id AS id, j.occurred_at AS at, j.author_id AS author_id, j.kind AS title, j.summary AS text
			FROM journal_entries j WHERE j.family_id = $1 AND j.org_id = $2 AND ($3 = '' OR $3 = 'journal') AND j.occurred_at >= $4 AND j.occurred_at < $5`
	sitIns := `SELECT 'sit-in' AS kind, i.id AS id, i.done_at AS at, i.created_by AS author_id, '' AS title, i.summary AS text
			FROM sit_ins i WHERE i.family_id = $1 AND i.org_id = $2 AND ($3 = '' OR $3 = 'sit-in') AND i.status = 'done' AND i.done_at >= $4 AND i.done_at < $5`
	directions := `SELECT 'direction' AS kind, d.id AS id, d.recorded_at AS at, d.recorded_by AS author_id, '' AS title, d.summary AS text
			FROM supervision_directions d WHERE d.family_id = $1 AND d.org_id = $2 AND ($3 = '' OR $3 = 'direction') AND d.recorded_at >= $4 AND d.recorded_at < $5`
	args := []any{familyID, orgID, kind, from.UTC(), to.UTC()}
	var page TimelinePage
	if err := db.reads.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM (`+notes+`) AS a) + (SELECT COUNT(*) FROM (`+summaries+`) AS b)
		+ (SELECT COUNT(*) FROM (`+groups+`) AS c) + (SELECT COUNT(*) FROM (`+journals+`) AS d)
		+ (SELECT COUNT(*) FROM (`+sitIns+`) AS e) + (SELECT COUNT(*) FROM (`+directions+`) AS f)`,
		args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count timeline: %w", mapError(err))
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT t.kind, t.id, t.at, u.name, t.title, t.text FROM (
			SELECT * FROM (`+notes+` ORDER BY n.occurred_at DESC, n.id LIMIT $6) AS a
			UNION ALL
			SELECT * FROM (`+summaries+` ORDER BY s.created_at DESC, s.id LIMIT $6) AS b
			UNION ALL
			SELECT * FROM (`+groups+` ORDER BY g.occurred_at DESC, g.id LIMIT $6) AS c
			UNION ALL
			SELECT * FROM (`+journals+` ORDER BY j.occurred_at DESC, j.id LIMIT $6) AS d
			UNION ALL
			SELECT * FROM (`+sitIns+` ORDER BY i.done_at DESC, i.id LIMIT $6) AS e
			UNION ALL
			SELECT * FROM (`+directions+` ORDER BY d.recorded_at DESC, d.id LIMIT $6) AS f
		) AS t JOIN users u ON u.id = t.author_id
		ORDER BY t.at DESC, t.id LIMIT $7 OFFSET $8`, append(args, offset+limit, limit, offset)...)
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
