package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// maxListedSessions bounds "Your sessions"; no one has more in practice.
const maxListedSessions = 100

// SessionInfo describes one of a person's active sessions.
type SessionInfo struct {
	SignedInAt time.Time
	LastSeenAt time.Time
	Device     string // a rough description, such as "Safari on iPhone"
	Current    bool   // the session the list was asked for from
}

// UserSessions lists a user's unexpired sessions, most recently used first,
// marking the one whose token is currentToken.
func (db *DB) UserSessions(ctx context.Context, userID, currentToken string) ([]SessionInfo, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT token_hash, signed_in_at, last_seen_at, device FROM sessions
		WHERE user_id = $1 AND expiry > $2 AND NOT revoked
		ORDER BY COALESCE(last_seen_at, signed_in_at, expiry) DESC, token_hash LIMIT $3`, userID, db.Now(), maxListedSessions)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", mapError(err))
	}
	defer rows.Close()
	current := hashToken(currentToken)
	var out []SessionInfo
	for rows.Next() {
		var hash string
		var signedIn, lastSeen sql.NullTime
		var si SessionInfo
		if err := rows.Scan(&hash, &signedIn, &lastSeen, &si.Device); err != nil {
			return nil, fmt.Errorf("list sessions: %w", mapError(err))
		}
		si.SignedInAt = signedIn.Time.UTC()
		si.LastSeenAt = si.SignedInAt
		if lastSeen.Valid {
			si.LastSeenAt = lastSeen.Time.UTC()
		}
		si.Current = currentToken != "" && hash == current
		out = append(out, si)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sessions: %w", mapError(err))
	}
	return out, nil
}

// EndOtherSessions signs a user out everywhere except the session whose token
// is keepToken, and returns how many sessions ended.
func (db *DB) EndOtherSessions(ctx context.Context, userID, keepToken string) (int64, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = endSessions(ctx, tx, userID, keepToken)
		return err
	})
	return n, err
}

// EndUserSessions signs a user out everywhere and returns how many sessions ended.
func (db *DB) EndUserSessions(ctx context.Context, userID string) (int64, error) {
	return db.EndOtherSessions(ctx, userID, "")
}

// endSessions ends a user's sessions, except keepToken's when it is not "".
// The rows are marked revoked rather than deleted, so that a request still
// in flight on one of them cannot write it back.
func endSessions(ctx context.Context, q querier, userID, keepToken string) (int64, error) {
	res, err := q.ExecContext(ctx, `UPDATE sessions SET revoked = TRUE WHERE user_id = $1 AND token_hash <> $2 AND NOT revoked`, userID, keepHash(keepToken))
	if err != nil {
		return 0, fmt.Errorf("end sessions: %w", mapError(err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("end sessions: %w", err)
	}
	return n, nil
}

// keepHash is the stored key of the session to keep, or "" (which no stored
// key equals) to keep none.
func keepHash(token string) string {
	if token == "" {
		return ""
	}
	return hashToken(token)
}
