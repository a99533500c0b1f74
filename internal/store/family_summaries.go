package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
)

const summaryColumns = `s.id, s.family_id, s.worried, s.working_well, s.needs_to_happen, s.author_id, u.name, s.created_at`

// SaveSummary keeps a new version of a family's three columns, unless it
// says the same as the current one. It reports whether a version was added.
func (db *DB) SaveSummary(ctx context.Context, orgID string, s family.Summary) (bool, error) {
	added := false
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, s.FamilyID); err != nil {
			return err
		}
		current, err := latestSummary(ctx, tx, orgID, s.FamilyID)
		if err == nil && current.Same(s) {
			return nil
		}
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO family_summaries (id, org_id, family_id, worried, working_well, needs_to_happen, author_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, ids.New(), orgID, s.FamilyID, s.Worried, s.WorkingWell, s.NeedsToHappen, s.AuthorID, db.Now())
		added = err == nil
		return mapError(err)
	})
	if err != nil {
		return false, fmt.Errorf("save family summary: %w", err)
	}
	return added, nil
}

func latestSummary(ctx context.Context, q querier, orgID, familyID string) (family.Summary, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+summaryColumns+` FROM family_summaries s JOIN users u ON u.id = s.author_id
		WHERE s.family_id = $1 AND s.org_id = $2 ORDER BY s.created_at DESC, s.id LIMIT 1`, familyID, orgID)
	if err != nil {
		return family.Summary{}, mapError(err)
	}
	list, err := scanSummaries(rows)
	if err != nil {
		return family.Summary{}, err
	}
	if len(list) == 0 {
		return family.Summary{}, ErrNotFound
	}
	return list[0], nil
}

// Summaries returns a family's summary versions, newest first, at most limit.
// The first is the current one.
func (db *DB) Summaries(ctx context.Context, orgID, familyID string, limit int) ([]family.Summary, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+summaryColumns+` FROM family_summaries s JOIN users u ON u.id = s.author_id
		WHERE s.family_id = $1 AND s.org_id = $2 ORDER BY s.created_at DESC, s.id LIMIT $3`, familyID, orgID, limit)
	if err != nil {
		return nil, fmt.Errorf("family summaries: %w", mapError(err))
	}
	list, err := scanSummaries(rows)
	if err != nil {
		return nil, fmt.Errorf("family summaries: %w", err)
	}
	return list, nil
}

func scanSummaries(rows *sql.Rows) ([]family.Summary, error) {
	defer rows.Close()
	var out []family.Summary
	for rows.Next() {
		var s family.Summary
		if err := rows.Scan(&s.ID, &s.FamilyID, &s.Worried, &s.WorkingWell, &s.NeedsToHappen, &s.AuthorID, &s.AuthorName, &s.At); err != nil {
			return nil, mapError(err)
		}
		s.At = s.At.UTC()
		out = append(out, s)
	}
	return out, mapError(rows.Err())
}
