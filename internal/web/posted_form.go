package web

import "net/http"

// postedForm is a form holding the posted values of fields, in order.
type postedForm struct {
	*form
	fields []string
}

// newPostedForm reads fields from the posted form.
func newPostedForm(r *http.Request, fields ...string) postedForm {
	f := newForm()
	for _, k := range fields {
		f.Values[k] = r.PostForm.Get(k)
	}
	return postedForm{form: f, fields: fields}
}

// addProblems adds problems, by field, in the form's order of fields, so
// the error summary lists them as the page shows the fields.
func (p postedForm) addProblems(problems map[string]string) {
	for _, k := range p.fields {
		p.Add(k, problems[k])
	}
}
