package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestJournalAndAlerts(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if err := db.Allocate(ctx, a.id, a.family.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 11, 20, 19, 30, 0, 0, time.UTC)
		seven := 7
		calm, reasons, err := db.SaveJournalEntry(ctx, a.id, journal.Entry{FamilyID: a.family.ID, AuthorID: a.parent.ID, Kind: journal.HardMoment,
			OccurredAt: at, What: []journal.What{journal.VerbalAbuse}, Intensity: &seven, Responses: []journal.Response{journal.LeftTheRoom},
			Triggers: "Being told no about the phone"})
		if err != nil || len(reasons) != 0 {
			t.Fatalf("a hard moment met calmly: %v, %v; want no alert", reasons, err)
		}
		hit, reasons, err := db.SaveJournalEntry(ctx, a.id, journal.Entry{FamilyID: a.family.ID, AuthorID: a.parent.ID, Kind: journal.HardMoment,
			OccurredAt: at.Add(time.Hour), Intensity: &seven, Responses: []journal.Response{journal.PushedOrHit}, Happened: "I pushed him away"})
		if err != nil || !reflect.DeepEqual(reasons, []journal.Reason{journal.ParentHit}) {
			t.Fatalf("the parent hit: %v, %v; want an alert", reasons, err)
		}
		if _, _, err := db.SaveJournalEntry(ctx, b.id, journal.Entry{FamilyID: a.family.ID, AuthorID: b.parent.ID, Kind: journal.Gesture,
			OccurredAt: at, Did: "Nope"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("writing into another organisation's family: %v; want ErrNotFound", err)
		}
		if _, _, err := db.SaveJournalEntry(ctx, a.id, journal.Entry{FamilyID: a.family.ID, AuthorID: a.parent.ID, Kind: journal.Gesture,
			OccurredAt: at.Add(-48 * time.Hour), Did: "Hot chocolate after school", ChildResponse: "A small smile"}); err != nil {
			t.Fatal(err)
		}

		page, err := db.Journal(ctx, a.id, a.family.ID, store.JournalFilter{}, 10, 0)
		if err != nil || page.Total != 3 || len(page.Entries) != 3 || page.Entries[0].ID != hit.ID || page.Entries[1].ID != calm.ID {
			t.Fatalf("Journal = %+v, %v; want three, newest first", page, err)
		}
		got := page.Entries[1]
		if got.Triggers != "Being told no about the phone" || got.Intensity == nil || *got.Intensity != 7 || got.AuthorName != "parent" ||
			!got.OccurredAt.Equal(at) || !got.MetCalmly() {
			t.Errorf("the calm entry read back = %+v", got)
		}
		if page, _ := db.Journal(ctx, a.id, a.family.ID, store.JournalFilter{Kind: journal.Gesture}, 10, 0); page.Total != 1 || page.Entries[0].ChildResponse != "A small smile" {
			t.Errorf("gestures only = %+v", page)
		}
		if page, _ := db.Journal(ctx, b.id, a.family.ID, store.JournalFilter{}, 10, 0); page.Total != 0 {
			t.Errorf("another organisation reads %d entries", page.Total)
		}
		if _, err := db.JournalEntry(ctx, a.id, a.otherFamily.ID, hit.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an entry read as another family's: %v; want ErrNotFound", err)
		}
		since, err := db.JournalSince(ctx, a.id, a.family.ID, at.Add(-time.Hour))
		if err != nil || len(since) != 2 || since[0].ID != calm.ID {
			t.Errorf("JournalSince = %d, %v; want the two hard moments, oldest first", len(since), err)
		}
		timeline, err := db.Timeline(ctx, a.id, a.family.ID, "journal", time.Time{}, time.Time{}, 10, 0)
		if err != nil || timeline.Total != 3 || timeline.Items[0].Title != string(journal.HardMoment) || timeline.Items[0].Text != hit.Summary() {
			t.Errorf("the journal on the timeline = %+v, %v", timeline, err)
		}

		open, err := db.OpenJournalAlertsOf(ctx, a.id, []string{a.family.ID, a.otherFamily.ID})
		if err != nil || len(open) != 1 || open[0].Entry.ID != hit.ID || open[0].FamilyName != "Family A" ||
			!reflect.DeepEqual(open[0].Reasons, []journal.Reason{journal.ParentHit}) {
			t.Errorf("open alerts = %+v, %v", open, err)
		}
		if open, _ := db.OpenJournalAlertsOf(ctx, a.id, []string{a.otherFamily.ID}); len(open) != 0 {
			t.Errorf("another family's open alerts = %d", len(open))
		}
		if open, _ := db.OpenJournalAlertsOf(ctx, b.id, []string{a.family.ID}); len(open) != 0 {
			t.Errorf("another organisation sees %d alerts", len(open))
		}
		// The caseload's signals say which families have an alert waiting,
		// so that the alerts are read only for those.
		openCount := func() map[string]int {
			t.Helper()
			signals, err := db.CaseloadSignals(ctx, a.id, []string{a.family.ID, a.otherFamily.ID}, db.Now().AddDate(0, 0, -28))
			if err != nil {
				t.Fatal(err)
			}
			return map[string]int{a.family.ID: signals[a.family.ID].OpenJournalAlerts, a.otherFamily.ID: signals[a.otherFamily.ID].OpenJournalAlerts}
		}
		if got := openCount(); got[a.family.ID] != 1 || got[a.otherFamily.ID] != 0 {
			t.Errorf("open journal alerts in the caseload's signals = %v; want 1 and 0", got)
		}
		if err := db.AcknowledgeJournalAlert(ctx, a.id, a.otherFamily.ID, hit.ID, a.prac.ID, "Wrong family"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("acknowledging as another family's: %v; want ErrNotFound", err)
		}
		if err := db.AcknowledgeJournalAlert(ctx, a.id, a.family.ID, hit.ID, a.prac.ID, " Called Mum the same evening "); err != nil {
			t.Fatal(err)
		}
		if err := db.AcknowledgeJournalAlert(ctx, a.id, a.family.ID, hit.ID, a.prac.ID, "Again"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("acknowledging twice: %v; want ErrNotFound", err)
		}
		if open, _ := db.OpenJournalAlertsOf(ctx, a.id, []string{a.family.ID}); len(open) != 0 {
			t.Errorf("after acknowledging, %d alerts are open", len(open))
		}
		if got := openCount(); got[a.family.ID] != 0 {
			t.Errorf("after acknowledging, the caseload's signals count %d open alerts", got[a.family.ID])
		}
		all, err := db.FamilyJournalAlerts(ctx, a.id, a.family.ID)
		if err != nil || len(all) != 1 || all[0].AcknowledgedAt == nil || all[0].AcknowledgedByName != "prac" || all[0].Note != "Called Mum the same evening" {
			t.Errorf("the family's alerts = %+v, %v", all, err)
		}
	})
}
