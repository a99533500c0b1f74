package store

import (
	"context"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/family"
)

// LatestEngagement reads each family's newest engagement record, by the
// date it describes, with its patterns and review date, in one query.
// Families with no record, or of another organisation, are left out.
func (db *DB) LatestEngagement(ctx context.Context, orgID string, familyIDs []string) (map[string]engagement.Latest, error) {
	out := make(map[string]engagement.Latest, len(familyIDs))
	if len(familyIDs) == 0 {
		return out, nil
	}
	list, args := inList([]any{orgID}, familyIDs)
	rows, err := db.reads.QueryContext(ctx, `SELECT r.family_id, r.id, r.recorded_on, r.review_on, COALESCE(p.pattern, '')
		FROM (SELECT id, family_id, recorded_on, review_on,
				ROW_NUMBER() OVER (PARTITION BY family_id ORDER BY recorded_on DESC, created_at DESC, id) AS newest
			FROM engagement_records WHERE org_id = $1 AND family_id IN (`+list+`)) r
		LEFT JOIN engagement_record_patterns p ON p.record_id = r.id
		WHERE r.newest = 1`, args...)
	if err != nil {
		return nil, fmt.Errorf("latest engagement: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var familyID, recordID, recorded, review, pattern string
		if err := rows.Scan(&familyID, &recordID, &recorded, &review, &pattern); err != nil {
			return nil, fmt.Errorf("latest engagement: %w", mapError(err))
		}
		l := out[familyID]
		l.FamilyID, l.RecordID, l.RecordedOn, l.ReviewOn = familyID, recordID, parseDateText(recorded), parseDateText(review)
		if pattern != "" {
			l.Patterns = append(l.Patterns, engagement.Pattern(pattern))
		}
		out[familyID] = l
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("latest engagement: %w", mapError(err))
	}
	for id, l := range out {
		observed := make([]engagement.ObservedPattern, len(l.Patterns))
		for i, p := range l.Patterns {
			observed[i].Pattern = p
		}
		engagement.SortPatterns(observed)
		for i, o := range observed {
			l.Patterns[i] = o.Pattern
		}
		out[id] = l
	}
	return out, nil
}

// addEngagement adds to each family's caseload signals what its last
// engagement record described, that record's review date and its earliest
// plan action still to do as things due, and the safety steps that stand.
// It costs two queries however many families there are.
func (db *DB) addEngagement(ctx context.Context, orgID string, familyIDs []string, out map[string]family.Signals) error {
	latest, err := db.LatestEngagement(ctx, orgID, familyIDs)
	if err != nil {
		return err
	}
	for id, l := range latest {
		s, ok := out[id]
		if !ok {
			continue
		}
		s.Engagement = family.Described{Patterns: l.Labels(), On: l.RecordedOn}
		if !l.ReviewOn.IsZero() {
			s.Dues = append(s.Dues, engagement.ReviewDue(l.RecordedOn, l.ReviewOn))
		}
		out[id] = s
	}
	// The earliest open action of each family, and every standing safety flag.
	list, args := inList([]any{orgID}, familyIDs)
	rows, err := db.reads.QueryContext(ctx, `SELECT family_id, 'action', what, owner, due_on FROM (
			SELECT family_id, what, owner, due_on, ROW_NUMBER() OVER (PARTITION BY family_id ORDER BY due_on, id) AS soonest
			FROM engagement_actions WHERE org_id = $1 AND status = 'open' AND family_id IN (`+list+`)) a
		WHERE a.soonest = 1
		UNION ALL
		SELECT family_id, 'flag', step, step_other, '' FROM engagement_safety_flags
		WHERE org_id = $1 AND ended_at IS NULL AND family_id IN (`+list+`)`, args...)
	if err != nil {
		return fmt.Errorf("caseload engagement: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var familyID, kind, a, b, due string
		if err := rows.Scan(&familyID, &kind, &a, &b, &due); err != nil {
			return fmt.Errorf("caseload engagement: %w", mapError(err))
		}
		s, ok := out[familyID]
		if !ok {
			continue
		}
		switch kind {
		case "action":
			s.Dues = append(s.Dues, engagement.Action{What: a, Owner: b, DueOn: parseDateText(due)}.Due())
		case "flag":
			if text := engagement.SafetyStep(a).Flag(b); !contains(s.SafetySteps, text) {
				s.SafetySteps = append(s.SafetySteps, text)
			}
		}
		out[familyID] = s
	}
	return mapError(rows.Err())
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// AllocatedNames lists, for each of some families, the names of the
// practitioners allocated to it now, in one query.
func (db *DB) AllocatedNames(ctx context.Context, orgID string, familyIDs []string) (map[string][]string, error) {
	out := map[string][]string{}
	if len(familyIDs) == 0 {
		return out, nil
	}
	list, args := inList([]any{orgID}, familyIDs)
	rows, err := db.reads.QueryContext(ctx, `SELECT a.family_id, u.name FROM allocations a JOIN users u ON u.id = a.practitioner_id
		WHERE a.org_id = $1 AND a.ended_at IS NULL AND a.family_id IN (`+list+`) ORDER BY a.family_id, u.name`, args...)
	if err != nil {
		return nil, fmt.Errorf("allocated names: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("allocated names: %w", mapError(err))
		}
		out[id] = append(out[id], name)
	}
	return out, mapError(rows.Err())
}
