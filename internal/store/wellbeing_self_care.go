package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// Self-care plans (migration 00027): one for each practitioner and
// supervisor who wants one, read only by its owner.

// SaveSelfCare keeps userID's self-care plan, replacing the one before.
// userID must be an active practitioner or supervisor of orgID, or it is
// ErrNotFound. It returns the plan as stored.
func (db *DB) SaveSelfCare(ctx context.Context, orgID, userID string, p wellbeing.SelfCare) (wellbeing.SelfCare, error) {
	p.Helps, p.EarlySigns, p.TalkTo = strings.TrimSpace(p.Helps), strings.TrimSpace(p.EarlySigns), strings.TrimSpace(p.TalkTo)
	p.UpdatedAt = db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `INSERT INTO self_care_plans (org_id, user_id, helps, early_signs, talk_to, updated_at)
			SELECT u.org_id, u.id, $1, $2, $3, $4 FROM users u
			WHERE u.id = $5 AND u.org_id = $6 AND u.role IN ($7, $8) AND u.disabled_at IS NULL
			ON CONFLICT (org_id, user_id) DO UPDATE SET helps = excluded.helps, early_signs = excluded.early_signs,
				talk_to = excluded.talk_to, updated_at = excluded.updated_at`,
			p.Helps, p.EarlySigns, p.TalkTo, p.UpdatedAt, userID, orgID, string(access.Practitioner), string(access.Supervisor))
	})
	if err != nil {
		return wellbeing.SelfCare{}, fmt.Errorf("save self-care plan: %w", err)
	}
	return p, nil
}

// SelfCare reads userID's own self-care plan; with none yet it is ErrNotFound.
func (db *DB) SelfCare(ctx context.Context, orgID, userID string) (wellbeing.SelfCare, error) {
	var p wellbeing.SelfCare
	var at sqlTime
	err := db.reads.QueryRowContext(ctx, `SELECT helps, early_signs, talk_to, updated_at FROM self_care_plans WHERE org_id = $1 AND user_id = $2`,
		orgID, userID).Scan(&p.Helps, &p.EarlySigns, &p.TalkTo, &at)
	if err != nil {
		return wellbeing.SelfCare{}, fmt.Errorf("self-care plan: %w", mapError(err))
	}
	p.UpdatedAt = at.Time.UTC()
	return p, nil
}
