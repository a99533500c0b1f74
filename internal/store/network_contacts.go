package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/network"
)

const contactColumns = `id, family_id, supporter_id, held_on, about, created_at`

func scanContact(row interface{ Scan(...any) error }) (network.Contact, error) {
	var c network.Contact
	var created sqlTime
	if err := row.Scan(&c.ID, &c.FamilyID, &c.SupporterID, &c.On, &c.About, &created); err != nil {
		return network.Contact{}, mapError(err)
	}
	c.CreatedAt = created.Time.UTC()
	return c, nil
}

// AddContact records a contact with a supporter of the family in
// c.FamilyID, by userID. A supporter of another family is ErrNotFound.
func (db *DB) AddContact(ctx context.Context, orgID, userID string, c network.Contact) (network.Contact, error) {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM network_supporters WHERE id = $1 AND family_id = $2 AND org_id = $3`,
			c.SupporterID, c.FamilyID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return ErrNotFound
		}
		c.ID, c.CreatedAt = ids.New(), now
		_, err := tx.ExecContext(ctx, `INSERT INTO network_contacts (id, org_id, family_id, supporter_id, held_on, about, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.ID, orgID, c.FamilyID, c.SupporterID, c.On, c.About, userID, now)
		return mapError(err)
	})
	if err != nil {
		return network.Contact{}, fmt.Errorf("add contact: %w", err)
	}
	return c, nil
}

// Contact reads one contact with a supporter of a family.
func (db *DB) Contact(ctx context.Context, orgID, familyID, supporterID, contactID string) (network.Contact, error) {
	c, err := scanContact(db.reads.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM network_contacts
		WHERE id = $1 AND supporter_id = $2 AND family_id = $3 AND org_id = $4`, contactID, supporterID, familyID, orgID))
	if err != nil {
		return network.Contact{}, fmt.Errorf("contact %s: %w", contactID, err)
	}
	return c, nil
}

// RemoveContact deletes one contact with a supporter of a family.
func (db *DB) RemoveContact(ctx context.Context, orgID, familyID, supporterID, contactID string) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM network_contacts WHERE id = $1 AND supporter_id = $2 AND family_id = $3 AND org_id = $4`,
		contactID, supporterID, familyID, orgID)
	if err != nil {
		return fmt.Errorf("remove contact %s: %w", contactID, mapError(err))
	}
	return oneRow(res, "remove contact "+contactID)
}

// Contacts lists a family's contacts with its supporters, newest first, at
// most limit; with supporterID, only those with that supporter.
func (db *DB) Contacts(ctx context.Context, orgID, familyID, supporterID string, limit int) ([]network.Contact, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+contactColumns+` FROM network_contacts
		WHERE family_id = $1 AND org_id = $2 AND ($3 = '' OR supporter_id = $3)
		ORDER BY held_on DESC, created_at DESC, id LIMIT $4`, familyID, orgID, supporterID, limit)
	if err != nil {
		return nil, fmt.Errorf("contacts: %w", mapError(err))
	}
	defer rows.Close()
	var out []network.Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, fmt.Errorf("contacts: %w", err)
		}
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}
