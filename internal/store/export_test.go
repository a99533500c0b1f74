package store

import "context"

// StoredSessionKeys returns the keys the sessions table holds, so tests can
// check that raw tokens never reach the database.
func (db *DB) StoredSessionKeys(ctx context.Context) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT token_hash FROM sessions`)
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
