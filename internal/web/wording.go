package web

import (
	"fmt"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/language"
)

// checkFields checks the wording of the named fields of f, as typed or as
// stored, and marks them as checked. The "textarea" and "input" partials
// then draw each one with live hints (data-language-check), a box for the
// hints beside it, and the findings linked through aria-describedby. Call
// it wherever a form with checked fields is drawn, so hints appear on the
// first view, after "Check my wording" and after a failed save alike.
// Findings are only suggestions: nothing here stops a save.
func (s *Server) checkFields(r *http.Request, f *form, names ...string) error {
	checker, err := s.languageChecker(r.Context(), actorFrom(r.Context()).OrgID)
	if err != nil {
		return fmt.Errorf("check wording of %v: %w", names, err)
	}
	if f.Findings == nil {
		f.Findings = make(map[string][]language.Finding, len(names))
	}
	for _, name := range names {
		f.Findings[name] = checker.Check(f.Value(name))
	}
	return nil
}

// checkOnly reports whether a form was posted with its "Check my wording"
// button: the handler shows the form again with its hints and every word
// typed, with status 200, and saves nothing.
func checkOnly(r *http.Request) bool { return r.PostForm.Get("action") == "check" }
