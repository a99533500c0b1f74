package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
)

const memberColumns = `id, family_id, kind, name, date_of_birth, school, what_matters, relationship, languages, interpreter, access_needs, created_at, updated_at`

func scanMember(row interface{ Scan(...any) error }) (family.Member, error) {
	var m family.Member
	var kind string
	if err := row.Scan(&m.ID, &m.FamilyID, &kind, &m.Name, &m.DateOfBirth, &m.School, &m.WhatMatters, &m.Relationship,
		&m.Languages, &m.Interpreter, &m.Access, &m.CreatedAt, &m.UpdatedAt); err != nil {
		return family.Member{}, mapError(err)
	}
	k, err := family.ParseKind(kind)
	if err != nil {
		return family.Member{}, err
	}
	m.Kind = k
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	return m, nil
}

// AddMember adds a person to a family of the organisation.
func (db *DB) AddMember(ctx context.Context, orgID string, m family.Member) (family.Member, error) {
	if m.ID == "" {
		m.ID = ids.New()
	}
	m.Name = strings.TrimSpace(m.Name)
	m.CreatedAt = db.Now()
	m.UpdatedAt = m.CreatedAt
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, m.FamilyID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO family_members (`+memberColumns+`, org_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			m.ID, m.FamilyID, string(m.Kind), m.Name, m.DateOfBirth, m.School, m.WhatMatters, m.Relationship,
			m.Languages, m.Interpreter, m.Access, m.CreatedAt, m.UpdatedAt, orgID)
		return mapError(err)
	})
	if err != nil {
		return family.Member{}, fmt.Errorf("add family member: %w", err)
	}
	return m, nil
}

// UpdateMember saves changes to a person in a family of the organisation.
func (db *DB) UpdateMember(ctx context.Context, orgID string, m family.Member) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE family_members SET kind = $1, name = $2, date_of_birth = $3, school = $4,
			what_matters = $5, relationship = $6, languages = $7, interpreter = $8, access_needs = $9, updated_at = $10
			WHERE id = $11 AND family_id = $12 AND org_id = $13`,
			string(m.Kind), strings.TrimSpace(m.Name), m.DateOfBirth, m.School, m.WhatMatters, m.Relationship,
			m.Languages, m.Interpreter, m.Access, db.Now(), m.ID, m.FamilyID, orgID)
	})
	if err != nil {
		return fmt.Errorf("update family member: %w", err)
	}
	return nil
}

// Member reads one person of a family of the organisation.
func (db *DB) Member(ctx context.Context, orgID, familyID, memberID string) (family.Member, error) {
	m, err := scanMember(db.reads.QueryRowContext(ctx, `SELECT `+memberColumns+` FROM family_members
		WHERE id = $1 AND family_id = $2 AND org_id = $3`, memberID, familyID, orgID))
	if err != nil {
		return family.Member{}, fmt.Errorf("family member %s: %w", memberID, err)
	}
	return m, nil
}

// Members lists the people in a family, children first, oldest first.
func (db *DB) Members(ctx context.Context, orgID, familyID string) ([]family.Member, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+memberColumns+` FROM family_members
		WHERE family_id = $1 AND org_id = $2 LIMIT 200`, familyID, orgID)
	if err != nil {
		return nil, fmt.Errorf("family members: %w", mapError(err))
	}
	defer rows.Close()
	var out []family.Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, fmt.Errorf("family members: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("family members: %w", mapError(err))
	}
	family.Sort(out)
	return out, nil
}

// familyInOrg returns ErrNotFound unless the family belongs to the organisation.
func familyInOrg(ctx context.Context, q querier, orgID, familyID string) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM families WHERE id = $1 AND org_id = $2`, familyID, orgID).Scan(&n); err != nil {
		return mapError(err)
	}
	if n == 0 {
		return fmt.Errorf("family %s: %w", familyID, ErrNotFound)
	}
	return nil
}
