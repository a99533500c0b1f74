package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestVigilantCare(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		fam := a.family.ID
		late, err := db.AddConcern(ctx, a.id, a.parent.ID, journal.Concern{FamilyID: fam, About: " Staying out late ", Level: journal.OpenAttention}, "")
		if err != nil || late.ID == "" || late.About != "Staying out late" || len(late.History) != 1 {
			t.Fatalf("AddConcern = %+v, %v", late, err)
		}
		phone, err := db.AddConcern(ctx, a.id, a.parent.ID, journal.Concern{FamilyID: fam, About: "Phone at night", Level: journal.FocusedAttention}, "Up at 3am")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.ChangeLevel(ctx, a.id, fam, a.parent.ID, late.ID, journal.FocusedAttention, "Came home at midnight"); err != nil {
			t.Fatal(err)
		}
		if err := db.ChangeLevel(ctx, a.id, fam, a.parent.ID, late.ID, journal.ProtectiveAction, "Would not say where"); err != nil {
			t.Fatal(err)
		}
		if err := db.ChangeLevel(ctx, a.id, fam, a.parent.ID, late.ID, journal.ProtectiveAction, "Again"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("ChangeLevel to the same level = %v; want ErrConflict", err)
		}
		got, err := db.Concern(ctx, a.id, fam, late.ID)
		if err != nil || got.Level != journal.ProtectiveAction || got.IsSettled() || len(got.History) != 3 {
			t.Fatalf("Concern = %+v, %v", got, err)
		}
		h := got.History
		if h[0].From != "" || h[0].To != journal.OpenAttention || h[1].From != journal.OpenAttention || h[1].To != journal.FocusedAttention ||
			h[1].Sign != "Came home at midnight" || h[2].From != journal.FocusedAttention || h[2].To != journal.ProtectiveAction || h[2].At.IsZero() {
			t.Errorf("history = %+v", h)
		}

		if err := db.SettleConcern(ctx, a.id, fam, phone.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.SettleConcern(ctx, a.id, fam, phone.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("SettleConcern twice = %v; want ErrConflict", err)
		}
		if err := db.ChangeLevel(ctx, a.id, fam, a.parent.ID, phone.ID, journal.OpenAttention, "Calmer"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("ChangeLevel of a settled concern = %v; want ErrConflict", err)
		}
		list, err := db.Concerns(ctx, a.id, fam)
		if err != nil || len(list) != 2 || list[0].ID != late.ID || len(list[0].History) != 3 || list[1].ID != phone.ID ||
			!list[1].IsSettled() || len(list[1].History) != 1 || list[1].History[0].Sign != "Up at 3am" {
			t.Errorf("Concerns = %+v, %v; want the open concern, then the settled one", list, err)
		}

		// Another family, or another organisation, reaches none of it.
		for _, try := range []struct{ org, family string }{{a.id, a.otherFamily.ID}, {b.id, fam}, {b.id, b.family.ID}} {
			if _, err := db.Concern(ctx, try.org, try.family, late.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Concern from %v = %v; want ErrNotFound", try, err)
			}
			if l, _ := db.Concerns(ctx, try.org, try.family); len(l) != 0 {
				t.Errorf("Concerns from %v = %+v", try, l)
			}
			if err := db.ChangeLevel(ctx, try.org, try.family, a.parent.ID, late.ID, journal.OpenAttention, "x"); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("ChangeLevel from %v = %v; want ErrNotFound", try, err)
			}
			if err := db.SettleConcern(ctx, try.org, try.family, late.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("SettleConcern from %v = %v; want ErrNotFound", try, err)
			}
		}
		if got, _ := db.Concern(ctx, a.id, fam, late.ID); got.Level != journal.ProtectiveAction || got.IsSettled() {
			t.Errorf("another family changed the concern: %+v", got)
		}
	})
}

func TestVigilantCareKeepsAFamilysListShort(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		for i := 0; i < journal.MaxConcerns; i++ {
			if _, err := db.AddConcern(ctx, a.id, a.parent.ID, journal.Concern{FamilyID: a.family.ID, About: "c", Level: journal.OpenAttention}, ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.AddConcern(ctx, a.id, a.parent.ID, journal.Concern{FamilyID: a.family.ID, About: "c", Level: journal.OpenAttention}, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("one concern too many = %v; want ErrConflict", err)
		}
	})
}
