package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// debriefFormData is what the debrief form shows.
type debriefFormData struct {
	FamilyID string
	Plan     conversation.Plan
	Action   string
	Form     *form
}

// debriefFields are the debrief form's fields, in the order it shows them.
var debriefFields = []string{"held-day", "held-month", "held-year", conversation.FieldHowItWent, conversation.FieldFamilySaid,
	conversation.FieldHowIFelt, conversation.FieldNextSteps}

// debriefChecked lists the debrief's fields whose wording is checked. What
// the family said is not: it is their own words, which the checker must
// never correct.
var debriefChecked = []string{conversation.FieldHowItWent, conversation.FieldHowIFelt, conversation.FieldNextSteps}

func (s *Server) renderDebriefForm(w http.ResponseWriter, r *http.Request, status int, d debriefFormData) error {
	if err := s.checkFields(r, d.Form, debriefChecked...); err != nil {
		return err
	}
	title := "Debrief the conversation"
	if d.Plan.Debrief != nil {
		title = "Change the debrief"
	}
	return s.render(w, r, status, "conversation_debrief", title, d)
}

// formFromDebrief fills the debrief form from the current debrief or, for a
// first debrief, with the day the conversation was planned for, if that
// has come, or today.
func formFromDebrief(p conversation.Plan, today string) *form {
	f := newForm()
	held := today
	if p.PlannedFor != "" && p.PlannedFor <= today {
		held = p.PlannedFor
	}
	if d := p.Debrief; d != nil {
		held = d.HeldOn
		f.Values[conversation.FieldHowItWent], f.Values[conversation.FieldFamilySaid] = d.HowItWent, d.FamilySaid
		f.Values[conversation.FieldHowIFelt], f.Values[conversation.FieldNextSteps] = d.HowIFelt, d.NextSteps
	}
	if t, err := family.ParseDate(held); err == nil {
		f.Values["held-day"], f.Values["held-month"], f.Values["held-year"] = t.Format("2"), t.Format("1"), t.Format("2006")
	}
	return f
}

func (s *Server) debriefPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	p, err := s.planInPath(r, id)
	if err != nil {
		return err
	}
	if err := s.recordPlanRead(r, id, "conversation plan read to debrief: "+p.ID); err != nil {
		return err
	}
	today := s.db.Now().In(ukTime()).Format("2006-01-02")
	return s.renderDebriefForm(w, r, http.StatusOK, debriefFormData{FamilyID: id, Plan: p, Action: r.URL.Path, Form: formFromDebrief(p, today)})
}

// saveDebrief saves the debrief, or a new version of it.
func (s *Server) saveDebrief(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	p, err := s.planInPath(r, id)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range debriefFields {
		f.Values[k] = r.PostForm.Get(k)
	}
	data := debriefFormData{FamilyID: id, Plan: p, Action: r.URL.Path, Form: f}
	if checkOnly(r) {
		return s.renderDebriefForm(w, r, http.StatusOK, data)
	}
	actor := actorFrom(r.Context())
	held, ok := family.DateFromParts(f.Value("held-day"), f.Value("held-month"), f.Value("held-year"))
	d := conversation.Debrief{PlanID: p.ID, HeldOn: held, HowItWent: f.Value(conversation.FieldHowItWent), FamilySaid: f.Value(conversation.FieldFamilySaid),
		HowIFelt: f.Value(conversation.FieldHowIFelt), NextSteps: f.Value(conversation.FieldNextSteps), AuthorID: actor.UserID}
	problems := d.Problems(s.db.Now().In(ukTime()))
	if !ok {
		problems[conversation.FieldHeldOn] = "Enter a real date, for example 3 12 2026"
	}
	for _, field := range []string{conversation.FieldHeldOn, conversation.FieldHowItWent, conversation.FieldFamilySaid, conversation.FieldHowIFelt, conversation.FieldNextSteps} {
		f.Add(field, problems[field])
	}
	if !f.Valid() {
		return s.renderDebriefForm(w, r, http.StatusUnprocessableEntity, data)
	}
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "conversation debrief saved: "+p.ID); err != nil {
		return err
	}
	_, added, err := s.db.SaveDebrief(r.Context(), actor.OrgID, id, d)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	switch {
	case p.Debrief == nil:
		s.flash(r, "Debrief saved.")
	case added:
		s.flash(r, "Debrief saved. The earlier version is kept below.")
	default:
		s.flash(r, "Nothing had changed, so nothing new was saved.")
	}
	http.Redirect(w, r, "/families/"+id+"/conversations/"+p.ID, http.StatusSeeOther)
	return nil
}
