package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// GroupNote is a note on a group session: for the group's staff, or about
// one parent (ParentNote), which also appears on the family's timeline.
type GroupNote struct {
	ID            string
	SessionNumber int
	EnrolmentID   string // "" for a note on the whole session
	FamilyID      string
	Title         string
	Body          string
	AuthorID      string
	AuthorName    string
	CreatedAt     time.Time
}

// AddGroupNote adds a note on session number of a group, for the group's
// staff.
func (db *DB) AddGroupNote(ctx context.Context, orgID, groupID string, number int, authorID, body string) (GroupNote, error) {
	n := GroupNote{ID: ids.New(), SessionNumber: number, Body: strings.TrimSpace(body), AuthorID: authorID, CreatedAt: db.Now()}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `INSERT INTO nvr_group_notes (id, org_id, group_id, session_number, author_id, body, created_at)
			SELECT $1, org_id, group_id, number, $2, $3, $4 FROM nvr_group_sessions WHERE group_id = $5 AND org_id = $6 AND number = $7`,
			n.ID, authorID, n.Body, n.CreatedAt, groupID, orgID, number)
	})
	if err != nil {
		return GroupNote{}, fmt.Errorf("add note to group %s session %d: %w", groupID, number, err)
	}
	return n, nil
}

// AddParentNote adds a short note about the parent of enrolmentID at
// session number of a group. It appears on the family's timeline at the
// session's time, titled with the group's name and the session.
func (db *DB) AddParentNote(ctx context.Context, orgID, groupID string, number int, enrolmentID, authorID, body string) (GroupNote, error) {
	n := GroupNote{ID: ids.New(), SessionNumber: number, EnrolmentID: enrolmentID, Body: strings.TrimSpace(body), AuthorID: authorID,
		CreatedAt: db.Now()}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var group, session string
		var at sqlTime
		err := tx.QueryRowContext(ctx, `SELECT g.name, s.title, s.starts_at, e.family_id FROM nvr_groups g
			JOIN nvr_group_sessions s ON s.group_id = g.id AND s.number = $3
			JOIN nvr_group_enrolments e ON e.group_id = g.id AND e.id = $4
			WHERE g.id = $1 AND g.org_id = $2`, groupID, orgID, number, enrolmentID).Scan(&group, &session, &at, &n.FamilyID)
		if err != nil {
			return mapError(err)
		}
		n.Title = fmt.Sprintf("%s, session %d: %s", group, number, session)
		_, err = tx.ExecContext(ctx, `INSERT INTO nvr_group_parent_notes (id, org_id, group_id, session_number, enrolment_id, family_id, title,
			body, author_id, occurred_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			n.ID, orgID, groupID, number, enrolmentID, n.FamilyID, n.Title, n.Body, authorID, at.Time.UTC(), n.CreatedAt)
		return mapError(err)
	})
	if err != nil {
		return GroupNote{}, fmt.Errorf("add parent note to group %s session %d: %w", groupID, number, err)
	}
	return n, nil
}

// GroupNotes lists the notes on one session of a group, oldest first: the
// notes on the session and, when withParents, the notes about parents.
func (db *DB) GroupNotes(ctx context.Context, orgID, groupID string, number int, withParents bool) ([]GroupNote, error) {
	q := `SELECT n.id, '' AS enrolment_id, '' AS family_id, '' AS title, n.body, n.author_id, u.name, n.created_at
		FROM nvr_group_notes n JOIN users u ON u.id = n.author_id WHERE n.group_id = $1 AND n.org_id = $2 AND n.session_number = $3`
	if withParents {
		q += ` UNION ALL SELECT p.id, p.enrolment_id, p.family_id, p.title, p.body, p.author_id, u.name, p.created_at
		FROM nvr_group_parent_notes p JOIN users u ON u.id = p.author_id WHERE p.group_id = $1 AND p.org_id = $2 AND p.session_number = $3`
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT * FROM (`+q+`) AS t ORDER BY created_at, id`, groupID, orgID, number)
	if err != nil {
		return nil, fmt.Errorf("group %s session %d notes: %w", groupID, number, mapError(err))
	}
	defer rows.Close()
	var out []GroupNote
	for rows.Next() {
		n := GroupNote{SessionNumber: number}
		var at sqlTime
		if err := rows.Scan(&n.ID, &n.EnrolmentID, &n.FamilyID, &n.Title, &n.Body, &n.AuthorID, &n.AuthorName, &at); err != nil {
			return nil, fmt.Errorf("group %s session %d notes: %w", groupID, number, mapError(err))
		}
		n.CreatedAt = at.Time.UTC()
		out = append(out, n)
	}
	return out, mapError(rows.Err())
}

// EnrolCandidate is a family a facilitator may enrol, with its parents and
// carers.
type EnrolCandidate struct {
	FamilyID   string
	FamilyName string
	Carers     []CarerName
}

// CarerName is a parent or carer who may come to a group.
type CarerName struct {
	ID   string
	Name string
}

// EnrolCandidates lists the families actor may enrol in groupID, by name,
// with their carers: families allocated to a practitioner, or to the
// practitioners a supervisor supervises, and families referred to the
// group by the people who work with them. Families without a carer
// recorded are listed with none, so the form can say what to do.
func (db *DB) EnrolCandidates(ctx context.Context, actor access.Actor, groupID string) ([]EnrolCandidate, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT f.id, f.name, COALESCE(m.id, ''), COALESCE(m.name, '') FROM families f
		LEFT JOIN family_members m ON m.family_id = f.id AND m.kind = 'carer'
		WHERE f.org_id = $1 AND (f.id IN (SELECT a.family_id FROM allocations a WHERE a.ended_at IS NULL AND (a.practitioner_id = $2
			OR a.practitioner_id IN (SELECT l.practitioner_id FROM supervision_links l WHERE l.supervisor_id = $2)))
			OR f.id IN (SELECT r.family_id FROM nvr_group_referrals r WHERE r.group_id = $3 AND r.org_id = $1))
		ORDER BY f.name, f.id, m.name, m.id LIMIT 2000`, actor.OrgID, actor.UserID, groupID)
	if err != nil {
		return nil, fmt.Errorf("enrol candidates: %w", mapError(err))
	}
	defer rows.Close()
	var out []EnrolCandidate
	for rows.Next() {
		var fid, fname, mid, mname string
		if err := rows.Scan(&fid, &fname, &mid, &mname); err != nil {
			return nil, fmt.Errorf("enrol candidates: %w", mapError(err))
		}
		if len(out) == 0 || out[len(out)-1].FamilyID != fid {
			out = append(out, EnrolCandidate{FamilyID: fid, FamilyName: fname})
		}
		if mid != "" {
			out[len(out)-1].Carers = append(out[len(out)-1].Carers, CarerName{ID: mid, Name: mname})
		}
	}
	return out, mapError(rows.Err())
}
