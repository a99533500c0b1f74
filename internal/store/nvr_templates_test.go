package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func shippedGroup(t *testing.T) nvr.Template {
	t.Helper()
	tpl, ok, err := nvr.ShippedTemplate("steadfast-group-12-week")
	if err != nil || !ok {
		t.Fatalf("shipped group template: %v, %v", ok, err)
	}
	return tpl
}

func TestTemplatesCopyAndVersions(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		shipped := shippedGroup(t)
		copied, err := db.CopyTemplate(ctx, a.id, a.super.ID, "Our twelve weeks", shipped)
		if err != nil {
			t.Fatal(err)
		}
		if copied.ID == "" || copied.Version != 1 || copied.OrgID != a.id || copied.CopiedFrom != shipped.ID || copied.CopiedFromVersion != 1 {
			t.Fatalf("CopyTemplate = %+v", copied)
		}
		got, err := db.Template(ctx, a.id, copied.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Our twelve weeks" || got.Kind != nvr.Group || got.Description != shipped.Description || len(got.Sessions) != 12 ||
			got.Sessions[5].Title != shipped.Sessions[5].Title || got.Sessions[5].Handout != shipped.Sessions[5].Handout ||
			got.Sessions[0].Plan[0] != shipped.Sessions[0].Plan[0] || got.Sessions[0].Elements[0] != nvr.LookingAfterYourself ||
			got.SavedBy != a.super.ID || got.SavedAt.IsZero() || got.CopiedFrom != shipped.ID {
			t.Errorf("Template = %+v", got)
		}

		// Saving it unchanged adds nothing; a change adds version 2.
		same, added, err := db.SaveTemplate(ctx, a.id, got)
		if err != nil || added || same.Version != 1 {
			t.Errorf("unchanged save = v%d, %v, %v; want version 1 kept", same.Version, added, err)
		}
		edit := got
		edit.SavedBy = a.admin.ID
		edit.Sessions = append([]nvr.Session(nil), got.Sessions...)
		edit.Sessions[0].Title = "Welcome, and getting to know each other"
		edit.Sessions = append(edit.Sessions, nvr.Session{Title: "Supporters' evening", Elements: []nvr.Element{nvr.Supporters},
			Plan: []nvr.Activity{{Minutes: 90, What: "Meeting the supporters"}, {}}})
		v2, added, err := db.SaveTemplate(ctx, a.id, edit)
		if err != nil || !added || v2.Version != 2 || len(v2.Sessions) != 13 || len(v2.Sessions[12].Plan) != 1 {
			t.Fatalf("second version = %+v, %v, %v", v2, added, err)
		}

		// The latest is version 2; version 1 is unchanged and still readable.
		latest, _ := db.Template(ctx, a.id, copied.ID)
		if latest.Version != 2 || latest.Sessions[0].Title != "Welcome, and getting to know each other" || latest.SavedBy != a.admin.ID {
			t.Errorf("latest = v%d %q", latest.Version, latest.Sessions[0].Title)
		}
		v1, err := db.TemplateAt(ctx, a.id, copied.ID, 1)
		if err != nil || v1.Version != 1 || len(v1.Sessions) != 12 || v1.Sessions[0].Title != shipped.Sessions[0].Title {
			t.Errorf("version 1 = %+v, %v", v1, err)
		}
		if _, err := db.TemplateAt(ctx, a.id, copied.ID, 3); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("version 3 = %v; want ErrNotFound", err)
		}
		history, err := db.TemplateVersions(ctx, a.id, copied.ID)
		if err != nil || len(history) != 2 || history[0].Version != 2 || history[0].SavedByName != "admin" || history[1].SavedByName != "super" {
			t.Errorf("TemplateVersions = %+v, %v", history, err)
		}

		// An edit made from version 1 now clashes with version 2.
		stale := got
		stale.Name = "Stale"
		if _, _, err := db.SaveTemplate(ctx, a.id, stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("saving from an old version = %v; want ErrConflict", err)
		}

		// Copying our own template remembers the version copied.
		again, err := db.CopyTemplate(ctx, a.id, a.super.ID, "Our twelve weeks, shorter", latest)
		if err != nil || again.CopiedFrom != copied.ID || again.CopiedFromVersion != 2 || len(again.Sessions) != 13 {
			t.Errorf("copy of our own = %+v, %v", again, err)
		}
		list, err := db.Templates(ctx, a.id)
		if err != nil || len(list) != 2 || list[0].ID != copied.ID || list[0].Version != 2 || list[1].ID != again.ID {
			t.Errorf("Templates = %+v, %v", list, err)
		}
	})
}

// TestTemplatesStayInTheirOrganisation checks another organisation can
// never read or change a template.
func TestTemplatesStayInTheirOrganisation(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, b := newOrg(t, db, "a"), newOrg(t, db, "b")
		mine, err := db.CopyTemplate(ctx, a.id, a.super.ID, "A's programme", shippedGroup(t))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Template(ctx, b.id, mine.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Template from b = %v; want ErrNotFound", err)
		}
		if _, err := db.TemplateAt(ctx, b.id, mine.ID, 1); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("TemplateAt from b = %v; want ErrNotFound", err)
		}
		if _, err := db.TemplateVersions(ctx, b.id, mine.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("TemplateVersions from b = %v; want ErrNotFound", err)
		}
		if list, err := db.Templates(ctx, b.id); err != nil || len(list) != 0 {
			t.Errorf("b's list = %+v, %v; want empty", list, err)
		}
		change := mine
		change.Name, change.SavedBy = "Taken over", b.super.ID
		if _, _, err := db.SaveTemplate(ctx, b.id, change); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("SaveTemplate from b = %v; want ErrNotFound", err)
		}
		// Copying it into b needs reading it first, which b cannot; and
		// a's template is unchanged.
		still, err := db.Template(ctx, a.id, mine.ID)
		if err != nil || still.Name != "A's programme" || still.Version != 1 {
			t.Errorf("a's template after b's attempts = %+v, %v", still, err)
		}
	})
}
