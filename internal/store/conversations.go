package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// planColumns reads the current version of a plan with its current debrief,
// if any, from conversation_plans p joined to users u (the plan's author),
// conversation_debrief_versions d and users du (the debrief's author).
const planColumns = `p.id, p.family_id, p.author_id, u.name, p.planned_for, p.with_whom, p.purpose, p.worries, p.working_well,
	p.needs_to_happen, p.opening, p.responses, p.support, p.version, p.recorded_at, p.created_at,
	p.debrief_version, COALESCE(d.held_on, ''), COALESCE(d.how_it_went, ''), COALESCE(d.family_said, ''), COALESCE(d.how_i_felt, ''),
	COALESCE(d.next_steps, ''), COALESCE(d.author_id, ''), COALESCE(du.name, ''), d.recorded_at`

// planFrom joins what planColumns reads.
const planFrom = `conversation_plans p JOIN users u ON u.id = p.author_id
	LEFT JOIN conversation_debrief_versions d ON d.plan_id = p.id AND d.version = p.debrief_version
	LEFT JOIN users du ON du.id = d.author_id`

func scanPlan(row interface{ Scan(...any) error }) (conversation.Plan, error) {
	var p conversation.Plan
	var responses string
	var d conversation.Debrief
	var debriefAt sqlTime
	if err := row.Scan(&p.ID, &p.FamilyID, &p.AuthorID, &p.AuthorName, &p.PlannedFor, &p.With, &p.Purpose, &p.Worries, &p.WorkingWell,
		&p.NeedsToHappen, &p.Opening, &responses, &p.Support, &p.Version, &p.RecordedAt, &p.CreatedAt,
		&d.Version, &d.HeldOn, &d.HowItWent, &d.FamilySaid, &d.HowIFelt, &d.NextSteps, &d.AuthorID, &d.AuthorName, &debriefAt); err != nil {
		return conversation.Plan{}, mapError(err)
	}
	var err error
	if p.Responses, err = decodeResponses(responses); err != nil {
		return conversation.Plan{}, fmt.Errorf("plan %s: %w", p.ID, err)
	}
	p.RecordedAt, p.CreatedAt = p.RecordedAt.UTC(), p.CreatedAt.UTC()
	if d.Version > 0 {
		d.PlanID, d.RecordedAt = p.ID, debriefAt.Time.UTC()
		p.Debrief = &d
	}
	return p, nil
}

// encodeResponses keeps a plan's anticipated responses as a JSON array (see
// migration 00015 for why they are a column and not rows of their own).
func encodeResponses(rs []conversation.Response) (string, error) {
	if rs == nil {
		rs = []conversation.Response{}
	}
	b, err := json.Marshal(rs)
	if err != nil {
		return "", fmt.Errorf("encode anticipated responses: %w", err)
	}
	return string(b), nil
}

func decodeResponses(s string) ([]conversation.Response, error) {
	var rs []conversation.Response
	if err := json.Unmarshal([]byte(s), &rs); err != nil {
		return nil, fmt.Errorf("decode anticipated responses: %w", err)
	}
	return rs, nil
}

// SavePlan saves a new conversation plan (p.ID empty) or a new version of an
// existing one, and returns it as saved with added true. A new version that
// says the same as the current one is not saved: SavePlan returns the
// current plan with added false. Blank responses are dropped. A plan of
// another organisation's family, or of another family, is ErrNotFound.
func (db *DB) SavePlan(ctx context.Context, orgID string, p conversation.Plan) (conversation.Plan, bool, error) {
	p = p.Trimmed()
	responses, err := encodeResponses(p.Responses)
	if err != nil {
		return conversation.Plan{}, false, err
	}
	now := db.Now()
	added := true
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, p.FamilyID); err != nil {
			return err
		}
		if p.ID == "" {
			p.ID, p.Version, p.CreatedAt = ids.New(), 1, now
			if _, err := tx.ExecContext(ctx, `INSERT INTO conversation_plans (id, org_id, family_id, author_id, planned_for, with_whom, purpose,
				worries, working_well, needs_to_happen, opening, responses, support, version, recorded_at, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $14)`,
				p.ID, orgID, p.FamilyID, p.AuthorID, p.PlannedFor, p.With, p.Purpose, p.Worries, p.WorkingWell, p.NeedsToHappen, p.Opening,
				responses, p.Support, now); err != nil {
				return mapError(err)
			}
		} else {
			current, err := scanPlan(tx.QueryRowContext(ctx, `SELECT `+planColumns+` FROM `+planFrom+`
				WHERE p.id = $1 AND p.family_id = $2 AND p.org_id = $3`, p.ID, p.FamilyID, orgID))
			if err != nil {
				return err
			}
			if current.Same(p) {
				p, added = current, false
				return nil
			}
			p.Version, p.CreatedAt, p.Debrief = current.Version+1, current.CreatedAt, current.Debrief
			if _, err := tx.ExecContext(ctx, `UPDATE conversation_plans SET author_id = $1, planned_for = $2, with_whom = $3, purpose = $4,
				worries = $5, working_well = $6, needs_to_happen = $7, opening = $8, responses = $9, support = $10, version = $11,
				recorded_at = $12 WHERE id = $13 AND org_id = $14`,
				p.AuthorID, p.PlannedFor, p.With, p.Purpose, p.Worries, p.WorkingWell, p.NeedsToHappen, p.Opening, responses, p.Support,
				p.Version, now, p.ID, orgID); err != nil {
				return mapError(err)
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO conversation_plan_versions (plan_id, version, org_id, author_id, planned_for, with_whom,
			purpose, worries, working_well, needs_to_happen, opening, responses, support, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			p.ID, p.Version, orgID, p.AuthorID, p.PlannedFor, p.With, p.Purpose, p.Worries, p.WorkingWell, p.NeedsToHappen, p.Opening,
			responses, p.Support, now)
		return mapError(err)
	})
	if err != nil {
		return conversation.Plan{}, false, fmt.Errorf("save conversation plan: %w", err)
	}
	if added {
		p.RecordedAt = now
	}
	return p, added, nil
}

// Plan reads the current version of a conversation plan of a family of the
// organisation, with its current debrief.
func (db *DB) Plan(ctx context.Context, orgID, familyID, planID string) (conversation.Plan, error) {
	p, err := scanPlan(db.reads.QueryRowContext(ctx, `SELECT `+planColumns+` FROM `+planFrom+`
		WHERE p.id = $1 AND p.family_id = $2 AND p.org_id = $3`, planID, familyID, orgID))
	if err != nil {
		return conversation.Plan{}, fmt.Errorf("conversation plan %s: %w", planID, err)
	}
	return p, nil
}

// Plans lists a family's conversation plans, newest first, at most limit,
// each with its current debrief.
func (db *DB) Plans(ctx context.Context, orgID, familyID string, limit int) ([]conversation.Plan, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+planColumns+` FROM `+planFrom+`
		WHERE p.family_id = $1 AND p.org_id = $2 ORDER BY p.created_at DESC, p.id LIMIT $3`, familyID, orgID, limit)
	if err != nil {
		return nil, fmt.Errorf("conversation plans: %w", mapError(err))
	}
	defer rows.Close()
	var out []conversation.Plan
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			return nil, fmt.Errorf("conversation plans: %w", err)
		}
		out = append(out, p)
	}
	return out, mapError(rows.Err())
}

// PlanVersions lists every version of a plan, newest first, without
// debriefs (see DebriefVersions).
func (db *DB) PlanVersions(ctx context.Context, orgID, familyID, planID string) ([]conversation.Plan, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT v.plan_id, p.family_id, v.author_id, u.name, v.planned_for, v.with_whom, v.purpose,
		v.worries, v.working_well, v.needs_to_happen, v.opening, v.responses, v.support, v.version, v.recorded_at, p.created_at
		FROM conversation_plan_versions v JOIN conversation_plans p ON p.id = v.plan_id JOIN users u ON u.id = v.author_id
		WHERE v.plan_id = $1 AND p.family_id = $2 AND v.org_id = $3 ORDER BY v.version DESC LIMIT 200`, planID, familyID, orgID)
	if err != nil {
		return nil, fmt.Errorf("conversation plan versions: %w", mapError(err))
	}
	defer rows.Close()
	var out []conversation.Plan
	for rows.Next() {
		var p conversation.Plan
		var responses string
		if err := rows.Scan(&p.ID, &p.FamilyID, &p.AuthorID, &p.AuthorName, &p.PlannedFor, &p.With, &p.Purpose, &p.Worries, &p.WorkingWell,
			&p.NeedsToHappen, &p.Opening, &responses, &p.Support, &p.Version, &p.RecordedAt, &p.CreatedAt); err != nil {
			return nil, fmt.Errorf("conversation plan versions: %w", mapError(err))
		}
		if p.Responses, err = decodeResponses(responses); err != nil {
			return nil, fmt.Errorf("conversation plan versions: %w", err)
		}
		p.RecordedAt, p.CreatedAt = p.RecordedAt.UTC(), p.CreatedAt.UTC()
		out = append(out, p)
	}
	return out, mapError(rows.Err())
}

// SaveDebrief saves the debrief of a plan: its first version, or a new
// version of it. A debrief that says the same as the current one is not
// saved; SaveDebrief then returns the current one with added false. A plan
// of another family or organisation is ErrNotFound.
func (db *DB) SaveDebrief(ctx context.Context, orgID, familyID string, d conversation.Debrief) (conversation.Debrief, bool, error) {
	now := db.Now()
	added := true
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		current, err := scanPlan(tx.QueryRowContext(ctx, `SELECT `+planColumns+` FROM `+planFrom+`
			WHERE p.id = $1 AND p.family_id = $2 AND p.org_id = $3`, d.PlanID, familyID, orgID))
		if err != nil {
			return err
		}
		if current.Debrief != nil && current.Debrief.Same(d) {
			d, added = *current.Debrief, false
			return nil
		}
		d.Version = 1
		if current.Debrief != nil {
			d.Version = current.Debrief.Version + 1
		}
		d.HeldOn = strings.TrimSpace(d.HeldOn)
		if _, err := tx.ExecContext(ctx, `INSERT INTO conversation_debrief_versions (plan_id, version, org_id, author_id, held_on, how_it_went,
			family_said, how_i_felt, next_steps, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			d.PlanID, d.Version, orgID, d.AuthorID, d.HeldOn, d.HowItWent, d.FamilySaid, d.HowIFelt, d.NextSteps, now); err != nil {
			return mapError(err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE conversation_plans SET debrief_version = $1 WHERE id = $2 AND org_id = $3`, d.Version, d.PlanID, orgID)
		return mapError(err)
	})
	if err != nil {
		return conversation.Debrief{}, false, fmt.Errorf("save conversation debrief: %w", err)
	}
	if added {
		d.RecordedAt = now
	}
	return d, added, nil
}

// DebriefVersions lists every version of a plan's debrief, newest first.
func (db *DB) DebriefVersions(ctx context.Context, orgID, familyID, planID string) ([]conversation.Debrief, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT d.plan_id, d.held_on, d.how_it_went, d.family_said, d.how_i_felt, d.next_steps,
		d.author_id, u.name, d.version, d.recorded_at
		FROM conversation_debrief_versions d JOIN conversation_plans p ON p.id = d.plan_id JOIN users u ON u.id = d.author_id
		WHERE d.plan_id = $1 AND p.family_id = $2 AND d.org_id = $3 ORDER BY d.version DESC LIMIT 200`, planID, familyID, orgID)
	if err != nil {
		return nil, fmt.Errorf("conversation debrief versions: %w", mapError(err))
	}
	defer rows.Close()
	var out []conversation.Debrief
	for rows.Next() {
		var d conversation.Debrief
		if err := rows.Scan(&d.PlanID, &d.HeldOn, &d.HowItWent, &d.FamilySaid, &d.HowIFelt, &d.NextSteps, &d.AuthorID, &d.AuthorName,
			&d.Version, &d.RecordedAt); err != nil {
			return nil, fmt.Errorf("conversation debrief versions: %w", mapError(err))
		}
		d.RecordedAt = d.RecordedAt.UTC()
		out = append(out, d)
	}
	return out, mapError(rows.Err())
}
