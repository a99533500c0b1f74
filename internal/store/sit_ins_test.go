package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestSitIns(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		moment := func(orgID, familyID, authorID string, kind journal.Kind) journal.Entry {
			e := journal.Entry{FamilyID: familyID, AuthorID: authorID, Kind: kind, OccurredAt: db.Now().Add(-72 * time.Hour),
				What: []journal.What{journal.Damage}, Intensity: &[]int{7}[0], Did: "A walk"}
			saved, _, err := db.SaveJournalEntry(ctx, orgID, e)
			if err != nil {
				t.Fatal(err)
			}
			return saved
		}
		ours := moment(a.id, a.family.ID, a.parent.ID, journal.HardMoment)
		gesture := moment(a.id, a.family.ID, a.parent.ID, journal.Gesture)
		sibling := moment(a.id, a.otherFamily.ID, a.prac.ID, journal.HardMoment)
		theirs := moment(b.id, b.family.ID, b.parent.ID, journal.HardMoment)

		plan := journal.SitIn{FamilyID: a.family.ID, Status: journal.SitInPlanned, EntryID: ours.ID, PlannedFor: db.Now().Add(24 * time.Hour),
			With: " Nan ", WillSay: journal.DefaultWillSay}
		saved, err := db.AddSitIn(ctx, a.id, a.parent.ID, plan)
		if err != nil || saved.ID == "" || saved.With != "Nan" {
			t.Fatalf("AddSitIn = %+v, %v", saved, err)
		}
		for name, entry := range map[string]string{"a gesture": gesture.ID, "another family's": sibling.ID, "another organisation's": theirs.ID} {
			p := plan
			p.EntryID = entry
			if _, err := db.AddSitIn(ctx, a.id, a.parent.ID, p); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("AddSitIn answering %s entry = %v; want ErrNotFound", name, err)
			}
		}
		stray := plan
		stray.FamilyID = b.family.ID
		if _, err := db.AddSitIn(ctx, a.id, a.parent.ID, stray); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("AddSitIn in another organisation's family = %v; want ErrNotFound", err)
		}

		got, err := db.SitIn(ctx, a.id, a.family.ID, saved.ID)
		if err != nil || got.Status != journal.SitInPlanned || got.EntryID != ours.ID || got.EntrySummary == "" || !got.EntryAt.Equal(ours.OccurredAt) ||
			!got.PlannedFor.Equal(saved.PlannedFor) || !got.DoneAt.IsZero() || got.WillSay != journal.DefaultWillSay {
			t.Errorf("SitIn = %+v, %v", got, err)
		}
		for name, read := range map[string]func() error{
			"another family":       func() error { _, err := db.SitIn(ctx, a.id, a.otherFamily.ID, saved.ID); return err },
			"another organisation": func() error { _, err := db.SitIn(ctx, b.id, a.family.ID, saved.ID); return err },
		} {
			if err := read(); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("SitIn from %s = %v; want ErrNotFound", name, err)
			}
		}

		// The plan changes; another family cannot change it; then it is done.
		got.With = "My partner"
		if _, err := db.UpdateSitIn(ctx, a.id, got); err != nil {
			t.Fatal(err)
		}
		wrong := got
		wrong.FamilyID = a.otherFamily.ID
		if _, err := db.UpdateSitIn(ctx, a.id, wrong); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("UpdateSitIn from another family = %v; want ErrNotFound", err)
		}
		wrong = got
		wrong.EntryID = sibling.ID
		if _, err := db.UpdateSitIn(ctx, a.id, wrong); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("UpdateSitIn answering another family's hard moment = %v; want ErrNotFound", err)
		}
		if page, _ := db.Timeline(ctx, a.id, a.family.ID, "sit-in", time.Time{}, time.Time{}, 10, 0); page.Total != 0 {
			t.Errorf("a planned sit-in is on the timeline: %+v", page)
		}
		done := got
		done.Status, done.DoneAt, done.Minutes, done.Said, done.Proposal = journal.SitInDone, db.Now().Add(-time.Hour), 45, "We are here.", "Pay for the door"
		if _, err := db.UpdateSitIn(ctx, a.id, done); err != nil {
			t.Fatal(err)
		}
		again := done
		again.Said = "Changed afterwards"
		if _, err := db.UpdateSitIn(ctx, a.id, again); !errors.Is(err, store.ErrConflict) {
			t.Errorf("UpdateSitIn of a done sit-in = %v; want ErrConflict", err)
		}
		got, err = db.SitIn(ctx, a.id, a.family.ID, saved.ID)
		if err != nil || got.Status != journal.SitInDone || got.With != "My partner" || got.Minutes != 45 || got.Said != "We are here." ||
			got.Proposal != "Pay for the door" || !got.DoneAt.Equal(done.DoneAt.Truncate(time.Microsecond)) {
			t.Errorf("done SitIn = %+v, %v", got, err)
		}

		list, err := db.SitIns(ctx, a.id, a.family.ID, 10)
		if err != nil || len(list) != 1 || list[0].ID != saved.ID {
			t.Errorf("SitIns = %+v, %v", list, err)
		}
		if list, _ := db.SitIns(ctx, b.id, a.family.ID, 10); len(list) != 0 {
			t.Errorf("another organisation listed the family's sit-ins: %+v", list)
		}
		page, err := db.Timeline(ctx, a.id, a.family.ID, "", time.Time{}, time.Time{}, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		var onTimeline bool
		for _, it := range page.Items {
			if it.Kind == "sit-in" {
				onTimeline = it.ID == saved.ID && it.Author == "parent" && it.Text == got.Summary()
			}
		}
		if !onTimeline || page.Total != 3 {
			t.Errorf("timeline = %+v; want the two entries and the sit-in done", page)
		}
		if page, _ := db.Timeline(ctx, a.id, a.family.ID, "sit-in", time.Time{}, time.Time{}, 10, 0); page.Total != 1 || len(page.Items) != 1 {
			t.Errorf("timeline of sit-ins = %+v", page)
		}

		// A planned sit-in is called off and kept; it cannot be changed,
		// done or called off again; a done one cannot be called off.
		second, err := db.AddSitIn(ctx, a.id, a.parent.ID, plan)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.CancelSitIn(ctx, b.id, a.family.ID, second.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation calls the sit-in off: %v; want ErrNotFound", err)
		}
		if err := db.CancelSitIn(ctx, a.id, a.family.ID, saved.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("calling off a done sit-in: %v; want ErrConflict", err)
		}
		if err := db.CancelSitIn(ctx, a.id, a.family.ID, second.ID); err != nil {
			t.Fatal(err)
		}
		off, err := db.SitIn(ctx, a.id, a.family.ID, second.ID)
		if err != nil || !off.Cancelled() || off.CanChange() == "" || off.StatusLabel() != "Called off" || off.With != "Nan" {
			t.Errorf("called-off SitIn = %+v, %v", off, err)
		}
		if err := db.CancelSitIn(ctx, a.id, a.family.ID, second.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("calling off twice: %v; want ErrConflict", err)
		}
		change := off
		change.With = "Someone else"
		if _, err := db.UpdateSitIn(ctx, a.id, change); !errors.Is(err, store.ErrConflict) {
			t.Errorf("changing a called-off sit-in: %v; want ErrConflict", err)
		}
	})
}
