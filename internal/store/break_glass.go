package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// BreakGlassEntry records one opening of a family outside the opener's work.
type BreakGlassEntry struct {
	ID       string
	UserID   string
	UserName string
	UserRole access.Role
	Reason   string
	At       time.Time
}

// RecordBreakGlass keeps the reason a staff member gave for opening a family
// outside their work.
func (db *DB) RecordBreakGlass(ctx context.Context, orgID, familyID, userID, reason string) (BreakGlassEntry, error) {
	e := BreakGlassEntry{ID: ids.New(), UserID: userID, Reason: strings.TrimSpace(reason), At: db.Now()}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM families WHERE id = $1 AND org_id = $2`, familyID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return ErrNotFound
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO break_glass (id, org_id, family_id, user_id, reason, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, e.ID, orgID, familyID, userID, e.Reason, e.At)
		return mapError(err)
	})
	if err != nil {
		return BreakGlassEntry{}, fmt.Errorf("record break-glass: %w", err)
	}
	return e, nil
}

// BreakGlassEntries lists the most recent openings of a family outside
// people's work, newest first, at most limit of them.
func (db *DB) BreakGlassEntries(ctx context.Context, orgID, familyID string, limit int) ([]BreakGlassEntry, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT b.id, b.user_id, u.name, u.role, b.reason, b.created_at
		FROM break_glass b JOIN users u ON u.id = b.user_id
		WHERE b.org_id = $1 AND b.family_id = $2 ORDER BY b.created_at DESC, b.id LIMIT $3`, orgID, familyID, limit)
	if err != nil {
		return nil, fmt.Errorf("list break-glass: %w", mapError(err))
	}
	defer rows.Close()
	var out []BreakGlassEntry
	for rows.Next() {
		var e BreakGlassEntry
		var role string
		if err := rows.Scan(&e.ID, &e.UserID, &e.UserName, &role, &e.Reason, &e.At); err != nil {
			return nil, fmt.Errorf("list break-glass: %w", mapError(err))
		}
		e.UserRole, _ = access.ParseRole(role)
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, mapError(rows.Err())
}

// AllocatedPractitioners lists the practitioners currently allocated to a family.
func (db *DB) AllocatedPractitioners(ctx context.Context, orgID, familyID string) ([]access.User, error) {
	return db.usersWhere(ctx, `SELECT `+prefixed("u.", userColumns)+` FROM users u
		JOIN allocations a ON a.practitioner_id = u.id
		WHERE a.org_id = $1 AND a.family_id = $2 AND a.ended_at IS NULL ORDER BY u.name LIMIT 50`, orgID, familyID)
}
