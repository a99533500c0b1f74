package store

import (
	"context"
	"database/sql"
	"fmt"
)

// ChangePassword replaces a user's password hash and ends every other session
// of theirs, so that anyone else who knew the old password is signed out. The
// session whose token is keepToken stays. It returns ErrNotFound for an
// unknown user.
func (db *DB) ChangePassword(ctx context.Context, userID, newHash, keepToken string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`,
			newHash, db.Now(), userID)
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return ErrNotFound
		}
		_, err = endSessions(ctx, tx, userID, keepToken)
		return err
	})
	if err != nil {
		return fmt.Errorf("change password of %s: %w", userID, err)
	}
	return nil
}
