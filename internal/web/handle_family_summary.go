package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
)

// summaryData is what the page for the three columns shows.
type summaryData struct {
	FamilyID string
	Form     *form
	History  []family.Summary // newest first
}

// summaryHistory bounds the versions shown under the form.
const summaryHistory = 50

// renderSummary shows the three columns' form, with the wording of each
// column checked, above the history of earlier versions.
func (s *Server) renderSummary(w http.ResponseWriter, r *http.Request, status int, id string, f *form) error {
	history, err := s.db.Summaries(r.Context(), actorFrom(r.Context()).OrgID, id, summaryHistory)
	if err != nil {
		return err
	}
	if f == nil {
		f = newForm()
		if len(history) > 0 {
			f.Values["worried"], f.Values["working-well"], f.Values["needs-to-happen"] = history[0].Worried, history[0].WorkingWell, history[0].NeedsToHappen
		}
	}
	var names []string
	for _, c := range summaryColumns() {
		names = append(names, c.Name)
	}
	if err := s.checkFields(r, f, names...); err != nil {
		return err
	}
	return s.render(w, r, status, "family_summary", "Worries, strengths and next steps", summaryData{FamilyID: id, Form: f, History: history})
}

func (s *Server) summaryPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	return s.renderSummary(w, r, http.StatusOK, id, nil)
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
	if checkOnly(r) {
		return s.renderSummary(w, r, http.StatusOK, id, f)
	}
	for field, problem := range sum.Problems() {
		f.Add(field, problem)
	}
	if !f.Valid() {
		return s.renderSummary(w, r, http.StatusUnprocessableEntity, id, f)
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
