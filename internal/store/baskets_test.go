package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestBaskets(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		fam := a.family.ID
		add := func(what string, basket journal.Basket) (journal.Behaviour, error) {
			return db.AddBehaviour(ctx, a.id, a.parent.ID, journal.Behaviour{FamilyID: fam, What: what, Basket: basket})
		}
		hit, err := add(" Hitting their brother ", journal.MustResist)
		if err != nil || hit.What != "Hitting their brother" {
			t.Fatalf("AddBehaviour = %+v, %v", hit, err)
		}
		swear, err := add("Swearing", journal.Negotiable)
		if err != nil {
			t.Fatal(err)
		}
		room, err := add("Untidy room", journal.Negotiable)
		if err != nil {
			t.Fatal(err)
		}
		// The same behaviour cannot go in a second basket, whatever its case.
		if _, err := add("untidy  ROOM", journal.LetGo); !errors.Is(err, store.ErrAlreadyExists) {
			t.Errorf("the same behaviour twice = %v; want ErrAlreadyExists", err)
		}
		// Another family may sort the same words.
		if _, err := db.AddBehaviour(ctx, a.id, a.parent.ID, journal.Behaviour{FamilyID: a.otherFamily.ID, What: "Untidy room", Basket: journal.LetGo}); err != nil {
			t.Errorf("another family's behaviour = %v", err)
		}
		if err := db.MoveBehaviour(ctx, a.id, fam, a.parent.ID, room.ID, journal.LetGo); err != nil {
			t.Fatal(err)
		}
		if err := db.MoveBehaviour(ctx, a.id, fam, a.parent.ID, room.ID, journal.LetGo); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a move to the same basket = %v; want ErrConflict", err)
		}
		if err := db.RemoveBehaviour(ctx, a.id, fam, a.parent.ID, swear.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Behaviour(ctx, a.id, fam, swear.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a behaviour taken off = %v; want ErrNotFound", err)
		}
		got, err := db.Behaviour(ctx, a.id, fam, room.ID)
		if err != nil || got.Basket != journal.LetGo {
			t.Errorf("Behaviour = %+v, %v", got, err)
		}
		list, err := db.Behaviours(ctx, a.id, fam)
		if err != nil || len(list) != 2 || list[0].ID != hit.ID || list[1].ID != room.ID {
			t.Errorf("Behaviours = %+v, %v", list, err)
		}
		moves, err := db.BasketMoves(ctx, a.id, fam, 10)
		want := []journal.Move{
			{BehaviourID: swear.ID, What: "Swearing", From: journal.Negotiable},
			{BehaviourID: room.ID, What: "Untidy room", From: journal.Negotiable, To: journal.LetGo},
			{BehaviourID: room.ID, What: "Untidy room", To: journal.Negotiable},
			{BehaviourID: swear.ID, What: "Swearing", To: journal.Negotiable},
			{BehaviourID: hit.ID, What: "Hitting their brother", To: journal.MustResist},
		}
		if err != nil || len(moves) != len(want) {
			t.Fatalf("BasketMoves = %+v, %v", moves, err)
		}
		for i, m := range moves {
			if m.BehaviourID != want[i].BehaviourID || m.What != want[i].What || m.From != want[i].From || m.To != want[i].To || m.At.IsZero() {
				t.Errorf("move %d = %+v; want %+v", i, m, want[i])
			}
		}
		// Taken off, the words can be put back in any basket.
		if _, err := add("swearing", journal.MustResist); err != nil {
			t.Errorf("putting a behaviour back = %v", err)
		}

		// Another family, or another organisation, reaches none of it.
		for _, try := range []struct{ org, family string }{{a.id, a.otherFamily.ID}, {b.id, fam}, {b.id, b.family.ID}} {
			if _, err := db.Behaviour(ctx, try.org, try.family, hit.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Behaviour from %v = %v; want ErrNotFound", try, err)
			}
			if err := db.MoveBehaviour(ctx, try.org, try.family, a.parent.ID, hit.ID, journal.LetGo); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("MoveBehaviour from %v = %v; want ErrNotFound", try, err)
			}
			if err := db.RemoveBehaviour(ctx, try.org, try.family, a.parent.ID, hit.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("RemoveBehaviour from %v = %v; want ErrNotFound", try, err)
			}
			if try.family != a.otherFamily.ID {
				if l, _ := db.Behaviours(ctx, try.org, try.family); len(l) != 0 {
					t.Errorf("Behaviours from %v = %+v", try, l)
				}
			}
			if m, _ := db.BasketMoves(ctx, try.org, try.family, 10); len(m) > 1 {
				t.Errorf("BasketMoves from %v = %+v", try, m)
			}
		}
		if got, _ := db.Behaviour(ctx, a.id, fam, hit.ID); got.Basket != journal.MustResist {
			t.Errorf("another family moved the behaviour: %+v", got)
		}
	})
}
