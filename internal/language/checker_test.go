package language

import (
	"slices"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	if n := len(flagged) + len(notFlagged); n < 80 {
		t.Fatalf("the table has %d sentences; acceptance needs at least 80", n)
	}
	c := NewChecker(Base(), nil, nil)
	for _, s := range flagged {
		got := c.Check(s.text)
		if len(got) != len(s.want) {
			t.Errorf("%q: %d findings %v, want %d", s.text, len(got), findingTexts(got), len(s.want))
			continue
		}
		from := 0
		for i, w := range s.want {
			start := strings.Index(s.text[from:], w.text)
			if start < 0 {
				t.Fatalf("bad table: %q does not contain %q after byte %d", s.text, w.text, from)
			}
			start += from
			f := got[i]
			if f.TermID != w.id || f.Start != start || f.End != start+len(w.text) || f.Text != w.text {
				t.Errorf("%q: finding %d = %s %q at [%d,%d), want %s %q at [%d,%d)",
					s.text, i, f.TermID, f.Text, f.Start, f.End, w.id, w.text, start, start+len(w.text))
			}
			from = start + len(w.text)
		}
	}
	for _, text := range notFlagged {
		if got := c.Check(text); len(got) != 0 {
			t.Errorf("%q: flagged %v, want nothing", text, findingTexts(got))
		}
	}
}

func findingTexts(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.TermID + ":" + f.Text
	}
	return out
}

func TestFindingCarriesTheTerm(t *testing.T) {
	got := NewChecker(Base(), nil, nil).Check("Dad was manipulative.")
	if len(got) != 1 {
		t.Fatalf("findings = %v", findingTexts(got))
	}
	f := got[0]
	want, _ := Base().Lookup("manipulative")
	if f.Term != want.Phrase || f.Why != want.Why || !slices.Equal(f.Suggestions, want.Suggestions) || !f.Label {
		t.Errorf("finding = %+v, want the term's phrase, reason, suggestions and label", f)
	}
	// Changing what a finding holds changes nothing for the next check.
	f.Suggestions[0] = "changed"
	if again := NewChecker(Base(), nil, nil).Check("Dad was manipulative."); again[0].Suggestions[0] == "changed" {
		t.Error("a finding shares its suggestions with the lexicon")
	}
}

func TestOrganisationTerms(t *testing.T) {
	own := []Term{
		{ID: "org-1", Phrase: "non-attender", Forms: []string{"non-attenders", "non attendance"}, Why: "It is a label.", Suggestions: []string{"say what happened"}, Label: true},
		{ID: "org-2", Phrase: "placement", Why: "We say home here.", Suggestions: []string{"home"}},
		{ID: "org-3", Phrase: "  !!  ", Why: "No words at all.", Suggestions: []string{"none"}},
	}
	c := NewChecker(Base(), own, []string{"manipulative", "no-such-term"})
	got := c.Check("A non-attender twice; the placement is settled; he is manipulative; non attendance; !!")
	want := []string{"org-1:non-attender", "org-2:placement", "org-1:non attendance"}
	if !slices.Equal(findingTexts(got), want) {
		t.Errorf("findings = %v, want %v", findingTexts(got), want)
	}
	if got[1].Why != "We say home here." {
		t.Errorf("the organisation's own wording for a phrase did not win: %q", got[1].Why)
	}
	// Switching a term off removes its exceptions with it, and the base
	// checker still sees what the organisation switched off.
	base := NewChecker(Base(), nil, nil)
	if got := base.Check("He is manipulative."); len(got) != 1 {
		t.Errorf("the base checker lost a term: %v", findingTexts(got))
	}
	if got := base.Check("The placement is settled."); len(got) != 1 || got[0].TermID != "placement" {
		t.Errorf("an organisation's term leaked into the base checker: %v", findingTexts(got))
	}
	noRefuse := NewChecker(Base(), nil, []string{"refused"})
	if got := noRefuse.Check("She refused the refuse collection."); len(got) != 0 {
		t.Errorf("a switched-off term still matched: %v", findingTexts(got))
	}
}

func TestLongestMatchWins(t *testing.T) {
	c := NewChecker(Base(), nil, nil)
	// "refused access" beats "refused"; "respite placement" beats both of its words.
	for text, want := range map[string]string{
		"She refused access.":               "refused-access:refused access",
		"A respite placement was arranged.": "respite:respite placement",
		"The placement disrupted in June.":  "placement-breakdown:placement disrupted",
	} {
		if got := findingTexts(c.Check(text)); !slices.Equal(got, []string{want}) {
			t.Errorf("%q: %v, want [%s]", text, got, want)
		}
	}
}

func TestFindingsAreOrderedAndApart(t *testing.T) {
	text := strings.Repeat("Mum refused access, was uncooperative and failed to engage; the placement is chaotic. ", 20)
	got := NewChecker(Base(), nil, nil).Check(text)
	if len(got) != 100 {
		t.Fatalf("%d findings, want 100", len(got))
	}
	checkInvariants(t, text, got)
}

// checkInvariants fails unless the findings are sorted, apart, inside the
// text, on rune boundaries, and their Text is the span they name.
func checkInvariants(t *testing.T, text string, got []Finding) {
	t.Helper()
	prevEnd := 0
	for _, f := range got {
		if f.Start < prevEnd || f.End <= f.Start || f.End > len(text) {
			t.Fatalf("finding [%d,%d) out of order or outside a text of %d bytes (previous end %d)", f.Start, f.End, len(text), prevEnd)
		}
		if text[f.Start:f.End] != f.Text {
			t.Fatalf("finding text %q is not text[%d:%d] = %q", f.Text, f.Start, f.End, text[f.Start:f.End])
		}
		if !onRuneBoundary(text, f.Start) || !onRuneBoundary(text, f.End) {
			t.Fatalf("finding [%d,%d) splits a character", f.Start, f.End)
		}
		if f.TermID == "" || f.Why == "" || len(f.Suggestions) == 0 {
			t.Fatalf("finding %+v lacks its term", f)
		}
		prevEnd = f.End
	}
}
