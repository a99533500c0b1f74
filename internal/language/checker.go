package language

import (
	"slices"
	"strings"
)

// Finding is one flagged phrase in a text.
type Finding struct {
	// Start and End are byte offsets into the checked text: the phrase is
	// text[Start:End], from the first letter of its first word to the last
	// letter of its last.
	Start, End int
	// Text is the phrase as written, text[Start:End].
	Text string
	// TermID names the term that matched.
	TermID string
	// Term is how the term is shown to people.
	Term string
	// Why says why the term can be a problem.
	Why string
	// Suggestions say what to write instead.
	Suggestions []string
	// Label is true when the term labels a family, a parent or a child.
	Label bool
}

// pattern is one phrase to look for, as words. A pattern with no term is an
// exception: where it matches, nothing is flagged.
type pattern struct {
	words []string
	key   string // the words joined by single spaces
	term  *Term  // nil for an exception
	owner string // the ID of the term the pattern belongs to
}

func newPattern(phrase string, t *Term) pattern {
	key := Key(phrase)
	return pattern{words: strings.Fields(key), key: key, term: t}
}

// index finds patterns by their first word. Each list is longest first, so
// the first pattern that matches is the longest. An index is never changed
// once built: a Checker that needs different lists builds new ones.
type index map[string][]pattern

// buildIndex indexes patterns whose phrases are all different.
func buildIndex(patterns []pattern) index {
	idx := index{}
	for _, p := range patterns {
		idx[p.words[0]] = append(idx[p.words[0]], p)
	}
	for _, list := range idx {
		sortLongestFirst(list)
	}
	return idx
}

func sortLongestFirst(list []pattern) {
	slices.SortStableFunc(list, func(a, b pattern) int { return len(b.words) - len(a.words) })
}

// without returns idx less the patterns of the given terms. Lists with
// nothing to remove are shared with idx, not copied.
func (idx index) without(off map[string]bool) index {
	out := make(index, len(idx))
	for w, list := range idx {
		if slices.ContainsFunc(list, func(p pattern) bool { return off[p.owner] }) {
			list = slices.DeleteFunc(slices.Clone(list), func(p pattern) bool { return off[p.owner] })
			if len(list) == 0 {
				continue
			}
		}
		out[w] = list
	}
	return out
}

// add puts p into idx in place of any pattern with the same phrase. It
// never changes a list idx shares with another index.
func (idx index) add(p pattern) {
	first := p.words[0]
	list := make([]pattern, 0, len(idx[first])+1)
	for _, q := range idx[first] {
		if q.key != p.key {
			list = append(list, q)
		}
	}
	list = append(list, p)
	sortLongestFirst(list)
	idx[first] = list
}

// Checker finds terms in text. It is immutable and safe for concurrent use.
type Checker struct {
	idx index
}

// NewChecker builds a checker from a lexicon (normally Base()), an
// organisation's own terms, and the IDs of lexicon terms the organisation
// has switched off. The organisation's terms are matched literally: each
// matches its Phrase and every one of its Forms as plain phrases, and a
// phrase with no words is ignored. Where
// an organisation's phrase is also in the lexicon, the organisation's term
// is the one reported.
//
// Building a checker is cheap (see BenchmarkNewChecker), so one can be built
// for each request.
func NewChecker(base Lexicon, extra []Term, disabled []string) *Checker {
	if len(extra) == 0 && len(disabled) == 0 && base.index != nil {
		return &Checker{idx: base.index}
	}
	off := make(map[string]bool, len(disabled))
	for _, id := range disabled {
		off[id] = true
	}
	idx := base.index.without(off)
	for i := range extra {
		t := extra[i].clone()
		for _, f := range append([]string{t.Phrase}, t.Forms...) {
			if p := newPattern(f, &t); len(p.words) > 0 {
				p.owner = t.ID
				idx.add(p)
			}
		}
	}
	return &Checker{idx: idx}
}

// Check returns the terms found in text, in order and never overlapping.
// Where phrases overlap, the one that starts first wins, and of those that
// start together, the longest. Words inside quoted speech are never
// flagged (see the package documentation for the rule).
func (c *Checker) Check(text string) []Finding {
	toks := tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	markQuoted(toks, quotedSpans(text))
	var out []Finding
	for i := 0; i < len(toks); {
		p, n := c.longestAt(text, toks, i)
		if n == 0 {
			i++
			continue
		}
		if p.term != nil {
			start, end := toks[i].start, toks[i+n-1].end
			out = append(out, Finding{
				Start: start, End: end, Text: text[start:end],
				TermID: p.term.ID, Term: p.term.Phrase, Why: p.term.Why,
				Suggestions: slices.Clone(p.term.Suggestions), Label: p.term.Label,
			})
		}
		i += n
	}
	return out
}

// longestAt returns the longest pattern that matches the words from toks[i],
// and how many words it covers, or 0 when none does.
func (c *Checker) longestAt(text string, toks []token, i int) (pattern, int) {
	t := toks[i]
	if t.quoted {
		return pattern{}, 0
	}
	best, bestN := pattern{}, 0
	try := func(list []pattern) {
		for _, p := range list {
			if len(p.words) <= bestN {
				return // lists are longest first
			}
			if matchesAt(text, toks, i, p.words) {
				best, bestN = p, len(p.words)
				return
			}
		}
	}
	try(c.idx[t.norm])
	if t.stem != "" {
		try(c.idx[t.stem])
	}
	return best, bestN
}

// matchesAt reports whether words match the tokens from toks[i]: each word
// equal, joined only by white space and hyphens, none quoted. The last word
// may also carry a possessive "'s".
func matchesAt(text string, toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for j, w := range words {
		t := toks[i+j]
		if t.quoted {
			return false
		}
		if t.norm != w && (j != len(words)-1 || t.stem != w) {
			return false
		}
		if j > 0 && !gapJoins(text[toks[i+j-1].end:t.start]) {
			return false
		}
	}
	return true
}
