package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/network"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestParentFamily(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if got, err := db.ParentFamily(ctx, a.parent.Actor()); err != nil || got != a.family.ID {
			t.Errorf("ParentFamily(parent) = %q, %v; want their family", got, err)
		}
		for _, u := range []access.User{a.prac, a.admin, a.cofac} {
			if _, err := db.ParentFamily(ctx, u.Actor()); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("ParentFamily(%s) = %v; want ErrNotFound", u.Role, err)
			}
		}
		// A parent's identity presented in another organisation finds nothing.
		stray := a.parent.Actor()
		stray.OrgID = b.id
		if _, err := db.ParentFamily(ctx, stray); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("ParentFamily(other organisation) = %v; want ErrNotFound", err)
		}
	})
}

func TestSupportNetwork(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		fam := a.family.ID
		jo, err := db.AddSupporter(ctx, a.id, a.parent.ID, network.Supporter{FamilyID: fam, Name: " Auntie Jo ", Relationship: "My sister",
			Contact: "07700 900123", Roles: []network.Role{network.SitIn, network.TelephoneRound}, Agreement: network.Agreed})
		if err != nil || jo.ID == "" || jo.Name != "Auntie Jo" {
			t.Fatalf("AddSupporter = %+v, %v", jo, err)
		}
		bea, err := db.AddSupporter(ctx, a.id, a.parent.ID, network.Supporter{FamilyID: fam, Name: "bea", Agreement: network.NotAsked})
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Supporter(ctx, a.id, fam, jo.ID)
		if err != nil || got.Relationship != "My sister" || got.Contact != "07700 900123" || got.Agreement != network.Agreed ||
			len(got.Roles) != 2 || got.Roles[0] != network.TelephoneRound || got.Roles[1] != network.SitIn || got.CreatedAt.IsZero() {
			t.Errorf("Supporter = %+v, %v", got, err)
		}
		if none, _ := db.Supporter(ctx, a.id, bea.ID, bea.ID); none.ID != "" {
			t.Error("a supporter was found under the wrong family")
		}
		list, err := db.Supporters(ctx, a.id, fam)
		if err != nil || len(list) != 2 || list[0].ID != jo.ID || list[1].ID != bea.ID || len(list[1].Roles) != 0 {
			t.Errorf("Supporters = %+v, %v; want Auntie Jo then bea, by name", list, err)
		}

		// Another family, or another organisation, reaches none of it.
		for _, try := range []struct {
			org, family string
		}{{a.id, a.otherFamily.ID}, {b.id, fam}, {b.id, b.family.ID}} {
			if _, err := db.Supporter(ctx, try.org, try.family, jo.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Supporter from %v = %v; want ErrNotFound", try, err)
			}
			if l, _ := db.Supporters(ctx, try.org, try.family); len(l) != 0 {
				t.Errorf("Supporters from %v = %+v", try, l)
			}
			if err := db.UpdateSupporter(ctx, try.org, network.Supporter{ID: jo.ID, FamilyID: try.family, Name: "X", Agreement: network.SaidNo}); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("UpdateSupporter from %v = %v; want ErrNotFound", try, err)
			}
			if err := db.RemoveSupporter(ctx, try.org, try.family, jo.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("RemoveSupporter from %v = %v; want ErrNotFound", try, err)
			}
			if _, err := db.AddContact(ctx, try.org, a.parent.ID, network.Contact{FamilyID: try.family, SupporterID: jo.ID, On: "2026-01-02", About: "x"}); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("AddContact from %v = %v; want ErrNotFound", try, err)
			}
		}
		if _, err := db.AddSupporter(ctx, b.id, b.parent.ID, network.Supporter{FamilyID: fam, Name: "X", Agreement: network.Agreed}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("AddSupporter to another organisation's family = %v; want ErrNotFound", err)
		}

		// Changing a supporter.
		jo.Agreement, jo.Roles, jo.Contact = network.SaidNo, nil, "jo@example.org"
		if err := db.UpdateSupporter(ctx, a.id, jo); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Supporter(ctx, a.id, fam, jo.ID); got.Agreement != network.SaidNo || len(got.Roles) != 0 || got.Contact != "jo@example.org" {
			t.Errorf("after UpdateSupporter = %+v", got)
		}

		// Contacts, newest first.
		c1, err := db.AddContact(ctx, a.id, a.parent.ID, network.Contact{FamilyID: fam, SupporterID: jo.ID, On: "2026-10-01", About: "Told her about the group"})
		if err != nil {
			t.Fatal(err)
		}
		c2, err := db.AddContact(ctx, a.id, a.parent.ID, network.Contact{FamilyID: fam, SupporterID: bea.ID, On: "2026-10-05", About: "Asked about Friday"})
		if err != nil {
			t.Fatal(err)
		}
		all, err := db.Contacts(ctx, a.id, fam, "", 10)
		if err != nil || len(all) != 2 || all[0].ID != c2.ID || all[1].ID != c1.ID {
			t.Errorf("Contacts = %+v, %v", all, err)
		}
		jos, _ := db.Contacts(ctx, a.id, fam, jo.ID, 10)
		if len(jos) != 1 || jos[0].About != "Told her about the group" || jos[0].On != "2026-10-01" {
			t.Errorf("Jo's contacts = %+v", jos)
		}
		if _, err := db.Contact(ctx, a.id, fam, bea.ID, c1.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Contact under the wrong supporter = %v; want ErrNotFound", err)
		}
		if err := db.RemoveContact(ctx, b.id, fam, bea.ID, c2.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("RemoveContact from another organisation = %v; want ErrNotFound", err)
		}

		// A telephone round: calls keep the supporter's name; a supporter
		// of another family cannot be called in it.
		other, err := db.AddSupporter(ctx, a.id, a.parent.ID, network.Supporter{FamilyID: a.otherFamily.ID, Name: "Someone else's", Agreement: network.Agreed})
		if err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 10, 6, 21, 30, 0, 0, time.UTC)
		round := network.Round{FamilyID: fam, At: at, Why: "Sam was not home by nine", Calls: []network.Call{
			{SupporterID: jo.ID, Name: "typed", Outcome: network.ReachedHelped, Note: "She drove round"},
			{},
			{Name: " Kai's mum ", Outcome: network.NoAnswer},
		}}
		bad := round
		bad.Calls = []network.Call{{SupporterID: other.ID, Outcome: network.NoAnswer}}
		if _, err := db.AddRound(ctx, a.id, a.parent.ID, bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a round calling another family's supporter = %v; want ErrNotFound", err)
		}
		r, err := db.AddRound(ctx, a.id, a.parent.ID, round)
		if err != nil {
			t.Fatal(err)
		}
		earlier := network.Round{FamilyID: fam, At: at.AddDate(0, 0, -7), Why: "To show him we care", Calls: []network.Call{{SupporterID: bea.ID, Outcome: network.OtherOutcome, Note: "Will ring him tomorrow"}}}
		r0, err := db.AddRound(ctx, a.id, a.parent.ID, earlier)
		if err != nil {
			t.Fatal(err)
		}
		rounds, err := db.Rounds(ctx, a.id, fam, 10)
		if err != nil || len(rounds) != 2 || rounds[0].ID != r.ID || rounds[1].ID != r0.ID {
			t.Fatalf("Rounds = %+v, %v", rounds, err)
		}
		g := rounds[0]
		if !g.At.Equal(at) || g.Why != "Sam was not home by nine" || len(g.Calls) != 2 ||
			g.Calls[0] != (network.Call{SupporterID: jo.ID, Name: "Auntie Jo", Outcome: network.ReachedHelped, Note: "She drove round"}) ||
			g.Calls[1] != (network.Call{Name: "Kai's mum", Outcome: network.NoAnswer}) {
			t.Errorf("round = %+v", g)
		}
		if one, err := db.Round(ctx, a.id, fam, r0.ID); err != nil || len(one.Calls) != 1 || one.Calls[0].Name != "bea" {
			t.Errorf("Round = %+v, %v", one, err)
		}
		if _, err := db.Round(ctx, a.id, a.otherFamily.ID, r.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Round from another family = %v; want ErrNotFound", err)
		}
		if _, err := db.Round(ctx, b.id, fam, r.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Round from another organisation = %v; want ErrNotFound", err)
		}
		if l, _ := db.Rounds(ctx, a.id, a.otherFamily.ID, 10); len(l) != 0 {
			t.Errorf("another family's rounds = %+v", l)
		}

		// Removing a supporter removes their contacts; the round keeps
		// their name, no longer linked.
		if err := db.RemoveSupporter(ctx, a.id, fam, jo.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Supporter(ctx, a.id, fam, jo.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removed supporter = %v", err)
		}
		if l, _ := db.Contacts(ctx, a.id, fam, "", 10); len(l) != 1 || l[0].ID != c2.ID {
			t.Errorf("contacts after removal = %+v", l)
		}
		if kept, _ := db.Round(ctx, a.id, fam, r.ID); len(kept.Calls) != 2 || kept.Calls[0].Name != "Auntie Jo" || kept.Calls[0].SupporterID != "" {
			t.Errorf("round after removal = %+v", kept)
		}
		if err := db.RemoveContact(ctx, a.id, fam, bea.ID, c2.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.RemoveContact(ctx, a.id, fam, bea.ID, c2.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing a contact twice = %v", err)
		}
	})
}

func TestSupportNetworkIsBounded(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		for i := range network.MaxSupporters {
			if _, err := db.AddSupporter(ctx, a.id, a.parent.ID, network.Supporter{FamilyID: a.family.ID, Name: "S", Agreement: network.NotAsked}); err != nil {
				t.Fatalf("supporter %d: %v", i+1, err)
			}
		}
		_, err := db.AddSupporter(ctx, a.id, a.parent.ID, network.Supporter{FamilyID: a.family.ID, Name: "One more", Agreement: network.NotAsked})
		if !errors.Is(err, store.ErrNetworkFull) || !errors.Is(err, store.ErrConflict) {
			t.Errorf("one supporter too many = %v; want ErrNetworkFull", err)
		}
	})
}
