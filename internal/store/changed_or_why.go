package store

import (
	"context"
	"database/sql"
	"fmt"
)

// changeOneOrExplain runs change, an UPDATE or DELETE meant to touch one
// row only when the row is in a state that allows it, and when it touched
// none says why: ErrNotFound when exists (a COUNT over the same row, with
// existsArgs) finds nothing, ErrConflict when the row is there but the
// change does not apply to it (held, done, called off, someone else's).
func changeOneOrExplain(ctx context.Context, tx *sql.Tx, change string, args []any, exists string, existsArgs ...any) error {
	res, err := tx.ExecContext(ctx, change, args...)
	if err != nil {
		return mapError(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return mapError(err)
	}
	if n == 1 {
		return nil
	}
	var found int
	if err := tx.QueryRowContext(ctx, exists, existsArgs...).Scan(&found); err != nil {
		return mapError(err)
	}
	if found == 0 {
		return fmt.Errorf("nothing to change: %w", ErrNotFound)
	}
	return fmt.Errorf("the change does not apply to it now: %w", ErrConflict)
}
