package language

import (
	"slices"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	good := Term{Phrase: "non-attender", Forms: []string{"non-attenders"}, Why: "It labels a family.", Suggestions: []string{"say what happened"}}
	if p := good.Validate(); len(p) != 0 {
		t.Errorf("a good term has problems: %v", p)
	}
	long := strings.Repeat("a", 101)
	for name, c := range map[string]struct {
		change func(*Term)
		field  string
	}{
		"no phrase":            {func(t *Term) { t.Phrase = "  " }, "term"},
		"long phrase":          {func(t *Term) { t.Phrase = long }, "term"},
		"phrase without words": {func(t *Term) { t.Phrase = "!!" }, "term"},
		"long form":            {func(t *Term) { t.Forms = []string{long} }, "forms"},
		"form without words":   {func(t *Term) { t.Forms = []string{"--"} }, "forms"},
		"too many forms":       {func(t *Term) { t.Forms = slices.Repeat([]string{"a"}, 21) }, "forms"},
		"no reason":            {func(t *Term) { t.Why = "" }, "why"},
		"long reason":          {func(t *Term) { t.Why = strings.Repeat("a", 501) }, "why"},
		"no suggestion":        {func(t *Term) { t.Suggestions = nil }, "suggestions"},
		"too many suggestions": {func(t *Term) { t.Suggestions = slices.Repeat([]string{"a"}, 11) }, "suggestions"},
		"long suggestion":      {func(t *Term) { t.Suggestions = []string{strings.Repeat("a", 301)} }, "suggestions"},
	} {
		term := good.clone()
		c.change(&term)
		p := term.Validate()
		if len(p) != 1 || p[0].Field != c.field || p[0].Message == "" {
			t.Errorf("%s: problems %v, want one for %q", name, p, c.field)
		}
	}
}

func TestLines(t *testing.T) {
	got := Lines(" home \r\n\n  where they live\n\t\n")
	if !slices.Equal(got, []string{"home", "where they live"}) {
		t.Errorf("Lines = %q", got)
	}
	if Lines("  \n ") != nil {
		t.Error("blank text gave lines")
	}
}
