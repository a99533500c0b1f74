package language

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	for text, want := range map[string][]string{
		"Mum didn't engage.":  {"mum", "didn't", "engage"},
		"Mum didn’t ENGAGE":   {"mum", "didn't", "engage"},
		"attention-seeking":   {"attention", "seeking"},
		"O’Neill's plan":      {"o'neill's", "plan"},
		"'quoted' words'":     {"quoted", "words"},
		"Zoë café naïve":      {"zoë", "café", "naïve"},
		"cafe\u0301":          {"cafe\u0301"},
		"2nd visit, 10:30":    {"2nd", "visit", "10", "30"},
		"refused\x80access":   {"refused", "access"},
		"":                    nil,
		"...   ---  !!!":      nil,
		"مرحبا بكم":           {"مرحبا", "بكم"},
		"contactless contact": {"contactless", "contact"},
		"parents' room":       {"parents", "room"},
		"rock'n'roll":         {"rock'n'roll"},
	} {
		var got []string
		for _, tok := range tokenize(text) {
			got = append(got, tok.norm)
			if normalizeWord(text[tok.start:tok.end]) != tok.norm {
				t.Errorf("%q: token [%d,%d) does not cover %q", text, tok.start, tok.end, tok.norm)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("tokenize(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestPossessiveStem(t *testing.T) {
	for text, want := range map[string]string{"placement's": "placement", "placement’s": "placement", "'s": "", "placements": ""} {
		toks := tokenize(text)
		if got := toks[len(toks)-1].stem; got != want {
			t.Errorf("stem of %q = %q, want %q", text, got, want)
		}
	}
}

func TestGapJoins(t *testing.T) {
	for gap, want := range map[string]bool{
		" ": true, "\n\n  \t": true, "-": true, " - ": true, "\u2011": true, "\u00a0": true,
		"": false, ". ": false, ", ": false, " / ": false, "\x80": false, "’": false,
	} {
		if got := gapJoins(gap); got != want {
			t.Errorf("gapJoins(%q) = %v, want %v", gap, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	for phrase, want := range map[string]string{
		"Failed  to\nEngage": "failed to engage",
		"attention-seeking":  "attention seeking",
		" Didn’t engage ":    "didn't engage",
		"!!":                 "",
	} {
		if got := Key(phrase); got != want {
			t.Errorf("Key(%q) = %q, want %q", phrase, got, want)
		}
	}
}
