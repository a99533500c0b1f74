package language

import (
	"unicode"
)

// span is a half-open byte range [start, end) of a text.
type span struct{ start, end int }

// quoteKind is the kind of quotation mark that opened a quotation.
type quoteKind int

const (
	noQuote quoteKind = iota
	doubleQuote
	guillemet
	singleQuote
)

// quotedSpans finds the quoted speech in s: the text between matching
// quotation marks, marks included. The rules, in full:
//
//   - Double quotes pair up: a straight " or a curly “ opens, and the next
//     " or ” closes. Guillemets « » pair the same way.
//   - A single quote (‘ or ') opens only at the start of a word: after the
//     start of the text, white space or an opening bracket, and before a
//     word. It closes at the next ’ or ' that follows a non-space and is not
//     followed by a letter, so the apostrophes in "didn’t" and "mum's" never
//     close it. A single quotation must close on the line it opened on.
//   - While one quotation is open, other quotation marks inside it are
//     ordinary text: “She said ‘no’” is one quotation.
//   - A blank line ends a paragraph and forgets any quotation still open.
//     A quotation that never closes is not treated as quoted at all, so one
//     stray mark cannot hide the rest of a note.
func quotedSpans(s string) []span {
	var (
		out   []span
		open  = noQuote
		start int
		prev  rune = ' ' // the rune before i; the text starts as if after a space
	)
	for i := 0; i < len(s); {
		r, w := decodeAt(s, i)
		next, _ := decodeAt(s, i+w)
		if r == '\n' {
			if open == singleQuote || blankLineFollows(s, i+w) {
				open = noQuote
			}
		}
		switch open {
		case noQuote:
			switch {
			case r == '"' || r == '“':
				open, start = doubleQuote, i
			case r == '«':
				open, start = guillemet, i
			case (r == '‘' || r == '\'') && opensWord(prev) && isWordRune(next):
				open, start = singleQuote, i
			}
		case doubleQuote:
			if r == '"' || r == '”' {
				out, open = append(out, span{start, i + w}), noQuote
			}
		case guillemet:
			if r == '»' {
				out, open = append(out, span{start, i + w}), noQuote
			}
		case singleQuote:
			if (r == '’' || r == '\'') && !unicode.IsSpace(prev) && !(isWordRune(next)) {
				out, open = append(out, span{start, i + w}), noQuote
			}
		}
		prev = r
		i += w
	}
	return out
}

// opensWord reports whether a single quote after r is at the start of a word.
func opensWord(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–'
}

// blankLineFollows reports whether only spaces and tabs lie between i and
// the next new line, making the line that starts at i blank.
func blankLineFollows(s string, i int) bool {
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return false
}

// markQuoted sets quoted on every token that lies inside a quoted span. Both
// lists are sorted by position.
func markQuoted(toks []token, spans []span) {
	j := 0
	for i := range toks {
		for j < len(spans) && spans[j].end <= toks[i].start {
			j++
		}
		if j < len(spans) && spans[j].start <= toks[i].start && toks[i].end <= spans[j].end {
			toks[i].quoted = true
		}
	}
}
