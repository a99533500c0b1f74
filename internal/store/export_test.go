package store

import (
	"context"
	"time"
)

// StoredSessionKeys returns the keys the sessions table holds, so tests can
// check that raw tokens never reach the database.
func (db *DB) StoredSessionKeys(ctx context.Context) ([]string, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT token_hash FROM sessions`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// StoredSessionExpiry returns the stored expiry of a session token.
func (db *DB) StoredSessionExpiry(ctx context.Context, token string) (t time.Time, err error) {
	err = db.reads.QueryRowContext(ctx, `SELECT expiry FROM sessions WHERE token_hash = $1`, hashToken(token)).Scan(&t)
	return t.UTC(), err
}

// ExecWrite runs a statement on the write pool and maps its error as the
// store does, so tests can show what the database refuses.
func (db *DB) ExecWrite(ctx context.Context, query string, args ...any) error {
	_, err := db.write.ExecContext(ctx, query, args...)
	return mapError(err)
}
