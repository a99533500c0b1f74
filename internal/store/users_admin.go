package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/access"
)

// ErrLastAdmin means a change would leave the organisation with no active administrator.
var ErrLastAdmin = errors.New("store: the organisation needs at least one active administrator")

// execOne runs one UPDATE or DELETE and reports ErrNotFound when it changed
// no row, because no such record exists in the organisation or it is not in
// a state the change applies to.
func execOne(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return mapError(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// otherActiveAdmins counts the organisation's active administrators other than userID.
func otherActiveAdmins(ctx context.Context, tx *sql.Tx, orgID, userID string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users
		WHERE org_id = $1 AND role = 'admin' AND disabled_at IS NULL AND id <> $2`, orgID, userID).Scan(&n)
	return n, mapError(err)
}

// SetUserRole changes a staff member's role. Parents' accounts belong to a
// family and cannot be turned into staff accounts, nor staff into parents.
func (db *DB) SetUserRole(ctx context.Context, orgID, userID string, role access.Role) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		u, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1 AND org_id = $2`, userID, orgID))
		if err != nil {
			return err
		}
		if (u.Role == access.Parent) != (role == access.Parent) {
			return fmt.Errorf("%w: a parent's account and a staff account cannot be swapped", ErrConflict)
		}
		if u.Role == access.Admin && role != access.Admin && u.Active() {
			n, err := otherActiveAdmins(ctx, tx, orgID, userID)
			if err != nil {
				return err
			}
			if n == 0 {
				return ErrLastAdmin
			}
		}
		if err := execOne(ctx, tx, `UPDATE users SET role = $1, updated_at = $2 WHERE id = $3 AND org_id = $4`,
			string(role), db.Now(), userID, orgID); err != nil {
			return err
		}
		if role != access.Practitioner {
			if _, err := tx.ExecContext(ctx, `DELETE FROM supervision_links WHERE practitioner_id = $1`, userID); err != nil {
				return mapError(err)
			}
		}
		if role != access.Supervisor {
			if _, err := tx.ExecContext(ctx, `DELETE FROM supervision_links WHERE supervisor_id = $1`, userID); err != nil {
				return mapError(err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set role: %w", err)
	}
	return nil
}

// SetUserTeam moves a staff member to a team of the same organisation, or
// out of any team when teamID is empty.
func (db *DB) SetUserTeam(ctx context.Context, orgID, userID, teamID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if teamID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM teams WHERE id = $1 AND org_id = $2`, teamID, orgID).Scan(&n); err != nil {
				return mapError(err)
			}
			if n == 0 {
				return fmt.Errorf("team %s: %w", teamID, ErrNotFound)
			}
		}
		return execOne(ctx, tx, `UPDATE users SET team_id = $1, updated_at = $2 WHERE id = $3 AND org_id = $4 AND role <> 'parent'`,
			nullable(teamID), db.Now(), userID, orgID)
	})
	if err != nil {
		return fmt.Errorf("set team: %w", err)
	}
	return nil
}

// DisableUser stops a person signing in and ends every session they have,
// at once. The last active administrator cannot be disabled.
func (db *DB) DisableUser(ctx context.Context, orgID, userID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		u, err := scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1 AND org_id = $2`, userID, orgID))
		if err != nil {
			return err
		}
		if u.Role == access.Admin {
			n, err := otherActiveAdmins(ctx, tx, orgID, userID)
			if err != nil {
				return err
			}
			if n == 0 {
				return ErrLastAdmin
			}
		}
		if err := execOne(ctx, tx, `UPDATE users SET disabled_at = $1, updated_at = $1 WHERE id = $2 AND org_id = $3 AND disabled_at IS NULL`,
			db.Now(), userID, orgID); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		_, err = endSessions(ctx, tx, userID, "")
		return err
	})
	if err != nil {
		return fmt.Errorf("disable user: %w", err)
	}
	return nil
}

// EnableUser lets a disabled person sign in again.
func (db *DB) EnableUser(ctx context.Context, orgID, userID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE users SET disabled_at = NULL, updated_at = $1 WHERE id = $2 AND org_id = $3`,
			db.Now(), userID, orgID)
	})
	if err != nil {
		return fmt.Errorf("enable user: %w", err)
	}
	return nil
}

// UserInOrg finds a user by ID within one organisation only.
func (db *DB) UserInOrg(ctx context.Context, orgID, userID string) (access.User, error) {
	u, err := scanUser(db.reads.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1 AND org_id = $2`, userID, orgID))
	if err != nil {
		return access.User{}, fmt.Errorf("user %s: %w", userID, err)
	}
	return u, nil
}

// CountActiveUsersByRole counts an organisation's active accounts for each role.
func (db *DB) CountActiveUsersByRole(ctx context.Context, orgID string) (map[access.Role]int, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT role, COUNT(*) FROM users WHERE org_id = $1 AND disabled_at IS NULL GROUP BY role`, orgID)
	if err != nil {
		return nil, fmt.Errorf("count users: %w", mapError(err))
	}
	defer rows.Close()
	out := map[access.Role]int{}
	for rows.Next() {
		var role string
		var n int
		if err := rows.Scan(&role, &n); err != nil {
			return nil, fmt.Errorf("count users: %w", mapError(err))
		}
		r, err := access.ParseRole(role)
		if err != nil {
			return nil, err
		}
		out[r] = n
	}
	return out, mapError(rows.Err())
}
