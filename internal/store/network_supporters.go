package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/network"
)

// A family's support network (migration 00022). Every query names the
// organisation and the family, so a supporter, contact or round of another
// family is ErrNotFound, exactly like one that does not exist.

// ErrNetworkFull means a family's list of supporters is at its bound
// (network.MaxSupporters).
var ErrNetworkFull = fmt.Errorf("store: the list of supporters is full: %w", ErrConflict)

const supporterColumns = `id, family_id, name, relationship, contact, roles, agreement, created_at, updated_at`

func scanSupporter(row interface{ Scan(...any) error }) (network.Supporter, error) {
	var s network.Supporter
	var roles string
	var created, updated sqlTime
	if err := row.Scan(&s.ID, &s.FamilyID, &s.Name, &s.Relationship, &s.Contact, &roles, &s.Agreement, &created, &updated); err != nil {
		return network.Supporter{}, mapError(err)
	}
	s.Roles = decodeRoles(roles)
	s.CreatedAt, s.UpdatedAt = created.Time.UTC(), updated.Time.UTC()
	return s, nil
}

// encodeRoles keeps a supporter's roles as one comma-separated column (see
// migration 00022).
func encodeRoles(roles []network.Role) string {
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

func decodeRoles(s string) []network.Role {
	if s == "" {
		return nil
	}
	var out []network.Role
	for _, p := range strings.Split(s, ",") {
		out = append(out, network.Role(p))
	}
	return out
}

// AddSupporter adds a supporter to a family of the organisation, recorded
// by userID, and returns it as saved. A family already holding
// network.MaxSupporters is ErrNetworkFull.
func (db *DB) AddSupporter(ctx context.Context, orgID, userID string, s network.Supporter) (network.Supporter, error) {
	s = s.Trimmed()
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, s.FamilyID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM network_supporters WHERE family_id = $1 AND org_id = $2`,
			s.FamilyID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n >= network.MaxSupporters {
			return ErrNetworkFull
		}
		s.ID, s.CreatedAt, s.UpdatedAt = ids.New(), now, now
		_, err := tx.ExecContext(ctx, `INSERT INTO network_supporters (id, org_id, family_id, name, relationship, contact, roles,
			agreement, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
			s.ID, orgID, s.FamilyID, s.Name, s.Relationship, s.Contact, encodeRoles(s.Roles), s.Agreement, userID, now)
		return mapError(err)
	})
	if err != nil {
		return network.Supporter{}, fmt.Errorf("add supporter: %w", err)
	}
	return s, nil
}

// UpdateSupporter changes a supporter of the family in s.FamilyID. A
// supporter of another family is ErrNotFound.
func (db *DB) UpdateSupporter(ctx context.Context, orgID string, s network.Supporter) error {
	s = s.Trimmed()
	res, err := db.write.ExecContext(ctx, `UPDATE network_supporters SET name = $1, relationship = $2, contact = $3, roles = $4,
		agreement = $5, updated_at = $6 WHERE id = $7 AND family_id = $8 AND org_id = $9`,
		s.Name, s.Relationship, s.Contact, encodeRoles(s.Roles), s.Agreement, db.Now(), s.ID, s.FamilyID, orgID)
	if err != nil {
		return fmt.Errorf("update supporter %s: %w", s.ID, mapError(err))
	}
	return oneRow(res, "update supporter "+s.ID)
}

// RemoveSupporter deletes a supporter of a family with their contacts. The
// telephone rounds that called them keep the name they had; the calls no
// longer point to them.
func (db *DB) RemoveSupporter(ctx context.Context, orgID, familyID, supporterID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM network_supporters WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			supporterID, familyID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return ErrNotFound
		}
		for _, q := range []string{
			`UPDATE network_round_calls SET supporter_id = NULL WHERE supporter_id = $1 AND org_id = $2`,
			`DELETE FROM network_contacts WHERE supporter_id = $1 AND org_id = $2`,
			`DELETE FROM network_supporters WHERE id = $1 AND org_id = $2`,
		} {
			if _, err := tx.ExecContext(ctx, q, supporterID, orgID); err != nil {
				return mapError(err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("remove supporter %s: %w", supporterID, err)
	}
	return nil
}

// Supporter reads one supporter of a family of the organisation.
func (db *DB) Supporter(ctx context.Context, orgID, familyID, supporterID string) (network.Supporter, error) {
	s, err := scanSupporter(db.reads.QueryRowContext(ctx, `SELECT `+supporterColumns+` FROM network_supporters
		WHERE id = $1 AND family_id = $2 AND org_id = $3`, supporterID, familyID, orgID))
	if err != nil {
		return network.Supporter{}, fmt.Errorf("supporter %s: %w", supporterID, err)
	}
	return s, nil
}

// Supporters lists a family's supporters by name (at most
// network.MaxSupporters, which a family cannot exceed).
func (db *DB) Supporters(ctx context.Context, orgID, familyID string) ([]network.Supporter, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+supporterColumns+` FROM network_supporters
		WHERE family_id = $1 AND org_id = $2 ORDER BY LOWER(name), id LIMIT $3`, familyID, orgID, network.MaxSupporters)
	if err != nil {
		return nil, fmt.Errorf("supporters: %w", mapError(err))
	}
	defer rows.Close()
	var out []network.Supporter
	for rows.Next() {
		s, err := scanSupporter(rows)
		if err != nil {
			return nil, fmt.Errorf("supporters: %w", err)
		}
		out = append(out, s)
	}
	return out, mapError(rows.Err())
}

// oneRow returns ErrNotFound when an update or delete touched no row.
func oneRow(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, mapError(err))
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}
