package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
)

// Family is the household record practitioners are allocated to and parents
// belong to. The families issue adds children, members and the rest.
type Family struct {
	ID           string
	OrgID        string
	Name         string
	Status       string // "open" or "closed"
	ClosedReason string
	CreatedAt    time.Time
}

// CreateFamily adds a family to an organisation.
func (db *DB) CreateFamily(ctx context.Context, orgID, name string) (Family, error) {
	f := Family{ID: ids.New(), OrgID: orgID, Name: strings.TrimSpace(name), Status: "open", CreatedAt: db.Now()}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO families (id, org_id, name, created_at) VALUES ($1, $2, $3, $4)`,
			f.ID, f.OrgID, f.Name, f.CreatedAt)
		return mapError(err)
	})
	if err != nil {
		return Family{}, fmt.Errorf("create family: %w", err)
	}
	return f, nil
}

// FamilyInOrg reads a family of one organisation. A family of another
// organisation is ErrNotFound, exactly as a family that does not exist.
func (db *DB) FamilyInOrg(ctx context.Context, orgID, familyID string) (Family, error) {
	var f Family
	err := db.reads.QueryRowContext(ctx, `SELECT id, org_id, name, status, closed_reason, created_at FROM families WHERE id = $1 AND org_id = $2`,
		familyID, orgID).Scan(&f.ID, &f.OrgID, &f.Name, &f.Status, &f.ClosedReason, &f.CreatedAt)
	if err != nil {
		return Family{}, fmt.Errorf("family %s: %w", familyID, mapError(err))
	}
	f.CreatedAt = f.CreatedAt.UTC()
	return f, nil
}

// Allocate allocates a practitioner to a family from now on. Allocating an
// already allocated practitioner changes nothing.
func (db *DB) Allocate(ctx context.Context, orgID, familyID, practitionerID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM allocations
			WHERE family_id = $1 AND practitioner_id = $2 AND ended_at IS NULL`, familyID, practitionerID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n > 0 {
			return nil
		}
		var ok int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM families f, users u
			WHERE f.id = $1 AND f.org_id = $3 AND u.id = $2 AND u.org_id = $3 AND u.role = 'practitioner'`,
			familyID, practitionerID, orgID).Scan(&ok); err != nil {
			return mapError(err)
		}
		if ok == 0 {
			return fmt.Errorf("no such family and practitioner in the organisation: %w", ErrNotFound)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO allocations (id, org_id, family_id, practitioner_id, started_at)
			VALUES ($1, $2, $3, $4, $5)`, ids.New(), orgID, familyID, practitionerID, db.Now())
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("allocate: %w", err)
	}
	return nil
}

// EndAllocation ends a practitioner's current allocation to a family, keeping its history.
func (db *DB) EndAllocation(ctx context.Context, orgID, familyID, practitionerID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE allocations SET ended_at = $1
			WHERE org_id = $2 AND family_id = $3 AND practitioner_id = $4 AND ended_at IS NULL`,
			db.Now(), orgID, familyID, practitionerID)
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("end allocation: %w", err)
	}
	return nil
}

// AllocatedFamilies lists the families currently allocated to a practitioner, by name.
func (db *DB) AllocatedFamilies(ctx context.Context, orgID, practitionerID string) ([]Family, error) {
	return db.familiesWhere(ctx, `SELECT f.id, f.org_id, f.name, f.status, f.closed_reason, f.created_at FROM families f
		JOIN allocations a ON a.family_id = f.id
		WHERE a.org_id = $1 AND a.practitioner_id = $2 AND a.ended_at IS NULL ORDER BY f.name LIMIT 500`, orgID, practitionerID)
}

// TeamFamilies lists the families currently allocated to the practitioners a
// supervisor supervises, by name.
func (db *DB) TeamFamilies(ctx context.Context, orgID, supervisorID string) ([]Family, error) {
	return db.familiesWhere(ctx, `SELECT DISTINCT f.id, f.org_id, f.name, f.status, f.closed_reason, f.created_at FROM families f
		JOIN allocations a ON a.family_id = f.id AND a.ended_at IS NULL
		JOIN supervision_links l ON l.practitioner_id = a.practitioner_id
		WHERE f.org_id = $1 AND l.supervisor_id = $2 ORDER BY f.name, f.id LIMIT 1000`, orgID, supervisorID)
}

// SearchFamilies finds an organisation's families whose name contains q,
// ignoring case, at most limit of them, by name.
func (db *DB) SearchFamilies(ctx context.Context, orgID, q string, limit int) ([]Family, error) {
	pattern := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(strings.TrimSpace(q))) + "%"
	return db.familiesWhere(ctx, `SELECT id, org_id, name, status, closed_reason, created_at FROM families
		WHERE org_id = $1 AND LOWER(name) LIKE $2 ESCAPE '\' ORDER BY name, id LIMIT $3`, orgID, pattern, limit)
}

func (db *DB) familiesWhere(ctx context.Context, query string, args ...any) ([]Family, error) {
	rows, err := db.reads.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list families: %w", mapError(err))
	}
	defer rows.Close()
	var out []Family
	for rows.Next() {
		var f Family
		if err := rows.Scan(&f.ID, &f.OrgID, &f.Name, &f.Status, &f.ClosedReason, &f.CreatedAt); err != nil {
			return nil, fmt.Errorf("list families: %w", mapError(err))
		}
		f.CreatedAt = f.CreatedAt.UTC()
		out = append(out, f)
	}
	return out, mapError(rows.Err())
}

// Allocation is one practitioner's allocation to a family, current or past.
type Allocation struct {
	PractitionerID   string
	PractitionerName string
	StartedAt        time.Time
	EndedAt          *time.Time
}

// AllocationHistory lists a family's allocations, current ones first, then
// by when they started, newest first.
func (db *DB) AllocationHistory(ctx context.Context, orgID, familyID string) ([]Allocation, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT a.practitioner_id, u.name, a.started_at, a.ended_at
		FROM allocations a JOIN users u ON u.id = a.practitioner_id
		WHERE a.org_id = $1 AND a.family_id = $2 ORDER BY a.ended_at IS NOT NULL, a.started_at DESC LIMIT 100`, orgID, familyID)
	if err != nil {
		return nil, fmt.Errorf("allocation history: %w", mapError(err))
	}
	defer rows.Close()
	var out []Allocation
	for rows.Next() {
		var a Allocation
		var ended sql.NullTime
		if err := rows.Scan(&a.PractitionerID, &a.PractitionerName, &a.StartedAt, &ended); err != nil {
			return nil, fmt.Errorf("allocation history: %w", mapError(err))
		}
		a.StartedAt = a.StartedAt.UTC()
		if ended.Valid {
			t := ended.Time.UTC()
			a.EndedAt = &t
		}
		out = append(out, a)
	}
	return out, mapError(rows.Err())
}

// UnallocatedFamilies lists an organisation's open families with no current
// allocation, by name, at most limit.
func (db *DB) UnallocatedFamilies(ctx context.Context, orgID string, limit int) ([]Family, error) {
	return db.familiesWhere(ctx, `SELECT f.id, f.org_id, f.name, f.status, f.closed_reason, f.created_at FROM families f
		WHERE f.org_id = $1 AND f.status = 'open'
		AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.family_id = f.id AND a.ended_at IS NULL)
		ORDER BY f.name, f.id LIMIT $2`, orgID, limit)
}
