package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// PasswordLinkLifetime is how long an invitation or reset link stays valid.
const PasswordLinkLifetime = 72 * time.Hour

// CreatePasswordLink makes a one-time link token with which userID sets a
// password. Earlier unused links for the same person stop working, so only
// the newest link is ever valid. createdBy may be empty (the command line).
func (db *DB) CreatePasswordLink(ctx context.Context, orgID, userID, createdBy string) (string, time.Time, error) {
	var token string
	var expires time.Time
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		token, expires, err = createPasswordLink(ctx, tx, db.Now(), orgID, userID, createdBy)
		return err
	})
	if err != nil {
		return "", time.Time{}, fmt.Errorf("create password link: %w", err)
	}
	return token, expires, nil
}

// createPasswordLink makes a link inside a write transaction, spending any
// earlier unused link of the same person.
func createPasswordLink(ctx context.Context, tx *sql.Tx, now time.Time, orgID, userID, createdBy string) (string, time.Time, error) {
	token := ids.Token()
	expires := now.Add(PasswordLinkLifetime)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1 AND org_id = $2`, userID, orgID).Scan(&n); err != nil {
		return "", time.Time{}, mapError(err)
	}
	if n == 0 {
		return "", time.Time{}, ErrNotFound
	}
	if _, err := tx.ExecContext(ctx, `UPDATE password_links SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL`, now, userID); err != nil {
		return "", time.Time{}, mapError(err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO password_links (token_hash, org_id, user_id, created_by, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, hashToken(token), orgID, userID, nullable(createdBy), now, expires)
	if err != nil {
		return "", time.Time{}, mapError(err)
	}
	return token, expires, nil
}

// PasswordLinkUser returns the active user a valid, unused link is for.
// An unknown, used or expired link, or a disabled user, is ErrNotFound.
func (db *DB) PasswordLinkUser(ctx context.Context, token string) (access.User, error) {
	u, err := scanUser(db.reads.QueryRowContext(ctx, `SELECT `+prefixed("u.", userColumns)+` FROM password_links l
		JOIN users u ON u.id = l.user_id
		WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND u.disabled_at IS NULL`,
		hashToken(token), db.Now()))
	if err != nil {
		return access.User{}, fmt.Errorf("password link: %w", err)
	}
	return u, nil
}

// UsePasswordLink sets the password of the link's user, spends the link, and
// ends the user's existing sessions, all at once. It returns the user.
func (db *DB) UsePasswordLink(ctx context.Context, token, passwordHash string) (access.User, error) {
	var u access.User
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		now := db.Now()
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+prefixed("u.", userColumns)+` FROM password_links l
			JOIN users u ON u.id = l.user_id
			WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND u.disabled_at IS NULL`,
			hashToken(token), now))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE password_links SET used_at = $1 WHERE token_hash = $2`, now, hashToken(token)); err != nil {
			return mapError(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, passwordHash, now, u.ID); err != nil {
			return mapError(err)
		}
		_, err = endSessions(ctx, tx, u.ID, "")
		return err
	})
	if err != nil {
		return access.User{}, fmt.Errorf("use password link: %w", err)
	}
	u.PasswordHash = passwordHash
	return u, nil
}
