package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
)

// SecondFactor describes a user's confirmed authenticator app.
type SecondFactor struct {
	EnabledAt         time.Time
	RecoveryCodesLeft int
}

// SecondFactor returns the user's authenticator app and how many recovery
// codes they have left, or ErrNotFound if they have not set one up.
func (db *DB) SecondFactor(ctx context.Context, userID string) (SecondFactor, error) {
	var sf SecondFactor
	err := db.reads.QueryRowContext(ctx, `SELECT f.enabled_at,
			(SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = f.user_id AND r.used_at IS NULL)
		FROM second_factors f WHERE f.user_id = $1`, userID).Scan(&sf.EnabledAt, &sf.RecoveryCodesLeft)
	if err != nil {
		return SecondFactor{}, fmt.Errorf("second factor of %s: %w", userID, mapError(err))
	}
	sf.EnabledAt = sf.EnabledAt.UTC()
	return sf, nil
}

// HasSecondFactor reports whether the user has set up an authenticator app.
func (db *DB) HasSecondFactor(ctx context.Context, userID string) (bool, error) {
	_, err := db.SecondFactor(ctx, userID)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, ErrNotFound):
		return false, nil
	}
	return false, err
}

// EnableSecondFactor keeps a confirmed TOTP secret, the time step of the code
// that confirmed it (so that code cannot be used again), and the hashes of
// new recovery codes, replacing any the user had. A new factor changes how
// the account is protected, so every other session of the user ends; the one
// whose token is keepToken stays.
func (db *DB) EnableSecondFactor(ctx context.Context, userID, secret string, step int64, recoveryHashes []string, keepToken string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO second_factors (user_id, totp_secret, last_step, enabled_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (user_id) DO UPDATE SET totp_secret = excluded.totp_secret, last_step = excluded.last_step, enabled_at = excluded.enabled_at`,
			userID, secret, step, now); err != nil {
			return mapError(err)
		}
		if err := replaceRecoveryCodes(ctx, tx, userID, recoveryHashes, now); err != nil {
			return err
		}
		_, err := endSessions(ctx, tx, userID, keepToken)
		return err
	})
	if err != nil {
		return fmt.Errorf("enable second factor for %s: %w", userID, err)
	}
	return nil
}

func replaceRecoveryCodes(ctx context.Context, tx *sql.Tx, userID string, hashes []string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE user_id = $1`, userID); err != nil {
		return mapError(err)
	}
	for _, h := range hashes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)`,
			userID, h, now); err != nil {
			return mapError(err)
		}
	}
	return nil
}

// CheckTOTP reports whether code is the user's current authenticator code
// (see access.MatchTOTP), and if so records its time step so that neither it
// nor any older code works again. The step is kept in the database, so a code
// used on one instance is refused by every other. It returns ErrNotFound if
// the user has no second factor.
func (db *DB) CheckTOTP(ctx context.Context, userID, code string) (bool, error) {
	var secret string
	var last int64
	err := db.reads.QueryRowContext(ctx, `SELECT totp_secret, last_step FROM second_factors WHERE user_id = $1`, userID).
		Scan(&secret, &last)
	if err != nil {
		return false, fmt.Errorf("check TOTP for %s: %w", userID, mapError(err))
	}
	step, ok := access.MatchTOTP(secret, code, db.Now(), last)
	if !ok {
		return false, nil
	}
	var n int64
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		// The condition makes this safe against the same code arriving twice at once.
		res, err := tx.ExecContext(ctx, `UPDATE second_factors SET last_step = $1 WHERE user_id = $2 AND last_step < $1`, step, userID)
		if err != nil {
			return mapError(err)
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("record TOTP step for %s: %w", userID, err)
	}
	return n == 1, nil
}

// UseRecoveryCode reports whether code is one of the user's unused recovery
// codes, and if so marks it used, so that each works once.
func (db *DB) UseRecoveryCode(ctx context.Context, userID, code string) (bool, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE recovery_codes SET used_at = $1
			WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL`, db.Now(), userID, access.HashRecoveryCode(code))
		if err != nil {
			return mapError(err)
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("use recovery code for %s: %w", userID, err)
	}
	return n == 1, nil
}

// ResetSecondFactor removes a user's authenticator app and recovery codes and
// ends all their sessions, for an administrator helping someone who has lost
// their phone. The user signs in next with their password alone and, if
// their role requires it, sets up a new app straight away. It returns
// ErrNotFound if the user is not in the organisation.
func (db *DB) ResetSecondFactor(ctx context.Context, orgID, userID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := userInOrg(ctx, tx, orgID, userID); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM second_factors WHERE user_id = $1`, `DELETE FROM recovery_codes WHERE user_id = $1`} {
			if _, err := tx.ExecContext(ctx, q, userID); err != nil {
				return mapError(err)
			}
		}
		_, err := endSessions(ctx, tx, userID, "")
		return err
	})
	if err != nil {
		return fmt.Errorf("reset second factor of %s: %w", userID, err)
	}
	return nil
}

// userInOrg returns ErrNotFound unless the user belongs to the organisation.
func userInOrg(ctx context.Context, q querier, orgID, userID string) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1 AND org_id = $2`, userID, orgID).Scan(&n); err != nil {
		return mapError(err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
