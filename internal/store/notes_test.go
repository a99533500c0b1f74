package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestNotesKeepVersionsAndDraftsSurvive(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		draft := map[string]string{"body": "Half a sentence about the visit", "kind": "home-visit"}
		if err := db.SaveDraft(ctx, a.id, a.family.ID, a.prac.ID, "", draft); err != nil {
			t.Fatal(err)
		}
		got, err := db.LoadDraft(ctx, a.id, a.family.ID, a.prac.ID, "")
		if err != nil || got.Fields["body"] != draft["body"] {
			t.Fatalf("LoadDraft = %+v, %v", got, err)
		}
		if _, err := db.LoadDraft(ctx, a.id, a.family.ID, a.super.ID, ""); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("someone else's draft: %v", err)
		}
		if err := db.SaveDraft(ctx, b.id, a.family.ID, b.prac.ID, "", draft); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a draft on another organisation's family: %v", err)
		}

		when := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
		n, err := db.SaveNote(ctx, a.id, family.Note{FamilyID: a.family.ID, AuthorID: a.prac.ID, OccurredAt: when, Kind: family.HomeVisit,
			Present: "Mum, Amy", ChildSeen: family.SeenAlone, ChildWords: "I like it when Nan comes", Body: "Visited after school."})
		if err != nil || n.Version != 1 {
			t.Fatalf("SaveNote = %+v, %v", n, err)
		}
		if _, err := db.LoadDraft(ctx, a.id, a.family.ID, a.prac.ID, ""); !errors.Is(err, store.ErrNotFound) {
			t.Error("the draft was kept after the note was saved")
		}
		n.Body = "Visited after school. Amy showed me her drawings."
		n2, err := db.SaveNote(ctx, a.id, n)
		if err != nil || n2.Version != 2 {
			t.Fatalf("second version = %+v, %v", n2, err)
		}
		versions, err := db.NoteVersions(ctx, a.id, n.ID)
		if err != nil || len(versions) != 2 || versions[0].Version != 2 || versions[1].Body != "Visited after school." {
			t.Fatalf("versions = %+v, %v", versions, err)
		}
		cur, err := db.Note(ctx, a.id, a.family.ID, n.ID)
		if err != nil || cur.Body != n.Body || cur.ChildWords != "I like it when Nan comes" || !cur.OccurredAt.Equal(when) || cur.AuthorName != "prac" {
			t.Errorf("Note = %+v, %v", cur, err)
		}
		page, err := db.Notes(ctx, a.id, a.family.ID, "", time.Time{}, time.Time{}, 10, 0)
		if err != nil || page.Total != 1 {
			t.Errorf("Notes = %+v, %v", page, err)
		}
		if page, _ := db.Notes(ctx, a.id, a.family.ID, family.Phone, time.Time{}, time.Time{}, 10, 0); page.Total != 0 {
			t.Error("the kind filter did not filter")
		}
		if _, err := db.Note(ctx, b.id, a.family.ID, n.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation read the note: %v", err)
		}
		if _, err := db.SaveNote(ctx, b.id, n); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation changed the note: %v", err)
		}
		if v, _ := db.NoteVersions(ctx, b.id, n.ID); len(v) != 0 {
			t.Error("another organisation read the versions")
		}
	})
}

func TestTimeline(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		for i, when := range []time.Time{time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)} {
			if _, err := db.SaveNote(ctx, a.id, family.Note{FamilyID: a.family.ID, AuthorID: a.prac.ID, OccurredAt: when, Kind: family.Phone,
				ChildSeen: family.NotSeen, Body: []string{"January call", "March call"}[i]}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.SaveSummary(ctx, a.id, family.Summary{FamilyID: a.family.ID, Worried: "Worry", AuthorID: a.prac.ID}); err != nil {
			t.Fatal(err)
		}
		all, err := db.Timeline(ctx, a.id, a.family.ID, "", time.Time{}, time.Time{}, 10, 0)
		if err != nil || all.Total != 3 || all.Items[0].Kind != "summary" || all.Items[1].Text != "March call" || all.Items[2].Text != "January call" {
			t.Fatalf("timeline = %+v, %v", all, err)
		}
		notes, _ := db.Timeline(ctx, a.id, a.family.ID, "note", time.Time{}, time.Time{}, 10, 0)
		feb, _ := db.Timeline(ctx, a.id, a.family.ID, "", time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), 10, 0)
		if notes.Total != 2 || feb.Total != 1 || feb.Items[0].Text != "March call" {
			t.Errorf("filters: notes %d, February to March %+v", notes.Total, feb.Items)
		}
		b := newOrg(t, db, "b")
		if other, _ := db.Timeline(ctx, b.id, a.family.ID, "", time.Time{}, time.Time{}, 10, 0); other.Total != 0 {
			t.Error("another organisation saw the timeline")
		}
	})
}
