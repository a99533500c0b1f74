package language

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sync"
)

// Term is one entry in a lexicon: a word or phrase that can read as blame,
// jargon or a label, why, and what to write instead.
type Term struct {
	// ID names the term. Steadfast's own terms have readable IDs such as
	// "failed-to-engage"; an organisation's terms have the store's IDs.
	ID string `json:"id"`
	// Phrase is how the term is shown to people, such as "failed to engage".
	Phrase string `json:"term"`
	// Forms are every phrase that the checker matches for this term, such as
	// "fails to engage" and "failing to engage". In the lexicon file they
	// may use the (a|b) notation; in a parsed Lexicon they are plain phrases.
	Forms []string `json:"forms"`
	// Except are longer phrases that contain a form but mean something else,
	// such as "refuse collection". Where one matches, nothing is flagged.
	Except []string `json:"except,omitempty"`
	// Why says in one plain sentence why the term can be a problem.
	Why string `json:"why"`
	// Suggestions say what to write instead.
	Suggestions []string `json:"suggestions"`
	// Label is true when the term labels a family, a parent or a child
	// rather than describing what happened. Forms can then say "describe the
	// behaviour instead".
	Label bool `json:"label"`
}

// clone returns a deep copy, so a Lexicon's terms cannot be changed through
// what it hands out.
func (t Term) clone() Term {
	t.Forms = slices.Clone(t.Forms)
	t.Except = slices.Clone(t.Except)
	t.Suggestions = slices.Clone(t.Suggestions)
	return t
}

// Lexicon is an immutable list of terms with their phrases compiled for
// matching. The zero Lexicon has no terms.
type Lexicon struct {
	terms    []Term
	compiled []pattern // every term's forms and exceptions, as words
	index    index     // built once; shared by every Checker that changes nothing
}

//go:embed lexicon.json
var lexiconJSON []byte

// base parses the embedded lexicon once. The value it returns is never
// changed afterwards, so it is safe to share.
var base = sync.OnceValues(func() (Lexicon, error) { return ParseLexicon(lexiconJSON) })

// Base returns Steadfast's own lexicon, built from the embedded
// lexicon.json. The file is compiled into the binary and its parsing is
// tested, so Base panics if it is malformed, as template.Must would.
func Base() Lexicon {
	l, err := base()
	if err != nil {
		panic(fmt.Sprintf("language: the embedded lexicon is malformed: %v", err))
	}
	return l
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ParseLexicon reads a lexicon in the JSON format of lexicon.json: a list
// of terms whose forms and exceptions may use the (a|b) notation. It checks
// that IDs are unique, that every term says why and offers a suggestion,
// and that no phrase belongs to two terms.
func ParseLexicon(data []byte) (Lexicon, error) {
	var raw []Term
	if err := json.Unmarshal(data, &raw); err != nil {
		return Lexicon{}, fmt.Errorf("parse lexicon: %w", err)
	}
	seenID := map[string]bool{}
	seenPhrase := map[string]string{}
	terms := make([]Term, 0, len(raw))
	for _, t := range raw {
		if !idPattern.MatchString(t.ID) {
			return Lexicon{}, fmt.Errorf("lexicon: term %q: the ID must be lower-case words joined by hyphens", t.ID)
		}
		if seenID[t.ID] {
			return Lexicon{}, fmt.Errorf("lexicon: term %q appears twice", t.ID)
		}
		seenID[t.ID] = true
		if t.Phrase == "" || t.Why == "" || len(t.Suggestions) == 0 || len(t.Forms) == 0 {
			return Lexicon{}, fmt.Errorf("lexicon: term %q needs a term, forms, a reason and a suggestion", t.ID)
		}
		var err error
		if t.Forms, err = expandAll(t.Forms); err != nil {
			return Lexicon{}, fmt.Errorf("lexicon: term %q: %w", t.ID, err)
		}
		if t.Except, err = expandAll(t.Except); err != nil {
			return Lexicon{}, fmt.Errorf("lexicon: term %q: %w", t.ID, err)
		}
		for _, f := range append(slices.Clone(t.Forms), t.Except...) {
			k := Key(f)
			if other, ok := seenPhrase[k]; ok {
				return Lexicon{}, fmt.Errorf("lexicon: %q belongs to both %q and %q", k, other, t.ID)
			}
			seenPhrase[k] = t.ID
		}
		terms = append(terms, t)
	}
	l := Lexicon{terms: terms}
	for i := range l.terms {
		t := &l.terms[i]
		for _, f := range t.Forms {
			p := newPattern(f, t)
			p.owner = t.ID
			l.compiled = append(l.compiled, p)
		}
		for _, e := range t.Except {
			p := newPattern(e, nil)
			p.owner = t.ID
			l.compiled = append(l.compiled, p)
		}
	}
	l.index = buildIndex(l.compiled)
	return l, nil
}

// expandAll expands every pattern and drops repeated phrases.
func expandAll(patterns []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, p := range patterns {
		phrases, err := expand(p)
		if err != nil {
			return nil, err
		}
		for _, ph := range phrases {
			if k := Key(ph); !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out, nil
}

// Terms returns a copy of the lexicon's terms, in the file's order.
func (l Lexicon) Terms() []Term {
	out := make([]Term, len(l.terms))
	for i, t := range l.terms {
		out[i] = t.clone()
	}
	return out
}

// Lookup returns the term with the given ID.
func (l Lexicon) Lookup(id string) (Term, bool) {
	for _, t := range l.terms {
		if t.ID == id {
			return t.clone(), true
		}
	}
	return Term{}, false
}

// Len returns the number of terms.
func (l Lexicon) Len() int { return len(l.terms) }
