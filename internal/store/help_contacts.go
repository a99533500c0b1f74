package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/help"
	"github.com/steadfast-care/steadfast/internal/ids"
)

const helpContactColumns = `id, name, reach, when_to_use, created_at, updated_at`

func scanHelpContact(row interface{ Scan(...any) error }) (help.Contact, error) {
	var c help.Contact
	if err := row.Scan(&c.ID, &c.Name, &c.Reach, &c.WhenToUse, &c.CreatedAt, &c.UpdatedAt); err != nil {
		return help.Contact{}, mapError(err)
	}
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return c, nil
}

// HelpContacts returns where a parent of the organisation can get help
// now, in the organisation's order: its own contacts, or, until it has set
// any, Steadfast's defaults (help.Defaults: 999 and NHS 111), which have no
// ID. It never returns an empty list.
func (db *DB) HelpContacts(ctx context.Context, orgID string) ([]help.Contact, error) {
	own, err := ownHelpContacts(ctx, db.reads, orgID)
	if err != nil {
		return nil, err
	}
	if len(own) == 0 {
		return help.Defaults(), nil
	}
	return own, nil
}

func ownHelpContacts(ctx context.Context, q querier, orgID string) ([]help.Contact, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+helpContactColumns+` FROM help_contacts WHERE org_id = $1
		ORDER BY position, id LIMIT $2`, orgID, help.MaxContacts)
	if err != nil {
		return nil, fmt.Errorf("help contacts: %w", mapError(err))
	}
	defer rows.Close()
	var out []help.Contact
	for rows.Next() {
		c, err := scanHelpContact(rows)
		if err != nil {
			return nil, fmt.Errorf("help contacts: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("help contacts: %w", mapError(err))
	}
	return out, nil
}

// HelpContact reads one of the organisation's own contacts.
func (db *DB) HelpContact(ctx context.Context, orgID, id string) (help.Contact, error) {
	c, err := scanHelpContact(db.reads.QueryRowContext(ctx, `SELECT `+helpContactColumns+` FROM help_contacts
		WHERE id = $1 AND org_id = $2`, id, orgID))
	if err != nil {
		return help.Contact{}, fmt.Errorf("help contact %s: %w", id, err)
	}
	return c, nil
}

// AddHelpContact adds a contact at the end of the organisation's list. If
// the organisation had none of its own, Steadfast's defaults are copied in
// first, so parents go on seeing them alongside the new one, and the
// administrator can then change or remove them like any other. c.ID may be
// chosen by the caller (to name it in the audit trail first). A list already
// at help.MaxContacts is ErrConflict.
func (db *DB) AddHelpContact(ctx context.Context, orgID string, c help.Contact) (help.Contact, error) {
	c = c.Normalise()
	if c.ID == "" {
		c.ID = ids.New()
	}
	now := db.Now()
	c.CreatedAt, c.UpdatedAt = now, now
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n, last int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(position), 0) FROM help_contacts WHERE org_id = $1`, orgID).Scan(&n, &last); err != nil {
			return mapError(err)
		}
		add := []help.Contact{c}
		if n == 0 {
			defaults := help.Defaults()
			for i := range defaults {
				defaults[i].ID = ids.New()
			}
			add = append(defaults, c)
		}
		if n+len(add) > help.MaxContacts {
			return fmt.Errorf("at most %d help contacts: %w", help.MaxContacts, ErrConflict)
		}
		for _, a := range add {
			last++
			if _, err := tx.ExecContext(ctx, `INSERT INTO help_contacts (id, org_id, position, name, reach, when_to_use, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, a.ID, orgID, last, a.Name, a.Reach, a.WhenToUse, now); err != nil {
				return mapError(err)
			}
		}
		return nil
	})
	if err != nil {
		return help.Contact{}, fmt.Errorf("add help contact: %w", err)
	}
	return c, nil
}

// UpdateHelpContact saves changes to one of the organisation's own contacts.
func (db *DB) UpdateHelpContact(ctx context.Context, orgID string, c help.Contact) error {
	c = c.Normalise()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE help_contacts SET name = $1, reach = $2, when_to_use = $3, updated_at = $4
			WHERE id = $5 AND org_id = $6`, c.Name, c.Reach, c.WhenToUse, db.Now(), c.ID, orgID)
	})
	if err != nil {
		return fmt.Errorf("update help contact: %w", err)
	}
	return nil
}

// RemoveHelpContact removes one of the organisation's own contacts. When
// the last is removed, parents see Steadfast's defaults again.
func (db *DB) RemoveHelpContact(ctx context.Context, orgID, id string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `DELETE FROM help_contacts WHERE id = $1 AND org_id = $2`, id, orgID)
	})
	if err != nil {
		return fmt.Errorf("remove help contact: %w", err)
	}
	return nil
}
