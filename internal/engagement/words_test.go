package engagement

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
)

// everyWord is every label, description and notice this package shows people.
func everyWord() []string {
	var out []string
	for _, p := range Patterns() {
		out = append(out, p.Label(), p.Description())
	}
	for _, r := range append(Reasons(), OtherReason) {
		out = append(out, r.Label())
	}
	for _, s := range HypothesisStatuses() {
		out = append(out, s.Label(), s.Short())
	}
	for _, s := range ActionStatuses() {
		out = append(out, s.Label())
	}
	for _, s := range SafetySteps() {
		out = append(out, s.Label(), s.Flag(""))
	}
	return append(out, EndedNoLongerAtRisk, EndedReplaced)
}

// TestWordsAreRespectful runs Steadfast's own language checker over every
// word this package shows, and makes sure none of it names a family as
// uncooperative or any other label.
func TestWordsAreRespectful(t *testing.T) {
	checker := language.NewChecker(language.Base(), nil, nil)
	for _, w := range everyWord() {
		if w == "" {
			t.Error("an empty label")
		}
		for _, f := range checker.Check(w) {
			t.Errorf("%q uses %q: %s", w, f.Text, f.Why)
		}
		if l := strings.ToLower(w); strings.Contains(l, "cooperat") || strings.Contains(l, "co-operat") || strings.Contains(l, "complian") {
			t.Errorf("%q labels a family", w)
		}
	}
}

// TestPatternsAndReasonsFollowTheGuidance checks that the four patterns and
// every reason in DOMAIN.md's "Reasons families resist" are offered, each
// once, including the service's own fit and the worker's own approach.
func TestPatternsAndReasonsFollowTheGuidance(t *testing.T) {
	if len(Patterns()) != 4 {
		t.Fatalf("%d patterns, want the four", len(Patterns()))
	}
	for _, p := range Patterns() {
		if d := p.Description(); len(d) < 20 || !strings.HasSuffix(d, ".") || strings.Contains(d, "\n") {
			t.Errorf("%s's description %q is not one plain line", p, d)
		}
	}
	// One reason for each line of the guidance's list, in its order.
	want := []struct {
		reason Reason
		word   string // a word of the guidance the label keeps
	}{
		{Privacy, "privacy"}, {SomethingToHide, "hide"}, {NoProblem, "problem"}, {Interference, "interference"},
		{Culture, "cultural"}, {Expectations, "expected"}, {PastExperience, "experience"}, {StaffChanges, "staff"},
		{Authority, "authority"}, {Removal, "taken away"}, {Shame, "shame"}, {Judged, "substance use"},
		{NothingToLose, "nothing to lose"}, {Regulation, "feelings"}, {Commitments, "commitments"},
		{ServiceFit, "not fit for purpose"}, {MyApproach, "my own approach"},
	}
	got := Reasons()
	if len(got) != len(want) {
		t.Fatalf("%d reasons, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i] != w.reason || !strings.Contains(strings.ToLower(got[i].Label()), w.word) {
			t.Errorf("reason %d = %s (%q), want %s mentioning %q", i, got[i], got[i].Label(), w.reason, w.word)
		}
	}
	// The guidance itself, when it is here to read, still lists that many.
	if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "DOMAIN.md")); err == nil {
		text := string(b)
		start := strings.Index(text, "**Reasons families resist.**")
		end := strings.Index(text, "**\"Disguised compliance\"**")
		if start > 0 && end > start {
			n := 0
			for _, line := range strings.Split(text[start:end], "\n") {
				if strings.HasPrefix(line, "- ") {
					n++
				}
			}
			if n != len(want) {
				t.Errorf("DOMAIN.md lists %d reasons; this package offers %d", n, len(want))
			}
		}
	}
}
