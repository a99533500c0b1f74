package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// RecordConsent keeps a consent a family gave.
func (db *DB) RecordConsent(ctx context.Context, orgID, recordedBy string, c family.Consent) (family.Consent, error) {
	c.ID, c.RecordedAt = ids.New(), db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, c.FamilyID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO family_consents (id, org_id, family_id, kind, how, given_by, recorded_by, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.ID, orgID, c.FamilyID, string(c.Kind), string(c.How), strings.TrimSpace(c.GivenBy), recordedBy, c.RecordedAt)
		return mapError(err)
	})
	if err != nil {
		return family.Consent{}, fmt.Errorf("record consent: %w", err)
	}
	return c, nil
}

// WithdrawConsent records that a consent was withdrawn. It takes effect at
// once wherever the consent is checked (family.Holds). Withdrawing the
// last consent to share with a group also takes the family out of every
// group it is in, in the same transaction, so the group's staff no longer
// see the parent's name.
func (db *DB) WithdrawConsent(ctx context.Context, orgID, familyID, consentID, by string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, `UPDATE family_consents SET withdrawn_at = $1, withdrawn_by = $2
			WHERE id = $3 AND family_id = $4 AND org_id = $5 AND withdrawn_at IS NULL`, now, by, consentID, familyID, orgID); err != nil {
			return err
		}
		var sharing int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM family_consents WHERE family_id = $1 AND org_id = $2 AND kind = $3
			AND withdrawn_at IS NULL`, familyID, orgID, string(family.ShareWithGroup)).Scan(&sharing); err != nil {
			return mapError(err)
		}
		if sharing > 0 {
			return nil
		}
		return withdrawFromGroups(ctx, tx, orgID, familyID, by, now)
	})
	if err != nil {
		return fmt.Errorf("withdraw consent: %w", err)
	}
	return nil
}

// Consents lists a family's consents, newest first, withdrawn ones included.
func (db *DB) Consents(ctx context.Context, orgID, familyID string) ([]family.Consent, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT c.id, c.family_id, c.kind, c.how, c.given_by, u.name, c.recorded_at, c.withdrawn_at
		FROM family_consents c JOIN users u ON u.id = c.recorded_by
		WHERE c.family_id = $1 AND c.org_id = $2 ORDER BY c.recorded_at DESC LIMIT 100`, familyID, orgID)
	if err != nil {
		return nil, fmt.Errorf("consents: %w", mapError(err))
	}
	defer rows.Close()
	var out []family.Consent
	for rows.Next() {
		var c family.Consent
		var kind, how string
		var withdrawn sql.NullTime
		if err := rows.Scan(&c.ID, &c.FamilyID, &kind, &how, &c.GivenBy, &c.RecordedBy, &c.RecordedAt, &withdrawn); err != nil {
			return nil, fmt.Errorf("consents: %w", mapError(err))
		}
		c.Kind, c.How, c.RecordedAt = family.ConsentKind(kind), family.ConsentHow(how), c.RecordedAt.UTC()
		if withdrawn.Valid {
			t := withdrawn.Time.UTC()
			c.WithdrawnAt = &t
		}
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}
