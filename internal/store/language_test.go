package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestLanguageTerms(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")

		nonAttender := language.Term{Phrase: "  Non-attender ", Forms: []string{"non-attenders", "non  attendance"},
			Why: "It labels the family by what they missed.", Suggestions: []string{"say they did not come", "say why, if known"}, Label: true}
		added, err := db.AddLanguageTerm(ctx, a.id, a.admin.ID, nonAttender)
		if err != nil {
			t.Fatal(err)
		}
		if added.ID == "" || added.Phrase != "Non-attender" || added.CreatedBy != a.admin.ID || added.CreatedAt.IsZero() {
			t.Errorf("added = %+v", added)
		}
		// The same term in other case and spacing is refused; another
		// organisation may have it.
		if _, err := db.AddLanguageTerm(ctx, a.id, a.admin.ID, language.Term{Phrase: "non   ATTENDER", Why: "w", Suggestions: []string{"s"}}); !errors.Is(err, store.ErrAlreadyExists) {
			t.Errorf("a repeated term: %v, want ErrAlreadyExists", err)
		}
		if _, err := db.AddLanguageTerm(ctx, a.id, a.admin.ID, language.Term{Phrase: "!!", Why: "w", Suggestions: []string{"s"}}); err == nil {
			t.Error("a term with no words was added")
		}
		if _, err := db.AddLanguageTerm(ctx, b.id, b.admin.ID, language.Term{Phrase: "non-attender", Why: "Ours.", Suggestions: []string{"s"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddLanguageTerm(ctx, a.id, a.admin.ID, language.Term{Phrase: "aloof", Why: "A judgement.", Suggestions: []string{"describe"}}); err != nil {
			t.Fatal(err)
		}

		list, err := db.ListLanguageTerms(ctx, a.id)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Phrase != "aloof" || list[1].Phrase != "Non-attender" {
			t.Fatalf("organisation a's terms = %+v", list)
		}
		got := list[1]
		if !slices.Equal(got.Forms, []string{"non-attenders", "non attendance"}) || got.Why != nonAttender.Why ||
			!slices.Equal(got.Suggestions, nonAttender.Suggestions) || !got.Label || got.CreatedByName != "admin" ||
			!got.CreatedAt.Equal(added.CreatedAt) {
			t.Errorf("stored term = %+v", got)
		}
		if list[0].Label {
			t.Error("a term added as not a label came back as one")
		}

		// Another organisation's term cannot be read or removed.
		if _, err := db.LanguageTerm(ctx, b.id, added.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's term: %v, want ErrNotFound", err)
		}
		if _, err := db.RemoveLanguageTerm(ctx, b.id, added.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing another organisation's term: %v, want ErrNotFound", err)
		}
		removed, err := db.RemoveLanguageTerm(ctx, a.id, added.ID)
		if err != nil || removed.Phrase != "Non-attender" {
			t.Fatalf("remove: %+v, %v", removed, err)
		}
		if _, err := db.RemoveLanguageTerm(ctx, a.id, added.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing twice: %v, want ErrNotFound", err)
		}
		if list, _ := db.ListLanguageTerms(ctx, b.id); len(list) != 1 {
			t.Errorf("organisation b's terms changed: %+v", list)
		}
	})
}

func TestDisabledLanguageTerms(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		for _, id := range []string{"respite", "placement", "respite"} {
			if err := db.DisableLanguageTerm(ctx, a.id, id, a.admin.ID); err != nil {
				t.Fatalf("switch off %s: %v", id, err)
			}
		}
		if err := db.DisableLanguageTerm(ctx, b.id, "chaotic", b.admin.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.DisabledLanguageTerms(ctx, a.id); !slices.Equal(got, []string{"placement", "respite"}) {
			t.Errorf("switched off = %q", got)
		}
		for range 2 {
			if err := db.EnableLanguageTerm(ctx, a.id, "respite"); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.EnableLanguageTerm(ctx, a.id, "chaotic"); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.DisabledLanguageTerms(ctx, a.id); !slices.Equal(got, []string{"placement"}) {
			t.Errorf("after switching respite on: %q", got)
		}
		if got, _ := db.DisabledLanguageTerms(ctx, b.id); !slices.Equal(got, []string{"chaotic"}) {
			t.Errorf("another organisation's switched-off terms changed: %q", got)
		}
	})
}

// TestLanguageSettings builds a checker from the stored settings, as the
// web layer does.
func TestLanguageSettings(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		if extra, disabled, err := db.LanguageSettings(ctx, a.id); err != nil || len(extra) != 0 || len(disabled) != 0 {
			t.Fatalf("a new organisation's settings: %v %v %v", extra, disabled, err)
		}
		own, err := db.AddLanguageTerm(ctx, a.id, a.admin.ID, language.Term{Phrase: "non-attender", Forms: []string{"non attendance"},
			Why: "A label.", Suggestions: []string{"say what happened"}, Label: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.DisableLanguageTerm(ctx, a.id, "chaotic", a.admin.ID); err != nil {
			t.Fatal(err)
		}
		extra, disabled, err := db.LanguageSettings(ctx, a.id)
		if err != nil {
			t.Fatal(err)
		}
		c := language.NewChecker(language.Base(), extra, disabled)
		var got []string
		for _, f := range c.Check("Non attendance again; a chaotic week; the non-attender was uncooperative.") {
			got = append(got, f.TermID+":"+f.Text)
		}
		want := []string{own.ID + ":Non attendance", own.ID + ":non-attender", "uncooperative:uncooperative"}
		if !slices.Equal(got, want) {
			t.Errorf("findings = %q, want %q", got, want)
		}
	})
}
