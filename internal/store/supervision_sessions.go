package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// supervisionColumns reads a supervision session with its two people's names,
// from supervision_sessions s joined to users sup and prac.
const supervisionColumns = `s.id, s.supervisor_id, s.practitioner_id, sup.name, prac.name, s.planned_for, s.held_at, s.cancelled_at, s.created_by, s.created_at`

const supervisionFrom = ` FROM supervision_sessions s JOIN users sup ON sup.id = s.supervisor_id JOIN users prac ON prac.id = s.practitioner_id`

func scanSession(row interface{ Scan(...any) error }) (supervision.Session, error) {
	var s supervision.Session
	var held, cancelled sqlTime
	if err := row.Scan(&s.ID, &s.SupervisorID, &s.PractitionerID, &s.SupervisorName, &s.PractitionerName, &s.PlannedFor, &held, &cancelled, &s.CreatedBy, &s.CreatedAt); err != nil {
		return s, mapError(err)
	}
	s.PlannedFor, s.HeldAt, s.CancelledAt, s.CreatedAt = s.PlannedFor.UTC(), utc(held.Time), utc(cancelled.Time), s.CreatedAt.UTC()
	return s, nil
}

// PlanSupervision plans a session between a supervisor and a practitioner
// they supervise, for s.PlannedFor. Both must be active, and the
// supervision link must stand; otherwise ErrNotFound.
func (db *DB) PlanSupervision(ctx context.Context, orgID string, s supervision.Session) (supervision.Session, error) {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		s, err = planSession(ctx, tx, db, orgID, s)
		return err
	})
	if err != nil {
		return supervision.Session{}, fmt.Errorf("plan supervision: %w", err)
	}
	return s, nil
}

func planSession(ctx context.Context, tx *sql.Tx, db *DB, orgID string, s supervision.Session) (supervision.Session, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM supervision_links l
		JOIN users sup ON sup.id = l.supervisor_id AND sup.disabled_at IS NULL AND sup.org_id = l.org_id
		JOIN users prac ON prac.id = l.practitioner_id AND prac.disabled_at IS NULL AND prac.org_id = l.org_id
		WHERE l.org_id = $1 AND l.supervisor_id = $2 AND l.practitioner_id = $3`, orgID, s.SupervisorID, s.PractitionerID).Scan(&n)
	if err != nil {
		return s, mapError(err)
	}
	if n == 0 {
		return s, fmt.Errorf("no supervision link from %s to %s: %w", s.SupervisorID, s.PractitionerID, ErrNotFound)
	}
	s.ID, s.CreatedAt, s.PlannedFor = ids.New(), db.Now(), s.PlannedFor.UTC().Truncate(time.Microsecond)
	if s.HeldAt.IsZero() {
		_, err = tx.ExecContext(ctx, `INSERT INTO supervision_sessions (id, org_id, supervisor_id, practitioner_id, planned_for, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, s.ID, orgID, s.SupervisorID, s.PractitionerID, s.PlannedFor, s.CreatedBy, s.CreatedAt)
	} else {
		s.HeldAt = s.HeldAt.UTC().Truncate(time.Microsecond)
		_, err = tx.ExecContext(ctx, `INSERT INTO supervision_sessions (id, org_id, supervisor_id, practitioner_id, planned_for, held_at, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, s.ID, orgID, s.SupervisorID, s.PractitionerID, s.PlannedFor, s.HeldAt, s.CreatedBy, s.CreatedAt)
	}
	return s, mapError(err)
}

// SupervisionSession reads one session of the organisation.
func (db *DB) SupervisionSession(ctx context.Context, orgID, id string) (supervision.Session, error) {
	s, err := scanSession(db.reads.QueryRowContext(ctx, `SELECT `+supervisionColumns+supervisionFrom+` WHERE s.id = $1 AND s.org_id = $2`, id, orgID))
	if err != nil {
		return s, fmt.Errorf("supervision session %s: %w", id, err)
	}
	return s, nil
}

// SupervisionRelationship works out how actor stands to a session: Own
// for its practitioner, and for its supervisor while they still supervise
// the practitioner or once the session is held (they were in it); None for
// anyone else in the organisation. A supervisor who no longer supervises
// the practitioner cannot reach a session still to come, with its agenda
// drawn from the practitioner's caseload. A session of another
// organisation, or none, is ErrNotFound.
func (db *DB) SupervisionRelationship(ctx context.Context, actor access.Actor, id string) (access.Relationship, error) {
	var supervisor, practitioner string
	var held sqlTime
	var linked int
	err := db.reads.QueryRowContext(ctx, `SELECT s.supervisor_id, s.practitioner_id, s.held_at,
			(SELECT COUNT(*) FROM supervision_links l WHERE l.org_id = s.org_id AND l.supervisor_id = s.supervisor_id AND l.practitioner_id = s.practitioner_id)
		FROM supervision_sessions s WHERE s.id = $1 AND s.org_id = $2`, id, actor.OrgID).Scan(&supervisor, &practitioner, &held, &linked)
	if err != nil {
		return access.None, fmt.Errorf("supervision relationship: %w", mapError(err))
	}
	switch {
	case actor.UserID == practitioner:
		return access.Own, nil
	case actor.UserID == supervisor && (linked > 0 || !held.Time.IsZero()):
		return access.Own, nil
	}
	return access.None, nil
}

// SessionPage is one page of a person's supervision sessions.
type SessionPage struct {
	Sessions []supervision.Session
	Total    int
}

// UpcomingSupervision lists the sessions not yet held, and not called off,
// that userID is one of the two people in, soonest first (at most 100).
func (db *DB) UpcomingSupervision(ctx context.Context, orgID, userID string) ([]supervision.Session, error) {
	return db.sessionsWhere(ctx, `WHERE s.org_id = $1 AND (s.supervisor_id = $2 OR s.practitioner_id = $2) AND s.held_at IS NULL AND s.cancelled_at IS NULL
		ORDER BY s.planned_for, s.id LIMIT 100`, orgID, userID)
}

// MoveSupervision plans an open session for another time. A session held
// or called off is ErrConflict.
func (db *DB) MoveSupervision(ctx context.Context, orgID, id string, when time.Time) error {
	return db.changeOpenSession(ctx, "move supervision", `UPDATE supervision_sessions SET planned_for = $1
		WHERE id = $2 AND org_id = $3 AND held_at IS NULL AND cancelled_at IS NULL`, orgID, id, when.UTC().Truncate(time.Microsecond))
}

// CancelSupervision calls an open session off. It is kept, but no longer
// shown as to come; what waits on the agenda waits for the next one. A
// session held or called off already is ErrConflict.
func (db *DB) CancelSupervision(ctx context.Context, orgID, id string) error {
	return db.changeOpenSession(ctx, "cancel supervision", `UPDATE supervision_sessions SET cancelled_at = $1
		WHERE id = $2 AND org_id = $3 AND held_at IS NULL AND cancelled_at IS NULL`, orgID, id, db.Now())
}

// changeOpenSession runs update (with $1 the new value, $2 the session and
// $3 the organisation) on a session that must be open.
func (db *DB) changeOpenSession(ctx context.Context, what, update, orgID, id string, value any) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return changeOneOrExplain(ctx, tx, update, []any{value, id, orgID},
			`SELECT COUNT(*) FROM supervision_sessions WHERE id = $1 AND org_id = $2`, id, orgID)
	})
	if err != nil {
		return fmt.Errorf("%s %s: %w", what, id, err)
	}
	return nil
}

// HeldSupervision lists one page of the sessions held that userID was one
// of the two people in, newest first, with how many there are.
func (db *DB) HeldSupervision(ctx context.Context, orgID, userID string, limit, offset int) (SessionPage, error) {
	var page SessionPage
	if err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM supervision_sessions s
		WHERE s.org_id = $1 AND (s.supervisor_id = $2 OR s.practitioner_id = $2) AND s.held_at IS NOT NULL`, orgID, userID).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("held supervision: %w", mapError(err))
	}
	var err error
	page.Sessions, err = db.sessionsWhere(ctx, `WHERE s.org_id = $1 AND (s.supervisor_id = $2 OR s.practitioner_id = $2) AND s.held_at IS NOT NULL
		ORDER BY s.held_at DESC, s.id LIMIT $3 OFFSET $4`, orgID, userID, limit, offset)
	return page, err
}

func (db *DB) sessionsWhere(ctx context.Context, where string, args ...any) ([]supervision.Session, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+supervisionColumns+supervisionFrom+` `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("supervision sessions: %w", mapError(err))
	}
	defer rows.Close()
	var out []supervision.Session
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			return nil, fmt.Errorf("supervision sessions: %w", err)
		}
		out = append(out, s)
	}
	return out, mapError(rows.Err())
}

// Held is what recording a session as held says: when it was held, which
// waiting agenda items were discussed (the rest wait for the next
// session), and when the next session is planned for, if it is.
type Held struct {
	At         time.Time
	Items      []string // supervision item ids discussed
	Notes      []string // agenda note ids discussed
	Next       time.Time
	RecordedBy string
}

// RecordSupervisionHeld marks a planned session as held, marks the agenda
// items discussed in it, and plans the next session when h.Next is set,
// all in one transaction. It returns the next session, or a zero one. A
// session already held is ErrConflict.
func (db *DB) RecordSupervisionHeld(ctx context.Context, orgID, id string, h Held) (supervision.Session, error) {
	var next supervision.Session
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var supervisor, practitioner string
		var held, cancelled sqlTime
		err := tx.QueryRowContext(ctx, `SELECT supervisor_id, practitioner_id, held_at, cancelled_at FROM supervision_sessions WHERE id = $1 AND org_id = $2`,
			id, orgID).Scan(&supervisor, &practitioner, &held, &cancelled)
		if err != nil {
			return mapError(err)
		}
		if !held.Time.IsZero() || !cancelled.Time.IsZero() {
			return fmt.Errorf("session %s already held or called off: %w", id, ErrConflict)
		}
		at := h.At.UTC().Truncate(time.Microsecond)
		if _, err := tx.ExecContext(ctx, `UPDATE supervision_sessions SET held_at = $1 WHERE id = $2`, at, id); err != nil {
			return mapError(err)
		}
		for _, item := range h.Items {
			if _, err := tx.ExecContext(ctx, `UPDATE supervision_items SET discussed_at = $1, session_id = $2
				WHERE id = $3 AND org_id = $4 AND practitioner_id = $5 AND discussed_at IS NULL`, at, id, item, orgID, practitioner); err != nil {
				return mapError(err)
			}
		}
		for _, note := range h.Notes {
			if _, err := tx.ExecContext(ctx, `UPDATE supervision_agenda_notes SET discussed_at = $1, session_id = $2
				WHERE id = $3 AND org_id = $4 AND practitioner_id = $5 AND discussed_at IS NULL`, at, id, note, orgID, practitioner); err != nil {
				return mapError(err)
			}
		}
		if h.Next.IsZero() {
			return nil
		}
		next, err = planSession(ctx, tx, db, orgID, supervision.Session{SupervisorID: supervisor, PractitionerID: practitioner,
			PlannedFor: h.Next, CreatedBy: h.RecordedBy})
		return err
	})
	if err != nil {
		return supervision.Session{}, fmt.Errorf("record supervision held: %w", err)
	}
	return next, nil
}
