package web

// inputField is what the "input" partial needs to draw one text input with
// its label, hint and error.
type inputField struct {
	Name, Label, Hint, Type, Autocomplete string
	Value, Error                          string
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
