package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
)

// WithdrawEnrolment records that the parent of enrolmentID is no longer
// coming to the group, with the reason, by userID. Their attendance and
// notes so far are kept. A parent already withdrawn, or an enrolment of
// another group or organisation, is ErrNotFound.
func (db *DB) WithdrawEnrolment(ctx context.Context, orgID, groupID, enrolmentID, userID, reason string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE nvr_group_enrolments SET withdrawn_at = $1, withdrawn_by = $2, withdrawn_reason = $3
			WHERE id = $4 AND group_id = $5 AND org_id = $6 AND withdrawn_at IS NULL`,
			db.Now(), userID, strings.TrimSpace(reason), enrolmentID, groupID, orgID)
	})
	if err != nil {
		return fmt.Errorf("withdraw enrolment %s: %w", enrolmentID, err)
	}
	return nil
}

// withdrawFromGroups takes a family out of every group it is in, in tx:
// used when the family withdraws its consent to share with a group.
func withdrawFromGroups(ctx context.Context, tx *sql.Tx, orgID, familyID, userID string, at time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE nvr_group_enrolments SET withdrawn_at = $1, withdrawn_by = $2, withdrawn_reason = $3
		WHERE family_id = $4 AND org_id = $5 AND withdrawn_at IS NULL`, at, userID, nvr.ConsentWithdrawnReason, familyID, orgID)
	if err != nil {
		return fmt.Errorf("withdraw family %s from its groups: %w", familyID, mapError(err))
	}
	return nil
}

// SessionMove is one move of a group's session to another time.
type SessionMove struct {
	From, To    time.Time
	Reason      string
	MovedByName string
	MovedAt     time.Time
}

// MoveSession moves session number of a group to start at to, by userID,
// keeping the move and its reason. The order of sessions is the caller's
// rule (nvr.MoveProblems).
func (db *DB) MoveSession(ctx context.Context, orgID, groupID string, number int, to time.Time, userID, reason string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var from sqlTime
		if err := tx.QueryRowContext(ctx, `SELECT starts_at FROM nvr_group_sessions WHERE group_id = $1 AND org_id = $2 AND number = $3`,
			groupID, orgID, number).Scan(&from); err != nil {
			return mapError(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_session_moves (group_id, session_number, org_id, from_at, to_at, reason, moved_by, moved_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, groupID, number, orgID, from.Time.UTC(), to.UTC(), strings.TrimSpace(reason), userID, now); err != nil {
			return mapError(err)
		}
		if err := execOne(ctx, tx, `UPDATE nvr_group_sessions SET starts_at = $1 WHERE group_id = $2 AND org_id = $3 AND number = $4`,
			to.UTC(), groupID, orgID, number); err != nil {
			return err
		}
		// Notes about parents sit on the family's timeline at the session's time.
		_, err := tx.ExecContext(ctx, `UPDATE nvr_group_parent_notes SET occurred_at = $1 WHERE group_id = $2 AND org_id = $3 AND session_number = $4
			AND id NOT IN (SELECT note_id FROM nvr_group_catchups WHERE group_id = $2 AND note_id IS NOT NULL)`, to.UTC(), groupID, orgID, number)
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("move group %s session %d: %w", groupID, number, err)
	}
	return nil
}

// SessionMoves lists the moves of one session, oldest first.
func (db *DB) SessionMoves(ctx context.Context, orgID, groupID string, number int) ([]SessionMove, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT m.from_at, m.to_at, m.reason, u.name, m.moved_at FROM nvr_group_session_moves m
		JOIN users u ON u.id = m.moved_by WHERE m.group_id = $1 AND m.org_id = $2 AND m.session_number = $3 ORDER BY m.moved_at`,
		groupID, orgID, number)
	if err != nil {
		return nil, fmt.Errorf("moves of group %s session %d: %w", groupID, number, mapError(err))
	}
	defer rows.Close()
	var out []SessionMove
	for rows.Next() {
		var m SessionMove
		var from, to, at sqlTime
		if err := rows.Scan(&from, &to, &m.Reason, &m.MovedByName, &at); err != nil {
			return nil, fmt.Errorf("moves of group %s session %d: %w", groupID, number, mapError(err))
		}
		m.From, m.To, m.MovedAt = from.Time.UTC(), to.Time.UTC(), at.Time.UTC()
		out = append(out, m)
	}
	return out, mapError(rows.Err())
}

// AddSupportersSession adds a supporters' session to a group at at,
// numbered after its last session, and returns its number. A group has at
// most nvr.MaxExtraSessions of them (ErrConflict beyond).
func (db *DB) AddSupportersSession(ctx context.Context, orgID, groupID string, at time.Time, title string) (int, error) {
	var number int
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var last, extras int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0), COUNT(CASE WHEN kind = 'supporters' THEN 1 END)
			FROM nvr_group_sessions WHERE group_id = $1 AND org_id = $2`, groupID, orgID).Scan(&last, &extras); err != nil {
			return mapError(err)
		}
		if last == 0 {
			return ErrNotFound
		}
		if extras >= nvr.MaxExtraSessions {
			return ErrConflict
		}
		number = last + 1
		_, err := tx.ExecContext(ctx, `INSERT INTO nvr_group_sessions (group_id, number, org_id, starts_at, title, kind) VALUES ($1, $2, $3, $4, $5, $6)`,
			groupID, number, orgID, at.UTC(), title, string(nvr.SupportersSession))
		return mapError(err)
	})
	if err != nil {
		return 0, fmt.Errorf("add a supporters' session to group %s: %w", groupID, err)
	}
	return number, nil
}

// AddGroupStaff adds userID, a user of the organisation, to a group's
// staff in role. Someone already on the staff is ErrConflict.
func (db *DB) AddGroupStaff(ctx context.Context, orgID, groupID, userID string, role nvr.StaffRole) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var found int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM nvr_group_staff WHERE group_id = $1 AND user_id = $2`, groupID, userID).Scan(&found); err != nil {
			return mapError(err)
		}
		if found > 0 {
			return ErrConflict
		}
		return execOne(ctx, tx, `INSERT INTO nvr_group_staff (group_id, user_id, org_id, role)
			SELECT g.id, u.id, g.org_id, $4 FROM nvr_groups g JOIN users u ON u.org_id = g.org_id AND u.id = $2
			WHERE g.id = $1 AND g.org_id = $3`, groupID, userID, orgID, string(role))
	})
	if err != nil {
		return fmt.Errorf("add %s to group %s: %w", userID, groupID, err)
	}
	return nil
}

// RemoveGroupStaff takes userID off a group's staff. The last facilitator
// is never taken off (ErrConflict): nvr.RemoveStaffProblem says why.
func (db *DB) RemoveGroupStaff(ctx context.Context, orgID, groupID, userID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var role string
		var facilitators int
		if err := tx.QueryRowContext(ctx, `SELECT role, (SELECT COUNT(*) FROM nvr_group_staff WHERE group_id = $1 AND role = 'facilitator')
			FROM nvr_group_staff WHERE group_id = $1 AND user_id = $2 AND org_id = $3`, groupID, userID, orgID).Scan(&role, &facilitators); err != nil {
			return mapError(err)
		}
		if role == string(nvr.Facilitator) && facilitators < 2 {
			return ErrConflict
		}
		return execOne(ctx, tx, `DELETE FROM nvr_group_staff WHERE group_id = $1 AND user_id = $2 AND org_id = $3`, groupID, userID, orgID)
	})
	if err != nil {
		return fmt.Errorf("take %s off group %s: %w", userID, groupID, err)
	}
	return nil
}

// GroupStaffCandidates lists the organisation's active practitioners and
// co-facilitators who are not running the group yet, by name: the people
// who can be added to its staff.
func (db *DB) GroupStaffCandidates(ctx context.Context, orgID, groupID string) ([]access.User, error) {
	users, err := db.usersWhere(ctx, `SELECT `+userColumns+` FROM users WHERE org_id = $1 AND disabled_at IS NULL
		AND role IN ($2, $3) AND id NOT IN (SELECT user_id FROM nvr_group_staff WHERE group_id = $4)
		ORDER BY name, id LIMIT 500`, orgID, string(access.Practitioner), string(access.CoFacilitator), groupID)
	if err != nil {
		return nil, fmt.Errorf("people who could run group %s: %w", groupID, err)
	}
	return users, nil
}
