package language

import (
	"strings"
	"testing"
)

// note2000 is a 2,000-word contact note made of the table's sentences, a
// few flagged and most not, as real notes are.
func note2000() string {
	var b strings.Builder
	words := 0
	for i := 0; words < 2000; i++ {
		var s string
		if i%5 == 0 {
			s = flagged[i%len(flagged)].text
		} else {
			s = notFlagged[i%len(notFlagged)]
		}
		words += len(strings.Fields(s))
		b.WriteString(s)
		b.WriteString(" ")
		if i%6 == 5 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkCheck2000Words(b *testing.B) {
	note := note2000()
	c := NewChecker(Base(), orgTermsForBench(), []string{"chaotic"})
	b.SetBytes(int64(len(note)))
	b.ReportAllocs()
	for b.Loop() {
		c.Check(note)
	}
}

// BenchmarkNewChecker measures building an organisation's checker, as the
// web layer does once per request.
func BenchmarkNewChecker(b *testing.B) {
	base, own := Base(), orgTermsForBench()
	b.ReportAllocs()
	for b.Loop() {
		NewChecker(base, own, []string{"chaotic", "respite"})
	}
}

func orgTermsForBench() []Term {
	return []Term{
		{ID: "a", Phrase: "non-attender", Forms: []string{"non-attenders"}, Why: "w.", Suggestions: []string{"s"}},
		{ID: "b", Phrase: "placement", Why: "w.", Suggestions: []string{"home"}},
		{ID: "c", Phrase: "hard to help", Why: "w.", Suggestions: []string{"s"}},
	}
}
