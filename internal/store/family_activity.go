package store

import (
	"context"
	"fmt"
)

// familyActivitySet recomputes a family's last contact and the last time a
// child was seen from its contact notes. Both engines read each maximum from
// the newest entries of the notes' family index.
const familyActivitySet = `last_contact_at = (SELECT n.occurred_at FROM contact_notes n WHERE n.family_id = families.id AND n.org_id = families.org_id
		ORDER BY n.occurred_at DESC LIMIT 1),
	last_seen_at = (SELECT n.occurred_at FROM contact_notes n WHERE n.family_id = families.id AND n.org_id = families.org_id AND n.child_seen <> 'no'
		ORDER BY n.occurred_at DESC LIMIT 1)`

// refreshFamilyActivity keeps a family's last contact and last seen up to
// date, inside the transaction that saved one of its notes. Recomputing
// rather than comparing means a note moved to an earlier date is handled too.
func refreshFamilyActivity(ctx context.Context, tx querier, familyID string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE families SET `+familyActivitySet+` WHERE id = $1`, familyID); err != nil {
		return fmt.Errorf("family activity: %w", mapError(err))
	}
	return nil
}

// refreshAllFamilyActivity recomputes every family's last contact and last
// seen, after notes were loaded in bulk.
func refreshAllFamilyActivity(ctx context.Context, q querier) error {
	if _, err := q.ExecContext(ctx, `UPDATE families SET `+familyActivitySet); err != nil {
		return fmt.Errorf("family activity: %w", mapError(err))
	}
	return nil
}
