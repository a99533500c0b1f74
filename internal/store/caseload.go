package store

import (
	"context"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
)

// signalColumns are the caseload signals read with each family row: the
// kept last contact and last seen, changes since $2 (a withdrawn consent, a
// break-glass opening), and whether a parent's journal alert is waiting,
// so that the alerts themselves are read only when there is one.
const signalColumns = `f.last_contact_at, f.last_seen_at,
	(SELECT MAX(c.withdrawn_at) FROM family_consents c WHERE c.family_id = f.id AND c.org_id = f.org_id AND c.withdrawn_at >= $2),
	(SELECT MAX(b.created_at) FROM break_glass b WHERE b.family_id = f.id AND b.org_id = f.org_id AND b.created_at >= $2),
	(SELECT COUNT(*) FROM journal_alerts ja WHERE ja.org_id = f.org_id AND ja.acknowledged_at IS NULL AND ja.family_id = f.id)`

// PractitionerCaseload lists the families allocated to a practitioner, by
// name, with what the caseload shows about each (see CaseloadSignals), in
// two statements.
func (db *DB) PractitionerCaseload(ctx context.Context, orgID, practitionerID string, since time.Time) ([]Family, map[string]family.Signals, error) {
	return db.caseload(ctx, `FROM families f JOIN allocations a ON a.family_id = f.id
		WHERE a.org_id = $1 AND a.practitioner_id = $3 AND a.ended_at IS NULL ORDER BY f.name, f.id LIMIT 500`, orgID, since, practitionerID)
}

// TeamCaseload lists the families allocated now to the practitioners a
// supervisor supervises, by name, with what the caseload shows about each,
// in two statements.
func (db *DB) TeamCaseload(ctx context.Context, orgID, supervisorID string, since time.Time) ([]Family, map[string]family.Signals, error) {
	// As in CaseloadSignals, "|| ''" keeps SQLite from reading every family
	// of the organisation through families_org instead of the team's.
	return db.caseload(ctx, `FROM families f WHERE f.org_id || '' = $1 AND f.id IN (
			SELECT a.family_id FROM allocations a JOIN supervision_links l ON l.practitioner_id = a.practitioner_id
			WHERE a.ended_at IS NULL AND a.org_id = $1 AND l.supervisor_id = $3)
		ORDER BY f.name, f.id LIMIT 1000`, orgID, since, supervisorID)
}

// caseload reads families with their signal columns from a FROM … WHERE …
// clause whose parameters are $1 the organisation, $2 since and $3 the person,
// then adds the details of each.
func (db *DB) caseload(ctx context.Context, from, orgID string, since time.Time, person string) ([]Family, map[string]family.Signals, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT f.id, f.org_id, f.name, f.status, f.closed_reason, f.created_at, `+signalColumns+` `+from,
		orgID, since, person)
	if err != nil {
		return nil, nil, fmt.Errorf("caseload: %w", mapError(err))
	}
	defer rows.Close()
	var families []Family
	signals := map[string]family.Signals{}
	for rows.Next() {
		var f Family
		var contact, seen, withdrawn, opened sqlTime
		var alerts int
		if err := rows.Scan(&f.ID, &f.OrgID, &f.Name, &f.Status, &f.ClosedReason, &f.CreatedAt, &contact, &seen, &withdrawn, &opened, &alerts); err != nil {
			return nil, nil, fmt.Errorf("caseload: %w", mapError(err))
		}
		f.CreatedAt = f.CreatedAt.UTC()
		families = append(families, f)
		signals[f.ID] = family.Signals{LastContact: utc(contact.Time), LastSeen: utc(seen.Time),
			ConsentWithdrawn: utc(withdrawn.Time), OpenedWithReason: utc(opened.Time), OpenJournalAlerts: alerts}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("caseload: %w", mapError(err))
	}
	if len(families) == 0 {
		return nil, signals, nil
	}
	ids := make([]string, len(families))
	for i, f := range families {
		ids[i] = f.ID
	}
	if err := db.addCaseloadDetails(ctx, orgID, ids, signals); err != nil {
		return nil, nil, err
	}
	return families, signals, nil
}
