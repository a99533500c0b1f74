package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/journal"
)

// JournalAlert is a safety alert a parent's journal entry raised, with the
// entry, for the family's practitioner to acknowledge.
type JournalAlert struct {
	Entry      journal.Entry
	FamilyName string
	Reasons    []journal.Reason
	RaisedAt   time.Time
	// AcknowledgedAt is nil until a practitioner acknowledges the alert,
	// with a note of what they did.
	AcknowledgedAt     *time.Time
	AcknowledgedByName string
	Note               string
}

// alertColumns reads an alert with its entry from journal_alerts a joined
// to journal_entries j, its author u, the family f and the acknowledger w.
const alertColumns = `j.id, j.family_id, j.author_id, u.name, j.kind, j.occurred_at, j.details, j.created_at,
	f.name, a.reasons, a.raised_at, a.acknowledged_at, COALESCE(w.name, ''), a.note`

const alertJoins = `journal_alerts a JOIN journal_entries j ON j.id = a.entry_id JOIN users u ON u.id = j.author_id
	JOIN families f ON f.id = a.family_id LEFT JOIN users w ON w.id = a.acknowledged_by`

func scanAlert(rows *sql.Rows) (JournalAlert, error) {
	var a JournalAlert
	var c entryColumns
	var reasons string
	var raised sqlTime
	var acked sql.NullTime
	if err := rows.Scan(&c.id, &c.family, &c.author, &c.authorName, &c.kind, &c.at, &c.details, &c.created, &a.FamilyName, &reasons, &raised, &acked,
		&a.AcknowledgedByName, &a.Note); err != nil {
		return a, mapError(err)
	}
	e, err := c.entry()
	if err != nil {
		return a, err
	}
	a.Entry, a.RaisedAt = e, raised.Time.UTC()
	for _, r := range strings.Fields(reasons) {
		a.Reasons = append(a.Reasons, journal.Reason(r))
	}
	if acked.Valid {
		t := acked.Time.UTC()
		a.AcknowledgedAt = &t
	}
	return a, nil
}

// OpenJournalAlertsOf lists the alerts not yet acknowledged for the given
// families of the organisation, oldest first: the caseload, which has its
// families already, looks them up by id rather than by allocation.
func (db *DB) OpenJournalAlertsOf(ctx context.Context, orgID string, familyIDs []string) ([]JournalAlert, error) {
	if len(familyIDs) == 0 {
		return nil, nil
	}
	list, args := inList([]any{orgID}, familyIDs)
	rows, err := db.reads.QueryContext(ctx, `SELECT `+alertColumns+` FROM `+alertJoins+`
		WHERE a.org_id = $1 AND a.acknowledged_at IS NULL AND a.family_id IN (`+list+`)
		ORDER BY a.raised_at, a.entry_id LIMIT 200`, args...)
	if err != nil {
		return nil, fmt.Errorf("open journal alerts: %w", mapError(err))
	}
	defer rows.Close()
	var out []JournalAlert
	for rows.Next() {
		a, err := scanAlert(rows)
		if err != nil {
			return nil, fmt.Errorf("open journal alerts: %w", err)
		}
		out = append(out, a)
	}
	return out, mapError(rows.Err())
}

// FamilyJournalAlerts lists a family's alerts, newest first, acknowledged
// ones included.
func (db *DB) FamilyJournalAlerts(ctx context.Context, orgID, familyID string) ([]JournalAlert, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+alertColumns+` FROM `+alertJoins+`
		WHERE a.org_id = $1 AND a.family_id = $2 ORDER BY a.raised_at DESC, a.entry_id LIMIT 200`, orgID, familyID)
	if err != nil {
		return nil, fmt.Errorf("family journal alerts: %w", mapError(err))
	}
	defer rows.Close()
	var out []JournalAlert
	for rows.Next() {
		a, err := scanAlert(rows)
		if err != nil {
			return nil, fmt.Errorf("family journal alerts: %w", err)
		}
		out = append(out, a)
	}
	return out, mapError(rows.Err())
}

// AcknowledgeJournalAlert records that userID has seen the alert entryID
// raised for familyID and what they did, in note. An alert acknowledged
// already, or of another family, is ErrNotFound.
func (db *DB) AcknowledgeJournalAlert(ctx context.Context, orgID, familyID, entryID, userID, note string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE journal_alerts SET acknowledged_by = $1, acknowledged_at = $2, note = $3
			WHERE entry_id = $4 AND family_id = $5 AND org_id = $6 AND acknowledged_at IS NULL`,
			userID, db.Now(), strings.TrimSpace(note), entryID, familyID, orgID)
	})
	if err != nil {
		return fmt.Errorf("acknowledge journal alert %s: %w", entryID, err)
	}
	return nil
}
