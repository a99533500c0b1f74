package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// SendToSupervision puts something from a practitioner's work on their next
// supervision agenda, linked to its family and record. Sending what is
// already waiting changes nothing and returns the waiting item. The family
// must be in the organisation, and the practitioner an active practitioner
// of it.
func (db *DB) SendToSupervision(ctx context.Context, orgID string, it supervision.Item) (supervision.Item, error) {
	if !it.Kind.Valid() {
		return supervision.Item{}, fmt.Errorf("send to supervision: unknown kind %q", it.Kind)
	}
	it.Note = strings.TrimSpace(it.Note)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, it.FamilyID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1 AND org_id = $2 AND role = 'practitioner' AND disabled_at IS NULL`,
			it.PractitionerID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return fmt.Errorf("no active practitioner %s: %w", it.PractitionerID, ErrNotFound)
		}
		var waiting string
		err := tx.QueryRowContext(ctx, `SELECT id FROM supervision_items WHERE kind = $1 AND item_id = $2 AND practitioner_id = $3 AND discussed_at IS NULL`,
			string(it.Kind), it.ItemID, it.PractitionerID).Scan(&waiting)
		switch {
		case err == nil:
			it.ID = waiting
			return nil
		case err != sql.ErrNoRows:
			return mapError(err)
		}
		it.ID, it.SentAt = ids.New(), db.Now()
		_, err = tx.ExecContext(ctx, `INSERT INTO supervision_items (id, org_id, practitioner_id, family_id, kind, item_id, note, sent_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, it.ID, orgID, it.PractitionerID, it.FamilyID, string(it.Kind), it.ItemID, it.Note, it.SentAt)
		return mapError(err)
	})
	if err != nil {
		return supervision.Item{}, fmt.Errorf("send to supervision: %w", err)
	}
	return it, nil
}

// WaitingSupervisionItems lists what a practitioner has sent to supervision
// and is not yet discussed, oldest first.
func (db *DB) WaitingSupervisionItems(ctx context.Context, orgID, practitionerID string) ([]supervision.Item, error) {
	return db.supervisionItemsWhere(ctx, `WHERE i.org_id = $1 AND i.practitioner_id = $2 AND i.discussed_at IS NULL ORDER BY i.sent_at, i.id LIMIT 500`,
		orgID, practitionerID)
}

func (db *DB) supervisionItemsWhere(ctx context.Context, where string, args ...any) ([]supervision.Item, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT i.id, i.practitioner_id, i.family_id, f.name, i.kind, i.item_id, i.note, i.sent_at, i.discussed_at
		FROM supervision_items i JOIN families f ON f.id = i.family_id `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("supervision items: %w", mapError(err))
	}
	defer rows.Close()
	var out []supervision.Item
	for rows.Next() {
		var it supervision.Item
		var kind string
		var discussed sqlTime
		if err := rows.Scan(&it.ID, &it.PractitionerID, &it.FamilyID, &it.FamilyName, &kind, &it.ItemID, &it.Note, &it.SentAt, &discussed); err != nil {
			return nil, fmt.Errorf("supervision items: %w", mapError(err))
		}
		it.Kind, it.SentAt, it.DiscussedAt = supervision.ItemKind(kind), it.SentAt.UTC(), utc(discussed.Time)
		out = append(out, it)
	}
	return out, mapError(rows.Err())
}

// SentToSupervision reports whether an item of this kind is waiting on the
// practitioner's supervision agenda, so pages can say it has been sent.
func (db *DB) SentToSupervision(ctx context.Context, orgID, practitionerID string, kind supervision.ItemKind, itemID string) (bool, error) {
	var n int
	err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM supervision_items
		WHERE org_id = $1 AND practitioner_id = $2 AND kind = $3 AND item_id = $4 AND discussed_at IS NULL`,
		orgID, practitionerID, string(kind), itemID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("sent to supervision: %w", mapError(err))
	}
	return n > 0, nil
}
