package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/engagement"
)

// engagementHistory bounds the lists of hypotheses and actions a page reads.
const engagementHistory = 200

// hypotheses reads hypotheses matching where, a condition on h with $1 the
// organisation, oldest record first.
func (db *DB) hypotheses(ctx context.Context, where string, args ...any) ([]engagement.Hypothesis, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT h.id, h.family_id, h.record_id, r.recorded_on, h.reason, h.text, h.status, h.changed_at
		FROM engagement_hypotheses h JOIN engagement_records r ON r.id = h.record_id
		WHERE h.org_id = $1 AND `+where+` ORDER BY r.recorded_on DESC, r.created_at DESC, h.position LIMIT `+fmt.Sprint(engagementHistory), args...)
	if err != nil {
		return nil, fmt.Errorf("engagement hypotheses: %w", mapError(err))
	}
	defer rows.Close()
	var out []engagement.Hypothesis
	for rows.Next() {
		var h engagement.Hypothesis
		var recorded, reason, status string
		if err := rows.Scan(&h.ID, &h.FamilyID, &h.RecordID, &recorded, &reason, &h.Text, &status, &h.ChangedAt); err != nil {
			return nil, fmt.Errorf("engagement hypotheses: %w", mapError(err))
		}
		h.RecordedOn, h.Reason, h.Status, h.ChangedAt = parseDateText(recorded), engagement.Reason(reason), engagement.HypothesisStatus(status), h.ChangedAt.UTC()
		out = append(out, h)
	}
	return out, mapError(rows.Err())
}

// actions reads at most limit plan actions matching where, a condition on
// a with $1 the organisation, which may end with an ORDER BY.
func (db *DB) actions(ctx context.Context, where string, limit int, args ...any) ([]engagement.Action, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT a.id, a.family_id, a.record_id, a.what, a.owner, a.due_on, a.status, a.changed_at
		FROM engagement_actions a WHERE a.org_id = $1 AND `+where+` LIMIT `+fmt.Sprint(limit), args...)
	if err != nil {
		return nil, fmt.Errorf("engagement actions: %w", mapError(err))
	}
	defer rows.Close()
	var out []engagement.Action
	for rows.Next() {
		var a engagement.Action
		var due, status string
		if err := rows.Scan(&a.ID, &a.FamilyID, &a.RecordID, &a.What, &a.Owner, &due, &status, &a.ChangedAt); err != nil {
			return nil, fmt.Errorf("engagement actions: %w", mapError(err))
		}
		a.DueOn, a.Status, a.ChangedAt = parseDateText(due), engagement.ActionStatus(status), a.ChangedAt.UTC()
		out = append(out, a)
	}
	return out, mapError(rows.Err())
}

// addHistories fills in the status histories of a record's hypotheses and actions.
func (db *DB) addHistories(ctx context.Context, orgID string, r *engagement.Record) error {
	var hIDs, aIDs []string
	for _, h := range r.Hypotheses {
		hIDs = append(hIDs, h.ID)
	}
	for _, a := range r.Actions {
		aIDs = append(aIDs, a.ID)
	}
	hist, err := db.changes(ctx, "engagement_hypothesis_changes", "hypothesis_id", orgID, hIDs)
	if err != nil {
		return err
	}
	for i := range r.Hypotheses {
		r.Hypotheses[i].History = hist[r.Hypotheses[i].ID]
	}
	if hist, err = db.changes(ctx, "engagement_action_changes", "action_id", orgID, aIDs); err != nil {
		return err
	}
	for i := range r.Actions {
		r.Actions[i].History = hist[r.Actions[i].ID]
	}
	return nil
}

// changes reads the histories of some hypotheses or actions, oldest first.
// table and key are constants of this package, never input.
func (db *DB) changes(ctx context.Context, table, key, orgID string, itemIDs []string) (map[string][]engagement.Change, error) {
	out := map[string][]engagement.Change{}
	if len(itemIDs) == 0 {
		return out, nil
	}
	list, args := inList([]any{orgID}, itemIDs)
	rows, err := db.reads.QueryContext(ctx, `SELECT c.`+key+`, c.status, c.note, u.name, c.changed_at FROM `+table+` c
		JOIN users u ON u.id = c.changed_by WHERE c.org_id = $1 AND c.`+key+` IN (`+list+`) ORDER BY c.`+key+`, c.seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("engagement history: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var c engagement.Change
		if err := rows.Scan(&id, &c.Status, &c.Note, &c.By, &c.At); err != nil {
			return nil, fmt.Errorf("engagement history: %w", mapError(err))
		}
		c.At = c.At.UTC()
		out[id] = append(out[id], c)
	}
	return out, mapError(rows.Err())
}

// EngagementHypotheses lists a family's hypotheses from all its records,
// newest record first, at most 200.
func (db *DB) EngagementHypotheses(ctx context.Context, orgID, familyID string) ([]engagement.Hypothesis, error) {
	return db.hypotheses(ctx, `h.family_id = $2`, orgID, familyID)
}

// OpenEngagementActions lists a family's plan actions that are still to do,
// soonest due first, at most 200.
func (db *DB) OpenEngagementActions(ctx context.Context, orgID, familyID string) ([]engagement.Action, error) {
	return db.actions(ctx, `a.family_id = $2 AND a.status = 'open' ORDER BY a.due_on, a.id`, engagementHistory, orgID, familyID)
}

// SetActionStatus gives a plan action of a family's record a new status,
// keeping it in the action's history with who changed it and why. It
// reports false, changing nothing, when the action already has that
// status. An action of another record, family or organisation is ErrNotFound.
func (db *DB) SetActionStatus(ctx context.Context, orgID, familyID, recordID, actionID string, status engagement.ActionStatus, note, by string) (bool, error) {
	if !status.Valid() {
		return false, fmt.Errorf("set action status: unknown status %q", status)
	}
	changed, err := db.setStatus(ctx, "engagement_actions", "engagement_action_changes", "action_id", orgID, familyID, recordID, actionID, string(status), note, by)
	if err != nil {
		return false, fmt.Errorf("set action status: %w", err)
	}
	return changed, nil
}

// SetHypothesisStatus marks a hypothesis of a family's record as held,
// tested or set aside, keeping it in the hypothesis's history with who
// changed it and why. It reports false, changing nothing, when the
// hypothesis already has that status and no note is given.
func (db *DB) SetHypothesisStatus(ctx context.Context, orgID, familyID, recordID, hypothesisID string, status engagement.HypothesisStatus, note, by string) (bool, error) {
	if !status.Valid() {
		return false, fmt.Errorf("set hypothesis status: unknown status %q", status)
	}
	changed, err := db.setStatus(ctx, "engagement_hypotheses", "engagement_hypothesis_changes", "hypothesis_id", orgID, familyID, recordID, hypothesisID, string(status), note, by)
	if err != nil {
		return false, fmt.Errorf("set hypothesis status: %w", err)
	}
	return changed, nil
}

// setStatus changes the status of one row of table and appends it to the
// history in changes. The table names are constants of this package.
func (db *DB) setStatus(ctx context.Context, table, changes, key, orgID, familyID, recordID, id, status, note, by string) (bool, error) {
	changed := false
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var current string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM `+table+` WHERE id = $1 AND record_id = $2 AND family_id = $3 AND org_id = $4`,
			id, recordID, familyID, orgID).Scan(&current); err != nil {
			return mapError(err)
		}
		if err := userInOrg(ctx, tx, orgID, by); err != nil {
			return err
		}
		if current == status && (key == "action_id" || trim(note) == "") {
			return nil
		}
		now := db.Now()
		if err := execOne(ctx, tx, `UPDATE `+table+` SET status = $1, changed_at = $2 WHERE id = $3 AND org_id = $4`, status, now, id, orgID); err != nil {
			return err
		}
		changed = true
		return addChange(ctx, tx, changes, key, id, orgID, status, note, by, now)
	})
	return changed, err
}

// OverdueEngagementActions lists the plan actions of some families that
// are still to do and were due before today, oldest due first, at most limit.
func (db *DB) OverdueEngagementActions(ctx context.Context, orgID string, familyIDs []string, today time.Time, limit int) ([]engagement.Action, error) {
	if len(familyIDs) == 0 {
		return nil, nil
	}
	list, args := inList([]any{orgID, dateText(engagement.Day(today))}, familyIDs)
	return db.actions(ctx, `a.status = 'open' AND a.due_on < $2 AND a.family_id IN (`+list+`) ORDER BY a.due_on, a.id`, limit, args...)
}
