package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestAnnouncements(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if _, err := db.CurrentAnnouncement(ctx, a.id, a.family.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("before any announcement: %v; want ErrNotFound", err)
		}
		parts := journal.AnnouncementParts{NoLonger: "No more hitting."}
		draft, err := db.SaveAnnouncement(ctx, a.id, a.parent.ID, journal.Announcement{FamilyID: a.family.ID, Status: journal.Draft, Parts: parts, Text: parts.Text()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveAnnouncement(ctx, b.id, b.parent.ID, journal.Announcement{FamilyID: a.family.ID, Status: journal.Draft, Text: "x"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's family: %v; want ErrNotFound", err)
		}
		if err := db.CommentOnAnnouncement(ctx, a.id, a.otherFamily.ID, draft.ID, a.prac.ID, "Wrong family"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a comment through another family: %v; want ErrNotFound", err)
		}
		if err := db.CommentOnAnnouncement(ctx, a.id, a.family.ID, draft.ID, a.prac.ID, " Add a caring line. "); err != nil {
			t.Fatal(err)
		}
		draft.Status, draft.Text = journal.Final, "I love you.\n\nNo more hitting."
		if _, err := db.SaveAnnouncement(ctx, a.id, a.parent.ID, draft); err != nil {
			t.Fatal(err)
		}
		draft.Status, draft.DeliveredOn, draft.Present = journal.Delivered, "2026-11-20", "Jay"
		if _, err := db.SaveAnnouncement(ctx, a.id, a.parent.ID, draft); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveAnnouncement(ctx, a.id, a.parent.ID, draft); !errors.Is(err, store.ErrConflict) {
			t.Errorf("changing a delivered announcement: %v; want ErrConflict", err)
		}
		got, err := db.CurrentAnnouncement(ctx, a.id, a.family.ID)
		if err != nil || got.Status != journal.Delivered || got.Text != "I love you.\n\nNo more hitting." || got.Present != "Jay" || got.Parts.NoLonger != "No more hitting." {
			t.Errorf("CurrentAnnouncement = %+v, %v", got, err)
		}
		versions, err := db.AnnouncementVersions(ctx, a.id, draft.ID)
		if err != nil || len(versions) != 3 || versions[0].Status != journal.Draft || versions[2].Status != journal.Delivered || versions[0].SavedByName != "parent" {
			t.Errorf("versions = %+v, %v", versions, err)
		}
		comments, err := db.AnnouncementComments(ctx, a.id, draft.ID)
		if err != nil || len(comments) != 1 || comments[0].Body != "Add a caring line." || comments[0].AuthorName != "prac" {
			t.Errorf("comments = %+v, %v", comments, err)
		}
		if _, err := db.CurrentAnnouncement(ctx, b.id, a.family.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("read from another organisation: %v; want ErrNotFound", err)
		}
	})
}
