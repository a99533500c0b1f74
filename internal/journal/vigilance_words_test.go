package journal

import (
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
)

// TestVigilanceAndBasketWordsAreRespectful runs Steadfast's own language
// checker over every label and explanation of the levels and baskets.
func TestVigilanceAndBasketWordsAreRespectful(t *testing.T) {
	var words []string
	for _, l := range Levels() {
		words = append(words, l.Label(), l.Explain())
	}
	for _, b := range Baskets() {
		words = append(words, b.Label(), b.Explain())
	}
	checker := language.NewChecker(language.Base(), nil, nil)
	for _, w := range words {
		for _, f := range checker.Check(w) {
			t.Errorf("%q says %q: %s", w, f.Text, f.Why)
		}
	}
}
