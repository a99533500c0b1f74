package language

import (
	"testing"
)

// quoted returns the quoted parts of text, marks included.
func quoted(text string) []string {
	var out []string
	for _, s := range quotedSpans(text) {
		out = append(out, text[s.start:s.end])
	}
	return out
}

func TestQuotedSpans(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{`Mum said "no" and "not today".`, []string{`"no"`, `"not today"`}},
		{"Mum said “no” then left.", []string{"“no”"}},
		{"Mum said “no\" — the marks are mixed.", []string{"“no\""}},
		{"Kai said «later».", []string{"«later»"}},
		{"Jay said ‘I’m fine’ and smiled.", []string{"‘I’m fine’"}},
		{"Jay said 'I'm fine' and smiled.", []string{"'I'm fine'"}},
		{"“She said ‘no’ to me” then left.", []string{"“She said ‘no’ to me”"}},
		{"(‘quoted in brackets’)", []string{"‘quoted in brackets’"}},
		// Apostrophes are not quotation marks.
		{"Mum’s view and the children’s view.", nil},
		{"The parents’ room and the kids' toys.", nil},
		{"didn't won't can't", nil},
		// A single quotation must close on its line.
		{"Dad said 'I was\nscared' later.", nil},
		// A double quotation may cross a line but not a blank line.
		{"Mum said \"I was\nscared\" later.", []string{"\"I was\nscared\""}},
		{"Mum said \"I was\n\nscared\" later.", nil},
		{"Mum said \"I was\r\n \r\nscared\" later.", nil},
		// An unclosed quotation hides nothing.
		{`Mum said "no and never came back.`, nil},
		{`"one" "two`, []string{`"one"`}},
		{"a ‘b", nil},
	} {
		got := quoted(c.text)
		if len(got) != len(c.want) {
			t.Errorf("%q: quoted %q, want %q", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: quoted %q, want %q", c.text, got, c.want)
			}
		}
	}
}

func TestMarkQuoted(t *testing.T) {
	text := `refused "refused" refused`
	toks := tokenize(text)
	markQuoted(toks, quotedSpans(text))
	if toks[0].quoted || !toks[1].quoted || toks[2].quoted {
		t.Errorf("quoted flags = %v %v %v, want false true false", toks[0].quoted, toks[1].quoted, toks[2].quoted)
	}
}
