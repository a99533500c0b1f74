package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// CreateOrganisation adds an organisation.
func (db *DB) CreateOrganisation(ctx context.Context, name string) (access.Organisation, error) {
	var org access.Organisation
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		org, err = createOrganisation(ctx, tx, db, name)
		return err
	})
	return org, err
}

func createOrganisation(ctx context.Context, q querier, db *DB, name string) (access.Organisation, error) {
	org := access.Organisation{ID: ids.New(), Name: strings.TrimSpace(name), CreatedAt: db.Now()}
	if _, err := q.ExecContext(ctx, `INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)`,
		org.ID, org.Name, org.CreatedAt); err != nil {
		return access.Organisation{}, fmt.Errorf("create organisation: %w", mapError(err))
	}
	return org, nil
}

// Organisation reads one organisation.
func (db *DB) Organisation(ctx context.Context, id string) (access.Organisation, error) {
	var org access.Organisation
	err := db.reads.QueryRowContext(ctx, `SELECT id, name, created_at FROM organisations WHERE id = $1`, id).
		Scan(&org.ID, &org.Name, &org.CreatedAt)
	if err != nil {
		return access.Organisation{}, fmt.Errorf("organisation %s: %w", id, mapError(err))
	}
	org.CreatedAt = org.CreatedAt.UTC()
	return org, nil
}

// HasOrganisations reports whether setup has ever been completed.
func (db *DB) HasOrganisations(ctx context.Context) (bool, error) {
	var n int
	if err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM organisations LIMIT 1) AS o`).Scan(&n); err != nil {
		return false, fmt.Errorf("check for organisations: %w", mapError(err))
	}
	return n > 0, nil
}

// ListOrganisations returns every organisation, oldest first. Installations
// hold a handful, so the list is bounded rather than paginated.
func (db *DB) ListOrganisations(ctx context.Context) ([]access.Organisation, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT id, name, created_at FROM organisations ORDER BY created_at, id LIMIT 1000`)
	if err != nil {
		return nil, fmt.Errorf("list organisations: %w", mapError(err))
	}
	defer rows.Close()
	var out []access.Organisation
	for rows.Next() {
		var o access.Organisation
		if err := rows.Scan(&o.ID, &o.Name, &o.CreatedAt); err != nil {
			return nil, fmt.Errorf("list organisations: %w", mapError(err))
		}
		o.CreatedAt = o.CreatedAt.UTC()
		out = append(out, o)
	}
	return out, mapError(rows.Err())
}
