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

func TestFamilyMembers(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		add := func(m family.Member) family.Member {
			t.Helper()
			m.FamilyID = a.family.ID
			got, err := db.AddMember(ctx, a.id, m)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		add(family.Member{Kind: family.Carer, Name: "Sam Ash", Relationship: "Mum", Languages: "English, Polish", Interpreter: true})
		ben := add(family.Member{Kind: family.Child, Name: "Ben Ash", DateOfBirth: "2020-05-01", School: "Hill Top Nursery"})
		add(family.Member{Kind: family.Child, Name: "Amy Ash", DateOfBirth: "2013-09-14", WhatMatters: "Her drawing, and her dog Pip"})

		list, err := db.Members(ctx, a.id, a.family.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 || list[0].Name != "Amy Ash" || list[1].Name != "Ben Ash" || list[2].Kind != family.Carer || !list[2].Interpreter {
			t.Fatalf("members = %+v", list)
		}
		ben.School = "Hill Top Primary"
		if err := db.UpdateMember(ctx, a.id, ben); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Member(ctx, a.id, a.family.ID, ben.ID); got.School != "Hill Top Primary" {
			t.Errorf("school = %q", got.School)
		}
		signals, err := db.CaseloadSignals(ctx, a.id, []string{a.family.ID, a.otherFamily.ID}, time.Time{})
		if kids := signals[a.family.ID].Children; err != nil || len(kids) != 2 || kids[0].Name != "Amy Ash" || kids[1].DateOfBirth != "2020-05-01" ||
			len(signals[a.otherFamily.ID].Children) != 0 {
			t.Errorf("caseload children = %+v, %v; want Amy then Ben, and none in the other family", signals, err)
		}

		// Another organisation cannot add to, read or change this family.
		if _, err := db.AddMember(ctx, b.id, family.Member{FamilyID: a.family.ID, Kind: family.Child, Name: "X", DateOfBirth: "2015-01-01"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("adding to another organisation's family: %v", err)
		}
		if _, err := db.Member(ctx, b.id, a.family.ID, ben.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("reading another organisation's member: %v", err)
		}
		if err := db.UpdateMember(ctx, b.id, ben); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("changing another organisation's member: %v", err)
		}
		if list, _ := db.Members(ctx, b.id, a.family.ID); len(list) != 0 {
			t.Errorf("another organisation listed %d members", len(list))
		}
	})
}

func TestFamilySummaryKeepsHistory(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		first := family.Summary{FamilyID: a.family.ID, Worried: "Amy has missed 12 days of school this term.", AuthorID: a.prac.ID}
		if added, err := db.SaveSummary(ctx, a.id, first); err != nil || !added {
			t.Fatalf("first save: %v %v", added, err)
		}
		if added, err := db.SaveSummary(ctx, a.id, first); err != nil || added {
			t.Errorf("saving the same again added a version: %v %v", added, err)
		}
		second := first
		second.WorkingWell = "Nan walks Amy to school on Mondays."
		if added, err := db.SaveSummary(ctx, a.id, second); err != nil || !added {
			t.Fatalf("second save: %v %v", added, err)
		}
		list, err := db.Summaries(ctx, a.id, a.family.ID, 10)
		if err != nil || len(list) != 2 || list[0].WorkingWell != second.WorkingWell || list[1].WorkingWell != "" || list[0].AuthorName != "prac" {
			t.Fatalf("summaries = %+v, %v", list, err)
		}
		b := newOrg(t, db, "b")
		if _, err := db.SaveSummary(ctx, b.id, first); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation saved a summary: %v", err)
		}
	})
}

func TestFamilyLists(t *testing.T) {
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
		if got, err := db.TeamFamilies(ctx, a.id, a.super.ID); err != nil || len(got) != 1 || got[0].ID != a.family.ID {
			t.Errorf("TeamFamilies = %v, %v", got, err)
		}
		if got, err := db.AllocatedFamilies(ctx, a.id, a.prac.ID); err != nil || len(got) != 1 || got[0].Status != "open" {
			t.Errorf("AllocatedFamilies = %v, %v", got, err)
		}
		if _, err := db.CreateFamily(ctx, a.id, "The 100% Smith_Jones family"); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"family": 3, "FAMILY A": 1, "100%": 1, "h_j": 1, "%": 1, "_": 1, "nobody": 0} {
			if got, err := db.SearchFamilies(ctx, a.id, q, 10); err != nil || len(got) != want {
				t.Errorf("SearchFamilies(%q) found %d, %v; want %d", q, len(got), err, want)
			}
		}
		if got, _ := db.SearchFamilies(ctx, b.id, "Family A", 10); len(got) != 1 || got[0].OrgID != b.id {
			t.Errorf("search crossed organisations: %v", got)
		}
	})
}

func TestContextsConsentsAndStatus(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		cp, err := db.AddContext(ctx, a.id, family.Context{FamilyID: a.family.ID, Kind: family.ChildProtection, StartedOn: "2026-03-01", RecordedBy: a.prac.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddContext(ctx, a.id, family.Context{FamilyID: a.family.ID, Kind: family.EarlyHelp, StartedOn: "2025-01-10", EndedOn: "2026-02-28", RecordedBy: a.prac.ID}); err != nil {
			t.Fatal(err)
		}
		list, err := db.Contexts(ctx, a.id, a.family.ID)
		if err != nil || len(list) != 2 || list[0].ID != cp.ID || list[0].RecordedBy != "prac" {
			t.Fatalf("contexts = %+v, %v; want the continuing plan first", list, err)
		}
		if err := db.EndContext(ctx, a.id, a.family.ID, cp.ID, "2026-01-01"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("ending before the start: %v", err)
		}
		if err := db.EndContext(ctx, a.id, a.family.ID, cp.ID, "2026-11-01"); err != nil {
			t.Fatal(err)
		}
		if err := db.EndContext(ctx, b.id, a.family.ID, cp.ID, "2026-11-02"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation ended a context: %v", err)
		}

		c, err := db.RecordConsent(ctx, a.id, a.prac.ID, family.Consent{FamilyID: a.family.ID, Kind: family.ShareWithGroup, How: family.Spoken, GivenBy: "Sam (mum)"})
		if err != nil {
			t.Fatal(err)
		}
		consents, _ := db.Consents(ctx, a.id, a.family.ID)
		if !family.Holds(consents, family.ShareWithGroup) {
			t.Fatal("the consent does not hold")
		}
		if err := db.WithdrawConsent(ctx, a.id, a.family.ID, c.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		consents, _ = db.Consents(ctx, a.id, a.family.ID)
		if family.Holds(consents, family.ShareWithGroup) || len(consents) != 1 || consents[0].WithdrawnAt == nil {
			t.Errorf("after withdrawal: %+v", consents)
		}
		if err := db.WithdrawConsent(ctx, a.id, a.family.ID, c.ID, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("withdrawing twice: %v", err)
		}
		if got, _ := db.Consents(ctx, b.id, a.family.ID); len(got) != 0 {
			t.Error("another organisation read the consents")
		}

		if err := db.SetFamilyStatus(ctx, a.id, a.family.ID, false, "Work finished: things are safe enough"); err != nil {
			t.Fatal(err)
		}
		if f, _ := db.FamilyInOrg(ctx, a.id, a.family.ID); f.Status != "closed" || f.ClosedReason == "" {
			t.Errorf("after closing: %+v", f)
		}
		if err := db.SetFamilyStatus(ctx, a.id, a.family.ID, true, "ignored"); err != nil {
			t.Fatal(err)
		}
		if f, _ := db.FamilyInOrg(ctx, a.id, a.family.ID); f.Status != "open" || f.ClosedReason != "" {
			t.Errorf("after reopening: %+v", f)
		}
		if err := db.SetFamilyStatus(ctx, b.id, a.family.ID, false, "x"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation closed the family: %v", err)
		}
	})
}

func TestScaleRatings(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		for _, r := range []family.Rating{{Score: 3, View: family.WorkerView}, {Score: 5, View: family.ParentView, Note: "Calmer since the sit-in"}} {
			r.FamilyID = a.family.ID
			if _, err := db.AddRating(ctx, a.id, a.prac.ID, r); err != nil {
				t.Fatal(err)
			}
		}
		list, err := db.Ratings(ctx, a.id, a.family.ID, 50)
		if err != nil || len(list) != 2 || list[0].Score != 5 || list[0].RecordedBy != "prac" {
			t.Fatalf("ratings = %+v, %v", list, err)
		}
		if _, err := db.AddRating(ctx, b.id, b.prac.ID, family.Rating{FamilyID: a.family.ID, Score: 1, View: family.ChildView}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation rated the family: %v", err)
		}
		if _, err := db.AddRating(ctx, a.id, a.prac.ID, family.Rating{FamilyID: a.family.ID, Score: 11, View: family.ChildView}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a rating of 11: %v", err)
		}
	})
}

func TestAllocationHistory(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		if got, _ := db.UnallocatedFamilies(ctx, a.id, 10); len(got) != 2 {
			t.Fatalf("unallocated = %d, want both families", len(got))
		}
		if err := db.Allocate(ctx, a.id, a.family.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.EndAllocation(ctx, a.id, a.family.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.Allocate(ctx, a.id, a.family.ID, a.other.ID); err != nil {
			t.Fatal(err)
		}
		hist, err := db.AllocationHistory(ctx, a.id, a.family.ID)
		if err != nil || len(hist) != 2 || hist[0].PractitionerID != a.other.ID || hist[0].EndedAt != nil || hist[1].EndedAt == nil {
			t.Fatalf("history = %+v, %v; want the current allocation first and the ended one kept", hist, err)
		}
		if got, _ := db.UnallocatedFamilies(ctx, a.id, 10); len(got) != 1 || got[0].ID != a.otherFamily.ID {
			t.Errorf("unallocated = %+v", got)
		}
	})
}
