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

// Enrolment is a family in a group, with the parent or carer who comes.
type Enrolment struct {
	ID         string
	GroupID    string
	FamilyID   string
	FamilyName string // for the facilitators; never shown to co-facilitators
	MemberID   string
	// FirstName is the first word of the parent's name: how the group knows
	// them.
	FirstName      string
	EnrolledBy     string
	EnrolledByName string
	EnrolledAt     time.Time
	// WithdrawnAt is when the parent stopped coming, with the reason and who
	// recorded it; nil while they are in the group. Their attendance so far
	// is kept.
	WithdrawnAt     *time.Time
	WithdrawnReason string
	WithdrawnByName string
}

// Active reports whether the parent is still in the group.
func (e Enrolment) Active() bool { return e.WithdrawnAt == nil }

// ActiveEnrolments keeps the parents still in the group.
func ActiveEnrolments(all []Enrolment) []Enrolment {
	var out []Enrolment
	for _, e := range all {
		if e.Active() {
			out = append(out, e)
		}
	}
	return out
}

// firstName is the first word of a name.
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}

// Enrol adds a family to a group, with the parent memberID (a carer in that
// family), enrolled by userID. The rules (consent, scope, capacity) are
// nvr.CanEnrol's, checked by the caller; Enrol still refuses, with
// ErrConflict, a family already enrolled or a group already full, in case
// two people enrol at once. A family that was withdrawn from the group is
// enrolled again: its attendance so far is kept. A member of another family, or a group or
// family of another organisation, is ErrNotFound.
func (db *DB) Enrol(ctx context.Context, orgID, groupID, familyID, memberID, userID string) (Enrolment, error) {
	e := Enrolment{ID: ids.New(), GroupID: groupID, FamilyID: familyID, MemberID: memberID, EnrolledBy: userID, EnrolledAt: db.Now()}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var capacity, enrolled, already int
		var kind, member, withdrawn string
		err := tx.QueryRowContext(ctx, `SELECT g.capacity, g.kind,
			(SELECT COUNT(*) FROM nvr_group_enrolments WHERE group_id = g.id AND withdrawn_at IS NULL),
			(SELECT COUNT(*) FROM nvr_group_enrolments WHERE group_id = g.id AND family_id = $3 AND withdrawn_at IS NULL),
			(SELECT COALESCE(MAX(id), '') FROM nvr_group_enrolments WHERE group_id = g.id AND family_id = $3 AND withdrawn_at IS NOT NULL)
			FROM nvr_groups g WHERE g.id = $1 AND g.org_id = $2`, groupID, orgID, familyID).
			Scan(&capacity, &kind, &enrolled, &already, &withdrawn)
		if err != nil {
			return mapError(err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT name FROM family_members WHERE id = $1 AND family_id = $2 AND org_id = $3 AND kind = 'carer'`,
			memberID, familyID, orgID).Scan(&member); err != nil {
			return mapError(err)
		}
		if already > 0 || enrolled >= capacity || (nvr.Kind(kind) == nvr.OneToOne && enrolled > 0) {
			return ErrConflict
		}
		e.FirstName = firstName(member)
		if withdrawn != "" {
			e.ID = withdrawn
			return execOne(ctx, tx, `UPDATE nvr_group_enrolments SET member_id = $1, enrolled_by = $2, enrolled_at = $3, withdrawn_at = NULL,
				withdrawn_by = NULL, withdrawn_reason = '' WHERE id = $4`, memberID, userID, e.EnrolledAt, withdrawn)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO nvr_group_enrolments (id, org_id, group_id, family_id, member_id, enrolled_by, enrolled_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, e.ID, orgID, groupID, familyID, memberID, userID, e.EnrolledAt)
		return mapError(err)
	})
	if err != nil {
		return Enrolment{}, fmt.Errorf("enrol family %s in group %s: %w", familyID, groupID, err)
	}
	return e, nil
}

// Enrolments lists a group's families, by the parent's first name: those
// in the group first, then those withdrawn from it (see ActiveEnrolments).
func (db *DB) Enrolments(ctx context.Context, orgID, groupID string) ([]Enrolment, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT e.id, e.group_id, e.family_id, f.name, e.member_id, m.name, e.enrolled_by, u.name, e.enrolled_at,
		e.withdrawn_at, e.withdrawn_reason, COALESCE(w.name, '')
		FROM nvr_group_enrolments e JOIN families f ON f.id = e.family_id JOIN family_members m ON m.id = e.member_id
		JOIN users u ON u.id = e.enrolled_by LEFT JOIN users w ON w.id = e.withdrawn_by
		WHERE e.group_id = $1 AND e.org_id = $2 ORDER BY CASE WHEN e.withdrawn_at IS NULL THEN 0 ELSE 1 END, m.name, e.id`, groupID, orgID)
	if err != nil {
		return nil, fmt.Errorf("group %s enrolments: %w", groupID, mapError(err))
	}
	defer rows.Close()
	var out []Enrolment
	for rows.Next() {
		var e Enrolment
		var member string
		var at sqlTime
		var withdrawn sql.NullTime
		if err := rows.Scan(&e.ID, &e.GroupID, &e.FamilyID, &e.FamilyName, &e.MemberID, &member, &e.EnrolledBy, &e.EnrolledByName, &at,
			&withdrawn, &e.WithdrawnReason, &e.WithdrawnByName); err != nil {
			return nil, fmt.Errorf("group %s enrolments: %w", groupID, mapError(err))
		}
		e.FirstName, e.EnrolledAt = firstName(member), at.Time.UTC()
		if withdrawn.Valid {
			t := withdrawn.Time.UTC()
			e.WithdrawnAt = &t
		}
		out = append(out, e)
	}
	return out, mapError(rows.Err())
}

// AttendanceEntry is one parent's attendance at one session.
type AttendanceEntry struct {
	EnrolmentID    string
	Value          nvr.Attendance
	Note           string
	RecordedBy     string
	RecordedByName string
	RecordedAt     time.Time
}

// RecordAttendance records attendance at session number of a group, by
// userID. An entry for a parent who already has one replaces it as the
// current value; every entry is also kept in the group's attendance
// history, so a correction keeps what was recorded before. Entries for
// enrolments not in the group are ErrNotFound, and nothing is recorded.
func (db *DB) RecordAttendance(ctx context.Context, orgID, groupID string, number int, userID string, entries []AttendanceEntry) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var sessions int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM nvr_group_sessions WHERE group_id = $1 AND org_id = $2 AND number = $3`,
			groupID, orgID, number).Scan(&sessions); err != nil {
			return mapError(err)
		}
		if sessions == 0 {
			return ErrNotFound
		}
		for _, e := range entries {
			if !e.Value.Valid() {
				return fmt.Errorf("attendance %q: %w", e.Value, ErrConflict)
			}
			note := strings.TrimSpace(e.Note)
			res, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_attendance (enrolment_id, session_number, group_id, org_id, value, note,
				recorded_by, recorded_at) SELECT id, $2, group_id, org_id, $3, $4, $5, $6 FROM nvr_group_enrolments
				WHERE id = $1 AND group_id = $7 AND org_id = $8
				ON CONFLICT (enrolment_id, session_number) DO UPDATE SET value = excluded.value, note = excluded.note,
				recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
				e.EnrolmentID, number, string(e.Value), note, userID, now, groupID, orgID)
			if err != nil {
				return mapError(err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return ErrNotFound
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_attendance_changes (enrolment_id, session_number, org_id, value, note,
				recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, e.EnrolmentID, number, orgID, string(e.Value), note, userID, now); err != nil {
				return mapError(err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record attendance at group %s session %d: %w", groupID, number, err)
	}
	return nil
}

// Attendance reads the current attendance at one session of a group, by
// enrolment ID.
func (db *DB) Attendance(ctx context.Context, orgID, groupID string, number int) (map[string]AttendanceEntry, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT a.enrolment_id, a.value, a.note, a.recorded_by, u.name, a.recorded_at
		FROM nvr_group_attendance a JOIN users u ON u.id = a.recorded_by
		WHERE a.group_id = $1 AND a.org_id = $2 AND a.session_number = $3`, groupID, orgID, number)
	if err != nil {
		return nil, fmt.Errorf("group %s session %d attendance: %w", groupID, number, mapError(err))
	}
	defer rows.Close()
	out := map[string]AttendanceEntry{}
	for rows.Next() {
		var e AttendanceEntry
		var at sqlTime
		if err := rows.Scan(&e.EnrolmentID, &e.Value, &e.Note, &e.RecordedBy, &e.RecordedByName, &at); err != nil {
			return nil, fmt.Errorf("group %s session %d attendance: %w", groupID, number, mapError(err))
		}
		e.RecordedAt = at.Time.UTC()
		out[e.EnrolmentID] = e
	}
	return out, mapError(rows.Err())
}

// AttendanceHistory lists every recording of one parent's attendance at
// one session, oldest first.
func (db *DB) AttendanceHistory(ctx context.Context, orgID, enrolmentID string, number int) ([]AttendanceEntry, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT c.enrolment_id, c.value, c.note, c.recorded_by, u.name, c.recorded_at
		FROM nvr_group_attendance_changes c JOIN users u ON u.id = c.recorded_by
		WHERE c.enrolment_id = $1 AND c.org_id = $2 AND c.session_number = $3 ORDER BY c.recorded_at`, enrolmentID, orgID, number)
	if err != nil {
		return nil, fmt.Errorf("attendance history: %w", mapError(err))
	}
	defer rows.Close()
	var out []AttendanceEntry
	for rows.Next() {
		var e AttendanceEntry
		var at sqlTime
		if err := rows.Scan(&e.EnrolmentID, &e.Value, &e.Note, &e.RecordedBy, &e.RecordedByName, &at); err != nil {
			return nil, fmt.Errorf("attendance history: %w", mapError(err))
		}
		e.RecordedAt = at.Time.UTC()
		out = append(out, e)
	}
	return out, mapError(rows.Err())
}
