package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestCaseloadSignals(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		seen := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
		last := time.Date(2026, 3, 9, 10, 30, 0, 0, time.UTC)
		var call family.Note
		for _, n := range []family.Note{
			{OccurredAt: seen, Kind: family.HomeVisit, ChildSeen: family.SeenAlone, Body: "visit"},
			{OccurredAt: last, Kind: family.Phone, ChildSeen: family.NotSeen, Body: "call"},
			{OccurredAt: seen.AddDate(0, 0, -30), Kind: family.School, ChildSeen: family.SeenWithOthers, Body: "an older visit"},
		} {
			n.FamilyID, n.AuthorID = a.family.ID, a.prac.ID
			saved, err := db.SaveNote(ctx, a.id, n)
			if err != nil {
				t.Fatal(err)
			}
			if n.Body == "call" {
				call = saved
			}
		}
		for _, c := range []family.Context{
			{Kind: family.ChildInNeed, StartedOn: "2025-01-01", EndedOn: "2025-12-31"},
			{Kind: family.ChildProtection, StartedOn: "2026-01-01", Detail: "Plan agreed at conference"},
		} {
			c.FamilyID, c.RecordedBy = a.family.ID, a.prac.ID
			if _, err := db.AddContext(ctx, a.id, c); err != nil {
				t.Fatal(err)
			}
		}
		consent, err := db.RecordConsent(ctx, a.id, a.prac.ID, family.Consent{FamilyID: a.family.ID, Kind: family.ShareWithGroup, How: family.Spoken, GivenBy: "Mum"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.WithdrawConsent(ctx, a.id, a.family.ID, consent.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RecordBreakGlass(ctx, a.id, a.otherFamily.ID, a.other.ID, "Duty call about the children"); err != nil {
			t.Fatal(err)
		}

		since := db.Now().Add(-family.AlertWindow)
		got, err := db.CaseloadSignals(ctx, a.id, []string{a.family.ID, a.otherFamily.ID, b.family.ID}, since)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got[b.family.ID]; ok {
			t.Error("another organisation's family was read")
		}
		s := got[a.family.ID]
		if !s.LastContact.Equal(last) || !s.LastSeen.Equal(seen) {
			t.Errorf("last contact %v, last seen %v; want %v and %v", s.LastContact, s.LastSeen, last, seen)
		}
		if len(s.Contexts) != 1 || s.Contexts[0].Kind != family.ChildProtection || s.Contexts[0].Detail != "Plan agreed at conference" {
			t.Errorf("contexts = %+v; want only the current child protection plan", s.Contexts)
		}
		if s.ConsentWithdrawn.IsZero() || !s.OpenedWithReason.IsZero() {
			t.Errorf("withdrawn %v, opened %v; want a recent withdrawal and no break-glass", s.ConsentWithdrawn, s.OpenedWithReason)
		}
		o := got[a.otherFamily.ID]
		if !o.LastContact.IsZero() || !o.LastSeen.IsZero() || len(o.Contexts) != 0 || o.OpenedWithReason.IsZero() {
			t.Errorf("other family's signals = %+v; want only the break-glass opening", o)
		}
		later, err := db.CaseloadSignals(ctx, a.id, []string{a.family.ID, a.otherFamily.ID}, db.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if !later[a.family.ID].ConsentWithdrawn.IsZero() || !later[a.otherFamily.ID].OpenedWithReason.IsZero() {
			t.Error("changes before the window's start were reported")
		}
		// A note corrected to an earlier date no longer counts as the last contact.
		call.OccurredAt = seen.AddDate(0, 0, -1)
		if _, err := db.SaveNote(ctx, a.id, call); err != nil {
			t.Fatal(err)
		}
		moved, err := db.CaseloadSignals(ctx, a.id, []string{a.family.ID}, since)
		if err != nil || !moved[a.family.ID].LastContact.Equal(seen) {
			t.Errorf("after moving the call earlier, last contact = %v, %v; want %v", moved[a.family.ID].LastContact, err, seen)
		}
		if empty, err := db.CaseloadSignals(ctx, a.id, nil, since); err != nil || len(empty) != 0 {
			t.Errorf("no families: %v, %v", empty, err)
		}
	})
}

func TestPractitionerAndTeamCaseload(t *testing.T) {
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
		if _, err := db.AddMember(ctx, a.id, family.Member{FamilyID: a.family.ID, Kind: family.Child, Name: "Amy Ash", DateOfBirth: "2013-09-14"}); err != nil {
			t.Fatal(err)
		}
		seen := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
		if _, err := db.SaveNote(ctx, a.id, family.Note{FamilyID: a.family.ID, AuthorID: a.prac.ID, OccurredAt: seen, Kind: family.HomeVisit,
			ChildSeen: family.SeenAlone, Body: "visit"}); err != nil {
			t.Fatal(err)
		}
		since := db.Now().Add(-family.AlertWindow)
		for name, read := range map[string]func() ([]store.Family, map[string]family.Signals, error){
			"practitioner": func() ([]store.Family, map[string]family.Signals, error) {
				return db.PractitionerCaseload(ctx, a.id, a.prac.ID, since)
			},
			"team": func() ([]store.Family, map[string]family.Signals, error) {
				return db.TeamCaseload(ctx, a.id, a.super.ID, since)
			},
		} {
			families, signals, err := read()
			if err != nil || len(families) != 1 || families[0].ID != a.family.ID || families[0].Name != "Family A" {
				t.Fatalf("%s caseload = %+v, %v; want Family A alone", name, families, err)
			}
			s := signals[a.family.ID]
			if !s.LastSeen.Equal(seen) || len(s.Children) != 1 || s.Children[0].Name != "Amy Ash" {
				t.Errorf("%s caseload signals = %+v; want the visit and Amy", name, s)
			}
		}
		// Another organisation, or another practitioner, sees none of it.
		if families, _, err := db.PractitionerCaseload(ctx, b.id, a.prac.ID, since); err != nil || len(families) != 0 {
			t.Errorf("another organisation's caseload = %+v, %v", families, err)
		}
		if families, _, err := db.PractitionerCaseload(ctx, a.id, a.other.ID, since); err != nil || len(families) != 0 {
			t.Errorf("another practitioner's caseload = %+v, %v", families, err)
		}
	})
}
