package web

import (
	"slices"
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
)

func TestLanguageHintsGroupByTerm(t *testing.T) {
	c := language.NewChecker(language.Base(), nil, nil)
	text := "Mum refused. Dad REFUSED. Jo refuses, Sam refusing, Kai refusal. The placement\n  breakdown was hard."
	v := languageHints("note", c.Check(text))
	if v.ID != "note-language-hints" || v.ID != languageHintsID("note") {
		t.Errorf("ID = %q", v.ID)
	}
	if len(v.Hints) != 2 {
		t.Fatalf("hints = %+v, want one for each term", v.Hints)
	}
	refused, breakdown := v.Hints[0], v.Hints[1]
	if !slices.Equal(refused.Wrote, []string{"refused", "refuses", "refusing"}) || !refused.Label || refused.Why == "" || len(refused.Suggestions) == 0 {
		t.Errorf("refused hint = %+v, want three ways it was written, each once, and the term's reason", refused)
	}
	if !slices.Equal(breakdown.Wrote, []string{"placement breakdown"}) || breakdown.Label {
		t.Errorf("placement hint = %+v, want the phrase on one line", breakdown)
	}
	if empty := languageHints("note", nil); empty.Hints != nil || empty.ID == "" {
		t.Errorf("no findings gave %+v", empty)
	}
}
