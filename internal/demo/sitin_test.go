package demo_test

import (
	"context"
	"testing"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/network"
)

// TestDemoSitInAndSupporters checks the demo parent has a sit-in done
// about ten days ago, answering one of their own earlier hard moments, and
// a support network: supporters with roles and answers, contacts, and a
// telephone round.
func TestDemoSitInAndSupporters(t *testing.T) {
	res, db := generate(t, 5)
	ctx := context.Background()
	var familyID, email string
	for _, a := range res.SignIns {
		if a.Role == "parent" {
			familyID, email = a.FamilyID, a.Email
		}
	}
	parent, err := db.UserByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	orgID := parent.OrgID
	sitIns, err := db.SitIns(ctx, orgID, familyID, 10)
	if err != nil || len(sitIns) != 1 {
		t.Fatalf("the demo parent's sit-ins = %+v, %v; want one", sitIns, err)
	}
	s := sitIns[0]
	moment, err := db.JournalEntry(ctx, orgID, familyID, s.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	if p := s.DoneProblems(db.Now(), &moment); s.Status != journal.SitInDone || len(p) != 0 || s.Proposal == "" {
		t.Errorf("the demo sit-in = %+v, problems %v; want one done, by the rules, with a proposal", s, p)
	}
	if ago := db.Now().Sub(s.DoneAt).Hours() / 24; ago < 9 || ago > 11 {
		t.Errorf("the demo sit-in was done %.1f days ago; want about ten", ago)
	}
	supporters, err := db.Supporters(ctx, orgID, familyID)
	if err != nil || len(supporters) < 3 || len(supporters) > 4 {
		t.Fatalf("the demo parent's supporters = %d, %v; want three or four", len(supporters), err)
	}
	var nan, agreed bool
	for _, sp := range supporters {
		if len(sp.Problems()) != 0 || len(sp.Roles) == 0 {
			t.Errorf("demo supporter %+v has problems %v or no roles", sp, sp.Problems())
		}
		nan = nan || sp.Name == "Nan" && sp.Has(network.SitIn)
		agreed = agreed || sp.Agreement == network.Agreed
	}
	if !nan || !agreed {
		t.Error("the demo network lacks Nan, ready to be at a sit-in, or anyone who has agreed")
	}
	if contacts, err := db.Contacts(ctx, orgID, familyID, "", 10); err != nil || len(contacts) < 1 {
		t.Errorf("the demo contacts = %d, %v; want a contact or two", len(contacts), err)
	}
	if rounds, err := db.Rounds(ctx, orgID, familyID, 10); err != nil || len(rounds) != 1 || len(rounds[0].Calls) < 2 {
		t.Errorf("the demo telephone rounds = %+v, %v; want one with its calls", rounds, err)
	}
}
