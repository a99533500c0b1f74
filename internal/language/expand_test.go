package language

import (
	"slices"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	for pattern, want := range map[string][]string{
		"placement":                    {"placement"},
		"(fail|fails) to engage":       {"fail to engage", "fails to engage"},
		"contact with (his|) mum":      {"contact with his mum", "contact with  mum"},
		"(a|b) (c|d)":                  {"a c", "a d", "b c", "b d"},
		"refus(e|ed)":                  {"refuse", "refused"},
		"(non-compliant|noncompliant)": {"non-compliant", "noncompliant"},
		"(did not|didn't) engage":      {"did not engage", "didn't engage"},
	} {
		got, err := expand(pattern)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("expand(%q) = %q, %v; want %q", pattern, got, err, want)
		}
	}
}

func TestExpandRefusesBadPatterns(t *testing.T) {
	for _, pattern := range []string{
		"(fail|fails to engage", // not closed
		"fail) to engage",       // closed without opening
		"fail|fails",            // alternatives outside a group
		"((a|b)|c)",             // nested
		"(a|)",                  // an alternative with no words
		strings.Repeat("(a|b|c)", 6),
	} {
		if got, err := expand(pattern); err == nil {
			t.Errorf("expand(%q) = %q, want an error", pattern, got)
		}
	}
	// An optional nothing before a word is allowed.
	if got, err := expand("(|) engage"); err != nil || len(got) != 2 {
		t.Errorf(`expand("(|) engage") = %q, %v`, got, err)
	}
}
