package language

import (
	"testing"
	"unicode/utf8"
)

// onRuneBoundary reports whether byte offset p of text falls between two
// characters as Go decodes them, counting each invalid byte as one.
func onRuneBoundary(text string, p int) bool {
	for i := 0; i < len(text); {
		if i == p {
			return true
		}
		if i > p {
			return false
		}
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	return p == len(text)
}

// FuzzCheck checks the checker's promises on any text: it does not panic,
// and its findings are sorted, apart, inside the text, on character
// boundaries, valid UTF-8, and exactly the text they name. The seed corpus
// in testdata/fuzz/FuzzCheck runs with every `go test`; `make fuzz-language`
// explores further.
func FuzzCheck(f *testing.F) {
	for _, s := range flagged {
		f.Add(s.text)
	}
	for _, s := range notFlagged {
		f.Add(s)
	}
	own := []Term{{ID: "org", Phrase: "non-attender", Forms: []string{"did not attend"}, Why: "A label.", Suggestions: []string{"say what happened"}}}
	c := NewChecker(Base(), own, []string{"chaotic"})
	f.Fuzz(func(t *testing.T, text string) {
		got := c.Check(text)
		checkInvariants(t, text, got)
		for _, fd := range got {
			if !utf8.ValidString(fd.Text) {
				t.Fatalf("finding %q is not valid UTF-8", fd.Text)
			}
		}
		// Checking is deterministic.
		if again := c.Check(text); len(again) != len(got) {
			t.Fatalf("a second check found %d, the first %d", len(again), len(got))
		}
	})
}
