package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
)

// ErrAlreadyInvited is returned when a person in a family's record already
// has a parent's account: they need a new link, not a second account.
var ErrAlreadyInvited = fmt.Errorf("already has a parent's account: %w", ErrConflict)

// ErrNotACarer is returned when asked to invite someone who is not a parent
// or carer (family.InviteProblem says why in words).
var ErrNotACarer = fmt.Errorf("only parents and carers have a parent's account: %w", ErrConflict)

// ParentAccount is a parent's or carer's account as their family's record
// shows it.
type ParentAccount struct {
	UserID    string
	FamilyID  string
	MemberID  string
	Email     string
	InvitedAt time.Time
	// PasswordSet is true once they have chosen a password through a link.
	PasswordSet bool
	Disabled    bool
}

// ParentInvitation is what inviting a parent needs.
type ParentInvitation struct {
	// UserID is the new account's ID, chosen first (ids.New) so the audit
	// record can name it before the account exists.
	UserID    string
	OrgID     string
	FamilyID  string
	MemberID  string
	Email     string
	InvitedBy string
}

// InviteParent creates a parent's account for a parent or carer in a
// family's record (named as the record names them, belonging to that
// family) and a one-time link with which they set their password, all at
// once. It returns the account, the link's token and when it expires.
// A person not in the family is ErrNotFound; a child or anyone else who is
// not a carer is ErrNotACarer; a person who already has an account is
// ErrAlreadyInvited; an email already in use is ErrAlreadyExists.
func (db *DB) InviteParent(ctx context.Context, inv ParentInvitation) (access.User, string, time.Time, error) {
	var u access.User
	var token string
	var expires time.Time
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		now := db.Now()
		m, err := scanMember(tx.QueryRowContext(ctx, `SELECT `+memberColumns+` FROM family_members
			WHERE id = $1 AND family_id = $2 AND org_id = $3`, inv.MemberID, inv.FamilyID, inv.OrgID))
		if err != nil {
			return err
		}
		if family.InviteProblem(m) != "" {
			return ErrNotACarer
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM parent_accounts WHERE member_id = $1`, m.ID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n > 0 {
			return ErrAlreadyInvited
		}
		if u, err = createUser(ctx, tx, now, NewUser{ID: inv.UserID, OrgID: inv.OrgID, Email: inv.Email, Name: m.Name,
			Role: access.Parent, FamilyID: inv.FamilyID}); err != nil {
			return err
		}
		if err := insertParentAccount(ctx, tx, now, inv.OrgID, u.ID, inv.FamilyID, m.ID, inv.InvitedBy); err != nil {
			return err
		}
		token, expires, err = createPasswordLink(ctx, tx, now, inv.OrgID, u.ID, inv.InvitedBy)
		return err
	})
	if err != nil {
		return access.User{}, "", time.Time{}, fmt.Errorf("invite parent: %w", err)
	}
	return u, token, expires, nil
}

// LinkParentAccount records which person in their family's record an
// existing parent's account is for, for accounts made other than by an
// invitation (the demo). The account must be a parent's of the same family.
func (db *DB) LinkParentAccount(ctx context.Context, orgID, userID, memberID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var familyID string
		if err := tx.QueryRowContext(ctx, `SELECT u.family_id FROM users u JOIN family_members m ON m.family_id = u.family_id AND m.org_id = u.org_id
			WHERE u.id = $1 AND u.org_id = $2 AND u.role = $3 AND m.id = $4`, userID, orgID, string(access.Parent), memberID).Scan(&familyID); err != nil {
			return mapError(err)
		}
		return insertParentAccount(ctx, tx, db.Now(), orgID, userID, familyID, memberID, "")
	})
	if err != nil {
		return fmt.Errorf("link parent account: %w", err)
	}
	return nil
}

func insertParentAccount(ctx context.Context, tx *sql.Tx, now time.Time, orgID, userID, familyID, memberID, invitedBy string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO parent_accounts (user_id, org_id, family_id, member_id, invited_by, invited_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, userID, orgID, familyID, memberID, nullable(invitedBy), now)
	if errors.Is(mapError(err), ErrAlreadyExists) {
		return ErrAlreadyInvited
	}
	return mapError(err)
}

const parentAccountQuery = `SELECT p.user_id, p.family_id, p.member_id, u.email, p.invited_at, u.password_hash <> '', u.disabled_at IS NOT NULL
	FROM parent_accounts p JOIN users u ON u.id = p.user_id AND u.org_id = p.org_id`

func scanParentAccount(row interface{ Scan(...any) error }) (ParentAccount, error) {
	var a ParentAccount
	if err := row.Scan(&a.UserID, &a.FamilyID, &a.MemberID, &a.Email, &a.InvitedAt, &a.PasswordSet, &a.Disabled); err != nil {
		return ParentAccount{}, mapError(err)
	}
	a.InvitedAt = a.InvitedAt.UTC()
	return a, nil
}

// ParentAccounts lists the parents' accounts of a family of the organisation.
func (db *DB) ParentAccounts(ctx context.Context, orgID, familyID string) ([]ParentAccount, error) {
	rows, err := db.reads.QueryContext(ctx, parentAccountQuery+` WHERE p.family_id = $1 AND p.org_id = $2
		ORDER BY p.invited_at, p.user_id LIMIT 200`, familyID, orgID)
	if err != nil {
		return nil, fmt.Errorf("parent accounts: %w", mapError(err))
	}
	defer rows.Close()
	var out []ParentAccount
	for rows.Next() {
		a, err := scanParentAccount(rows)
		if err != nil {
			return nil, fmt.Errorf("parent accounts: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("parent accounts: %w", mapError(err))
	}
	return out, nil
}

// ParentAccountFor returns the account of one person in a family's record,
// or ErrNotFound if they have none.
func (db *DB) ParentAccountFor(ctx context.Context, orgID, familyID, memberID string) (ParentAccount, error) {
	a, err := scanParentAccount(db.reads.QueryRowContext(ctx, parentAccountQuery+`
		WHERE p.member_id = $1 AND p.family_id = $2 AND p.org_id = $3`, memberID, familyID, orgID))
	if err != nil {
		return ParentAccount{}, fmt.Errorf("parent account of %s: %w", memberID, err)
	}
	return a, nil
}
