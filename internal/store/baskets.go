package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
)

const behaviourColumns = `id, family_id, what, basket, created_at, updated_at`

func scanBehaviour(row interface{ Scan(...any) error }) (journal.Behaviour, error) {
	var b journal.Behaviour
	var created, updated sqlTime
	if err := row.Scan(&b.ID, &b.FamilyID, &b.What, &b.Basket, &created, &updated); err != nil {
		return journal.Behaviour{}, mapError(err)
	}
	b.CreatedAt, b.UpdatedAt = created.Time.UTC(), updated.Time.UTC()
	return b, nil
}

// insertMove keeps one change to a family's baskets, after the last.
func insertMove(ctx context.Context, tx *sql.Tx, orgID, familyID, userID string, m journal.Move) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM basket_moves WHERE family_id = $1 AND org_id = $2`, familyID, orgID).Scan(&n); err != nil {
		return mapError(err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO basket_moves (family_id, position, org_id, behaviour_id, what, from_basket, to_basket, moved_by, moved_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, familyID, n, orgID, m.BehaviourID, m.What, m.From, m.To, userID, m.At)
	return mapError(err)
}

// AddBehaviour puts a behaviour of the child of the family in b.FamilyID
// into b.Basket, by userID, and keeps the move. The same behaviour (by
// journal.BehaviourKey) already in a basket is ErrAlreadyExists, so it is
// never in two at once; a full list (journal.MaxBehaviours) is ErrConflict.
func (db *DB) AddBehaviour(ctx context.Context, orgID, userID string, b journal.Behaviour) (journal.Behaviour, error) {
	now := db.Now()
	b.ID, b.What, b.CreatedAt, b.UpdatedAt = ids.New(), strings.TrimSpace(b.What), now, now
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM basket_behaviours WHERE family_id = $1 AND org_id = $2`,
			b.FamilyID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n >= journal.MaxBehaviours {
			return ErrConflict
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO basket_behaviours (id, org_id, family_id, what, what_key, basket, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`, b.ID, orgID, b.FamilyID, b.What, journal.BehaviourKey(b.What), b.Basket, userID, now); err != nil {
			return mapError(err)
		}
		return insertMove(ctx, tx, orgID, b.FamilyID, userID, journal.Move{BehaviourID: b.ID, What: b.What, To: b.Basket, At: now})
	})
	if err != nil {
		return journal.Behaviour{}, fmt.Errorf("add behaviour: %w", err)
	}
	return b, nil
}

// MoveBehaviour moves a behaviour of a family to basket to and keeps the
// move. One of another family is ErrNotFound; one already there is
// ErrConflict.
func (db *DB) MoveBehaviour(ctx context.Context, orgID, familyID, userID, behaviourID string, to journal.Basket) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var what string
		var from journal.Basket
		if err := tx.QueryRowContext(ctx, `SELECT what, basket FROM basket_behaviours WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			behaviourID, familyID, orgID).Scan(&what, &from); err != nil {
			return mapError(err)
		}
		if from == to {
			return ErrConflict
		}
		if _, err := tx.ExecContext(ctx, `UPDATE basket_behaviours SET basket = $1, updated_at = $2 WHERE id = $3 AND family_id = $4 AND org_id = $5`,
			to, now, behaviourID, familyID, orgID); err != nil {
			return mapError(err)
		}
		return insertMove(ctx, tx, orgID, familyID, userID, journal.Move{BehaviourID: behaviourID, What: what, From: from, To: to, At: now})
	})
	if err != nil {
		return fmt.Errorf("move behaviour %s: %w", behaviourID, err)
	}
	return nil
}

// RemoveBehaviour takes a behaviour of a family off the baskets and keeps
// the move, with its words.
func (db *DB) RemoveBehaviour(ctx context.Context, orgID, familyID, userID, behaviourID string) error {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var what string
		var from journal.Basket
		if err := tx.QueryRowContext(ctx, `SELECT what, basket FROM basket_behaviours WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			behaviourID, familyID, orgID).Scan(&what, &from); err != nil {
			return mapError(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM basket_behaviours WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			behaviourID, familyID, orgID); err != nil {
			return mapError(err)
		}
		return insertMove(ctx, tx, orgID, familyID, userID, journal.Move{BehaviourID: behaviourID, What: what, From: from, At: now})
	})
	if err != nil {
		return fmt.Errorf("remove behaviour %s: %w", behaviourID, err)
	}
	return nil
}

// Behaviour reads one behaviour of a family.
func (db *DB) Behaviour(ctx context.Context, orgID, familyID, behaviourID string) (journal.Behaviour, error) {
	b, err := scanBehaviour(db.reads.QueryRowContext(ctx, `SELECT `+behaviourColumns+` FROM basket_behaviours
		WHERE id = $1 AND family_id = $2 AND org_id = $3`, behaviourID, familyID, orgID))
	if err != nil {
		return journal.Behaviour{}, fmt.Errorf("behaviour %s: %w", behaviourID, err)
	}
	return b, nil
}

// Behaviours lists a family's behaviours, in the order they were put in.
func (db *DB) Behaviours(ctx context.Context, orgID, familyID string) ([]journal.Behaviour, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+behaviourColumns+` FROM basket_behaviours
		WHERE family_id = $1 AND org_id = $2 ORDER BY created_at, id LIMIT $3`, familyID, orgID, journal.MaxBehaviours)
	if err != nil {
		return nil, fmt.Errorf("behaviours: %w", mapError(err))
	}
	defer rows.Close()
	var out []journal.Behaviour
	for rows.Next() {
		b, err := scanBehaviour(rows)
		if err != nil {
			return nil, fmt.Errorf("behaviours: %w", err)
		}
		out = append(out, b)
	}
	return out, mapError(rows.Err())
}

// BasketMoves lists the latest changes to a family's baskets, newest
// first, at most limit.
func (db *DB) BasketMoves(ctx context.Context, orgID, familyID string, limit int) ([]journal.Move, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT behaviour_id, what, from_basket, to_basket, moved_at FROM basket_moves
		WHERE family_id = $1 AND org_id = $2 ORDER BY position DESC LIMIT $3`, familyID, orgID, limit)
	if err != nil {
		return nil, fmt.Errorf("basket moves: %w", mapError(err))
	}
	defer rows.Close()
	var out []journal.Move
	for rows.Next() {
		var m journal.Move
		var at sqlTime
		if err := rows.Scan(&m.BehaviourID, &m.What, &m.From, &m.To, &at); err != nil {
			return nil, fmt.Errorf("basket moves: %w", mapError(err))
		}
		m.At = at.Time.UTC()
		out = append(out, m)
	}
	return out, mapError(rows.Err())
}
