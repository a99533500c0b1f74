package language

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: its byte span in the original text and the
// form it is compared in.
type token struct {
	start, end int
	// norm is the word in lower case with typographic apostrophes made
	// straight, so "Didn’t" and "didn't" compare equal.
	norm string
	// stem is norm without a final possessive "'s", or "" when there is
	// none: "placement's" has the stem "placement".
	stem string
	// quoted is true when the word lies inside quoted speech.
	quoted bool
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark, in any script. The replacement character that stands for
// invalid UTF-8 is not part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// isApostrophe reports whether r can join two parts of one word, as in
// "didn't" or "O’Neill".
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isHyphen reports whether r is a hyphen. Hyphens separate words, so
// "attention-seeking" is two words and matches "attention seeking".
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// decodeAt decodes the rune at byte offset i of s. Invalid UTF-8 decodes as
// utf8.RuneError of width 1, which is neither a word rune nor a gap.
func decodeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// wordEnd returns the end of the word starting at i: a run of word runes,
// joined across single apostrophes that have word runes on both sides.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, w := decodeAt(s, i)
		if isWordRune(r) {
			i += w
			continue
		}
		if isApostrophe(r) && i+w < len(s) {
			if next, _ := decodeAt(s, i+w); isWordRune(next) {
				i += w
				continue
			}
		}
		break
	}
	return i
}

// tokenize splits s into words. Everything between words (spaces,
// punctuation, hyphens, invalid bytes) is left out; gapJoins decides later
// whether two words may form part of one phrase.
func tokenize(s string) []token {
	// English averages under six bytes a word with its space; guessing the
	// size saves growing the slice many times on a long note.
	out := make([]token, 0, len(s)/6+1)
	for i := 0; i < len(s); {
		r, w := decodeAt(s, i)
		if !isWordRune(r) {
			i += w
			continue
		}
		end := wordEnd(s, i)
		out = append(out, newToken(s, i, end))
		i = end
	}
	return out
}

func newToken(s string, start, end int) token {
	norm := normalizeWord(s[start:end])
	t := token{start: start, end: end, norm: norm}
	if stem, ok := strings.CutSuffix(norm, "'s"); ok && stem != "" {
		t.stem = stem
	}
	return t
}

// normalizeWord lower-cases a word and straightens its apostrophes.
func normalizeWord(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsAny(w, "’ʼ") {
		w = strings.NewReplacer("’", "'", "ʼ", "'").Replace(w)
	}
	return w
}

// gapJoins reports whether the text between two words lets them belong to
// one phrase: any run of white space (spaces, tabs, new lines) and hyphens,
// and nothing else. A full stop or comma between words breaks a phrase.
func gapJoins(gap string) bool {
	if gap == "" {
		return false
	}
	for i := 0; i < len(gap); {
		r, w := decodeAt(gap, i)
		if r == utf8.RuneError || !(unicode.IsSpace(r) || isHyphen(r)) {
			return false
		}
		i += w
	}
	return true
}

// Key returns the form in which a phrase is compared: its words, lower-cased,
// separated by single spaces. "Failed  to\nEngage" and "failed to engage"
// have the same key. A phrase with no words has the key "".
func Key(phrase string) string {
	toks := tokenize(phrase)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.norm
	}
	return strings.Join(words, " ")
}
