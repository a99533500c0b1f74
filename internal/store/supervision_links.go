package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/access"
)

// LinkSupervisor records that supervisorID supervises practitionerID. Both
// must be active users of orgID with those roles.
func (db *DB) LinkSupervisor(ctx context.Context, orgID, supervisorID, practitionerID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		for id, role := range map[string]access.Role{supervisorID: access.Supervisor, practitionerID: access.Practitioner} {
			var n int
			err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1 AND org_id = $2 AND role = $3 AND disabled_at IS NULL`,
				id, orgID, string(role)).Scan(&n)
			if err != nil {
				return mapError(err)
			}
			if n == 0 {
				return fmt.Errorf("no active %s %s: %w", role, id, ErrNotFound)
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO supervision_links (org_id, supervisor_id, practitioner_id, created_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, orgID, supervisorID, practitionerID, db.Now())
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("link supervisor: %w", err)
	}
	return nil
}

// UnlinkSupervisor removes a supervision link.
func (db *DB) UnlinkSupervisor(ctx context.Context, orgID, supervisorID, practitionerID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM supervision_links WHERE org_id = $1 AND supervisor_id = $2 AND practitioner_id = $3`,
			orgID, supervisorID, practitionerID)
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("unlink supervisor: %w", err)
	}
	return nil
}

// Supervisees returns the practitioners a supervisor supervises, by name.
func (db *DB) Supervisees(ctx context.Context, orgID, supervisorID string) ([]access.User, error) {
	return db.usersWhere(ctx, `SELECT `+prefixed("u.", userColumns)+` FROM users u
		JOIN supervision_links l ON l.practitioner_id = u.id
		WHERE l.org_id = $1 AND l.supervisor_id = $2 ORDER BY u.name LIMIT 200`, orgID, supervisorID)
}

// Supervisors returns the supervisors of a practitioner, by name.
func (db *DB) Supervisors(ctx context.Context, orgID, practitionerID string) ([]access.User, error) {
	return db.usersWhere(ctx, `SELECT `+prefixed("u.", userColumns)+` FROM users u
		JOIN supervision_links l ON l.supervisor_id = u.id
		WHERE l.org_id = $1 AND l.practitioner_id = $2 ORDER BY u.name LIMIT 200`, orgID, practitionerID)
}

// UsersWithRole returns an organisation's active users with one role, by name.
func (db *DB) UsersWithRole(ctx context.Context, orgID string, role access.Role) ([]access.User, error) {
	return db.usersWhere(ctx, `SELECT `+userColumns+` FROM users
		WHERE org_id = $1 AND role = $2 AND disabled_at IS NULL ORDER BY name LIMIT 1000`, orgID, string(role))
}

func (db *DB) usersWhere(ctx context.Context, query string, args ...any) ([]access.User, error) {
	rows, err := db.reads.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", mapError(err))
	}
	defer rows.Close()
	var out []access.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, u)
	}
	return out, mapError(rows.Err())
}
