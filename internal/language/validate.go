package language

import (
	"strings"
	"unicode/utf8"
)

// Limits on an organisation's own terms.
const (
	MaxPhraseChars     = 100 // a term, or one of its other forms
	MaxForms           = 20  // other forms of one term
	MaxWhyChars        = 500
	MaxSuggestions     = 10
	MaxSuggestionChars = 300
)

// Problem is one thing wrong with a term someone typed, for a form to show
// beside the field it names.
type Problem struct {
	// Field is one of "term", "forms", "why" and "suggestions".
	Field   string
	Message string
}

// Validate checks a term an organisation wants to add: its phrase, its
// other forms, why it is a problem and what to write instead. Forms should
// hold the other forms only; the phrase itself is always matched.
func (t Term) Validate() []Problem {
	var out []Problem
	add := func(field, msg string) { out = append(out, Problem{Field: field, Message: msg}) }
	switch {
	case strings.TrimSpace(t.Phrase) == "":
		add("term", "Enter the word or phrase")
	case utf8.RuneCountInString(t.Phrase) > MaxPhraseChars:
		add("term", "The word or phrase must be 100 characters or fewer")
	case Key(t.Phrase) == "":
		add("term", "The word or phrase must contain letters or numbers")
	}
	if len(t.Forms) > MaxForms {
		add("forms", "Enter 20 other forms or fewer")
	}
	for _, f := range t.Forms {
		if utf8.RuneCountInString(f) > MaxPhraseChars {
			add("forms", "Each other form must be 100 characters or fewer")
			break
		}
		if Key(f) == "" {
			add("forms", "Each other form must contain letters or numbers")
			break
		}
	}
	switch {
	case strings.TrimSpace(t.Why) == "":
		add("why", "Enter why this can be a problem")
	case utf8.RuneCountInString(t.Why) > MaxWhyChars:
		add("why", "Why it can be a problem must be 500 characters or fewer")
	}
	switch {
	case len(t.Suggestions) == 0:
		add("suggestions", "Enter at least one suggestion")
	case len(t.Suggestions) > MaxSuggestions:
		add("suggestions", "Enter 10 suggestions or fewer")
	}
	for _, s := range t.Suggestions {
		if utf8.RuneCountInString(s) > MaxSuggestionChars {
			add("suggestions", "Each suggestion must be 300 characters or fewer")
			break
		}
	}
	return out
}

// Lines splits text typed one item to a line into its items, trimmed,
// leaving out blank lines. It suits the forms and suggestions fields.
func Lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
