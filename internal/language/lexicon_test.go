package language

import (
	"strings"
	"testing"
	"unicode"
)

// TestBaseLexicon checks the embedded lexicon: it parses, has the terms
// DOMAIN.md names, and every entry is complete and written plainly.
func TestBaseLexicon(t *testing.T) {
	l, err := ParseLexicon(lexiconJSON)
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() < 30 {
		t.Errorf("the lexicon has %d terms", l.Len())
	}
	for _, id := range []string{"absconded", "contact-family", "placement", "challenging-behaviour", "care-plan", "siblings",
		"respite", "uncooperative", "non-compliant", "failed-to-engage", "refused", "disguised-compliance", "kicked-off",
		"attention-seeking", "manipulative", "hard-to-reach", "resistant-family", "chaotic", "aggressive-parent"} {
		if _, ok := l.Lookup(id); !ok {
			t.Errorf("the lexicon lacks %q", id)
		}
	}
	c := NewChecker(l, nil, nil)
	for _, term := range l.Terms() {
		if !strings.HasSuffix(term.Why, ".") || strings.Count(term.Why, ". ") > 0 {
			t.Errorf("%s: the reason should be one sentence: %q", term.ID, term.Why)
		}
		for _, s := range term.Suggestions {
			if s == "" || unicode.IsUpper([]rune(s)[0]) {
				t.Errorf("%s: suggestion %q should start in lower case, to follow \"Try:\"", term.ID, s)
			}
		}
		// Every form is found by the checker as its own term.
		for _, f := range term.Forms {
			got := c.Check(f)
			if len(got) != 1 || got[0].TermID != term.ID || got[0].Text != f {
				t.Errorf("%s: checking its own form %q gives %v", term.ID, f, findingTexts(got))
			}
		}
		for _, e := range term.Except {
			if got := c.Check(e); len(got) != 0 {
				t.Errorf("%s: exception %q is flagged: %v", term.ID, e, findingTexts(got))
			}
		}
	}
	if Base().Len() != l.Len() {
		t.Error("Base differs from the parsed file")
	}
}

func TestLexiconIsNotShared(t *testing.T) {
	terms := Base().Terms()
	terms[0].Suggestions[0] = "changed"
	terms[0].Forms[0] = "changed"
	if Base().Terms()[0].Suggestions[0] == "changed" {
		t.Error("Terms hands out the lexicon's own slices")
	}
	if got := NewChecker(Base(), nil, nil).Check("changed"); len(got) != 0 {
		t.Error("changing a copy changed the checker")
	}
	if _, ok := Base().Lookup("no-such-term"); ok {
		t.Error("Lookup found a term that does not exist")
	}
}

func TestParseLexiconRefusesBadData(t *testing.T) {
	ok := `{"id":"a","term":"a","forms":["a"],"why":"w.","suggestions":["s"]}`
	for name, data := range map[string]string{
		"not JSON":        `{`,
		"bad ID":          `[{"id":"A B","term":"a","forms":["a"],"why":"w.","suggestions":["s"]}]`,
		"repeated ID":     `[` + ok + `,` + ok + `]`,
		"no reason":       `[{"id":"a","term":"a","forms":["a"],"suggestions":["s"]}]`,
		"no suggestion":   `[{"id":"a","term":"a","forms":["a"],"why":"w."}]`,
		"no forms":        `[{"id":"a","term":"a","why":"w.","suggestions":["s"]}]`,
		"bad pattern":     `[{"id":"a","term":"a","forms":["(a"],"why":"w.","suggestions":["s"]}]`,
		"bad exception":   `[{"id":"a","term":"a","forms":["a"],"except":["a)"],"why":"w.","suggestions":["s"]}]`,
		"phrase twice":    `[` + ok + `,{"id":"b","term":"b","forms":["A"],"why":"w.","suggestions":["s"]}]`,
		"form and except": `[{"id":"a","term":"a","forms":["a b"],"except":["a  b"],"why":"w.","suggestions":["s"]}]`,
	} {
		if _, err := ParseLexicon([]byte(data)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
	l, err := ParseLexicon([]byte(`[` + ok + `]`))
	if err != nil || l.Len() != 1 {
		t.Errorf("a good one-term lexicon: %v, %d terms", err, l.Len())
	}
}
