package store

import (
	"context"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
)

// CaseloadSignals reads what a caseload shows about each of an
// organisation's families: the last contact, the last time a child was seen,
// the current contexts, and changes since a moment (a withdrawn consent, a
// break-glass opening), and from engagement records what was last
// described, the review date and earliest plan action still to do (as
// things due) and the safety steps that stand. Families of another
// organisation are left out.
//
// It costs two statements however many families there are, and reads no
// notes: the last contact and last seen are kept on each family as notes
// are saved (see family_activity.go). PractitionerCaseload and TeamCaseload
// read the families themselves in the same two.
//
// The organisation check is written "f.org_id || ” = $1" so that no index
// can serve it: without table statistics, SQLite otherwise reads every
// family of the organisation through families_org (10,000 at county scale:
// 4 ms) instead of looking up the listed ids (0.07 ms). PostgreSQL plans
// from statistics and looks up the ids either way.
func (db *DB) CaseloadSignals(ctx context.Context, orgID string, familyIDs []string, since time.Time) (map[string]family.Signals, error) {
	out := make(map[string]family.Signals, len(familyIDs))
	if len(familyIDs) == 0 {
		return out, nil
	}
	list, args := inList([]any{orgID, since}, familyIDs)
	rows, err := db.reads.QueryContext(ctx, `SELECT f.id, `+signalColumns+`
		FROM families f WHERE f.org_id || '' = $1 AND f.id IN (`+list+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("caseload signals: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var contact, seen, withdrawn, opened sqlTime
		var alerts int
		if err := rows.Scan(&id, &contact, &seen, &withdrawn, &opened, &alerts); err != nil {
			return nil, fmt.Errorf("caseload signals: %w", mapError(err))
		}
		out[id] = family.Signals{LastContact: utc(contact.Time), LastSeen: utc(seen.Time),
			ConsentWithdrawn: utc(withdrawn.Time), OpenedWithReason: utc(opened.Time), OpenJournalAlerts: alerts}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("caseload signals: %w", mapError(err))
	}
	if err := db.addCaseloadDetails(ctx, orgID, familyIDs, out); err != nil {
		return nil, err
	}
	return out, nil
}

// utc returns t in UTC, leaving the zero time zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}
