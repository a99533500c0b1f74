package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// testPlan is a plan about org a's family, by its practitioner.
func testPlan(a org) conversation.Plan {
	return conversation.Plan{FamilyID: a.family.ID, AuthorID: a.prac.ID, PlannedFor: "2026-12-03", With: "Mum",
		Purpose: "Agree the health visits", Worries: "Three health visits missed since September", Opening: "I'd like to talk about Amy's health visits.",
		Responses: []conversation.Response{
			{Pattern: conversation.Avoidance, TheyMight: "Ends the call", IWill: "Offer to meet at Nan's"},
			{}, // a spare row of the form, dropped
			{Pattern: conversation.Confrontation, TheyMight: "Says we only ever see the bad", IWill: "Name what is working well first"},
		}}
}

func TestConversationPlansKeepVersions(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		p, added, err := db.SavePlan(ctx, a.id, testPlan(a))
		if err != nil || !added || p.ID == "" || p.Version != 1 || len(p.Responses) != 2 {
			t.Fatalf("SavePlan = %+v, %v, %v", p, added, err)
		}
		got, err := db.Plan(ctx, a.id, a.family.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Purpose != "Agree the health visits" || got.PlannedFor != "2026-12-03" || got.With != "Mum" || got.AuthorName != "prac" ||
			len(got.Responses) != 2 || got.Responses[1].Pattern != conversation.Confrontation || got.Responses[1].IWill != "Name what is working well first" ||
			got.State() != conversation.Planned || got.RecordedAt.IsZero() || !got.CreatedAt.Equal(got.RecordedAt) {
			t.Errorf("Plan = %+v", got)
		}

		// Saving the same again adds nothing; a change adds a version.
		same, added, err := db.SavePlan(ctx, a.id, got)
		if err != nil || added || same.Version != 1 {
			t.Errorf("saving an unchanged plan = %+v, %v, %v; want version 1 kept", same, added, err)
		}
		changed := got
		changed.AuthorID = a.other.ID
		changed.Worries = "Three health visits missed since September, and a rash seen twice at nursery"
		changed.Responses = changed.Responses[:1]
		v2, added, err := db.SavePlan(ctx, a.id, changed)
		if err != nil || !added || v2.Version != 2 {
			t.Fatalf("second version = %+v, %v, %v", v2, added, err)
		}
		versions, err := db.PlanVersions(ctx, a.id, a.family.ID, p.ID)
		if err != nil || len(versions) != 2 {
			t.Fatalf("PlanVersions = %+v, %v", versions, err)
		}
		if versions[0].Version != 2 || versions[0].AuthorName != "other" || len(versions[0].Responses) != 1 ||
			versions[1].Worries != "Three health visits missed since September" || len(versions[1].Responses) != 2 || versions[1].AuthorName != "prac" {
			t.Errorf("versions = %+v", versions)
		}
		cur, _ := db.Plan(ctx, a.id, a.family.ID, p.ID)
		if cur.Version != 2 || cur.Worries != changed.Worries || !cur.CreatedAt.Equal(got.CreatedAt) {
			t.Errorf("current plan = %+v", cur)
		}

		// A second plan lists first.
		second := testPlan(a)
		second.Purpose = "Plan the review meeting"
		p2, _, err := db.SavePlan(ctx, a.id, second)
		if err != nil {
			t.Fatal(err)
		}
		list, err := db.Plans(ctx, a.id, a.family.ID, 50)
		if err != nil || len(list) != 2 || list[0].ID != p2.ID || list[1].ID != p.ID {
			t.Errorf("Plans = %+v, %v; want the newest first", list, err)
		}
		if other, _ := db.Plans(ctx, a.id, a.otherFamily.ID, 50); len(other) != 0 {
			t.Error("another family's list holds the plans")
		}
	})
}

func TestConversationDebriefKeepsVersions(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		p, _, err := db.SavePlan(ctx, a.id, testPlan(a))
		if err != nil {
			t.Fatal(err)
		}
		d := conversation.Debrief{PlanID: p.ID, HeldOn: "2026-12-03", HowItWent: "Calmer than I feared", FamilySaid: "I'm sick of being judged",
			HowIFelt: "Tense at first", NextSteps: "I will book the health visit by Friday", AuthorID: a.prac.ID}
		saved, added, err := db.SaveDebrief(ctx, a.id, a.family.ID, d)
		if err != nil || !added || saved.Version != 1 {
			t.Fatalf("SaveDebrief = %+v, %v, %v", saved, added, err)
		}
		got, err := db.Plan(ctx, a.id, a.family.ID, p.ID)
		if err != nil || got.State() != conversation.Debriefed || got.Debrief.FamilySaid != "I'm sick of being judged" ||
			got.Debrief.AuthorName != "prac" || got.Debrief.Version != 1 || got.Debrief.RecordedAt.IsZero() {
			t.Fatalf("debriefed plan = %+v (%+v), %v", got, got.Debrief, err)
		}
		if _, added, _ := db.SaveDebrief(ctx, a.id, a.family.ID, d); added {
			t.Error("an unchanged debrief added a version")
		}
		d.NextSteps = "Nan will bring Amy to the health visit on Friday"
		if v2, added, err := db.SaveDebrief(ctx, a.id, a.family.ID, d); err != nil || !added || v2.Version != 2 {
			t.Fatalf("second debrief = %+v, %v, %v", v2, added, err)
		}
		versions, err := db.DebriefVersions(ctx, a.id, a.family.ID, p.ID)
		if err != nil || len(versions) != 2 || versions[0].Version != 2 || versions[1].NextSteps != "I will book the health visit by Friday" {
			t.Errorf("DebriefVersions = %+v, %v", versions, err)
		}
		// Changing the plan keeps its debrief.
		got.Support = "A joint visit"
		if _, _, err := db.SavePlan(ctx, a.id, got); err != nil {
			t.Fatal(err)
		}
		if cur, _ := db.Plan(ctx, a.id, a.family.ID, p.ID); cur.Debrief == nil || cur.Debrief.Version != 2 || cur.Version != 2 {
			t.Errorf("after changing the plan: %+v", cur)
		}
		if list, _ := db.Plans(ctx, a.id, a.family.ID, 10); len(list) != 1 || list[0].State() != conversation.Debriefed {
			t.Errorf("the list does not show the plan debriefed: %+v", list)
		}
	})
}

// TestConversationPlansStayInTheirOrganisation: another organisation can
// never read or write a family's plans or debriefs, nor can a plan be read
// or changed through another family's address.
func TestConversationPlansStayInTheirOrganisation(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		p, _, err := db.SavePlan(ctx, a.id, testPlan(a))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.SaveDebrief(ctx, a.id, a.family.ID, conversation.Debrief{PlanID: p.ID, HeldOn: "2026-12-03", HowItWent: "Well",
			NextSteps: "Visit", AuthorID: a.prac.ID}); err != nil {
			t.Fatal(err)
		}

		// Another organisation, naming a's family.
		if _, err := db.Plan(ctx, b.id, a.family.ID, p.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation read the plan: %v", err)
		}
		if list, _ := db.Plans(ctx, b.id, a.family.ID, 10); len(list) != 0 {
			t.Error("another organisation listed the plans")
		}
		if v, _ := db.PlanVersions(ctx, b.id, a.family.ID, p.ID); len(v) != 0 {
			t.Error("another organisation read the plan's versions")
		}
		if v, _ := db.DebriefVersions(ctx, b.id, a.family.ID, p.ID); len(v) != 0 {
			t.Error("another organisation read the debrief's versions")
		}
		newPlan := testPlan(a)
		newPlan.AuthorID = b.prac.ID
		if _, _, err := db.SavePlan(ctx, b.id, newPlan); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation wrote a plan on a's family: %v", err)
		}
		change := p
		change.AuthorID, change.Worries = b.prac.ID, "Overwritten"
		if _, _, err := db.SavePlan(ctx, b.id, change); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation changed the plan: %v", err)
		}
		if _, _, err := db.SaveDebrief(ctx, b.id, a.family.ID, conversation.Debrief{PlanID: p.ID, HeldOn: "2026-12-04", HowItWent: "x",
			NextSteps: "y", AuthorID: b.prac.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation debriefed the plan: %v", err)
		}
		// Another organisation's own family, naming a's plan.
		change.FamilyID = b.family.ID
		if _, _, err := db.SavePlan(ctx, b.id, change); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a's plan was changed through b's family: %v", err)
		}
		if _, err := db.Plan(ctx, b.id, b.family.ID, p.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a's plan was read through b's family: %v", err)
		}

		// The same organisation, through another of its families.
		if _, err := db.Plan(ctx, a.id, a.otherFamily.ID, p.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the plan was read through another family: %v", err)
		}
		change = p
		change.FamilyID, change.Worries = a.otherFamily.ID, "Moved"
		if _, _, err := db.SavePlan(ctx, a.id, change); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the plan was changed through another family: %v", err)
		}
		if _, _, err := db.SaveDebrief(ctx, a.id, a.otherFamily.ID, conversation.Debrief{PlanID: p.ID, HeldOn: "2026-12-04", HowItWent: "x",
			NextSteps: "y", AuthorID: a.prac.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the plan was debriefed through another family: %v", err)
		}

		// Nothing changed.
		cur, err := db.Plan(ctx, a.id, a.family.ID, p.ID)
		if err != nil || cur.Version != 1 || cur.Worries != p.Worries || cur.Debrief == nil || cur.Debrief.Version != 1 {
			t.Errorf("after the refused writes: %+v, %v", cur, err)
		}
	})
}
