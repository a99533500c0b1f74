package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/language"
)

// languageChecker builds the respectful-language checker for an
// organisation: Steadfast's lexicon, plus the organisation's own terms,
// less the terms it has switched off. It reads the settings on every call,
// so a change made through one instance applies on all of them at once;
// building takes tens of microseconds (see language.BenchmarkNewChecker).
func (s *Server) languageChecker(ctx context.Context, orgID string) (*language.Checker, error) {
	extra, disabled, err := s.db.LanguageSettings(ctx, orgID)
	if err != nil {
		return nil, fmt.Errorf("build language checker: %w", err)
	}
	return language.NewChecker(language.Base(), extra, disabled), nil
}

// maxHintWrites bounds how many ways of writing one term a hint repeats.
const maxHintWrites = 3

// languageHintsView is what the "language-hints" partial draws beside one
// free-text field: one hint for each term found in it. Forms rarely build
// one themselves: a field checked with Server.checkFields gets its hints
// from the "textarea" and "input" partials.
type languageHintsView struct {
	// ID is the hints' element id. Give it to the field's aria-describedby
	// when Hints is not empty; languageHintsID returns it.
	ID    string
	Hints []languageHint
}

// languageHint is one term found in a field, however many times.
type languageHint struct {
	// Wrote are the phrases as the person wrote them, each once.
	Wrote       []string
	Why         string
	Suggestions []string
	// Label is true when the term labels a person rather than describing
	// what happened.
	Label bool
}

// languageHintsID returns the element id of a field's language hints.
func languageHintsID(field string) string { return field + "-language-hints" }

// languageHints groups a field's findings into hints for the
// "language-hints" partial, for use in templates:
//
//	{{template "language-hints" (languageHints "note" .Data.NoteFindings)}}
//
// The field named "note" then carries aria-describedby="note-language-hints"
// when there are findings.
func languageHints(field string, findings []language.Finding) languageHintsView {
	v := languageHintsView{ID: languageHintsID(field)}
	at := map[string]int{}
	for _, f := range findings {
		wrote := strings.Join(strings.Fields(f.Text), " ")
		i, ok := at[f.TermID]
		if !ok {
			at[f.TermID] = len(v.Hints)
			v.Hints = append(v.Hints, languageHint{Wrote: []string{wrote}, Why: f.Why, Suggestions: f.Suggestions, Label: f.Label})
			continue
		}
		h := &v.Hints[i]
		if len(h.Wrote) < maxHintWrites && !containsFold(h.Wrote, wrote) {
			h.Wrote = append(h.Wrote, wrote)
		}
	}
	return v
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// checkWording answers the page's script as someone types in a checked
// field (see checkFields): the hints for the posted text, as an HTML
// fragment to place beside the field. It reads no record, so it needs no
// policy decision, and it stores nothing.
func (s *Server) checkWording(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	field := r.PostForm.Get("field")
	if field == "" || len(field) > 40 || strings.Trim(field, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return errNotFound
	}
	checker, err := s.languageChecker(r.Context(), actorFrom(r.Context()).OrgID)
	if err != nil {
		return err
	}
	set, ok := s.pages.pages["note_form"]
	if !ok {
		return errors.New("check wording: no note form template")
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "language-hints", languageHints(field, checker.Check(r.PostForm.Get("text")))); err != nil {
		return fmt.Errorf("check wording: %w", err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err = buf.WriteTo(w)
	return err
}
