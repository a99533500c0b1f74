package store_test

import (
	"context"
	"testing"

	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// TestReadSnapshotSeesOneState checks that reads inside a snapshot do not see
// a write committed between them, and that reads after it do.
func TestReadSnapshotSeesOneState(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		err := db.ReadSnapshot(ctx, func(snap *store.DB) error {
			before, err := snap.SearchFamilies(ctx, a.id, "Family", 10)
			if err != nil {
				return err
			}
			if _, err := db.CreateFamily(ctx, a.id, "Family C"); err != nil {
				return err
			}
			during, err := snap.SearchFamilies(ctx, a.id, "Family", 10)
			if err != nil {
				return err
			}
			if len(before) != 2 || len(during) != 2 {
				t.Errorf("inside the snapshot: %d then %d families; want 2 both times", len(before), len(during))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		after, err := db.SearchFamilies(ctx, a.id, "Family", 10)
		if err != nil || len(after) != 3 {
			t.Errorf("after the snapshot: %d families, %v; want 3", len(after), err)
		}
	})
}
