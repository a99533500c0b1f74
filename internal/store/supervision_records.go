package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// SupervisionSettings reads the organisation's supervision settings, or the
// defaults when none are saved.
func (db *DB) SupervisionSettings(ctx context.Context, orgID string) (supervision.Settings, error) {
	s := supervision.DefaultSettings()
	err := db.reads.QueryRowContext(ctx, `SELECT every_weeks, not_seen_weeks FROM supervision_settings WHERE org_id = $1`, orgID).
		Scan(&s.EveryWeeks, &s.NotSeenWeeks)
	if errors.Is(err, sql.ErrNoRows) {
		return supervision.DefaultSettings(), nil
	}
	if err != nil {
		return s, fmt.Errorf("supervision settings: %w", mapError(err))
	}
	return s, nil
}

// SaveSupervisionSettings saves the organisation's supervision settings.
func (db *DB) SaveSupervisionSettings(ctx context.Context, orgID, byUser string, s supervision.Settings) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO supervision_settings (org_id, every_weeks, not_seen_weeks, updated_by, updated_at)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id) DO UPDATE SET every_weeks = excluded.every_weeks,
			not_seen_weeks = excluded.not_seen_weeks, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			orgID, s.EveryWeeks, s.NotSeenWeeks, byUser, db.Now())
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("save supervision settings: %w", err)
	}
	return nil
}

// SupervisionRecords works out each practitioner's supervision record at
// the store's clock: all the organisation's active practitioners for an
// administrator, or those a supervisor supervises (disabled accounts left
// out). It reads the sessions held in the window and the next one planned
// from now on, in two statements.
func (db *DB) SupervisionRecords(ctx context.Context, actor access.Actor, every int) ([]supervision.Record, error) {
	var people []access.User
	var err error
	if actor.Role == access.Supervisor {
		people, err = db.Supervisees(ctx, actor.OrgID, actor.UserID)
	} else {
		people, err = db.UsersWithRole(ctx, actor.OrgID, access.Practitioner)
	}
	if err != nil {
		return nil, err
	}
	// Only active practitioners are expected to be supervised.
	people = slices.DeleteFunc(people, func(u access.User) bool { return !u.Active() })
	if len(people) == 0 {
		return nil, nil
	}
	now := db.Now()
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	list, args := inList([]any{actor.OrgID, now.Add(-supervision.Window - 365*24*time.Hour)}, ids)
	held := map[string][]time.Time{}
	next := map[string]time.Time{}
	rows, err := db.reads.QueryContext(ctx, `SELECT practitioner_id, held_at, planned_for FROM supervision_sessions
		WHERE org_id = $1 AND practitioner_id IN (`+list+`) AND cancelled_at IS NULL AND (held_at IS NULL OR held_at >= $2)`, args...)
	if err != nil {
		return nil, fmt.Errorf("supervision records: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var h sqlTime
		var planned time.Time
		if err := rows.Scan(&id, &h, &planned); err != nil {
			return nil, fmt.Errorf("supervision records: %w", mapError(err))
		}
		switch {
		case !h.Time.IsZero():
			held[id] = append(held[id], h.Time.UTC())
		case planned.Before(now):
			// Planned for a time gone by and not recorded as held: not next.
		case next[id].IsZero() || planned.Before(next[id]):
			next[id] = planned.UTC()
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("supervision records: %w", mapError(err))
	}
	out := make([]supervision.Record, len(people))
	for i, p := range people {
		out[i] = supervision.RecordFor(p.ID, p.Name, p.CreatedAt, held[p.ID], next[p.ID], every, now)
	}
	return out, nil
}
