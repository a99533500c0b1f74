package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// addSitIn gives the demo parent a sit-in done ten days ago with Nan,
// answering the last hard moment they wrote before it.
func addSitIn(ctx context.Context, db *store.DB, orgID, familyID, parentID string, today time.Time, zone *time.Location) error {
	day := today.In(zone).AddDate(0, 0, -10)
	done := time.Date(day.Year(), day.Month(), day.Day(), 19, 30, 0, 0, zone)
	page, err := db.Journal(ctx, orgID, familyID, store.JournalFilter{Kind: journal.HardMoment, To: done.AddDate(0, 0, -1)}, 1, 0)
	if err != nil {
		return fmt.Errorf("demo: sit-in: %w", err)
	}
	if len(page.Entries) == 0 {
		return nil
	}
	if _, err := db.AddSitIn(ctx, orgID, parentID, journal.SitIn{FamilyID: familyID, Status: journal.SitInDone, EntryID: page.Entries[0].ID,
		PlannedFor: done, With: "Nan", WillSay: journal.DefaultWillSay, DoneAt: done, Minutes: 35,
		Said:     journal.DefaultWillSay + " Then we sat quietly. After a while they said they were sorry about the door.",
		Proposal: "They will help Nan fix the bathroom door on Saturday, and put some of their pocket money towards it."}); err != nil {
		return fmt.Errorf("demo: sit-in: %w", err)
	}
	return nil
}
