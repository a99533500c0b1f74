package language

import (
	"fmt"
	"strings"
)

// maxExpansions bounds the phrases one pattern in the lexicon data may
// stand for, so a typing slip cannot make the lexicon explode.
const maxExpansions = 256

// expand turns one pattern from the lexicon data into the phrases it stands
// for. A group "(a|b|c)" stands for any one of its alternatives, and an
// empty alternative makes the group optional:
//
//	"(fail|fails|failed) to engage" -> "fail to engage", "fails to engage", "failed to engage"
//	"contact with (his|her|) mum"   -> "contact with his mum", "contact with her mum", "contact with  mum"
//
// Groups cannot nest. Extra spaces left by an empty alternative do not
// matter, because phrases are compared word by word. The notation is for the
// lexicon file only: terms an organisation adds are taken literally.
func expand(pattern string) ([]string, error) {
	out := []string{""}
	rest := pattern
	for rest != "" {
		open := strings.IndexAny(rest, "()|")
		if open < 0 {
			out = appendAll(out, []string{rest})
			break
		}
		if rest[open] != '(' {
			return nil, fmt.Errorf("pattern %q: %q outside a group", pattern, rest[open])
		}
		out = appendAll(out, []string{rest[:open]})
		body, after, ok := strings.Cut(rest[open+1:], ")")
		if !ok {
			return nil, fmt.Errorf("pattern %q: a group is not closed", pattern)
		}
		if strings.Contains(body, "(") {
			return nil, fmt.Errorf("pattern %q: groups cannot nest", pattern)
		}
		out = appendAll(out, strings.Split(body, "|"))
		if len(out) > maxExpansions {
			return nil, fmt.Errorf("pattern %q: more than %d phrases", pattern, maxExpansions)
		}
		rest = after
	}
	for _, p := range out {
		if Key(p) == "" {
			return nil, fmt.Errorf("pattern %q: an alternative has no words", pattern)
		}
	}
	return out, nil
}

// appendAll returns every prefix followed by every suffix.
func appendAll(prefixes, suffixes []string) []string {
	out := make([]string, 0, len(prefixes)*len(suffixes))
	for _, p := range prefixes {
		for _, s := range suffixes {
			out = append(out, p+s)
		}
	}
	return out
}
