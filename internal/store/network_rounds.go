package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/network"
)

// AddRound records a telephone round of the family in r.FamilyID, by
// userID, with its calls in order (blank calls dropped). A call naming a
// supporter of another family is ErrNotFound; a call to a supporter keeps
// the supporter's name as it is now.
func (db *DB) AddRound(ctx context.Context, orgID, userID string, r network.Round) (network.Round, error) {
	r = r.Trimmed()
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, r.FamilyID); err != nil {
			return err
		}
		for i, c := range r.Calls {
			if c.SupporterID == "" {
				continue
			}
			var name string
			err := tx.QueryRowContext(ctx, `SELECT name FROM network_supporters WHERE id = $1 AND family_id = $2 AND org_id = $3`,
				c.SupporterID, r.FamilyID, orgID).Scan(&name)
			if err != nil {
				return fmt.Errorf("call %d: %w", i+1, mapError(err))
			}
			r.Calls[i].Name = name
		}
		r.ID, r.CreatedAt, r.At = ids.New(), now, r.At.UTC().Truncate(time.Microsecond)
		if _, err := tx.ExecContext(ctx, `INSERT INTO network_rounds (id, org_id, family_id, held_at, why, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, r.ID, orgID, r.FamilyID, r.At, r.Why, userID, now); err != nil {
			return mapError(err)
		}
		for i, c := range r.Calls {
			if _, err := tx.ExecContext(ctx, `INSERT INTO network_round_calls (round_id, position, org_id, supporter_id, name, outcome, note)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, r.ID, i+1, orgID, nullable(c.SupporterID), c.Name, c.Outcome, c.Note); err != nil {
				return mapError(err)
			}
		}
		return nil
	})
	if err != nil {
		return network.Round{}, fmt.Errorf("add telephone round: %w", err)
	}
	return r, nil
}

// Round reads one telephone round of a family with its calls.
func (db *DB) Round(ctx context.Context, orgID, familyID, roundID string) (network.Round, error) {
	rounds, err := db.rounds(ctx, `r.id = $3`, orgID, familyID, roundID, 1)
	if err != nil {
		return network.Round{}, fmt.Errorf("telephone round %s: %w", roundID, err)
	}
	if len(rounds) == 0 {
		return network.Round{}, fmt.Errorf("telephone round %s: %w", roundID, ErrNotFound)
	}
	return rounds[0], nil
}

// Rounds lists a family's telephone rounds, newest first, at most limit,
// each with its calls, in two statements.
func (db *DB) Rounds(ctx context.Context, orgID, familyID string, limit int) ([]network.Round, error) {
	rounds, err := db.rounds(ctx, `$3 = ''`, orgID, familyID, "", limit)
	if err != nil {
		return nil, fmt.Errorf("telephone rounds: %w", err)
	}
	return rounds, nil
}

// rounds reads the family's rounds that match cond (which may use $3, bound
// to arg) and then all their calls.
func (db *DB) rounds(ctx context.Context, cond, orgID, familyID, arg string, limit int) ([]network.Round, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT r.id, r.family_id, r.held_at, r.why, r.created_at FROM network_rounds r
		WHERE r.family_id = $1 AND r.org_id = $2 AND `+cond+` ORDER BY r.held_at DESC, r.id LIMIT $4`, familyID, orgID, arg, limit)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []network.Round
	index := map[string]int{}
	for rows.Next() {
		var r network.Round
		var at, created sqlTime
		if err := rows.Scan(&r.ID, &r.FamilyID, &at, &r.Why, &created); err != nil {
			return nil, mapError(err)
		}
		r.At, r.CreatedAt = at.Time.UTC(), created.Time.UTC()
		index[r.ID] = len(out)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	args := []any{orgID}
	marks := make([]string, len(out))
	for i, r := range out {
		args = append(args, r.ID)
		marks[i] = fmt.Sprintf("$%d", i+2)
	}
	calls, err := db.reads.QueryContext(ctx, `SELECT round_id, COALESCE(supporter_id, ''), name, outcome, note FROM network_round_calls
		WHERE org_id = $1 AND round_id IN (`+strings.Join(marks, ", ")+`) ORDER BY round_id, position`, args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer calls.Close()
	for calls.Next() {
		var roundID string
		var c network.Call
		if err := calls.Scan(&roundID, &c.SupporterID, &c.Name, &c.Outcome, &c.Note); err != nil {
			return nil, mapError(err)
		}
		i := index[roundID]
		out[i].Calls = append(out[i].Calls, c)
	}
	return out, mapError(calls.Err())
}
