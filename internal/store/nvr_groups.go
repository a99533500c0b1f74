package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
)

// GroupSession is one dated session of a group, titled from the template
// version the group runs.
type GroupSession struct {
	Number   int
	StartsAt time.Time
	Title    string
	Kind     nvr.SessionKind
}

// Supporters reports whether the session is an added supporters' session
// rather than one of the programme's.
func (s GroupSession) Supporters() bool { return s.Kind == nvr.SupportersSession }

// NewGroup is what starting a group needs: the course, the template
// version it runs (shipped or the organisation's own) and the time zone its
// sessions' times are in.
type NewGroup struct {
	Course   nvr.Course
	Template nvr.Template
	Zone     *time.Location
}

// dateLayout is how dates without a time are stored.
const dateLayout = "2006-01-02"

// CreateGroup starts a group in the organisation, run by ng.Course's
// facilitators and co-facilitators, created by userID, and makes its
// sessions from the schedule, one for each session of the template. A
// shipped template is first copied into the organisation (named after the
// group), so a later release cannot change the running group; the group is
// pinned to that copy's version 1. A course with no ID is given one. It
// returns the course as stored.
func (db *DB) CreateGroup(ctx context.Context, orgID, userID string, ng NewGroup) (nvr.Course, error) {
	c, tpl := ng.Course, ng.Template
	if !tpl.Shipped() && tpl.OrgID != orgID {
		return nvr.Course{}, fmt.Errorf("create group: template %s: %w", tpl.ID, ErrNotFound)
	}
	now := db.Now()
	if c.ID == "" {
		c.ID = ids.New()
	}
	c.OrgID, c.CreatedBy, c.CreatedAt = orgID, userID, now
	c.Name, c.Venue = strings.TrimSpace(c.Name), strings.TrimSpace(c.Venue)
	times := c.Schedule.Times(len(tpl.Sessions), ng.Zone)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if tpl.Shipped() {
			copied, err := copyTemplate(ctx, tx, orgID, userID, tpl.Name+" (for "+c.Name+")", tpl, now)
			if err != nil {
				return err
			}
			tpl = copied
		}
		c.TemplateID, c.TemplateVersion = tpl.ID, tpl.Version
		var skip []string
		for _, d := range c.Schedule.Skip {
			skip = append(skip, nvr.Date(d).Format(dateLayout))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO nvr_groups (id, org_id, name, kind, template_id, template_version, venue, capacity,
			start_on, weekday, start_time, skip_dates, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			c.ID, orgID, c.Name, string(c.Kind), c.TemplateID, c.TemplateVersion, c.Venue, c.Capacity,
			nvr.Date(c.Schedule.Start).Format(dateLayout), int(c.Schedule.Weekday), c.Schedule.Time, strings.Join(skip, "\n"), userID, now); err != nil {
			return mapError(err)
		}
		for _, role := range []struct {
			name  string
			users []string
		}{{"facilitator", c.Facilitators}, {"co-facilitator", c.CoFacilitators}} {
			for _, u := range role.users {
				if _, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_staff (group_id, user_id, org_id, role)
					SELECT $1, id, org_id, $3 FROM users WHERE id = $2 AND org_id = $4`, c.ID, u, role.name, orgID); err != nil {
					return mapError(err)
				}
			}
		}
		for i, at := range times {
			if _, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_sessions (group_id, number, org_id, starts_at, title) VALUES ($1, $2, $3, $4, $5)`,
				c.ID, i+1, orgID, at.UTC(), tpl.Sessions[i].Title); err != nil {
				return mapError(err)
			}
		}
		return nil
	})
	if err != nil {
		return nvr.Course{}, fmt.Errorf("create group: %w", err)
	}
	return c, nil
}

// groupColumns reads a group from nvr_groups g.
const groupColumns = `g.id, g.org_id, g.name, g.kind, g.template_id, g.template_version, g.venue, g.capacity, g.start_on, g.weekday,
	g.start_time, g.skip_dates, g.created_by, g.created_at`

// scanGroup reads a row that starts with groupColumns, and any columns
// after them into extra.
func scanGroup(row interface{ Scan(...any) error }, extra ...any) (nvr.Course, error) {
	var c nvr.Course
	var kind, start, skip string
	var weekday int
	var at sqlTime
	dest := append([]any{&c.ID, &c.OrgID, &c.Name, &kind, &c.TemplateID, &c.TemplateVersion, &c.Venue, &c.Capacity, &start, &weekday,
		&c.Schedule.Time, &skip, &c.CreatedBy, &at}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nvr.Course{}, mapError(err)
	}
	c.Kind, c.Schedule.Weekday, c.CreatedAt = nvr.Kind(kind), time.Weekday(weekday), at.Time.UTC()
	var err error
	if c.Schedule.Start, err = time.Parse(dateLayout, start); err != nil {
		return nvr.Course{}, fmt.Errorf("group %s start: %w", c.ID, err)
	}
	for _, s := range strings.Fields(skip) {
		d, err := time.Parse(dateLayout, s)
		if err != nil {
			return nvr.Course{}, fmt.Errorf("group %s skip date: %w", c.ID, err)
		}
		c.Schedule.Skip = append(c.Schedule.Skip, d)
	}
	return c, nil
}

// Group reads one of the organisation's groups with its staff. A group of
// another organisation is ErrNotFound.
func (db *DB) Group(ctx context.Context, orgID, id string) (nvr.Course, error) {
	c, err := scanGroup(db.reads.QueryRowContext(ctx, `SELECT `+groupColumns+` FROM nvr_groups g WHERE g.id = $1 AND g.org_id = $2`, id, orgID))
	if err != nil {
		return nvr.Course{}, fmt.Errorf("group %s: %w", id, err)
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT s.user_id, s.role FROM nvr_group_staff s JOIN users u ON u.id = s.user_id
		WHERE s.group_id = $1 AND s.org_id = $2 ORDER BY u.name, u.id`, id, orgID)
	if err != nil {
		return nvr.Course{}, fmt.Errorf("group %s staff: %w", id, mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var user, role string
		if err := rows.Scan(&user, &role); err != nil {
			return nvr.Course{}, fmt.Errorf("group %s staff: %w", id, mapError(err))
		}
		if role == "facilitator" {
			c.Facilitators = append(c.Facilitators, user)
		} else {
			c.CoFacilitators = append(c.CoFacilitators, user)
		}
	}
	return c, mapError(rows.Err())
}

// maxGroups bounds a list of groups.
const maxGroups = 200

// Groups lists the groups actor works with, newest start first: for a
// practitioner or co-facilitator the groups they are attached to; for a
// supervisor those of the practitioners they supervise as well; for an
// administrator every group of the organisation. Parents have none here:
// their groups are ParentGroups.
func (db *DB) Groups(ctx context.Context, actor access.Actor) ([]nvr.Course, error) {
	where, ok := groupScope(actor)
	if !ok {
		return nil, nil
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT `+groupColumns+` FROM nvr_groups g WHERE g.org_id = $1 AND `+where+`
		ORDER BY g.start_on DESC, g.id LIMIT $3`, actor.OrgID, actor.UserID, maxGroups)
	if err != nil {
		return nil, fmt.Errorf("list groups: %w", mapError(err))
	}
	defer rows.Close()
	var out []nvr.Course
	for rows.Next() {
		c, err := scanGroup(rows)
		if err != nil {
			return nil, fmt.Errorf("list groups: %w", err)
		}
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}

// groupScope is the condition on nvr_groups g that picks the groups actor
// works with (see Groups), with $2 standing for the actor's user ID. ok is
// false for parents, who have none here.
func groupScope(actor access.Actor) (where string, ok bool) {
	where = `g.id IN (SELECT group_id FROM nvr_group_staff WHERE user_id = $2)`
	switch actor.Role {
	case access.Admin:
		where = `$2 <> ''`
	case access.Supervisor:
		where = `(` + where + ` OR g.id IN (SELECT s.group_id FROM nvr_group_staff s JOIN supervision_links l ON l.practitioner_id = s.user_id
			WHERE s.role = 'facilitator' AND l.supervisor_id = $2))`
	case access.Parent:
		return "", false
	}
	return where, true
}

// GroupRelationship works out how actor stands to a group: Attached for
// its facilitators and co-facilitators, Supervised for a supervisor of one
// of its facilitators, Own for a parent whose family is enrolled in it,
// None otherwise. A group of another organisation is ErrNotFound.
func (db *DB) GroupRelationship(ctx context.Context, actor access.Actor, groupID string) (access.Relationship, error) {
	var exists, attached, supervised, enrolled int
	err := db.reads.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM nvr_groups WHERE id = $1 AND org_id = $2),
		(SELECT COUNT(*) FROM nvr_group_staff WHERE group_id = $1 AND user_id = $3),
		(SELECT COUNT(*) FROM nvr_group_staff s JOIN supervision_links l ON l.practitioner_id = s.user_id
		   WHERE s.group_id = $1 AND s.role = 'facilitator' AND l.supervisor_id = $3),
		(SELECT COUNT(*) FROM `+parentEnrolments+` pe WHERE pe.group_id = $1 AND pe.org_id = $2 AND pe.user_id = $3)`,
		groupID, actor.OrgID, actor.UserID).Scan(&exists, &attached, &supervised, &enrolled)
	if err != nil {
		return access.None, fmt.Errorf("group relationship: %w", mapError(err))
	}
	switch {
	case exists == 0:
		return access.None, fmt.Errorf("group %s: %w", groupID, ErrNotFound)
	case actor.Role == access.Parent && enrolled > 0:
		return access.Own, nil
	case actor.Role == access.Parent:
		return access.None, nil
	case attached > 0:
		return access.Attached, nil
	case actor.Role == access.Supervisor && supervised > 0:
		return access.Supervised, nil
	}
	return access.None, nil
}

// GroupSessions lists a group's sessions in the order they are held: a
// supporters' session sits among the programme's on its date.
func (db *DB) GroupSessions(ctx context.Context, orgID, groupID string) ([]GroupSession, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT number, starts_at, title, kind FROM nvr_group_sessions WHERE group_id = $1 AND org_id = $2
		ORDER BY starts_at, number`, groupID, orgID)
	if err != nil {
		return nil, fmt.Errorf("group %s sessions: %w", groupID, mapError(err))
	}
	defer rows.Close()
	var out []GroupSession
	for rows.Next() {
		var s GroupSession
		var at sqlTime
		if err := rows.Scan(&s.Number, &at, &s.Title, &s.Kind); err != nil {
			return nil, fmt.Errorf("group %s sessions: %w", groupID, mapError(err))
		}
		s.StartsAt = at.Time.UTC()
		out = append(out, s)
	}
	return out, mapError(rows.Err())
}

// GroupSession reads one session of a group.
func (db *DB) GroupSession(ctx context.Context, orgID, groupID string, number int) (GroupSession, error) {
	s := GroupSession{Number: number}
	var at sqlTime
	err := db.reads.QueryRowContext(ctx, `SELECT starts_at, title, kind FROM nvr_group_sessions WHERE group_id = $1 AND org_id = $2 AND number = $3`,
		groupID, orgID, number).Scan(&at, &s.Title, &s.Kind)
	if err != nil {
		return GroupSession{}, fmt.Errorf("group %s session %d: %w", groupID, number, mapError(err))
	}
	s.StartsAt = at.Time.UTC()
	return s, nil
}
