package demo

import (
	"context"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// writeConsents records what a family agreed to, as its worker recorded it,
// and withdraws the consents the situation says were withdrawn. The store
// dates both with its clock, so in the demo they all read as today.
func writeConsents(ctx context.Context, db *store.DB, orgID, familyID, workerID string, h household) error {
	for _, spec := range h.sit.consents {
		c := family.Consent{FamilyID: familyID, Kind: spec.kind, How: spec.how, GivenBy: h.adults[spec.by].name()}
		if p := c.Problems(); len(p) > 0 {
			return fmt.Errorf("demo: consent %+v: %v", c, p)
		}
		saved, err := db.RecordConsent(ctx, orgID, workerID, c)
		if err != nil {
			return fmt.Errorf("demo: consent: %w", err)
		}
		if spec.withdrawn {
			if err := db.WithdrawConsent(ctx, orgID, familyID, saved.ID, workerID); err != nil {
				return fmt.Errorf("demo: withdraw consent: %w", err)
			}
		}
	}
	return nil
}
