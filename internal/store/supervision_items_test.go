package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

func TestSendToSupervision(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		item := supervision.Item{PractitionerID: a.prac.ID, FamilyID: a.family.ID, Kind: supervision.ConversationDebrief, ItemID: "debrief-1", Note: "  How to raise the school worries  "}
		sent, err := db.SendToSupervision(ctx, a.id, item)
		if err != nil {
			t.Fatal(err)
		}
		again, err := db.SendToSupervision(ctx, a.id, item)
		if err != nil || again.ID != sent.ID {
			t.Errorf("sending again = %+v, %v; want the waiting item %s", again, err, sent.ID)
		}
		waiting, err := db.WaitingSupervisionItems(ctx, a.id, a.prac.ID)
		if err != nil || len(waiting) != 1 {
			t.Fatalf("waiting = %+v, %v; want one item", waiting, err)
		}
		if w := waiting[0]; w.Kind != supervision.ConversationDebrief || w.ItemID != "debrief-1" || w.FamilyID != a.family.ID || w.Note != "How to raise the school worries" || w.SentAt.IsZero() {
			t.Errorf("waiting item = %+v", w)
		}
		if ok, err := db.SentToSupervision(ctx, a.id, a.prac.ID, supervision.ConversationDebrief, "debrief-1"); err != nil || !ok {
			t.Errorf("SentToSupervision = %v, %v; want true", ok, err)
		}
		if ok, _ := db.SentToSupervision(ctx, a.id, a.prac.ID, supervision.ConversationPlan, "debrief-1"); ok {
			t.Error("a plan with that id was never sent")
		}

		// Another organisation's family, or a supervisor as the practitioner, is refused.
		bad := item
		bad.FamilyID = b.family.ID
		if _, err := db.SendToSupervision(ctx, a.id, bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's family: %v", err)
		}
		bad = item
		bad.PractitionerID = a.super.ID
		if _, err := db.SendToSupervision(ctx, a.id, bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a supervisor as the practitioner: %v", err)
		}
		bad = item
		bad.Kind = "gossip"
		if _, err := db.SendToSupervision(ctx, a.id, bad); err == nil {
			t.Error("an unknown kind was accepted")
		}
		if other, _ := db.WaitingSupervisionItems(ctx, b.id, a.prac.ID); len(other) != 0 {
			t.Error("another organisation read the items")
		}
	})
}
