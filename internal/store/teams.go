package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
)

// Team is a group of staff within an organisation.
type Team struct {
	ID        string
	OrgID     string
	Name      string
	CreatedAt time.Time
}

// CreateTeam adds a team. A repeated name in one organisation gives ErrAlreadyExists.
func (db *DB) CreateTeam(ctx context.Context, orgID, name string) (Team, error) {
	t := Team{ID: ids.New(), OrgID: orgID, Name: strings.TrimSpace(name), CreatedAt: db.Now()}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO teams (id, org_id, name, created_at) VALUES ($1, $2, $3, $4)`,
			t.ID, t.OrgID, t.Name, t.CreatedAt)
		return mapError(err)
	})
	if err != nil {
		return Team{}, fmt.Errorf("create team: %w", err)
	}
	return t, nil
}

// ListTeams returns an organisation's teams by name. Organisations have a
// handful of teams, so the list is bounded but not paginated.
func (db *DB) ListTeams(ctx context.Context, orgID string) ([]Team, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT id, org_id, name, created_at FROM teams WHERE org_id = $1 ORDER BY name LIMIT 500`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list teams: %w", mapError(err))
	}
	defer rows.Close()
	var out []Team
	for rows.Next() {
		var t Team
		if err := rows.Scan(&t.ID, &t.OrgID, &t.Name, &t.CreatedAt); err != nil {
			return nil, fmt.Errorf("list teams: %w", mapError(err))
		}
		t.CreatedAt = t.CreatedAt.UTC()
		out = append(out, t)
	}
	return out, mapError(rows.Err())
}
