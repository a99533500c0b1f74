package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// selfCareData is what the self-care plan page shows.
type selfCareData struct {
	Form    *form
	Plan    wellbeing.SelfCare
	HasPlan bool
}

// selfCarePage shows a practitioner or supervisor their own self-care
// plan, ready to change.
func (s *Server) selfCarePage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.mayWellbeing(r, access.Read, access.KindSelfCare, actor.UserID, access.Own); err != nil {
		return err
	}
	plan, err := s.db.SelfCare(r.Context(), actor.OrgID, actor.UserID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	d := selfCareData{Form: newForm(), Plan: plan, HasPlan: err == nil}
	d.Form.Values[wellbeing.FieldHelps], d.Form.Values[wellbeing.FieldEarlySigns], d.Form.Values[wellbeing.FieldTalkTo] = plan.Helps, plan.EarlySigns, plan.TalkTo
	return s.render(w, r, http.StatusOK, "wellbeing_self_care", "Your plan for looking after yourself", d)
}

// saveSelfCare keeps the plan as written, replacing the one before.
func (s *Server) saveSelfCare(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.mayWellbeing(r, access.Update, access.KindSelfCare, actor.UserID, access.Own); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := newPostedForm(r, wellbeing.FieldHelps, wellbeing.FieldEarlySigns, wellbeing.FieldTalkTo)
	plan := wellbeing.SelfCare{Helps: p.Value(wellbeing.FieldHelps), EarlySigns: p.Value(wellbeing.FieldEarlySigns), TalkTo: p.Value(wellbeing.FieldTalkTo)}
	p.addProblems(wellbeing.SelfCareProblems(plan))
	if !p.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "wellbeing_self_care", "Your plan for looking after yourself", selfCareData{Form: p.form})
	}
	if err := s.recordChange(r, audit.Update, access.KindSelfCare, actor.UserID, "wellbeing changed"); err != nil {
		return err
	}
	if _, err := s.db.SaveSelfCare(r.Context(), actor.OrgID, actor.UserID, plan); err != nil {
		return err
	}
	s.flash(r, "Your plan for looking after yourself is saved.")
	http.Redirect(w, r, "/wellbeing/self-care", http.StatusSeeOther)
	return nil
}
