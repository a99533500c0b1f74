package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// Practitioners' weekly check-ins (migration 00027). Every statement names
// the organisation. A person's notes are read only by SelfCheckIns, for
// their author; everything else reads scores or sums of them.

// SaveCheckIn keeps c as userID's answer for c.Week, replacing any answer
// they gave that week. The week and the time of answering come from the
// caller (the demo back-dates them). userID must be an active practitioner
// of orgID, or it is ErrNotFound.
func (db *DB) SaveCheckIn(ctx context.Context, orgID, userID string, c wellbeing.CheckIn) error {
	if _, err := wellbeing.ParseWeek(string(c.Week)); err != nil {
		return fmt.Errorf("save check-in: %w", err)
	}
	if c.Score < wellbeing.MinScore || c.Score > wellbeing.MaxScore {
		return fmt.Errorf("save check-in: score %d is outside 0 to 10", c.Score)
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `INSERT INTO wellbeing_check_ins (org_id, user_id, week, score, note, answered_at, team_id)
			SELECT u.org_id, u.id, $1, $2, $3, $4, u.team_id FROM users u
			WHERE u.id = $5 AND u.org_id = $6 AND u.role = $7 AND u.disabled_at IS NULL
			ON CONFLICT (org_id, user_id, week) DO UPDATE SET score = excluded.score, note = excluded.note, answered_at = excluded.answered_at,
				team_id = excluded.team_id`,
			string(c.Week), c.Score, strings.TrimSpace(c.Note), c.AnsweredAt.UTC().Truncate(time.Microsecond), userID, orgID, string(access.Practitioner))
	})
	if err != nil {
		return fmt.Errorf("save check-in: %w", err)
	}
	return nil
}

// SelfCheckIns reads userID's own check-ins from week since on, notes and
// all, oldest first. Only the author's own pages call it.
func (db *DB) SelfCheckIns(ctx context.Context, orgID, userID string, since wellbeing.Week) ([]wellbeing.CheckIn, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT week, score, note, answered_at FROM wellbeing_check_ins
		WHERE org_id = $1 AND user_id = $2 AND week >= $3 ORDER BY week LIMIT 200`, orgID, userID, string(since))
	if err != nil {
		return nil, fmt.Errorf("own check-ins: %w", mapError(err))
	}
	defer rows.Close()
	var out []wellbeing.CheckIn
	for rows.Next() {
		c := wellbeing.CheckIn{UserID: userID}
		var at sqlTime
		if err := rows.Scan(&c.Week, &c.Score, &c.Note, &at); err != nil {
			return nil, fmt.Errorf("own check-ins: %w", mapError(err))
		}
		c.AnsweredAt = at.Time.UTC()
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}

// CheckInScores reads userID's scores from week since on, oldest first,
// without their notes: what their supervisor sees of a shared trend.
func (db *DB) CheckInScores(ctx context.Context, orgID, userID string, since wellbeing.Week) ([]wellbeing.Score, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT week, score FROM wellbeing_check_ins
		WHERE org_id = $1 AND user_id = $2 AND week >= $3 ORDER BY week LIMIT 200`, orgID, userID, string(since))
	if err != nil {
		return nil, fmt.Errorf("check-in scores: %w", mapError(err))
	}
	defer rows.Close()
	var out []wellbeing.Score
	for rows.Next() {
		var s wellbeing.Score
		if err := rows.Scan(&s.Week, &s.Score); err != nil {
			return nil, fmt.Errorf("check-in scores: %w", mapError(err))
		}
		out = append(out, s)
	}
	return out, mapError(rows.Err())
}

// TeamCheckInTotals sums, week by week from since on, the check-ins given
// while in teamID: how many answered and the sum of their scores, never
// who, and how many came from people who have never shared their trend.
// Apply wellbeing.Figures before showing them.
func (db *DB) TeamCheckInTotals(ctx context.Context, orgID, teamID string, since wellbeing.Week) ([]wellbeing.Total, error) {
	out, err := db.checkInTotals(ctx, `AND c.team_id = $3`, orgID, since, teamID)
	if err != nil {
		return nil, fmt.Errorf("team check-in totals: %w", err)
	}
	return out, nil
}

// OrganisationCheckInTotals sums, week by week from since on, every
// check-in in the organisation, with how many came from people who have
// never shared their trend. Apply wellbeing.Figures before showing them.
func (db *DB) OrganisationCheckInTotals(ctx context.Context, orgID string, since wellbeing.Week) ([]wellbeing.Total, error) {
	out, err := db.checkInTotals(ctx, ``, orgID, since)
	if err != nil {
		return nil, fmt.Errorf("organisation check-in totals: %w", err)
	}
	return out, nil
}

// checkInTotals sums the check-ins of c that also meet and, which may use
// $3. An answer counts as unseen unless its author has ever shared their
// trend: a supervisor who saw it may remember it, whoever supervises them
// now, so the rule errs towards hiding.
func (db *DB) checkInTotals(ctx context.Context, and, orgID string, since wellbeing.Week, args ...any) ([]wellbeing.Total, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT c.week, COUNT(*), SUM(c.score),
			SUM(CASE WHEN EXISTS (SELECT 1 FROM wellbeing_sharing s WHERE s.org_id = c.org_id AND s.user_id = c.user_id AND s.ever_shared) THEN 0 ELSE 1 END)
		FROM wellbeing_check_ins c
		WHERE c.org_id = $1 AND c.week >= $2 `+and+` GROUP BY c.week ORDER BY c.week LIMIT 200`, append([]any{orgID, string(since)}, args...)...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []wellbeing.Total
	for rows.Next() {
		var t wellbeing.Total
		if err := rows.Scan(&t.Week, &t.Answers, &t.Sum, &t.Unseen); err != nil {
			return nil, mapError(err)
		}
		out = append(out, t)
	}
	return out, mapError(rows.Err())
}
