package network

import (
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
)

// TestWordsAreRespectful runs Steadfast's own language checker over every
// label this package shows parents and practitioners.
func TestWordsAreRespectful(t *testing.T) {
	var words []string
	for _, r := range Roles() {
		words = append(words, r.Label(), r.Short())
	}
	for _, a := range Agreements() {
		words = append(words, a.Label(), a.Tag())
	}
	for _, o := range Outcomes() {
		words = append(words, o.Label())
	}
	checker := language.NewChecker(language.Base(), nil, nil)
	for _, w := range words {
		for _, f := range checker.Check(w) {
			t.Errorf("%q says %q: %s", w, f.Text, f.Why)
		}
	}
}
