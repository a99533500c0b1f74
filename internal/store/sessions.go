package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"
)

// Session values the store copies into columns of their own, so that a
// person's sessions can be listed and ended together.
const (
	// SessionUserKey names the signed-in user (a string). It is set only once
	// sign-in is complete, second factor included.
	SessionUserKey = "user_id"
	// SessionSignedInAtKey holds when sign-in completed (Unix seconds, int64).
	SessionSignedInAtKey = "signed_in_at"
	// SessionLastSeenKey holds when the session was last used (Unix seconds,
	// int64). The web layer updates it at most once a minute.
	SessionLastSeenKey = "last_seen_at"
	// SessionDeviceKey holds a rough description of the browser and device
	// (a string), such as "Firefox on Windows".
	SessionDeviceKey = "device"
)

// sessionTouchInterval is how far an idle deadline must move before the store
// writes it again. scs re-commits every request when an idle timeout is set;
// skipping near-identical commits saves a synchronous write per page view at
// the cost of idle time-outs being up to this much early.
const sessionTouchInterval = time.Minute

// SessionStore keeps scs sessions in the database. Tokens are stored only as
// SHA-256 hashes, so a copy of the database cannot be used to take over a
// session.
type SessionStore struct{ db *DB }

// Sessions returns the scs store backed by this database.
func (db *DB) Sessions() *SessionStore { return &SessionStore{db: db} }

var _ scs.CtxStore = (*SessionStore)(nil)

// FindCtx returns the data for an unexpired session token.
func (s *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := s.db.reads.QueryRowContext(ctx, `SELECT data FROM sessions WHERE token_hash = $1 AND expiry > $2 AND NOT revoked`,
		hashToken(token), s.db.Now()).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("find session: %w", mapError(err))
	}
	return data, true, nil
}

// CommitCtx saves session data, adding or replacing it.
func (s *SessionStore) CommitCtx(ctx context.Context, token string, data []byte, expiry time.Time) error {
	hash := hashToken(token)
	expiry = expiry.UTC().Truncate(time.Microsecond)

	var old []byte
	var oldExpiry time.Time
	var revoked bool
	err := s.db.reads.QueryRowContext(ctx, `SELECT data, expiry, revoked FROM sessions WHERE token_hash = $1`, hash).Scan(&old, &oldExpiry, &revoked)
	if err == nil && (revoked || expiry.Sub(oldExpiry) < sessionTouchInterval && !expiry.Before(oldExpiry) && sameSession(old, data)) {
		return nil // an ended session is never written back
	}

	cols, err := sessionColumnsOf(data)
	if err != nil {
		return err
	}
	return s.db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, data, expiry, user_id, signed_in_at, last_seen_at, device)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, expiry = excluded.expiry, user_id = excluded.user_id,
				signed_in_at = excluded.signed_in_at, last_seen_at = excluded.last_seen_at, device = excluded.device
			WHERE NOT sessions.revoked`,
			hash, data, expiry, cols.userID, cols.signedInAt, cols.lastSeenAt, cols.device)
		if err != nil {
			return fmt.Errorf("commit session: %w", mapError(err))
		}
		return nil
	})
}

// sameSession reports whether two encoded sessions hold the same deadline and
// values. The bytes alone cannot tell: gob writes map entries in random order.
func sameSession(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	da, va, errA := scs.GobCodec{}.Decode(a)
	db, vb, errB := scs.GobCodec{}.Decode(b)
	return errA == nil && errB == nil && da.Equal(db) && reflect.DeepEqual(va, vb)
}

// sessionColumns are the session values the sessions table keeps in columns.
type sessionColumns struct {
	userID     sql.NullString
	signedInAt sql.NullTime
	lastSeenAt sql.NullTime
	device     string
}

// maxDeviceLen bounds the stored device description.
const maxDeviceLen = 200

// sessionColumnsOf reads the column values out of encoded session data.
func sessionColumnsOf(data []byte) (sessionColumns, error) {
	_, values, err := scs.GobCodec{}.Decode(data)
	if err != nil {
		return sessionColumns{}, fmt.Errorf("decode session: %w", err)
	}
	var c sessionColumns
	if id, ok := values[SessionUserKey].(string); ok && id != "" {
		c.userID = sql.NullString{String: id, Valid: true}
	}
	c.signedInAt = unixValue(values[SessionSignedInAtKey])
	c.lastSeenAt = unixValue(values[SessionLastSeenKey])
	c.device, _ = values[SessionDeviceKey].(string)
	if len(c.device) > maxDeviceLen {
		c.device = strings.ToValidUTF8(c.device[:maxDeviceLen], "")
	}
	return c, nil
}

// unixValue turns a session value holding Unix seconds into a time.
func unixValue(v any) sql.NullTime {
	secs, ok := v.(int64)
	if !ok || secs <= 0 {
		return sql.NullTime{}
	}
	return sql.NullTime{Time: time.Unix(secs, 0).UTC(), Valid: true}
}

// DeleteCtx removes a session.
func (s *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	return s.db.inWriteTx(ctx, func(tx *sql.Tx) error {
		// Marked, not deleted: see the revoked column's migration.
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET revoked = TRUE WHERE token_hash = $1`, hashToken(token)); err != nil {
			return fmt.Errorf("delete session: %w", mapError(err))
		}
		return nil
	})
}

// Find is FindCtx without a context, for scs's older interface.
func (s *SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit is CommitCtx without a context, for scs's older interface.
func (s *SessionStore) Commit(token string, data []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, data, expiry)
}

// Delete is DeleteCtx without a context, for scs's older interface.
func (s *SessionStore) Delete(token string) error { return s.DeleteCtx(context.Background(), token) }

// DeleteExpiredSessions removes sessions past their expiry and returns how many.
func (db *DB) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expiry <= $1`, db.Now())
		if err != nil {
			return fmt.Errorf("delete expired sessions: %w", mapError(err))
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

// CountUserSessions returns how many live sessions a user has.
func (db *DB) CountUserSessions(ctx context.Context, userID string) (int, error) {
	var n int
	err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expiry > $2 AND NOT revoked`,
		userID, db.Now()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count sessions: %w", mapError(err))
	}
	return n, nil
}
