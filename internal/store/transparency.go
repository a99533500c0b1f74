package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// TransparencyConfirmation is the newest version of the statement of who
// sees what a parent writes that they have confirmed reading, and when.
// Version 0 means they have not confirmed any.
type TransparencyConfirmation struct {
	Version int
	At      time.Time
}

// ConfirmTransparency records that a user has read version of the
// statement. Confirming a version again keeps the first time.
func (db *DB) ConfirmTransparency(ctx context.Context, orgID, userID string, version int) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1 AND org_id = $2`, userID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return ErrNotFound
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO transparency_confirmations (user_id, org_id, version, confirmed_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, version) DO NOTHING`, userID, orgID, version, db.Now())
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("confirm transparency statement: %w", err)
	}
	return nil
}

// Transparency returns the newest statement a user has confirmed, or the
// zero value if they have confirmed none.
func (db *DB) Transparency(ctx context.Context, orgID, userID string) (TransparencyConfirmation, error) {
	var c TransparencyConfirmation
	err := db.reads.QueryRowContext(ctx, `SELECT version, confirmed_at FROM transparency_confirmations
		WHERE user_id = $1 AND org_id = $2 ORDER BY version DESC LIMIT 1`, userID, orgID).Scan(&c.Version, &c.At)
	if errors.Is(err, sql.ErrNoRows) {
		return TransparencyConfirmation{}, nil
	}
	if err != nil {
		return TransparencyConfirmation{}, fmt.Errorf("transparency statement: %w", mapError(err))
	}
	c.At = c.At.UTC()
	return c, nil
}
