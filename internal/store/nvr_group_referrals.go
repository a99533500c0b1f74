package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/nvr"
)

// OpenGroup is a group of the organisation that has sessions still to
// come, as someone referring a family sees it: when and where it meets,
// and how many places are left. Nothing of its parents.
type OpenGroup struct {
	Course      nvr.Course
	NextSession time.Time
	PlacesLeft  int
	// Referred is true when the family asked about is referred to it
	// already; Enrolled when it is in it.
	Referred, Enrolled bool
}

// OpenGroups lists the organisation's groups with a session after now,
// soonest first, with their places left and whether familyID is referred
// to or enrolled in each.
func (db *DB) OpenGroups(ctx context.Context, orgID, familyID string, now time.Time) ([]OpenGroup, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+groupColumns+`,
		(SELECT MIN(s.starts_at) FROM nvr_group_sessions s WHERE s.group_id = g.id AND s.starts_at > $2),
		g.capacity - (SELECT COUNT(*) FROM nvr_group_enrolments e WHERE e.group_id = g.id AND e.withdrawn_at IS NULL),
		(SELECT COUNT(*) FROM nvr_group_referrals r WHERE r.group_id = g.id AND r.family_id = $3),
		(SELECT COUNT(*) FROM nvr_group_enrolments e WHERE e.group_id = g.id AND e.family_id = $3 AND e.withdrawn_at IS NULL)
		FROM nvr_groups g WHERE g.org_id = $1 AND EXISTS (SELECT 1 FROM nvr_group_sessions s WHERE s.group_id = g.id AND s.starts_at > $2)
		ORDER BY g.start_on, g.id LIMIT $4`, orgID, now.UTC(), familyID, maxGroups)
	if err != nil {
		return nil, fmt.Errorf("open groups: %w", mapError(err))
	}
	defer rows.Close()
	var out []OpenGroup
	for rows.Next() {
		var o OpenGroup
		var next sqlTime
		var referred, enrolled int
		var c nvr.Course
		var kind, start, skip string
		var weekday int
		var at sqlTime
		if err := rows.Scan(&c.ID, &c.OrgID, &c.Name, &kind, &c.TemplateID, &c.TemplateVersion, &c.Venue, &c.Capacity, &start, &weekday,
			&c.Schedule.Time, &skip, &c.CreatedBy, &at, &next, &o.PlacesLeft, &referred, &enrolled); err != nil {
			return nil, fmt.Errorf("open groups: %w", mapError(err))
		}
		c.Kind, c.Schedule.Weekday = nvr.Kind(kind), time.Weekday(weekday)
		o.Course, o.NextSession, o.Referred, o.Enrolled = c, next.Time.UTC(), referred > 0, enrolled > 0
		out = append(out, o)
	}
	return out, mapError(rows.Err())
}

// ReferToGroup refers a family, with its parent or carer memberID, to a
// group of the organisation, by userID. A family already referred to the
// group is ErrConflict; a group, family or member not of the organisation
// (or a member who is not a carer in the family) is ErrNotFound.
func (db *DB) ReferToGroup(ctx context.Context, orgID, groupID, familyID, memberID, userID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var referred int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM nvr_group_referrals WHERE group_id = $1 AND family_id = $2`,
			groupID, familyID).Scan(&referred); err != nil {
			return mapError(err)
		}
		if referred > 0 {
			return ErrConflict
		}
		return execOne(ctx, tx, `INSERT INTO nvr_group_referrals (group_id, family_id, org_id, member_id, referred_by, referred_at)
			SELECT g.id, m.family_id, g.org_id, m.id, $4, $5 FROM nvr_groups g
			JOIN family_members m ON m.id = $3 AND m.family_id = $2 AND m.org_id = g.org_id AND m.kind = 'carer'
			WHERE g.id = $1 AND g.org_id = $6`, groupID, familyID, memberID, userID, db.Now(), orgID)
	})
	if err != nil {
		return fmt.Errorf("refer family %s to group %s: %w", familyID, groupID, err)
	}
	return nil
}

// ReferredTo reports whether a family is referred to a group.
func (db *DB) ReferredTo(ctx context.Context, orgID, groupID, familyID string) (bool, error) {
	var n int
	if err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM nvr_group_referrals WHERE group_id = $1 AND family_id = $2 AND org_id = $3`,
		groupID, familyID, orgID).Scan(&n); err != nil {
		return false, fmt.Errorf("referral of family %s to group %s: %w", familyID, groupID, mapError(err))
	}
	return n > 0, nil
}
