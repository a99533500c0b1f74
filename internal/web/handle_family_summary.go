package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/language"
)

// summaryData is what the page for the three columns shows.
type summaryData struct {
	FamilyID string
	Form     *form
	History  []family.Summary // newest first
	// Findings holds the wording hints for each column, by field name.
	Findings map[string][]language.Finding
}

// withFindings checks the wording of the three columns as typed.
func (s *Server) withFindings(r *http.Request, d summaryData) (summaryData, error) {
	checker, err := s.languageChecker(r.Context(), actorFrom(r.Context()).OrgID)
	if err != nil {
		return d, err
	}
	d.Findings = map[string][]language.Finding{}
	for _, c := range summaryColumns() {
		d.Findings[c.Name] = checker.Check(d.Form.Value(c.Name))
	}
	return d, nil
}

// summaryHistory bounds the versions shown under the form.
const summaryHistory = 50

func (s *Server) summaryPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	history, err := s.db.Summaries(r.Context(), actorFrom(r.Context()).OrgID, id, summaryHistory)
	if err != nil {
		return err
	}
	f := newForm()
	if len(history) > 0 {
		f.Values["worried"], f.Values["working-well"], f.Values["needs-to-happen"] = history[0].Worried, history[0].WorkingWell, history[0].NeedsToHappen
	}
	d, err := s.withFindings(r, summaryData{FamilyID: id, Form: f, History: history})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "family_summary", "Worries, strengths and next steps", d)
}

func (s *Server) saveSummary(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	sum := family.Summary{FamilyID: id, Worried: r.PostForm.Get("worried"), WorkingWell: r.PostForm.Get("working-well"),
		NeedsToHappen: r.PostForm.Get("needs-to-happen"), AuthorID: actor.UserID}
	f := newForm()
	f.Values["worried"], f.Values["working-well"], f.Values["needs-to-happen"] = sum.Worried, sum.WorkingWell, sum.NeedsToHappen
	for field, problem := range sum.Problems() {
		f.Add(field, problem)
	}
	if !f.Valid() {
		history, err := s.db.Summaries(r.Context(), actor.OrgID, id, summaryHistory)
		if err != nil {
			return err
		}
		d, err := s.withFindings(r, summaryData{FamilyID: id, Form: f, History: history})
		if err != nil {
			return err
		}
		return s.render(w, r, http.StatusUnprocessableEntity, "family_summary", "Worries, strengths and next steps", d)
	}
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "worries, strengths and next steps saved"); err != nil {
		return err
	}
	added, err := s.db.SaveSummary(r.Context(), actor.OrgID, sum)
	if err != nil {
		return err
	}
	if added {
		s.flash(r, "Saved. The earlier version is kept in the history.")
	} else {
		s.flash(r, "Nothing had changed, so nothing new was saved.")
	}
	http.Redirect(w, r, "/families/"+id, http.StatusSeeOther)
	return nil
}

// summaryColumn is one of the three columns' form fields.
type summaryColumn struct{ Name, Label, Hint string }

// summaryColumns lists the three columns in the order people read them.
func summaryColumns() []summaryColumn {
	return []summaryColumn{
		{"worried", "What we are worried about", "Say what has happened and what it means for the children, without blame"},
		{"working-well", "What is working well", "Strengths, people who help, and what the family is doing"},
		{"needs-to-happen", "What needs to happen", "The next steps, and who will do them"},
	}
}
