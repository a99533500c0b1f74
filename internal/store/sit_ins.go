package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
)

// A family's sit-ins (migration 00025). Every statement names the
// organisation and the family; the hard moment a sit-in answers must be
// one of the same family's journal.

// AddSitIn records a sit-in of the family in s.FamilyID, by userID, as it
// is (planned or done). A hard moment that is not one of the family's own
// is ErrNotFound. It returns the sit-in as stored.
func (db *DB) AddSitIn(ctx context.Context, orgID, userID string, s journal.SitIn) (journal.SitIn, error) {
	now := db.Now()
	s = cleanSitIn(s)
	s.ID, s.CreatedAt, s.UpdatedAt = ids.New(), now, now
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, s.FamilyID); err != nil {
			return err
		}
		return execOne(ctx, tx, `INSERT INTO sit_ins (id, org_id, family_id, entry_id, status, planned_for, with_whom, will_say, done_at, minutes,
			said, proposal, summary, created_by, created_at, updated_at)
			SELECT $1, j.org_id, j.family_id, j.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12
			FROM journal_entries j WHERE j.id = $13 AND j.family_id = $14 AND j.org_id = $15 AND j.kind = $16`,
			s.ID, string(s.Status), optionalTime(s.PlannedFor), s.With, s.WillSay, optionalTime(s.DoneAt), s.Minutes, s.Said, s.Proposal,
			s.Summary(), userID, now, s.EntryID, s.FamilyID, orgID, string(journal.HardMoment))
	})
	if err != nil {
		return journal.SitIn{}, fmt.Errorf("add sit-in: %w", err)
	}
	return s, nil
}

// UpdateSitIn changes a planned sit-in of the family: its plan, or, with
// s.Status done, the record of doing it. A done sit-in is kept as it is
// (ErrConflict); one of another family is ErrNotFound, and so is a hard
// moment that is not the family's own.
func (db *DB) UpdateSitIn(ctx context.Context, orgID string, s journal.SitIn) (journal.SitIn, error) {
	now := db.Now()
	s = cleanSitIn(s)
	s.UpdatedAt = now
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var status string
		var cancelled sqlTime
		if err := tx.QueryRowContext(ctx, `SELECT status, cancelled_at FROM sit_ins WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			s.ID, s.FamilyID, orgID).Scan(&status, &cancelled); err != nil {
			return mapError(err)
		}
		if journal.SitInStatus(status) == journal.SitInDone || !cancelled.Time.IsZero() {
			return ErrConflict
		}
		var entry string
		if err := tx.QueryRowContext(ctx, `SELECT id FROM journal_entries WHERE id = $1 AND family_id = $2 AND org_id = $3 AND kind = $4`,
			s.EntryID, s.FamilyID, orgID, string(journal.HardMoment)).Scan(&entry); err != nil {
			return mapError(err)
		}
		return execOne(ctx, tx, `UPDATE sit_ins SET entry_id = $1, status = $2, planned_for = $3, with_whom = $4, will_say = $5, done_at = $6,
			minutes = $7, said = $8, proposal = $9, summary = $10, updated_at = $11
			WHERE id = $12 AND family_id = $13 AND org_id = $14 AND status = $15 AND cancelled_at IS NULL`,
			s.EntryID, string(s.Status), optionalTime(s.PlannedFor), s.With, s.WillSay, optionalTime(s.DoneAt), s.Minutes, s.Said, s.Proposal,
			s.Summary(), now, s.ID, s.FamilyID, orgID, string(journal.SitInPlanned))
	})
	if err != nil {
		return journal.SitIn{}, fmt.Errorf("update sit-in %s: %w", s.ID, err)
	}
	return s, nil
}

// SitIn reads one sit-in of a family, with the hard moment it answers;
// one of another family or organisation is ErrNotFound.
func (db *DB) SitIn(ctx context.Context, orgID, familyID, id string) (journal.SitIn, error) {
	out, err := db.sitIns(ctx, `s.id = $3`, orgID, familyID, id, 1)
	if err != nil {
		return journal.SitIn{}, fmt.Errorf("sit-in %s: %w", id, err)
	}
	if len(out) == 0 {
		return journal.SitIn{}, fmt.Errorf("sit-in %s: %w", id, ErrNotFound)
	}
	return out[0], nil
}

// SitIns lists a family's sit-ins, newest first, at most limit.
func (db *DB) SitIns(ctx context.Context, orgID, familyID string, limit int) ([]journal.SitIn, error) {
	out, err := db.sitIns(ctx, `$3 = ''`, orgID, familyID, "", limit)
	if err != nil {
		return nil, fmt.Errorf("sit-ins: %w", err)
	}
	return out, nil
}

// sitIns reads the family's sit-ins that match cond (which may use $3,
// bound to arg), each with the hard moment it answers.
func (db *DB) sitIns(ctx context.Context, cond, orgID, familyID, arg string, limit int) ([]journal.SitIn, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT s.id, s.family_id, s.entry_id, j.occurred_at, j.summary, s.status, s.planned_for, s.with_whom,
		s.will_say, s.done_at, s.minutes, s.said, s.proposal, s.created_at, s.updated_at, s.cancelled_at
		FROM sit_ins s JOIN journal_entries j ON j.id = s.entry_id AND j.family_id = s.family_id AND j.org_id = s.org_id
		WHERE s.family_id = $1 AND s.org_id = $2 AND `+cond+` ORDER BY s.created_at DESC, s.id LIMIT $4`, familyID, orgID, arg, limit)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []journal.SitIn
	for rows.Next() {
		var s journal.SitIn
		var entryAt, planned, done, created, updated, cancelled sqlTime
		if err := rows.Scan(&s.ID, &s.FamilyID, &s.EntryID, &entryAt, &s.EntrySummary, &s.Status, &planned, &s.With, &s.WillSay, &done,
			&s.Minutes, &s.Said, &s.Proposal, &created, &updated, &cancelled); err != nil {
			return nil, mapError(err)
		}
		s.CancelledAt = utcOrZero(cancelled.Time)
		s.EntryAt, s.PlannedFor, s.DoneAt = entryAt.Time.UTC(), utcOrZero(planned.Time), utcOrZero(done.Time)
		s.CreatedAt, s.UpdatedAt = created.Time.UTC(), updated.Time.UTC()
		out = append(out, s)
	}
	return out, mapError(rows.Err())
}

// cleanSitIn trims what the parent typed and keeps times in UTC.
func cleanSitIn(s journal.SitIn) journal.SitIn {
	s.With, s.WillSay = strings.TrimSpace(s.With), strings.TrimSpace(s.WillSay)
	s.Said, s.Proposal = strings.TrimSpace(s.Said), strings.TrimSpace(s.Proposal)
	s.PlannedFor, s.DoneAt = utcOrZero(s.PlannedFor).Truncate(time.Microsecond), utcOrZero(s.DoneAt).Truncate(time.Microsecond)
	return s
}

// optionalTime is t for a column, or NULL when t is zero.
func optionalTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// utcOrZero is t in UTC, keeping a zero time zero.
func utcOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// CancelSitIn calls off a planned sit-in of the family. It is kept as it
// was planned. A sit-in done or called off already is ErrConflict; one of
// another family or organisation is ErrNotFound.
func (db *DB) CancelSitIn(ctx context.Context, orgID, familyID, id string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return changeOneOrExplain(ctx, tx, `UPDATE sit_ins SET cancelled_at = $1, updated_at = $1
			WHERE id = $2 AND family_id = $3 AND org_id = $4 AND status = $5 AND cancelled_at IS NULL`, []any{now, id, familyID, orgID, string(journal.SitInPlanned)},
			`SELECT COUNT(*) FROM sit_ins WHERE id = $1 AND family_id = $2 AND org_id = $3`, id, familyID, orgID)
	})
	if err != nil {
		return fmt.Errorf("call off sit-in %s: %w", id, err)
	}
	return nil
}
