package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// AddRating records an answer to the family's 0–10 scale question, at
// r.RecordedAt, or now when that is zero (the web layer always leaves it
// zero; the demo sets it to spread its history over months).
func (db *DB) AddRating(ctx context.Context, orgID, recordedBy string, r family.Rating) (family.Rating, error) {
	r.ID = ids.New()
	if r.RecordedAt.IsZero() {
		r.RecordedAt = db.Now()
	}
	r.RecordedAt = r.RecordedAt.UTC().Truncate(time.Microsecond)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, r.FamilyID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO scale_ratings (id, org_id, family_id, score, view, note, recorded_by, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, r.ID, orgID, r.FamilyID, r.Score, string(r.View), strings.TrimSpace(r.Note), recordedBy, r.RecordedAt)
		return mapError(err)
	})
	if err != nil {
		return family.Rating{}, fmt.Errorf("add rating: %w", err)
	}
	return r, nil
}

// Ratings lists a family's ratings, newest first, at most limit.
func (db *DB) Ratings(ctx context.Context, orgID, familyID string, limit int) ([]family.Rating, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT r.id, r.family_id, r.score, r.view, r.note, u.name, r.recorded_at
		FROM scale_ratings r JOIN users u ON u.id = r.recorded_by
		WHERE r.family_id = $1 AND r.org_id = $2 ORDER BY r.recorded_at DESC, r.id LIMIT $3`, familyID, orgID, limit)
	if err != nil {
		return nil, fmt.Errorf("ratings: %w", mapError(err))
	}
	defer rows.Close()
	var out []family.Rating
	for rows.Next() {
		var r family.Rating
		var view string
		if err := rows.Scan(&r.ID, &r.FamilyID, &r.Score, &view, &r.Note, &r.RecordedBy, &r.RecordedAt); err != nil {
			return nil, fmt.Errorf("ratings: %w", mapError(err))
		}
		r.View, r.RecordedAt = family.View(view), r.RecordedAt.UTC()
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}
