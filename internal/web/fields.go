package web

import "strings"

// inputField is what the "input" partial needs to draw one text input with
// its label, hint and error.
type inputField struct {
	Name, Label, Hint, Type, Autocomplete string
	Value, Error                          string
	// DescribedBy names more elements that describe the field, such as its
	// wording hints.
	DescribedBy string
}

// describedBy returns the field with another element describing it, for use
// in templates when a field has wording hints:
//
//	{{template "textarea" (describedBy (field …) "worried-language-hints")}}
func describedBy(f inputField, id string) inputField {
	f.DescribedBy = strings.TrimSpace(f.DescribedBy + " " + id)
	return f
}

// field builds an inputField from a form, for use in templates:
//
//	{{template "input" (field .Data.Form "email" "Email address" "email" "email" "")}}
func field(f *form, name, label, typ, autocomplete, hint string) inputField {
	return inputField{
		Name: name, Label: label, Hint: hint, Type: typ, Autocomplete: autocomplete,
		Value: f.Value(name), Error: f.Error(name),
	}
}
