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

const userColumns = `id, org_id, email, name, role, password_hash, team_id, family_id, disabled_at, created_at`

func scanUser(row interface{ Scan(...any) error }) (access.User, error) {
	var u access.User
	var role string
	var disabled sql.NullTime
	var team, family sql.NullString
	if err := row.Scan(&u.ID, &u.OrgID, &u.Email, &u.Name, &role, &u.PasswordHash, &team, &family, &disabled, &u.CreatedAt); err != nil {
		return access.User{}, mapError(err)
	}
	r, err := access.ParseRole(role)
	if err != nil {
		return access.User{}, fmt.Errorf("user %s: %w", u.ID, err)
	}
	u.Role = r
	u.TeamID, u.FamilyID = team.String, family.String
	if disabled.Valid {
		t := disabled.Time.UTC()
		u.DisabledAt = &t
	}
	u.CreatedAt = u.CreatedAt.UTC()
	return u, nil
}

// NewUser is what is needed to create an account.
type NewUser struct {
	// ID is the new account's identifier; empty means one is made. Callers
	// that must record the account in the audit trail before creating it
	// choose it first with ids.New.
	ID           string
	OrgID        string
	Email        string
	Name         string
	Role         access.Role
	PasswordHash string // empty for an invited person who has not yet chosen one
	TeamID       string
	FamilyID     string // required for parents
}

// CreateUser adds an account. A repeated email gives ErrAlreadyExists.
func (db *DB) CreateUser(ctx context.Context, nu NewUser) (access.User, error) {
	var u access.User
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = createUser(ctx, tx, db.Now(), nu)
		return err
	})
	return u, err
}

func createUser(ctx context.Context, q querier, now time.Time, nu NewUser) (access.User, error) {
	// References must stay inside the organisation: a team or family of
	// another organisation is treated as not existing.
	for table, id := range map[string]string{"teams": nu.TeamID, "families": nu.FamilyID} {
		if id == "" {
			continue
		}
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = $1 AND org_id = $2`, id, nu.OrgID).Scan(&n); err != nil {
			return access.User{}, fmt.Errorf("create user: %w", mapError(err))
		}
		if n == 0 {
			return access.User{}, fmt.Errorf("create user: %s %s: %w", table, id, ErrConflict)
		}
	}
	if (nu.Role == access.Parent) != (nu.FamilyID != "") {
		return access.User{}, fmt.Errorf("create user: a parent belongs to one family and staff to none: %w", ErrConflict)
	}
	if nu.ID == "" {
		nu.ID = ids.New()
	}
	u := access.User{
		ID: nu.ID, OrgID: nu.OrgID, Email: access.NormaliseEmail(nu.Email),
		Name: strings.TrimSpace(nu.Name), Role: nu.Role, PasswordHash: nu.PasswordHash,
		TeamID: nu.TeamID, FamilyID: nu.FamilyID, CreatedAt: now,
	}
	_, err := q.ExecContext(ctx, `INSERT INTO users (`+userColumns+`, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $9)`,
		u.ID, u.OrgID, u.Email, u.Name, string(u.Role), u.PasswordHash, nullable(u.TeamID), nullable(u.FamilyID), now)
	if err != nil {
		return access.User{}, fmt.Errorf("create user: %w", mapError(err))
	}
	return u, nil
}

// UserByEmail finds an account by email, in any organisation, for sign-in.
func (db *DB) UserByEmail(ctx context.Context, email string) (access.User, error) {
	row := db.reads.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE email = $1`, access.NormaliseEmail(email))
	u, err := scanUser(row)
	if err != nil {
		return access.User{}, fmt.Errorf("user by email: %w", err)
	}
	return u, nil
}

// nullable stores an empty string as NULL, for optional references.
func nullable(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// UserByID finds an account by its ID.
func (db *DB) UserByID(ctx context.Context, id string) (access.User, error) {
	u, err := scanUser(db.reads.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return access.User{}, fmt.Errorf("user %s: %w", id, err)
	}
	return u, nil
}

// UserPage is one page of an organisation's accounts.
type UserPage struct {
	Users []access.User
	Total int
}

// ListUsers returns an organisation's accounts ordered by name, limit at a time.
func (db *DB) ListUsers(ctx context.Context, orgID string, limit, offset int) (UserPage, error) {
	var page UserPage
	if err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE org_id = $1`, orgID).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count users: %w", mapError(err))
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE org_id = $1
		ORDER BY name, id LIMIT $2 OFFSET $3`, orgID, limit, offset)
	if err != nil {
		return page, fmt.Errorf("list users: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return page, fmt.Errorf("list users: %w", err)
		}
		page.Users = append(page.Users, u)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("list users: %w", mapError(err))
	}
	return page, nil
}

// UserNames returns the names of an organisation's users with the given
// IDs, for showing who did what. IDs of other organisations are left out.
func (db *DB) UserNames(ctx context.Context, orgID string, userIDs []string) (map[string]access.User, error) {
	out := map[string]access.User{}
	if len(userIDs) == 0 {
		return out, nil
	}
	list, args := inList([]any{orgID}, userIDs)
	users, err := db.usersWhere(ctx, `SELECT `+userColumns+` FROM users WHERE org_id = $1 AND id IN (`+list+`)`, args...)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		out[u.ID] = u
	}
	return out, nil
}

// UserChangedSince reports whether a user's account (password, role, status)
// has changed after t. A sign-in that began before a change must start again.
func (db *DB) UserChangedSince(ctx context.Context, userID string, t time.Time) (bool, error) {
	var n int
	err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1 AND updated_at > $2`, userID, t.UTC()).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("user changed since: %w", mapError(err))
	}
	return n > 0, nil
}
