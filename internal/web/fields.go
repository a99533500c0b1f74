package web

import (
	"strings"

	"github.com/steadfast-care/steadfast/internal/language"
)

// inputField is what the "input" and "textarea" partials need to draw one
// field with its label, hint, error and, when its wording is checked, the
// respectful-language checker's hints.
type inputField struct {
	Name, Label, Hint, Type, Autocomplete string
	Value, Error                          string
	// Rows is a textarea's height in lines; 0 means the usual five.
	Rows int
	// Checked is true when the field's wording is checked: the partial then
	// marks it for live hints and draws the box that holds them.
	Checked bool
	// Findings are the checker's findings in Value, drawn beside the field.
	Findings []language.Finding
}

// AriaDescribedBy lists the ids of the elements that describe the field:
// its hint, its error and its wording hints, each only when drawn.
func (f inputField) AriaDescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.Name+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.Name+"-error")
	}
	if f.Checked && len(f.Findings) > 0 {
		ids = append(ids, languageHintsID(f.Name))
	}
	return strings.Join(ids, " ")
}

// TextareaRows returns the textarea's height in lines.
func (f inputField) TextareaRows() int {
	if f.Rows > 0 {
		return f.Rows
	}
	return 5
}

// field builds an inputField from a form, for use in templates:
//
//	{{template "input" (field .Data.Form "email" "Email address" "email" "email" "")}}
//
// A field whose wording the handler checked (see Server.checkFields) comes
// with its findings, and the partial draws them.
func field(f *form, name, label, typ, autocomplete, hint string) inputField {
	findings, checked := f.Findings[name]
	return inputField{
		Name: name, Label: label, Hint: hint, Type: typ, Autocomplete: autocomplete,
		Value: f.Value(name), Error: f.Error(name), Checked: checked, Findings: findings,
	}
}

// withRows returns a textarea field n lines high, for use in templates:
//
//	{{template "textarea" (withRows 10 (field $f "body" "What happened" "" "" ""))}}
func withRows(n int, f inputField) inputField {
	f.Rows = n
	return f
}
