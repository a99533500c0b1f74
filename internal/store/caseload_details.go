package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/family"
)

// caseloadDetails reads, in one statement, the several rows a caseload
// shows for each family: its children, its current contexts, its newest
// engagement record with each pattern it describes, its soonest open plan
// action, and its standing safety flags. Every branch yields the same six
// text columns, tagged by kind. One statement instead of five matters on
// SQLite: each statement costs a parse and, after any write, a cold page
// cache, and at county scale this halved the caseload's server time.
const caseloadDetails = `
	SELECT family_id, 'child', name, date_of_birth, '', '' FROM family_members
		WHERE org_id = $1 AND kind = 'child' AND family_id IN (%[1]s)
	UNION ALL
	SELECT family_id, 'context', kind, detail, started_on, '' FROM family_contexts
		WHERE org_id = $1 AND ended_on = '' AND family_id IN (%[1]s)
	UNION ALL
	SELECT r.family_id, 'engagement', r.id, r.recorded_on, r.review_on, COALESCE(p.pattern, '')
		FROM (SELECT id, family_id, recorded_on, review_on,
				ROW_NUMBER() OVER (PARTITION BY family_id ORDER BY recorded_on DESC, created_at DESC, id) AS newest
			FROM engagement_records WHERE org_id = $1 AND family_id IN (%[1]s)) r
		LEFT JOIN engagement_record_patterns p ON p.record_id = r.id
		WHERE r.newest = 1
	UNION ALL
	SELECT family_id, 'action', what, owner, due_on, '' FROM (
			SELECT family_id, what, owner, due_on, ROW_NUMBER() OVER (PARTITION BY family_id ORDER BY due_on, id) AS soonest
			FROM engagement_actions WHERE org_id = $1 AND status = 'open' AND family_id IN (%[1]s)) a
		WHERE a.soonest = 1
	UNION ALL
	SELECT family_id, 'flag', step, step_other, '', '' FROM engagement_safety_flags
		WHERE org_id = $1 AND ended_at IS NULL AND family_id IN (%[1]s)`

// addCaseloadDetails adds the caseloadDetails rows to each family's signals.
func (db *DB) addCaseloadDetails(ctx context.Context, orgID string, familyIDs []string, out map[string]family.Signals) error {
	list, args := inList([]any{orgID}, familyIDs)
	rows, err := db.reads.QueryContext(ctx, fmt.Sprintf(caseloadDetails, list), args...)
	if err != nil {
		return fmt.Errorf("caseload details: %w", mapError(err))
	}
	defer rows.Close()
	latest := map[string]engagement.Latest{}
	for rows.Next() {
		var familyID, kind, a, b, c, d string
		if err := rows.Scan(&familyID, &kind, &a, &b, &c, &d); err != nil {
			return fmt.Errorf("caseload details: %w", mapError(err))
		}
		s, ok := out[familyID]
		if !ok {
			continue
		}
		switch kind {
		case "child":
			s.Children = append(s.Children, family.Member{FamilyID: familyID, Kind: family.Child, Name: a, DateOfBirth: b})
		case "context":
			s.Contexts = append(s.Contexts, family.Context{FamilyID: familyID, Kind: family.ContextKind(a), Detail: b, StartedOn: c})
		case "engagement":
			l := latest[familyID]
			l.FamilyID, l.RecordID, l.RecordedOn, l.ReviewOn = familyID, a, parseDateText(b), parseDateText(c)
			if d != "" {
				l.Patterns = append(l.Patterns, engagement.Pattern(d))
			}
			latest[familyID] = l
		case "action":
			s.Dues = append(s.Dues, engagement.Action{What: a, Owner: b, DueOn: parseDateText(c)}.Due())
		case "flag":
			if text := engagement.SafetyStep(a).Flag(b); !slices.Contains(s.SafetySteps, text) {
				s.SafetySteps = append(s.SafetySteps, text)
			}
		}
		out[familyID] = s
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("caseload details: %w", mapError(err))
	}
	for id, s := range out {
		// Children oldest first, as everywhere; contexts newest first.
		slices.SortFunc(s.Children, func(x, y family.Member) int {
			return cmp.Or(cmp.Compare(x.DateOfBirth, y.DateOfBirth), cmp.Compare(x.Name, y.Name))
		})
		slices.SortFunc(s.Contexts, func(x, y family.Context) int { return cmp.Compare(y.StartedOn, x.StartedOn) })
		if l, ok := latest[id]; ok {
			l.Patterns = sortedPatterns(l.Patterns)
			s.Engagement = family.Described{Patterns: l.Labels(), On: l.RecordedOn}
			if !l.ReviewOn.IsZero() {
				s.Dues = append(s.Dues, engagement.ReviewDue(l.RecordedOn, l.ReviewOn))
			}
		}
		out[id] = s
	}
	return nil
}
