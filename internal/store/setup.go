package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// SetupLinkLifetime is how long a first-run setup link stays valid.
const SetupLinkLifetime = 24 * time.Hour

// hashToken is how every secret token is kept at rest.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSetupToken makes a one-time setup link token, valid for
// SetupLinkLifetime, and returns the token. Only its hash is stored.
func (db *DB) CreateSetupToken(ctx context.Context) (string, time.Time, error) {
	token := ids.Token()
	now := db.Now()
	expires := now.Add(SetupLinkLifetime)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)`,
			hashToken(token), now, expires)
		return mapError(err)
	})
	if err != nil {
		return "", time.Time{}, fmt.Errorf("create setup token: %w", err)
	}
	return token, expires, nil
}

// ErrSetupDone means an organisation already exists, so setup links no longer work.
var ErrSetupDone = errors.New("store: setup has already been completed")

// SetupTokenValid reports whether token can still be used. It returns
// ErrSetupDone once any organisation exists, and ErrNotFound for an unknown,
// used or expired token.
func (db *DB) SetupTokenValid(ctx context.Context, token string) error {
	done, err := db.HasOrganisations(ctx)
	if err != nil {
		return err
	}
	if done {
		return ErrSetupDone
	}
	var n int
	err = db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM setup_tokens
		WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`, hashToken(token), db.Now()).Scan(&n)
	if err != nil {
		return fmt.Errorf("check setup token: %w", mapError(err))
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// FirstAdmin is what the setup form collects.
type FirstAdmin struct {
	OrganisationName string
	Name             string
	Email            string
	PasswordHash     string
}

// CompleteSetup uses token to create the organisation and its first
// administrator, all in one transaction. It fails with ErrSetupDone if an
// organisation already exists and ErrNotFound if the token cannot be used.
func (db *DB) CompleteSetup(ctx context.Context, token string, fa FirstAdmin) (access.User, error) {
	var admin access.User
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var orgs int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations`).Scan(&orgs); err != nil {
			return mapError(err)
		}
		if orgs > 0 {
			return ErrSetupDone
		}
		now := db.Now()
		res, err := tx.ExecContext(ctx, `UPDATE setup_tokens SET used_at = $1
			WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1`, now, hashToken(token))
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return ErrNotFound
		}
		org, err := createOrganisation(ctx, tx, db, fa.OrganisationName)
		if err != nil {
			return err
		}
		admin, err = createUser(ctx, tx, now, NewUser{
			OrgID: org.ID, Email: fa.Email, Name: fa.Name, Role: access.Admin, PasswordHash: fa.PasswordHash,
		})
		return err
	})
	if err != nil {
		return access.User{}, fmt.Errorf("complete setup: %w", err)
	}
	return admin, nil
}
