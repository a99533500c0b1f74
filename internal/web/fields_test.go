package web

import (
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
)

// TestFieldCarriesItsWordingCheck: a field is checked only when the
// handler checked it, and its wording hints join its aria-describedby only
// when there are some.
func TestFieldCarriesItsWordingCheck(t *testing.T) {
	c := language.NewChecker(language.Base(), nil, nil)
	f := newForm()
	f.Values["what-matters"], f.Values["name"] = "He kicked off at school.", "Amy"
	f.Findings = map[string][]language.Finding{"what-matters": c.Check(f.Values["what-matters"]), "access": nil}
	f.Add("what-matters", "Keep it shorter")

	flagged := field(f, "what-matters", "What matters to them", "", "", "In their own words")
	if !flagged.Checked || len(flagged.Findings) != 1 || flagged.AriaDescribedBy() != "what-matters-hint what-matters-error what-matters-language-hints" {
		t.Errorf("flagged field = %+v, described by %q", flagged, flagged.AriaDescribedBy())
	}
	clean := field(f, "access", "Accessibility needs", "", "", "")
	if !clean.Checked || clean.AriaDescribedBy() != "" {
		t.Errorf("a checked field with nothing found = %+v, described by %q", clean, clean.AriaDescribedBy())
	}
	plain := field(f, "name", "Name", "text", "off", "The name they use")
	if plain.Checked || plain.AriaDescribedBy() != "name-hint" {
		t.Errorf("an unchecked field = %+v, described by %q", plain, plain.AriaDescribedBy())
	}
	if rows := withRows(10, plain).TextareaRows(); rows != 10 || plain.TextareaRows() != 5 {
		t.Errorf("rows = %d and %d", rows, plain.TextareaRows())
	}
}
