package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
)

// CatchUp is a short conversation with a parent who missed a session:
// arranged for a time, then recorded as done with a note (on the family's
// timeline).
type CatchUp struct {
	EnrolmentID    string
	SessionNumber  int
	How            nvr.CatchUpHow
	PlannedAt      time.Time
	DoneAt         *time.Time
	Note           string // the note on the timeline, once done
	ArrangedByName string
}

// Done reports whether the catch-up has happened.
func (c CatchUp) Done() bool { return c.DoneAt != nil }

// catchUpKey finds a catch-up by parent and session.
type catchUpKey struct {
	Enrolment string
	Session   int
}

// CatchUps holds a group's catch-ups by parent and session.
type CatchUps map[catchUpKey]CatchUp

// For returns the catch-up for a parent's missed session, and whether one
// is arranged.
func (cs CatchUps) For(enrolmentID string, session int) (CatchUp, bool) {
	c, ok := cs[catchUpKey{enrolmentID, session}]
	return c, ok
}

// ArrangeCatchUp arranges, or re-arranges, a catch-up for the parent of
// enrolmentID about session number, by userID. A catch-up already done is
// ErrConflict; an enrolment or session not in the group is ErrNotFound.
func (db *DB) ArrangeCatchUp(ctx context.Context, orgID, groupID string, number int, enrolmentID string, how nvr.CatchUpHow, at time.Time, userID string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var done int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM nvr_group_catchups WHERE enrolment_id = $1 AND session_number = $2
			AND done_at IS NOT NULL`, enrolmentID, number).Scan(&done); err != nil {
			return mapError(err)
		}
		if done > 0 {
			return ErrConflict
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_catchups (enrolment_id, session_number, group_id, org_id, family_id, how, planned_at,
			arranged_by, updated_at)
			SELECT e.id, s.number, e.group_id, e.org_id, e.family_id, $5, $6, $7, $8 FROM nvr_group_enrolments e
			JOIN nvr_group_sessions s ON s.group_id = e.group_id AND s.number = $4
			WHERE e.id = $1 AND e.group_id = $2 AND e.org_id = $3
			ON CONFLICT (enrolment_id, session_number) DO UPDATE SET how = excluded.how, planned_at = excluded.planned_at,
			arranged_by = excluded.arranged_by, updated_at = excluded.updated_at`,
			enrolmentID, groupID, orgID, number, string(how), at.UTC(), userID, now)
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("arrange catch-up for session %d: %w", number, err)
	}
	return nil
}

// RecordCatchUp records that the catch-up for the parent of enrolmentID
// about session number happened at at, how, with a note that goes onto the
// family's timeline, by userID. It need not have been arranged first. A
// catch-up already recorded is ErrConflict.
func (db *DB) RecordCatchUp(ctx context.Context, orgID, groupID string, number int, enrolmentID string, how nvr.CatchUpHow, at time.Time, userID, note string) error {
	now := db.Now()
	noteID := ids.New()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var group, session, familyID string
		var done int
		err := tx.QueryRowContext(ctx, `SELECT g.name, s.title, e.family_id,
			(SELECT COUNT(*) FROM nvr_group_catchups c WHERE c.enrolment_id = e.id AND c.session_number = s.number AND c.done_at IS NOT NULL)
			FROM nvr_groups g JOIN nvr_group_sessions s ON s.group_id = g.id AND s.number = $3
			JOIN nvr_group_enrolments e ON e.group_id = g.id AND e.id = $4
			WHERE g.id = $1 AND g.org_id = $2`, groupID, orgID, number, enrolmentID).Scan(&group, &session, &familyID, &done)
		if err != nil {
			return mapError(err)
		}
		if done > 0 {
			return ErrConflict
		}
		title := fmt.Sprintf("%s, catch-up for session %d: %s (%s)", group, number, session, strings.ToLower(how.Label()))
		if _, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_parent_notes (id, org_id, group_id, session_number, enrolment_id, family_id, title,
			body, author_id, occurred_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			noteID, orgID, groupID, number, enrolmentID, familyID, title, strings.TrimSpace(note), userID, at.UTC(), now); err != nil {
			return mapError(err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO nvr_group_catchups (enrolment_id, session_number, group_id, org_id, family_id, how, planned_at,
			done_at, note_id, arranged_by, recorded_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $9, $10)
			ON CONFLICT (enrolment_id, session_number) DO UPDATE SET how = excluded.how, done_at = excluded.done_at, note_id = excluded.note_id,
			recorded_by = excluded.recorded_by, updated_at = excluded.updated_at`,
			enrolmentID, number, groupID, orgID, familyID, string(how), at.UTC(), noteID, userID, now)
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("record catch-up for session %d: %w", number, err)
	}
	return nil
}

// GroupCatchUps reads every catch-up of a group.
func (db *DB) GroupCatchUps(ctx context.Context, orgID, groupID string) (CatchUps, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT c.enrolment_id, c.session_number, c.how, c.planned_at, c.done_at, COALESCE(n.body, ''), u.name
		FROM nvr_group_catchups c JOIN users u ON u.id = c.arranged_by LEFT JOIN nvr_group_parent_notes n ON n.id = c.note_id
		WHERE c.group_id = $1 AND c.org_id = $2`, groupID, orgID)
	if err != nil {
		return nil, fmt.Errorf("group %s catch-ups: %w", groupID, mapError(err))
	}
	defer rows.Close()
	out := CatchUps{}
	for rows.Next() {
		var c CatchUp
		var planned sqlTime
		var done sql.NullTime
		if err := rows.Scan(&c.EnrolmentID, &c.SessionNumber, &c.How, &planned, &done, &c.Note, &c.ArrangedByName); err != nil {
			return nil, fmt.Errorf("group %s catch-ups: %w", groupID, mapError(err))
		}
		c.PlannedAt = planned.Time.UTC()
		if done.Valid {
			t := done.Time.UTC()
			c.DoneAt = &t
		}
		out[catchUpKey{c.EnrolmentID, c.SessionNumber}] = c
	}
	return out, mapError(rows.Err())
}

// GroupAttendance reads the current attendance at every session of a
// group, by enrolment and session number.
func (db *DB) GroupAttendance(ctx context.Context, orgID, groupID string) (map[string]map[int]nvr.Attendance, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT enrolment_id, session_number, value FROM nvr_group_attendance WHERE group_id = $1 AND org_id = $2`,
		groupID, orgID)
	if err != nil {
		return nil, fmt.Errorf("group %s attendance: %w", groupID, mapError(err))
	}
	defer rows.Close()
	out := map[string]map[int]nvr.Attendance{}
	for rows.Next() {
		var e string
		var n int
		var v nvr.Attendance
		if err := rows.Scan(&e, &n, &v); err != nil {
			return nil, fmt.Errorf("group %s attendance: %w", groupID, mapError(err))
		}
		if out[e] == nil {
			out[e] = map[int]nvr.Attendance{}
		}
		out[e][n] = v
	}
	return out, mapError(rows.Err())
}
