package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/access"
)

// FamilyRelationship works out how actor stands to a family of their own
// organisation, for access.Can. A family in another organisation, or none at
// all, is ErrNotFound: the two look the same to the caller.
func (db *DB) FamilyRelationship(ctx context.Context, actor access.Actor, familyID string) (access.Relationship, error) {
	var exists, member, allocated, supervised int
	err := db.reads.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM families WHERE id = $1 AND org_id = $2),
		(SELECT COUNT(*) FROM users WHERE id = $3 AND family_id = $1),
		(SELECT COUNT(*) FROM allocations WHERE family_id = $1 AND practitioner_id = $3 AND ended_at IS NULL),
		(SELECT COUNT(*) FROM allocations a JOIN supervision_links l ON l.practitioner_id = a.practitioner_id
		   WHERE a.family_id = $1 AND a.ended_at IS NULL AND l.supervisor_id = $3)`,
		familyID, actor.OrgID, actor.UserID).Scan(&exists, &member, &allocated, &supervised)
	if err != nil {
		return access.None, fmt.Errorf("family relationship: %w", mapError(err))
	}
	switch {
	case exists == 0:
		return access.None, fmt.Errorf("family %s: %w", familyID, ErrNotFound)
	case actor.Role == access.Parent && member > 0:
		return access.Own, nil
	case actor.Role == access.Practitioner && allocated > 0:
		return access.Allocated, nil
	case actor.Role == access.Supervisor && supervised > 0:
		return access.Supervised, nil
	}
	return access.None, nil
}

// UserRelationship works out how actor stands to another user of their
// organisation: themselves, someone they supervise, or no one in particular.
func (db *DB) UserRelationship(ctx context.Context, actor access.Actor, userID string) (access.Relationship, error) {
	if userID == actor.UserID {
		return access.Own, nil
	}
	var inOrg, supervised int
	err := db.reads.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM users WHERE id = $1 AND org_id = $2),
		(SELECT COUNT(*) FROM supervision_links WHERE supervisor_id = $3 AND practitioner_id = $1)`,
		userID, actor.OrgID, actor.UserID).Scan(&inOrg, &supervised)
	if err != nil {
		return access.None, fmt.Errorf("user relationship: %w", mapError(err))
	}
	if inOrg == 0 {
		return access.None, fmt.Errorf("user %s: %w", userID, ErrNotFound)
	}
	if supervised > 0 {
		return access.Supervised, nil
	}
	return access.None, nil
}

// ParentFamily returns the family that actor, a parent, belongs to. Anyone
// else, and a parent with no family, has none: ErrNotFound.
func (db *DB) ParentFamily(ctx context.Context, actor access.Actor) (string, error) {
	if actor.Role != access.Parent {
		return "", fmt.Errorf("parent's family: %w", ErrNotFound)
	}
	var familyID sql.NullString
	err := db.reads.QueryRowContext(ctx, `SELECT u.family_id FROM users u JOIN families f ON f.id = u.family_id AND f.org_id = u.org_id
		WHERE u.id = $1 AND u.org_id = $2 AND u.role = 'parent'`, actor.UserID, actor.OrgID).Scan(&familyID)
	if err != nil {
		return "", fmt.Errorf("parent's family: %w", mapError(err))
	}
	if !familyID.Valid || familyID.String == "" {
		return "", fmt.Errorf("parent's family: %w", ErrNotFound)
	}
	return familyID.String, nil
}
