package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
)

// Sign-in throttling lives in the database, not in memory, so that every
// instance behind a load balancer counts the same failures.

// Lockout is an account's sign-in lock state.
type Lockout struct {
	Failures    int       // failures in a row since the last lock or success
	Locks       int       // locks since the last successful sign-in
	LockedUntil time.Time // zero if never locked
}

// Locked reports whether the account is locked at now.
func (l Lockout) Locked(now time.Time) bool { return l.LockedUntil.After(now) }

// SignInLockout returns the account's lock state; an account that has never
// failed a sign-in has the zero Lockout.
func (db *DB) SignInLockout(ctx context.Context, userID string) (Lockout, error) {
	l, err := scanLockout(db.reads.QueryRowContext(ctx,
		`SELECT failures, locks, locked_until FROM sign_in_lockouts WHERE user_id = $1`, userID))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return Lockout{}, fmt.Errorf("sign-in lockout of %s: %w", userID, err)
	}
	return l, nil
}

// SignInLocked reports whether the account is locked now.
func (db *DB) SignInLocked(ctx context.Context, userID string) (bool, error) {
	l, err := db.SignInLockout(ctx, userID)
	return l.Locked(db.Now()), err
}

func scanLockout(row *sql.Row) (Lockout, error) {
	var l Lockout
	var until sql.NullTime
	if err := row.Scan(&l.Failures, &l.Locks, &until); err != nil {
		return Lockout{}, mapError(err)
	}
	if until.Valid {
		l.LockedUntil = until.Time.UTC()
	}
	return l, nil
}

// RecordSignInFailure notes a failed sign-in from a client address and, when
// userID is not "" (it is "" for an unknown email), against that account.
// After access.MaxSignInFailures failures in a row the account is locked for
// access.LockoutPeriod of its number of locks. Attempts while it is locked do
// not count. It returns the account's state afterwards.
func (db *DB) RecordSignInFailure(ctx context.Context, address, userID string) (Lockout, error) {
	now := db.Now()
	var l Lockout
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if address != "" {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sign_in_address_failures (address, window_start, failures) VALUES ($1, $2, 1)
				ON CONFLICT (address) DO UPDATE SET
					failures = CASE WHEN sign_in_address_failures.window_start <= $3 THEN 1 ELSE sign_in_address_failures.failures + 1 END,
					window_start = CASE WHEN sign_in_address_failures.window_start <= $3 THEN $2 ELSE sign_in_address_failures.window_start END`,
				address, now, now.Add(-access.AddressWindow)); err != nil {
				return mapError(err)
			}
		}
		if userID == "" {
			return nil
		}
		// On PostgreSQL the upsert locks the row until commit, so concurrent
		// failures for one account queue here rather than losing a count.
		var err error
		l, err = scanLockout(tx.QueryRowContext(ctx, `INSERT INTO sign_in_lockouts (user_id, failures, locks, locked_until, updated_at)
			VALUES ($1, 1, 0, NULL, $2)
			ON CONFLICT (user_id) DO UPDATE SET
				failures = CASE WHEN sign_in_lockouts.locked_until > $2 THEN sign_in_lockouts.failures ELSE sign_in_lockouts.failures + 1 END,
				updated_at = $2
			RETURNING failures, locks, locked_until`, userID, now))
		if err != nil {
			return err
		}
		if l.Locked(now) || l.Failures < access.MaxSignInFailures {
			return nil
		}
		l = Lockout{Failures: 0, Locks: l.Locks + 1}
		l.LockedUntil = now.Add(access.LockoutPeriod(l.Locks))
		_, err = tx.ExecContext(ctx, `UPDATE sign_in_lockouts SET failures = 0, locks = $1, locked_until = $2 WHERE user_id = $3`,
			l.Locks, l.LockedUntil, userID)
		return mapError(err)
	})
	if err != nil {
		return Lockout{}, fmt.Errorf("record sign-in failure: %w", err)
	}
	return l, nil
}

// RecordSignInSuccess clears an account's failures and locks, after a
// complete sign-in (second factor included).
func (db *DB) RecordSignInSuccess(ctx context.Context, userID string) error {
	if _, err := scanLockout(db.reads.QueryRowContext(ctx,
		`SELECT failures, locks, locked_until FROM sign_in_lockouts WHERE user_id = $1`, userID)); errors.Is(err, ErrNotFound) {
		return nil // nothing to clear: skip the write, as almost every sign-in can
	}
	return db.clearLockout(ctx, userID)
}

func (db *DB) clearLockout(ctx context.Context, userID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sign_in_lockouts WHERE user_id = $1`, userID)
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("clear sign-in lockout of %s: %w", userID, err)
	}
	return nil
}

// UnlockUser lets an administrator unlock an account at once: its failures
// and locks are forgotten. It returns ErrNotFound if the user is not in the
// organisation.
func (db *DB) UnlockUser(ctx context.Context, orgID, userID string) error {
	if err := userInOrg(ctx, db.read, orgID, userID); err != nil {
		return fmt.Errorf("unlock %s: %w", userID, err)
	}
	return db.clearLockout(ctx, userID)
}

// AddressThrottled reports whether a client address has failed
// access.AddressFailureLimit sign-ins in the current window.
func (db *DB) AddressThrottled(ctx context.Context, address string) (bool, error) {
	var failures int
	err := db.reads.QueryRowContext(ctx, `SELECT failures FROM sign_in_address_failures WHERE address = $1 AND window_start > $2`,
		address, db.Now().Add(-access.AddressWindow)).Scan(&failures)
	switch err = mapError(err); {
	case err == nil:
		return failures >= access.AddressFailureLimit, nil
	case errors.Is(err, ErrNotFound):
		return false, nil
	}
	return false, fmt.Errorf("sign-in failures from an address: %w", err)
}

// DeleteStaleSignInFailures forgets client addresses whose window has ended,
// and returns how many.
func (db *DB) DeleteStaleSignInFailures(ctx context.Context) (int64, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sign_in_address_failures WHERE window_start <= $1`,
			db.Now().Add(-access.AddressWindow))
		if err != nil {
			return mapError(err)
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("delete stale sign-in failures: %w", err)
	}
	return n, nil
}
