package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// SaveEngagementRecord writes a new engagement record with its patterns,
// hypotheses (each held, to begin with) and plan actions (each still to
// do), keeping each one's first status as history, in one transaction.
// Spare action rows with nothing typed are left out.
//
// The record also decides the author's safety flag on the family: feeling
// at risk raises one (ending any earlier flag of theirs, which it
// replaces); not feeling at risk ends any flag of theirs that stands.
//
// Records are never changed once written. rec.CreatedAt is the time the
// record was written, or now when zero (the web layer always leaves it
// zero; the demo sets it to spread its history over months). A family of
// another organisation is ErrNotFound.
func (db *DB) SaveEngagementRecord(ctx context.Context, orgID string, rec engagement.Record) (engagement.Record, error) {
	rec.ID = ids.New()
	if rec.CreatedAt.IsZero() {
		rec.CreatedAt = db.Now()
	}
	at := rec.CreatedAt.UTC().Truncate(time.Microsecond)
	rec.CreatedAt = at
	rec.Patterns = append([]engagement.ObservedPattern(nil), rec.Patterns...)
	engagement.SortPatterns(rec.Patterns)
	var actions []engagement.Action
	for _, a := range rec.Actions {
		if !a.Empty() {
			actions = append(actions, a)
		}
	}
	rec.Actions = actions
	if rec.Risk != engagement.AtRisk {
		rec.Safety, rec.SafetyText = "", ""
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, rec.FamilyID); err != nil {
			return err
		}
		if err := userInOrg(ctx, tx, orgID, rec.AuthorID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO engagement_records (id, org_id, family_id, author_id, recorded_on, hard_areas,
			family_view, for_child, feelings, at_risk, safety_step, safety_other, review_on, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			rec.ID, orgID, rec.FamilyID, rec.AuthorID, dateText(rec.RecordedOn), trim(rec.HardAreas), trim(rec.FamilyView),
			trim(rec.ForChild), trim(rec.Feelings), string(rec.Risk), string(rec.Safety), trim(rec.SafetyText), dateText(rec.ReviewOn), at); err != nil {
			return mapError(err)
		}
		for i, o := range rec.Patterns {
			rec.Patterns[i].Seen = trim(o.Seen)
			if _, err := tx.ExecContext(ctx, `INSERT INTO engagement_record_patterns (record_id, org_id, pattern, seen) VALUES ($1, $2, $3, $4)`,
				rec.ID, orgID, string(o.Pattern), rec.Patterns[i].Seen); err != nil {
				return mapError(err)
			}
		}
		for i := range rec.Hypotheses {
			h := &rec.Hypotheses[i]
			h.ID, h.FamilyID, h.RecordID, h.RecordedOn, h.Status, h.ChangedAt, h.Text = ids.New(), rec.FamilyID, rec.ID, rec.RecordedOn, engagement.Held, at, trim(h.Text)
			if _, err := tx.ExecContext(ctx, `INSERT INTO engagement_hypotheses (id, org_id, family_id, record_id, position, reason, text, status, changed_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, h.ID, orgID, rec.FamilyID, rec.ID, i, string(h.Reason), h.Text, string(h.Status), at); err != nil {
				return mapError(err)
			}
			if err := addChange(ctx, tx, "engagement_hypothesis_changes", "hypothesis_id", h.ID, orgID, string(h.Status), "", rec.AuthorID, at); err != nil {
				return err
			}
		}
		for i := range rec.Actions {
			a := &rec.Actions[i]
			a.ID, a.FamilyID, a.RecordID, a.Status, a.ChangedAt = ids.New(), rec.FamilyID, rec.ID, engagement.Open, at
			a.What, a.Owner = trim(a.What), trim(a.Owner)
			if _, err := tx.ExecContext(ctx, `INSERT INTO engagement_actions (id, org_id, family_id, record_id, position, what, owner, due_on, status, changed_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, a.ID, orgID, rec.FamilyID, rec.ID, i, a.What, a.Owner, dateText(a.DueOn), string(a.Status), at); err != nil {
				return mapError(err)
			}
			if err := addChange(ctx, tx, "engagement_action_changes", "action_id", a.ID, orgID, string(a.Status), "", rec.AuthorID, at); err != nil {
				return err
			}
		}
		return db.settleSafety(ctx, tx, orgID, &rec, at)
	})
	if err != nil {
		return engagement.Record{}, fmt.Errorf("save engagement record: %w", err)
	}
	return rec, nil
}

// settleSafety ends the author's standing safety flags on the family and,
// when the record says they feel at risk, raises a new one.
func (db *DB) settleSafety(ctx context.Context, tx *sql.Tx, orgID string, rec *engagement.Record, at time.Time) error {
	reason := engagement.EndedNoLongerAtRisk
	if rec.Risk == engagement.AtRisk {
		reason = engagement.EndedReplaced
	}
	if _, err := tx.ExecContext(ctx, `UPDATE engagement_safety_flags SET ended_at = $1, ended_by = $2, end_reason = $3
		WHERE org_id = $4 AND family_id = $5 AND worker_id = $2 AND ended_at IS NULL`, at, rec.AuthorID, reason, orgID, rec.FamilyID); err != nil {
		return mapError(err)
	}
	if rec.Risk != engagement.AtRisk {
		return nil
	}
	f := engagement.SafetyFlag{ID: ids.New(), FamilyID: rec.FamilyID, RecordID: rec.ID, WorkerID: rec.AuthorID, Step: rec.Safety,
		StepOther: trim(rec.SafetyText), RaisedAt: at}
	_, err := tx.ExecContext(ctx, `INSERT INTO engagement_safety_flags (id, org_id, family_id, record_id, worker_id, step, step_other, raised_at, end_reason)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '')`, f.ID, orgID, f.FamilyID, f.RecordID, f.WorkerID, string(f.Step), f.StepOther, at)
	if err != nil {
		return mapError(err)
	}
	rec.Flag = &f
	return nil
}

// addChange appends one status to an action's or hypothesis's history.
// table and key are constants of this package, never input.
func addChange(ctx context.Context, tx *sql.Tx, table, key, id, orgID, status, note, by string, at time.Time) error {
	var seq int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM `+table+` WHERE `+key+` = $1`, id).Scan(&seq); err != nil {
		return mapError(err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (`+key+`, seq, org_id, status, note, changed_by, changed_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, seq, orgID, status, trim(note), by, at)
	return mapError(err)
}

const engagementRecordColumns = `r.id, r.family_id, r.author_id, u.name, r.recorded_on, r.hard_areas, r.family_view, r.for_child, r.feelings,
	r.at_risk, r.safety_step, r.safety_other, r.review_on, r.created_at`

func scanEngagementRecord(row interface{ Scan(...any) error }) (engagement.Record, error) {
	var r engagement.Record
	var recorded, review, risk, step string
	if err := row.Scan(&r.ID, &r.FamilyID, &r.AuthorID, &r.AuthorName, &recorded, &r.HardAreas, &r.FamilyView, &r.ForChild, &r.Feelings,
		&risk, &step, &r.SafetyText, &review, &r.CreatedAt); err != nil {
		return engagement.Record{}, mapError(err)
	}
	r.RecordedOn, r.ReviewOn = parseDateText(recorded), parseDateText(review)
	r.Risk, r.Safety, r.CreatedAt = engagement.RiskAnswer(risk), engagement.SafetyStep(step), r.CreatedAt.UTC()
	return r, nil
}

// EngagementRecord reads one engagement record of a family of the
// organisation in full: its patterns, hypotheses and actions with their
// histories, and the safety flag it raised, as it stands now.
func (db *DB) EngagementRecord(ctx context.Context, orgID, familyID, recordID string) (engagement.Record, error) {
	r, err := scanEngagementRecord(db.reads.QueryRowContext(ctx, `SELECT `+engagementRecordColumns+`
		FROM engagement_records r JOIN users u ON u.id = r.author_id WHERE r.id = $1 AND r.family_id = $2 AND r.org_id = $3`,
		recordID, familyID, orgID))
	if err != nil {
		return engagement.Record{}, fmt.Errorf("engagement record %s: %w", recordID, err)
	}
	patterns, err := db.recordPatterns(ctx, orgID, []string{r.ID}, true)
	if err != nil {
		return engagement.Record{}, err
	}
	r.Patterns = patterns[r.ID]
	if r.Hypotheses, err = db.hypotheses(ctx, `h.record_id = $2`, orgID, r.ID); err != nil {
		return engagement.Record{}, err
	}
	if r.Actions, err = db.actions(ctx, `a.record_id = $2 ORDER BY a.position`, engagementHistory, orgID, r.ID); err != nil {
		return engagement.Record{}, err
	}
	if err := db.addHistories(ctx, orgID, &r); err != nil {
		return engagement.Record{}, err
	}
	flags, err := db.safetyFlags(ctx, `f.record_id = $2`, orgID, r.ID)
	if err != nil {
		return engagement.Record{}, err
	}
	if len(flags) > 0 {
		r.Flag = &flags[0]
	}
	return r, nil
}

// EngagementRecords lists a family's engagement records, newest first by
// the date each describes, at most limit, with their patterns but without
// their longer text, hypotheses or actions.
func (db *DB) EngagementRecords(ctx context.Context, orgID, familyID string, limit int) ([]engagement.Record, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT r.id, r.family_id, r.author_id, u.name, r.recorded_on, '', '', '', '',
		r.at_risk, r.safety_step, r.safety_other, r.review_on, r.created_at
		FROM engagement_records r JOIN users u ON u.id = r.author_id WHERE r.family_id = $1 AND r.org_id = $2
		ORDER BY r.recorded_on DESC, r.created_at DESC, r.id LIMIT $3`, familyID, orgID, limit)
	if err != nil {
		return nil, fmt.Errorf("engagement records: %w", mapError(err))
	}
	defer rows.Close()
	var out []engagement.Record
	var recordIDs []string
	for rows.Next() {
		r, err := scanEngagementRecord(rows)
		if err != nil {
			return nil, fmt.Errorf("engagement records: %w", err)
		}
		out = append(out, r)
		recordIDs = append(recordIDs, r.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("engagement records: %w", mapError(err))
	}
	if len(out) == 0 {
		return nil, nil
	}
	patterns, err := db.recordPatterns(ctx, orgID, recordIDs, false)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Patterns = patterns[out[i].ID]
	}
	return out, nil
}

// recordPatterns reads the patterns of some records, in Patterns order,
// with the behaviour seen when withSeen is set.
func (db *DB) recordPatterns(ctx context.Context, orgID string, recordIDs []string, withSeen bool) (map[string][]engagement.ObservedPattern, error) {
	seen := "''"
	if withSeen {
		seen = "seen"
	}
	list, args := inList([]any{orgID}, recordIDs)
	rows, err := db.reads.QueryContext(ctx, `SELECT record_id, pattern, `+seen+` FROM engagement_record_patterns
		WHERE org_id = $1 AND record_id IN (`+list+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("engagement patterns: %w", mapError(err))
	}
	defer rows.Close()
	out := map[string][]engagement.ObservedPattern{}
	for rows.Next() {
		var id, p string
		var o engagement.ObservedPattern
		if err := rows.Scan(&id, &p, &o.Seen); err != nil {
			return nil, fmt.Errorf("engagement patterns: %w", mapError(err))
		}
		o.Pattern = engagement.Pattern(p)
		out[id] = append(out[id], o)
	}
	for id := range out {
		engagement.SortPatterns(out[id])
	}
	return out, mapError(rows.Err())
}

// dateText stores a date as YYYY-MM-DD text, which sorts as dates do.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// parseDateText reads a date stored by dateText, or the zero time.
func parseDateText(s string) time.Time {
	t, err := engagement.ParseDate(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func trim(s string) string { return strings.TrimSpace(s) }
