package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/access"
)

// Whether practitioners share their wellbeing trend with their
// supervisors (migration 00027). Not shared unless they say so.

// SetTrendSharing records whether practitionerID shares their trend
// (scores only) with their supervisors, and remembers that they ever did. They must be an active
// practitioner of orgID, or it is ErrNotFound.
func (db *DB) SetTrendSharing(ctx context.Context, orgID, practitionerID string, share bool) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `INSERT INTO wellbeing_sharing (org_id, user_id, share_trend, ever_shared, updated_at)
			SELECT u.org_id, u.id, $1, $1, $2 FROM users u WHERE u.id = $3 AND u.org_id = $4 AND u.role = $5 AND u.disabled_at IS NULL
			ON CONFLICT (org_id, user_id) DO UPDATE SET share_trend = excluded.share_trend,
				ever_shared = (wellbeing_sharing.ever_shared OR excluded.share_trend), updated_at = excluded.updated_at`,
			share, db.Now(), practitionerID, orgID, string(access.Practitioner))
	})
	if err != nil {
		return fmt.Errorf("set trend sharing: %w", err)
	}
	return nil
}

// SharesTrend reports whether userID shares their trend with their supervisors.
func (db *DB) SharesTrend(ctx context.Context, orgID, userID string) (bool, error) {
	var share bool
	err := db.reads.QueryRowContext(ctx, `SELECT share_trend FROM wellbeing_sharing WHERE org_id = $1 AND user_id = $2`,
		orgID, userID).Scan(&share)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("shares trend: %w", mapError(err))
	}
	return share, nil
}

// TrendRelationship is how actorID stands to subjectID's wellbeing trend:
// Own for their own; Supervised only when actorID supervises subjectID
// and subjectID shares their trend; None otherwise, including for someone
// of another organisation or no one at all.
func (db *DB) TrendRelationship(ctx context.Context, orgID, actorID, subjectID string) (access.Relationship, error) {
	var n int
	err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM users u WHERE u.id = $1 AND u.org_id = $2`, subjectID, orgID).Scan(&n)
	if err != nil {
		return access.None, fmt.Errorf("trend relationship: %w", mapError(err))
	}
	if n == 0 {
		return access.None, nil
	}
	if actorID == subjectID {
		return access.Own, nil
	}
	err = db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM supervision_links l
		JOIN wellbeing_sharing s ON s.user_id = l.practitioner_id AND s.org_id = l.org_id AND s.share_trend = $1
		WHERE l.org_id = $2 AND l.supervisor_id = $3 AND l.practitioner_id = $4`, true, orgID, actorID, subjectID).Scan(&n)
	if err != nil {
		return access.None, fmt.Errorf("trend relationship: %w", mapError(err))
	}
	if n > 0 {
		return access.Supervised, nil
	}
	return access.None, nil
}

// SharedTrends lists the practitioners supervisorID supervises who share
// their trend with them, by name.
func (db *DB) SharedTrends(ctx context.Context, orgID, supervisorID string) ([]access.User, error) {
	out, err := db.usersWhere(ctx, `SELECT `+prefixed("u.", userColumns)+` FROM users u
		JOIN supervision_links l ON l.practitioner_id = u.id AND l.org_id = u.org_id
		JOIN wellbeing_sharing s ON s.user_id = u.id AND s.org_id = u.org_id AND s.share_trend = $1
		WHERE l.org_id = $2 AND l.supervisor_id = $3 ORDER BY u.name LIMIT 200`, true, orgID, supervisorID)
	if err != nil {
		return nil, fmt.Errorf("shared trends: %w", err)
	}
	return out, nil
}
