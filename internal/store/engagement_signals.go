package store

import (
	"context"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/engagement"
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
		l.Patterns = sortedPatterns(l.Patterns)
		out[id] = l
	}
	return out, nil
}

// sortedPatterns puts a record's patterns in the order the form offers them.
func sortedPatterns(patterns []engagement.Pattern) []engagement.Pattern {
	observed := make([]engagement.ObservedPattern, len(patterns))
	for i, p := range patterns {
		observed[i].Pattern = p
	}
	engagement.SortPatterns(observed)
	for i, o := range observed {
		patterns[i] = o.Pattern
	}
	return patterns
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
