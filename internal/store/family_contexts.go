package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// AddContext records a period of a family's context.
func (db *DB) AddContext(ctx context.Context, orgID string, c family.Context) (family.Context, error) {
	c.ID, c.RecordedAt = ids.New(), db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, c.FamilyID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO family_contexts (id, org_id, family_id, kind, detail, started_on, ended_on, recorded_by, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, c.ID, orgID, c.FamilyID, string(c.Kind), strings.TrimSpace(c.Detail), c.StartedOn, c.EndedOn, c.RecordedBy, c.RecordedAt)
		return mapError(err)
	})
	if err != nil {
		return family.Context{}, fmt.Errorf("add context: %w", err)
	}
	return c, nil
}

// EndContext records the date a continuing context ended.
func (db *DB) EndContext(ctx context.Context, orgID, familyID, contextID, endedOn string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE family_contexts SET ended_on = $1
			WHERE id = $2 AND family_id = $3 AND org_id = $4 AND ended_on = '' AND started_on <= $1`, endedOn, contextID, familyID, orgID)
	})
	if err != nil {
		return fmt.Errorf("end context: %w", err)
	}
	return nil
}

// Contexts lists a family's contexts, continuing ones first, newest first.
func (db *DB) Contexts(ctx context.Context, orgID, familyID string) ([]family.Context, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT c.id, c.family_id, c.kind, c.detail, c.started_on, c.ended_on, u.name, c.recorded_at
		FROM family_contexts c JOIN users u ON u.id = c.recorded_by
		WHERE c.family_id = $1 AND c.org_id = $2 ORDER BY c.ended_on <> '', c.started_on DESC LIMIT 100`, familyID, orgID)
	if err != nil {
		return nil, fmt.Errorf("contexts: %w", mapError(err))
	}
	defer rows.Close()
	var out []family.Context
	for rows.Next() {
		var c family.Context
		var kind string
		if err := rows.Scan(&c.ID, &c.FamilyID, &kind, &c.Detail, &c.StartedOn, &c.EndedOn, &c.RecordedBy, &c.RecordedAt); err != nil {
			return nil, fmt.Errorf("contexts: %w", mapError(err))
		}
		c.Kind, c.RecordedAt = family.ContextKind(kind), c.RecordedAt.UTC()
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}

// SetFamilyStatus opens or closes a family's record, with the reason it
// closed; reopening clears the reason.
func (db *DB) SetFamilyStatus(ctx context.Context, orgID, familyID string, open bool, reason string) error {
	status := "open"
	if !open {
		status = "closed"
	} else {
		reason = ""
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE families SET status = $1, closed_reason = $2 WHERE id = $3 AND org_id = $4`,
			status, strings.TrimSpace(reason), familyID, orgID)
	})
	if err != nil {
		return fmt.Errorf("set family status: %w", err)
	}
	return nil
}
