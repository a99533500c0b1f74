package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/engagement"
)

// safetyFlags reads safety flags matching where, a condition on f with $1
// the organisation, newest first, with the names of who raised and ended them.
func (db *DB) safetyFlags(ctx context.Context, where string, args ...any) ([]engagement.SafetyFlag, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT f.id, f.family_id, f.record_id, f.worker_id, w.name, f.step, f.step_other, f.raised_at,
			f.ended_at, COALESCE(e.name, ''), f.end_reason
		FROM engagement_safety_flags f JOIN users w ON w.id = f.worker_id LEFT JOIN users e ON e.id = f.ended_by
		WHERE f.org_id = $1 AND `+where+` ORDER BY f.raised_at DESC, f.id LIMIT 200`, args...)
	if err != nil {
		return nil, fmt.Errorf("safety flags: %w", mapError(err))
	}
	defer rows.Close()
	var out []engagement.SafetyFlag
	for rows.Next() {
		var f engagement.SafetyFlag
		var step string
		var ended sql.NullTime
		if err := rows.Scan(&f.ID, &f.FamilyID, &f.RecordID, &f.WorkerID, &f.WorkerName, &step, &f.StepOther, &f.RaisedAt,
			&ended, &f.EndedBy, &f.EndReason); err != nil {
			return nil, fmt.Errorf("safety flags: %w", mapError(err))
		}
		f.Step, f.RaisedAt = engagement.SafetyStep(step), f.RaisedAt.UTC()
		if ended.Valid {
			f.EndedAt = ended.Time.UTC()
		}
		out = append(out, f)
	}
	return out, mapError(rows.Err())
}

// ActiveSafetyFlags lists the safety flags that stand on a family: the
// workers who have said they feel at risk, and the step each asked for.
func (db *DB) ActiveSafetyFlags(ctx context.Context, orgID, familyID string) ([]engagement.SafetyFlag, error) {
	return db.safetyFlags(ctx, `f.family_id = $2 AND f.ended_at IS NULL`, orgID, familyID)
}

// EndSafetyFlag ends the safety flag a family's record raised, because the
// person ending it (the worker, or a supervisor) says it is no longer
// needed, for the reason they give. A flag already ended, or of another
// record, family or organisation, is ErrNotFound.
func (db *DB) EndSafetyFlag(ctx context.Context, orgID, familyID, recordID, by, reason string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := userInOrg(ctx, tx, orgID, by); err != nil {
			return err
		}
		return execOne(ctx, tx, `UPDATE engagement_safety_flags SET ended_at = $1, ended_by = $2, end_reason = $3
			WHERE record_id = $4 AND family_id = $5 AND org_id = $6 AND ended_at IS NULL`, db.Now(), by, trim(reason), recordID, familyID, orgID)
	})
	if err != nil {
		return fmt.Errorf("end safety flag: %w", err)
	}
	return nil
}

// SafetyAlert is a standing safety flag with its family's name, for a
// supervisor's home page and team view.
type SafetyAlert struct {
	engagement.SafetyFlag
	FamilyName string
}

// TeamSafetyAlerts lists the standing safety flags of the practitioners a
// supervisor supervises, newest first: who feels at risk, with which
// family, and the safety step they asked for.
func (db *DB) TeamSafetyAlerts(ctx context.Context, orgID, supervisorID string) ([]SafetyAlert, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT f.id, f.family_id, fam.name, f.record_id, f.worker_id, w.name, f.step, f.step_other, f.raised_at
		FROM engagement_safety_flags f
		JOIN supervision_links l ON l.practitioner_id = f.worker_id AND l.supervisor_id = $2 AND l.org_id = $1
		JOIN users w ON w.id = f.worker_id JOIN families fam ON fam.id = f.family_id
		WHERE f.org_id = $1 AND f.ended_at IS NULL ORDER BY f.raised_at DESC, f.id LIMIT 200`, orgID, supervisorID)
	if err != nil {
		return nil, fmt.Errorf("team safety alerts: %w", mapError(err))
	}
	defer rows.Close()
	var out []SafetyAlert
	for rows.Next() {
		var a SafetyAlert
		var step string
		if err := rows.Scan(&a.ID, &a.FamilyID, &a.FamilyName, &a.RecordID, &a.WorkerID, &a.WorkerName, &step, &a.StepOther, &a.RaisedAt); err != nil {
			return nil, fmt.Errorf("team safety alerts: %w", mapError(err))
		}
		a.Step, a.RaisedAt = engagement.SafetyStep(step), a.RaisedAt.UTC()
		out = append(out, a)
	}
	return out, mapError(rows.Err())
}
