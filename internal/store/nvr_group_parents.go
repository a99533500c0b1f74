package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
)

// parentEnrolments is every enrolment that a parent's account belongs to,
// through the parent's family, as a subquery with the columns
// enrolment_id, group_id, org_id and user_id. Every question about which
// groups a parent is in goes through it, so the rule about which
// enrolments still count is one condition here: a family withdrawn from a
// group (or that withdrew its consent) no longer has it as its own.
const parentEnrolments = `(SELECT e.id AS enrolment_id, e.group_id, e.org_id, u.id AS user_id
	FROM nvr_group_enrolments e JOIN users u ON u.family_id = e.family_id AND u.org_id = e.org_id
	WHERE u.role = 'parent' AND e.withdrawn_at IS NULL)`

// ParentGroup is a group a parent's family is enrolled in, as the parent's
// own page lists it.
type ParentGroup struct {
	Group       nvr.Course // without its staff
	EnrolmentID string
	// Next is the first session that has not started by the time asked
	// about; nil once every session has started.
	Next *GroupSession
}

// ParentGroups lists the groups the family of actor, a parent, is enrolled
// in, newest start first, each with its next session after at. Anyone else
// has none.
func (db *DB) ParentGroups(ctx context.Context, actor access.Actor, at time.Time) ([]ParentGroup, error) {
	if actor.Role != access.Parent {
		return nil, nil
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT `+groupColumns+`, pe.enrolment_id, s.number, s.starts_at, s.title
		FROM `+parentEnrolments+` pe JOIN nvr_groups g ON g.id = pe.group_id AND g.org_id = pe.org_id
		LEFT JOIN nvr_group_sessions s ON s.group_id = g.id AND s.org_id = g.org_id AND s.number = (SELECT n.number
			FROM nvr_group_sessions n WHERE n.group_id = g.id AND n.starts_at > $3 ORDER BY n.starts_at, n.number LIMIT 1)
		WHERE pe.user_id = $1 AND pe.org_id = $2 ORDER BY g.start_on DESC, g.id LIMIT $4`,
		actor.UserID, actor.OrgID, at.UTC(), maxGroups)
	if err != nil {
		return nil, fmt.Errorf("parent's groups: %w", mapError(err))
	}
	defer rows.Close()
	var out []ParentGroup
	for rows.Next() {
		var pg ParentGroup
		var number sql.NullInt64
		var title sql.NullString
		var starts sqlTime
		var err error
		if pg.Group, err = scanGroup(rows, &pg.EnrolmentID, &number, &starts, &title); err != nil {
			return nil, fmt.Errorf("parent's groups: %w", err)
		}
		if number.Valid {
			pg.Next = &GroupSession{Number: int(number.Int64), StartsAt: starts.Time.UTC(), Title: title.String}
		}
		out = append(out, pg)
	}
	return out, mapError(rows.Err())
}

// ParentAttendance reads the attendance recorded for the family of actor,
// a parent, at each session of a group, by session number. It holds
// nothing about anyone else, and nothing for a parent whose family is not
// in the group.
func (db *DB) ParentAttendance(ctx context.Context, actor access.Actor, groupID string) (map[int]nvr.Attendance, error) {
	out := map[int]nvr.Attendance{}
	if actor.Role != access.Parent {
		return out, nil
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT a.session_number, a.value FROM nvr_group_attendance a
		JOIN `+parentEnrolments+` pe ON pe.enrolment_id = a.enrolment_id AND pe.org_id = a.org_id
		WHERE a.group_id = $1 AND pe.group_id = $1 AND pe.user_id = $2 AND pe.org_id = $3`, groupID, actor.UserID, actor.OrgID)
	if err != nil {
		return nil, fmt.Errorf("group %s: parent's attendance: %w", groupID, mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var v string
		if err := rows.Scan(&n, &v); err != nil {
			return nil, fmt.Errorf("group %s: parent's attendance: %w", groupID, mapError(err))
		}
		out[n] = nvr.Attendance(v)
	}
	return out, mapError(rows.Err())
}
