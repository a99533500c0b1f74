package demo

import (
	"context"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// linkParents records which carer in their family's record each demo
// parent's account is for (as an invitation would have), so the family page
// shows they have their own space and nobody invites them twice. The demo's
// parents have already read who sees what they write, so they go straight
// to their space; a parent invited through the family page has not.
func linkParents(ctx context.Context, db *store.DB, orgID string, parents []string) error {
	for _, id := range parents {
		u, err := db.UserByID(ctx, id)
		if err != nil {
			return fmt.Errorf("demo: parent: %w", err)
		}
		members, err := db.Members(ctx, orgID, u.FamilyID)
		if err != nil {
			return fmt.Errorf("demo: parent: %w", err)
		}
		carer := ""
		for _, m := range members {
			if m.Kind == family.Carer && (carer == "" || m.Name == u.Name) {
				carer = m.ID
			}
		}
		if carer != "" {
			if err := db.LinkParentAccount(ctx, orgID, u.ID, carer); err != nil {
				return fmt.Errorf("demo: parent: %w", err)
			}
		}
		if err := db.ConfirmTransparency(ctx, orgID, u.ID, family.TransparencyVersion); err != nil {
			return fmt.Errorf("demo: parent: %w", err)
		}
	}
	return nil
}
