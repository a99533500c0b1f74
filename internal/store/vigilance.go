package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
)

const concernColumns = `id, family_id, about, level, settled_at, created_at, updated_at`

func scanConcern(row interface{ Scan(...any) error }) (journal.Concern, error) {
	var c journal.Concern
	var settled, created, updated sqlTime
	if err := row.Scan(&c.ID, &c.FamilyID, &c.About, &c.Level, &settled, &created, &updated); err != nil {
		return journal.Concern{}, mapError(err)
	}
	if !settled.Time.IsZero() {
		c.Settled = settled.Time.UTC()
	}
	c.CreatedAt, c.UpdatedAt = created.Time.UTC(), updated.Time.UTC()
	return c, nil
}

// AddConcern records a new concern of the family in c.FamilyID at c.Level,
// by userID, with what the parent noticed (sign, which may be empty) as its
// first level's reason. A family holds at most journal.MaxConcerns:
// ErrConflict past that.
func (db *DB) AddConcern(ctx context.Context, orgID, userID string, c journal.Concern, sign string) (journal.Concern, error) {
	now := db.Now()
	c.ID, c.About, c.CreatedAt, c.UpdatedAt = ids.New(), strings.TrimSpace(c.About), now, now
	first := journal.LevelChange{To: c.Level, Sign: strings.TrimSpace(sign), At: now}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM vigilance_concerns WHERE family_id = $1 AND org_id = $2`,
			c.FamilyID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n >= journal.MaxConcerns {
			return ErrConflict
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO vigilance_concerns (id, org_id, family_id, about, level, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, c.ID, orgID, c.FamilyID, c.About, c.Level, userID, now); err != nil {
			return mapError(err)
		}
		return insertLevelChange(ctx, tx, orgID, c.FamilyID, userID, c.ID, 0, first)
	})
	if err != nil {
		return journal.Concern{}, fmt.Errorf("add concern: %w", err)
	}
	c.History = []journal.LevelChange{first}
	return c, nil
}

func insertLevelChange(ctx context.Context, tx *sql.Tx, orgID, familyID, userID, concernID string, position int, ch journal.LevelChange) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO vigilance_changes (concern_id, position, org_id, family_id, from_level, to_level, sign, changed_by, changed_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, concernID, position, orgID, familyID, ch.From, ch.To, ch.Sign, userID, ch.At)
	return mapError(err)
}

// ChangeLevel moves a concern of a family to level to, keeping the change
// with its warning sign. A concern of another family is ErrNotFound; one
// already at that level, or settled, is ErrConflict.
func (db *DB) ChangeLevel(ctx context.Context, orgID, familyID, userID, concernID string, to journal.Level, sign string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var from journal.Level
		var settled sqlTime
		if err := tx.QueryRowContext(ctx, `SELECT level, settled_at FROM vigilance_concerns WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			concernID, familyID, orgID).Scan(&from, &settled); err != nil {
			return mapError(err)
		}
		if from == to || !settled.Time.IsZero() {
			return ErrConflict
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM vigilance_changes WHERE concern_id = $1 AND family_id = $2 AND org_id = $3`,
			concernID, familyID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE vigilance_concerns SET level = $1, updated_at = $2 WHERE id = $3 AND family_id = $4 AND org_id = $5`,
			to, now, concernID, familyID, orgID); err != nil {
			return mapError(err)
		}
		return insertLevelChange(ctx, tx, orgID, familyID, userID, concernID, n, journal.LevelChange{From: from, To: to, Sign: strings.TrimSpace(sign), At: now})
	})
	if err != nil {
		return fmt.Errorf("change level of concern %s: %w", concernID, err)
	}
	return nil
}

// SettleConcern marks a concern of a family as no longer a worry. It is
// kept, with its history; one already settled is ErrConflict.
func (db *DB) SettleConcern(ctx context.Context, orgID, familyID, concernID string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var settled sqlTime
		if err := tx.QueryRowContext(ctx, `SELECT settled_at FROM vigilance_concerns WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			concernID, familyID, orgID).Scan(&settled); err != nil {
			return mapError(err)
		}
		if !settled.Time.IsZero() {
			return ErrConflict
		}
		_, err := tx.ExecContext(ctx, `UPDATE vigilance_concerns SET settled_at = $1, updated_at = $1 WHERE id = $2 AND family_id = $3 AND org_id = $4`,
			now, concernID, familyID, orgID)
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("settle concern %s: %w", concernID, err)
	}
	return nil
}

// Concern reads one concern of a family, with its history.
func (db *DB) Concern(ctx context.Context, orgID, familyID, concernID string) (journal.Concern, error) {
	c, err := scanConcern(db.reads.QueryRowContext(ctx, `SELECT `+concernColumns+` FROM vigilance_concerns
		WHERE id = $1 AND family_id = $2 AND org_id = $3`, concernID, familyID, orgID))
	if err != nil {
		return journal.Concern{}, fmt.Errorf("concern %s: %w", concernID, err)
	}
	hist, err := db.levelChanges(ctx, orgID, familyID, concernID)
	if err != nil {
		return journal.Concern{}, err
	}
	c.History = hist[concernID]
	return c, nil
}

// Concerns lists a family's concerns with their histories: those still a
// worry first, then settled ones, each oldest first.
func (db *DB) Concerns(ctx context.Context, orgID, familyID string) ([]journal.Concern, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+concernColumns+` FROM vigilance_concerns
		WHERE family_id = $1 AND org_id = $2
		ORDER BY CASE WHEN settled_at IS NULL THEN 0 ELSE 1 END, created_at, id LIMIT $3`, familyID, orgID, journal.MaxConcerns)
	if err != nil {
		return nil, fmt.Errorf("concerns: %w", mapError(err))
	}
	var out []journal.Concern
	for rows.Next() {
		c, err := scanConcern(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("concerns: %w", err)
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("concerns: %w", mapError(err))
	}
	hist, err := db.levelChanges(ctx, orgID, familyID, "")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].History = hist[out[i].ID]
	}
	return out, nil
}

// levelChanges reads the level changes of a family's concerns by concern,
// oldest first; with concernID, only that concern's.
func (db *DB) levelChanges(ctx context.Context, orgID, familyID, concernID string) (map[string][]journal.LevelChange, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT concern_id, from_level, to_level, sign, changed_at FROM vigilance_changes
		WHERE family_id = $1 AND org_id = $2 AND ($3 = '' OR concern_id = $3)
		ORDER BY concern_id, position`, familyID, orgID, concernID)
	if err != nil {
		return nil, fmt.Errorf("level changes: %w", mapError(err))
	}
	defer rows.Close()
	out := map[string][]journal.LevelChange{}
	for rows.Next() {
		var id string
		var ch journal.LevelChange
		var at sqlTime
		if err := rows.Scan(&id, &ch.From, &ch.To, &ch.Sign, &at); err != nil {
			return nil, fmt.Errorf("level changes: %w", mapError(err))
		}
		ch.At = at.Time.UTC()
		out[id] = append(out[id], ch)
	}
	return out, mapError(rows.Err())
}
