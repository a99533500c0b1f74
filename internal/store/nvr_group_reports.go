package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
)

// GroupReport is everything one group's report is drawn from, read at one
// moment: the group, its sessions, its parents and their attendance.
type GroupReport struct {
	Course     nvr.Course
	Sessions   []GroupSession
	Enrolments []Enrolment
	// Attendance holds the current value by enrolment ID, then session
	// number. A session with no entry has nothing recorded.
	Attendance map[string]map[int]nvr.Attendance
}

// Input is the report's input for nvr: the programme's sessions (not the
// supporters' sessions added to it), and the parents in the order of
// Enrolments, withdrawn ones marked.
func (g GroupReport) Input() nvr.ReportInput {
	var in nvr.ReportInput
	for _, s := range g.Sessions {
		if !s.Supporters() {
			in.Sessions = append(in.Sessions, nvr.ReportSession{Number: s.Number, StartsAt: s.StartsAt})
		}
	}
	for _, e := range g.Enrolments {
		in.Parents = append(in.Parents, nvr.ReportParent{EnrolmentID: e.ID, Withdrawn: !e.Active(), Attendance: g.Attendance[e.ID]})
	}
	return in
}

// GroupReport reads one group's report in one read snapshot: the group
// and its staff, its sessions, its enrolments, and all its attendance in
// one statement. A group of another organisation is ErrNotFound.
func (db *DB) GroupReport(ctx context.Context, orgID, groupID string) (GroupReport, error) {
	var g GroupReport
	err := db.ReadSnapshot(ctx, func(snap *DB) error {
		var err error
		if g.Course, err = snap.Group(ctx, orgID, groupID); err != nil {
			return err
		}
		if g.Sessions, err = snap.GroupSessions(ctx, orgID, groupID); err != nil {
			return err
		}
		if g.Enrolments, err = snap.Enrolments(ctx, orgID, groupID); err != nil {
			return err
		}
		g.Attendance, err = snap.GroupAttendance(ctx, orgID, groupID)
		return err
	})
	if err != nil {
		return GroupReport{}, fmt.Errorf("group %s report: %w", groupID, err)
	}
	return g, nil
}

// CourseReport is one group with its report's input, for reports across
// many groups.
type CourseReport struct {
	Course nvr.Course
	Input  nvr.ReportInput
}

// GroupReports reads the report input of every group actor works with (the
// groups Groups lists, newest start first, at most 200) in three
// statements whatever the number of groups: the groups, all their
// sessions, and all their enrolments with their attendance. Parents have
// none.
func (db *DB) GroupReports(ctx context.Context, actor access.Actor) ([]CourseReport, error) {
	scope, ok := groupScope(actor)
	if !ok {
		return nil, nil
	}
	// The groups Groups lists, as a subquery the other two statements share.
	groupIDs := `SELECT g.id FROM nvr_groups g WHERE g.org_id = $1 AND ` + scope + ` ORDER BY g.start_on DESC, g.id LIMIT $3`
	var out []CourseReport
	err := db.ReadSnapshot(ctx, func(snap *DB) error {
		groups, err := snap.Groups(ctx, actor)
		if err != nil {
			return err
		}
		index := map[string]int{}
		for i, g := range groups {
			index[g.ID] = i
			out = append(out, CourseReport{Course: g})
		}
		if err := snap.reportSessions(ctx, groupIDs, actor, out, index); err != nil {
			return err
		}
		return snap.reportParents(ctx, groupIDs, actor, out, index)
	})
	if err != nil {
		return nil, fmt.Errorf("group reports: %w", err)
	}
	return out, nil
}

// reportSessions fills in the sessions of the groups groupIDs selects.
func (db *DB) reportSessions(ctx context.Context, groupIDs string, actor access.Actor, out []CourseReport, index map[string]int) error {
	rows, err := db.reads.QueryContext(ctx, `SELECT s.group_id, s.number, s.starts_at FROM nvr_group_sessions s
		WHERE s.org_id = $1 AND s.kind = 'programme' AND s.group_id IN (`+groupIDs+`) ORDER BY s.group_id, s.number`, actor.OrgID, actor.UserID, maxGroups)
	if err != nil {
		return fmt.Errorf("sessions: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var group string
		var s nvr.ReportSession
		var at sqlTime
		if err := rows.Scan(&group, &s.Number, &at); err != nil {
			return fmt.Errorf("sessions: %w", mapError(err))
		}
		if i, ok := index[group]; ok {
			s.StartsAt = at.Time.UTC()
			out[i].Input.Sessions = append(out[i].Input.Sessions, s)
		}
	}
	return mapError(rows.Err())
}

// reportParents fills in the parents, with their attendance, of the
// groups groupIDs selects; withdrawn parents are marked.
func (db *DB) reportParents(ctx context.Context, groupIDs string, actor access.Actor, out []CourseReport, index map[string]int) error {
	rows, err := db.reads.QueryContext(ctx, `SELECT e.group_id, e.id, CASE WHEN e.withdrawn_at IS NULL THEN 0 ELSE 1 END, a.session_number, a.value FROM nvr_group_enrolments e
		LEFT JOIN nvr_group_attendance a ON a.enrolment_id = e.id AND a.org_id = e.org_id
		WHERE e.org_id = $1 AND e.group_id IN (`+groupIDs+`) ORDER BY e.group_id, e.enrolled_at, e.id`, actor.OrgID, actor.UserID, maxGroups)
	if err != nil {
		return fmt.Errorf("enrolments: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var group, enrolment string
		var withdrawn int
		var n sql.NullInt64
		var value sql.NullString
		if err := rows.Scan(&group, &enrolment, &withdrawn, &n, &value); err != nil {
			return fmt.Errorf("enrolments: %w", mapError(err))
		}
		i, ok := index[group]
		if !ok {
			continue
		}
		parents := &out[i].Input.Parents
		if k := len(*parents); k == 0 || (*parents)[k-1].EnrolmentID != enrolment {
			*parents = append(*parents, nvr.ReportParent{EnrolmentID: enrolment, Withdrawn: withdrawn == 1, Attendance: map[int]nvr.Attendance{}})
		}
		if n.Valid && value.Valid {
			(*parents)[len(*parents)-1].Attendance[int(n.Int64)] = nvr.Attendance(value.String)
		}
	}
	return mapError(rows.Err())
}
