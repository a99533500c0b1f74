package web

import (
	"errors"
	"github.com/steadfast-care/steadfast/internal/store"
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/family"
)

// engagementActionRows is how many plan actions the form offers at once.
const engagementActionRows = 3

// engagementFormData is what the engagement record form shows. The
// form's free-text fields carry their wording findings (Server.checkFields).
type engagementFormData struct {
	FamilyID   string
	FamilyName string
	Form       *form
	Patterns   []engagement.Pattern
	Reasons    []engagement.Reason
	Steps      []engagement.SafetyStep
	ActionRows []int
	// DraftSaved is when the draft offered back was last saved, if one was.
	DraftSaved *time.Time
}

// engagementDraft is the draft key of a new engagement record: drafts are
// kept per person and family, beside contact notes' drafts.
const engagementDraft = "form:engagement"

// Checked reports whether a checkbox of the group name with value was ticked.
func (d engagementFormData) Checked(name, value string) bool {
	return d.Form.Value(checkKey(name, value)) != ""
}

// checkKey is where a ticked checkbox is kept in a form's values.
func checkKey(name, value string) string { return name + "/" + value }

// SeenField names the field for the behaviour seen under a pattern.
func (d engagementFormData) SeenField(p engagement.Pattern) string { return engagement.SeenField(p) }

// ActionField names part of a plan action's row: "what", "owner" or "due".
func (d engagementFormData) ActionField(n int, part string) string {
	return engagement.ActionField(n, part)
}

// engagementTextFields are the form's free-text fields.
func engagementTextFields() []string {
	return append(engagementCheckedFields(), engagement.FieldFamilyView)
}

// engagementCheckedFields are the free-text fields whose wording is
// checked: everything the practitioner writes in their own words. The
// family's own view is not checked: it is their words, often a quotation,
// and the checker never corrects a family.
func engagementCheckedFields() []string {
	var out []string
	for _, p := range engagement.Patterns() {
		out = append(out, engagement.SeenField(p))
	}
	return append(out, engagement.FieldHardAreas, engagement.FieldHypOther, engagement.FieldForChild, engagement.FieldFeelings)
}

// engagementFieldOrder is the order of the form's fields, so the error
// summary lists problems as the form asks the questions.
func engagementFieldOrder() []string {
	out := []string{engagement.FieldRecorded, engagement.FieldPatterns}
	for _, p := range engagement.Patterns() {
		out = append(out, engagement.SeenField(p))
	}
	out = append(out, engagement.FieldHardAreas, "hypotheses", engagement.FieldHypOther, engagement.FieldFamilyView,
		engagement.FieldForChild, engagement.FieldFeelings, engagement.FieldRisk, engagement.FieldSafety, engagement.FieldSafetyText)
	for n := 1; n <= engagementActionRows; n++ {
		out = append(out, engagement.ActionField(n, "what"), engagement.ActionField(n, "owner"), engagement.ActionField(n, "due"))
	}
	return append(out, engagement.FieldReview)
}

// engagementDateFields are the form's GOV.UK date inputs.
func engagementDateFields() []string {
	out := []string{engagement.FieldRecorded, engagement.FieldReview}
	for n := 1; n <= engagementActionRows; n++ {
		out = append(out, engagement.ActionField(n, "due"))
	}
	return out
}

// postedEngagementForm keeps everything posted, so a form shown again
// holds every word.
func postedEngagementForm(r *http.Request) *form {
	f := newForm()
	for _, name := range append(engagementTextFields(), engagement.FieldRisk, engagement.FieldSafety, engagement.FieldSafetyText) {
		f.Values[name] = r.PostForm.Get(name)
	}
	for _, name := range engagementDateFields() {
		for _, part := range []string{"day", "month", "year"} {
			f.Values[name+"-"+part] = r.PostForm.Get(name + "-" + part)
		}
	}
	for n := 1; n <= engagementActionRows; n++ {
		for _, part := range []string{"what", "owner"} {
			f.Values[engagement.ActionField(n, part)] = r.PostForm.Get(engagement.ActionField(n, part))
		}
	}
	for _, v := range r.PostForm["patterns"] {
		f.Values[checkKey("patterns", v)] = "on"
	}
	for _, v := range r.PostForm["hypotheses"] {
		f.Values[checkKey("hypotheses", v)] = "on"
	}
	return f
}

// engagementFromForm reads a record from the form, adding to f a problem
// for each date that is not a real date. Ticked choices that are not
// offered are kept, so validation can refuse them.
func engagementFromForm(f *form, r *http.Request, familyID, authorID string) engagement.Record {
	date := func(name string) time.Time {
		s, ok := family.DateFromParts(f.Value(name+"-day"), f.Value(name+"-month"), f.Value(name+"-year"))
		if !ok {
			f.Add(name, "Enter a real date, for example 3 11 2026")
			return time.Time{}
		}
		t, _ := engagement.ParseDate(s)
		return t
	}
	rec := engagement.Record{FamilyID: familyID, AuthorID: authorID, RecordedOn: date(engagement.FieldRecorded),
		HardAreas: f.Value(engagement.FieldHardAreas), FamilyView: f.Value(engagement.FieldFamilyView),
		ForChild: f.Value(engagement.FieldForChild), Feelings: f.Value(engagement.FieldFeelings),
		Risk: engagement.RiskAnswer(f.Value(engagement.FieldRisk)), Safety: engagement.SafetyStep(f.Value(engagement.FieldSafety)),
		SafetyText: f.Value(engagement.FieldSafetyText), ReviewOn: date(engagement.FieldReview)}
	for _, v := range r.PostForm["patterns"] {
		p := engagement.Pattern(v)
		rec.Patterns = append(rec.Patterns, engagement.ObservedPattern{Pattern: p, Seen: r.PostForm.Get(engagement.SeenField(p))})
	}
	for _, v := range r.PostForm["hypotheses"] {
		rec.Hypotheses = append(rec.Hypotheses, engagement.Hypothesis{Reason: engagement.Reason(v)})
	}
	if other := strings.TrimSpace(f.Value(engagement.FieldHypOther)); other != "" {
		rec.Hypotheses = append(rec.Hypotheses, engagement.Hypothesis{Reason: engagement.OtherReason, Text: other})
	}
	for n := 1; n <= engagementActionRows; n++ {
		rec.Actions = append(rec.Actions, engagement.Action{What: f.Value(engagement.ActionField(n, "what")),
			Owner: f.Value(engagement.ActionField(n, "owner")), DueOn: date(engagement.ActionField(n, "due"))})
	}
	return rec
}

func (s *Server) renderEngagementForm(w http.ResponseWriter, r *http.Request, status int, d engagementFormData) error {
	if err := s.checkFields(r, d.Form, engagementCheckedFields()...); err != nil {
		return err
	}
	d.Patterns, d.Reasons, d.Steps = engagement.Patterns(), engagement.Reasons(), engagement.SafetySteps()
	for n := 1; n <= engagementActionRows; n++ {
		d.ActionRows = append(d.ActionRows, n)
	}
	f, err := s.db.FamilyInOrg(r.Context(), actorFrom(r.Context()).OrgID, d.FamilyID)
	if err != nil {
		return err
	}
	d.FamilyName = f.Name
	return s.render(w, r, status, "engagement_form", "Write an engagement record", d)
}

func (s *Server) newEngagementPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Create)
	if handled {
		return err
	}
	today := s.db.Now().In(ukTime())
	f := newForm()
	f.Values["recorded-day"], f.Values["recorded-month"], f.Values["recorded-year"] = today.Format("2"), today.Format("1"), today.Format("2006")
	d := engagementFormData{FamilyID: id, Form: f}
	a := actorFrom(r.Context())
	draft, err := s.db.LoadDraft(r.Context(), a.OrgID, id, a.UserID, engagementDraft)
	switch {
	case err == nil:
		d.Form.Values, d.DraftSaved = draft.Fields, &draft.UpdatedAt
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	return s.renderEngagementForm(w, r, http.StatusOK, d)
}

// saveEngagement writes a new engagement record, or shows the form again
// with every word kept and each problem explained.
func (s *Server) saveEngagement(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Create)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := postedEngagementForm(r)
	d := engagementFormData{FamilyID: id, Form: f}
	// Every submit keeps a draft, so nothing typed is lost without JavaScript
	// either; saving the record removes it.
	if err := s.db.SaveDraft(r.Context(), actor.OrgID, id, actor.UserID, engagementDraft, f.Values); err != nil {
		return err
	}
	if checkOnly(r) {
		return s.renderEngagementForm(w, r, http.StatusOK, d)
	}
	rec := engagementFromForm(f, r, id, actor.UserID)
	problems := rec.Problems(s.db.Now().In(ukTime()))
	for _, field := range engagementFieldOrder() {
		if f.Error(field) == "" {
			f.Add(field, problems[field])
		}
	}
	if !f.Valid() {
		return s.renderEngagementForm(w, r, http.StatusUnprocessableEntity, d)
	}
	if err := s.recordChange(r, audit.Create, access.KindFamily, id, "engagement record added"); err != nil {
		return err
	}
	saved, err := s.db.SaveEngagementRecord(r.Context(), actor.OrgID, rec)
	if err != nil {
		return err
	}
	if err := s.db.DiscardDraft(r.Context(), actor.OrgID, id, actor.UserID, engagementDraft); err != nil {
		return err
	}
	msg := "Engagement record saved."
	if saved.Flag != nil {
		msg += " Your supervisor can see that you feel at risk, and everyone who works with the family can see the safety step: " + saved.Flag.Text() + "."
	}
	s.flash(r, msg)
	http.Redirect(w, r, "/families/"+id+"/engagement/"+saved.ID, http.StatusSeeOther)
	return nil
}
