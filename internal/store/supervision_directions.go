package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// RecordDirection saves case direction from a session for a family. The
// family must be allocated to the session's practitioner, and the owner of
// an action one of the session's two people; otherwise ErrNotFound. The
// direction then shows on the family's timeline. d.RecordedAt is when it
// was decided; zero means now (the web layer always leaves it zero; the demo
// writes history).
func (db *DB) RecordDirection(ctx context.Context, orgID string, d supervision.Direction) (supervision.Direction, error) {
	d.Decision, d.Action = strings.TrimSpace(d.Decision), strings.TrimSpace(d.Action)
	d.ID = ids.New()
	if d.RecordedAt.IsZero() {
		d.RecordedAt = db.Now()
	}
	d.RecordedAt = d.RecordedAt.UTC().Truncate(time.Microsecond)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var practitioner, supervisor string
		if err := tx.QueryRowContext(ctx, `SELECT practitioner_id, supervisor_id FROM supervision_sessions WHERE id = $1 AND org_id = $2`,
			d.SessionID, orgID).Scan(&practitioner, &supervisor); err != nil {
			return mapError(err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM allocations a JOIN families f ON f.id = a.family_id
			WHERE a.family_id = $1 AND a.practitioner_id = $2 AND a.ended_at IS NULL AND f.org_id = $3`, d.FamilyID, practitioner, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return fmt.Errorf("family %s is not in the session's caseload: %w", d.FamilyID, ErrNotFound)
		}
		if d.OwnerID != "" && d.OwnerID != practitioner && d.OwnerID != supervisor {
			return fmt.Errorf("owner %s is not in the session: %w", d.OwnerID, ErrNotFound)
		}
		if d.OwnerID != "" {
			if err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1 AND org_id = $2`, d.OwnerID, orgID).Scan(&d.OwnerName); err != nil {
				return mapError(err)
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO supervision_directions (id, org_id, session_id, family_id, decision, action, owner_id, due_on, summary, recorded_by, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, d.ID, orgID, d.SessionID, d.FamilyID, d.Decision, d.Action, nullable(d.OwnerID), d.DueOn,
			d.Summary(), d.RecordedBy, d.RecordedAt)
		return mapError(err)
	})
	if err != nil {
		return supervision.Direction{}, fmt.Errorf("record case direction: %w", err)
	}
	return d, nil
}

// SessionDirections lists the case direction a session recorded, in the
// order it was recorded.
func (db *DB) SessionDirections(ctx context.Context, orgID, sessionID string) ([]supervision.Direction, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT d.id, d.session_id, d.family_id, f.name, d.decision, d.action, COALESCE(d.owner_id, ''), COALESCE(o.name, ''),
			d.due_on, d.recorded_by, r.name, d.recorded_at
		FROM supervision_directions d JOIN families f ON f.id = d.family_id JOIN users r ON r.id = d.recorded_by LEFT JOIN users o ON o.id = d.owner_id
		WHERE d.org_id = $1 AND d.session_id = $2 ORDER BY d.recorded_at, d.id LIMIT 500`, orgID, sessionID)
	if err != nil {
		return nil, fmt.Errorf("case direction: %w", mapError(err))
	}
	defer rows.Close()
	var out []supervision.Direction
	for rows.Next() {
		var d supervision.Direction
		if err := rows.Scan(&d.ID, &d.SessionID, &d.FamilyID, &d.FamilyName, &d.Decision, &d.Action, &d.OwnerID, &d.OwnerName,
			&d.DueOn, &d.RecordedBy, &d.RecordedByName, &d.RecordedAt); err != nil {
			return nil, fmt.Errorf("case direction: %w", mapError(err))
		}
		d.RecordedAt = d.RecordedAt.UTC()
		out = append(out, d)
	}
	return out, mapError(rows.Err())
}
