package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// supervisionSessionData is what a session's page shows.
type supervisionSessionData struct {
	Session      supervision.Session
	Me           string
	IsSupervisor bool
	// Items and Notes are the agenda: for a planned session, what is
	// waiting; for a held one, what it discussed.
	Items []supervision.Item
	Notes []supervision.AgendaNote
	// Gathered are the families the practitioner's caseload brings up, for
	// a planned session only, with NotSeenWeeks from the settings.
	Gathered      []supervision.Gathered
	NotSeenWeeks  int
	Families      []store.Family
	Directions    []supervision.Direction
	HasReflection bool
	AgendaForm    *form
	HeldForm      *form
}

// supervisionPage shows a session to its two people: its agenda, the case
// direction recorded, a link to the private reflective part, and, while it
// is planned, the forms to add to the agenda and to record it as held.
func (s *Server) supervisionPage(w http.ResponseWriter, r *http.Request) error {
	ses, err := s.supervisionFor(r, access.Read, access.KindSupervision)
	if err != nil {
		return err
	}
	agenda := newForm()
	held := newForm()
	now := s.db.Now()
	if ses.PlannedFor.Before(now) {
		fillWhen(held, ses.PlannedFor)
	} else {
		fillWhen(held, now)
	}
	return s.renderSupervision(w, r, http.StatusOK, ses, agenda, held)
}

func (s *Server) renderSupervision(w http.ResponseWriter, r *http.Request, status int, ses supervision.Session, agenda, held *form) error {
	actor := actorFrom(r.Context())
	ctx := r.Context()
	d := supervisionSessionData{Session: ses, Me: actor.UserID, IsSupervisor: actor.UserID == ses.SupervisorID, AgendaForm: agenda, HeldForm: held}
	var err error
	switch {
	case ses.Cancelled():
		// Nothing was discussed; what waits, waits for the next session.
	case ses.Held():
		if d.Items, err = s.db.DiscussedSupervisionItems(ctx, actor.OrgID, ses.ID); err != nil {
			return err
		}
		if d.Notes, err = s.db.DiscussedAgendaNotes(ctx, actor.OrgID, ses.ID); err != nil {
			return err
		}
	default:
		if d.Items, err = s.db.WaitingSupervisionItems(ctx, actor.OrgID, ses.PractitionerID); err != nil {
			return err
		}
		if d.Notes, err = s.db.WaitingAgendaNotes(ctx, actor.OrgID, ses.PractitionerID); err != nil {
			return err
		}
	}
	families, signals, err := s.db.PractitionerCaseload(ctx, actor.OrgID, ses.PractitionerID, s.db.Now().AddDate(0, 0, -int(family.AlertWindow.Hours()/24)))
	if err != nil {
		return err
	}
	d.Families = families
	// The page names the practitioner's families: the list read is kept.
	if err := s.recordList(r, "supervision-caseload", len(families)); err != nil {
		return err
	}
	if ses.Open() {
		if d.Gathered, d.NotSeenWeeks, err = s.gatherAgenda(r, families, signals); err != nil {
			return err
		}
	}
	if d.Directions, err = s.db.SessionDirections(ctx, actor.OrgID, ses.ID); err != nil {
		return err
	}
	refl, err := s.db.Reflection(ctx, actor.OrgID, ses.ID)
	if err != nil {
		return err
	}
	d.HasReflection = !refl.Empty()
	title := "Supervision with " + ses.Other(actor.UserID)
	return s.render(w, r, status, "supervision_session", title, d)
}

// gatherAgenda works out which of the practitioner's families the agenda
// brings up by itself, with the organisation's not-seen setting.
func (s *Server) gatherAgenda(r *http.Request, families []store.Family, signals map[string]family.Signals) ([]supervision.Gathered, int, error) {
	actor := actorFrom(r.Context())
	settings, err := s.db.SupervisionSettings(r.Context(), actor.OrgID)
	if err != nil {
		return nil, 0, err
	}
	facts := make([]supervision.FamilyFacts, len(families))
	for i, f := range families {
		facts[i] = supervision.FamilyFacts{FamilyID: f.ID, Name: f.Name, Signals: signals[f.ID]}
	}
	return supervision.Gather(facts, s.db.Now(), settings.NotSeenWeeks, ukTime()), settings.NotSeenWeeks, nil
}

// addToAgenda puts something on the practitioner's agenda by hand; either
// of the session's two people may.
func (s *Server) addToAgenda(w http.ResponseWriter, r *http.Request) error {
	ses, err := s.supervisionFor(r, access.Update, access.KindSupervision)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	agenda := newForm()
	agenda.Values[supervision.FieldAgendaText] = r.PostForm.Get(supervision.FieldAgendaText)
	agenda.Values[supervision.FieldAgendaFamily] = r.PostForm.Get(supervision.FieldAgendaFamily)
	n := supervision.AgendaNote{PractitionerID: ses.PractitionerID, FamilyID: agenda.Values[supervision.FieldAgendaFamily],
		Text: agenda.Values[supervision.FieldAgendaText], AddedBy: actor.UserID}
	for field, msg := range n.Problems() {
		agenda.Add(field, msg)
	}
	if n.FamilyID != "" && !s.inCaseload(r, ses.PractitionerID, n.FamilyID) {
		agenda.Add(supervision.FieldAgendaFamily, "Choose one of the practitioner's families, or none")
	}
	if !ses.Open() {
		agenda.Add(supervision.FieldAgendaText, "This session has been held or called off. Add it to the next one.")
	}
	if !agenda.Valid() {
		held := newForm()
		fillWhen(held, s.db.Now())
		return s.renderSupervision(w, r, http.StatusUnprocessableEntity, ses, agenda, held)
	}
	if err := s.recordChange(r, audit.Create, access.KindSupervision, ses.ID, "agenda item added"); err != nil {
		return err
	}
	if _, err := s.db.AddAgendaNote(r.Context(), actor.OrgID, n); err != nil {
		return err
	}
	s.flash(r, "Added to the agenda.")
	http.Redirect(w, r, "/supervision/"+ses.ID+"#agenda", http.StatusSeeOther)
	return nil
}

// inCaseload reports whether familyID is allocated to the practitioner now.
func (s *Server) inCaseload(r *http.Request, practitionerID, familyID string) bool {
	actor := actorFrom(r.Context())
	mine, err := s.db.AllocatedFamilies(r.Context(), actor.OrgID, practitionerID)
	if err != nil {
		return false
	}
	for _, f := range mine {
		if f.ID == familyID {
			return true
		}
	}
	return false
}

// recordHeld records the session as held: what on the agenda was
// discussed (the rest waits for the next session) and, if given, when the
// next session is planned for.
func (s *Server) recordHeld(w http.ResponseWriter, r *http.Request) error {
	ses, err := s.supervisionFor(r, access.Update, access.KindSupervision)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	held := newForm()
	for _, k := range whenFields {
		held.Values[k] = r.PostForm.Get(k)
		held.Values["next-"+k] = r.PostForm.Get("next-" + k)
	}
	now := s.db.Now()
	var h supervision.HeldReport
	h.At, h.AtValid = family.WhenFromParts(held.Value("when-day"), held.Value("when-month"), held.Value("when-year"), held.Value("when-time"), ukTime())
	h.NextGiven = strings.TrimSpace(held.Value("next-when-day")+held.Value("next-when-month")+held.Value("next-when-year")+held.Value("next-when-time")) != ""
	if h.NextGiven {
		h.Next, h.NextValid = family.WhenFromParts(held.Value("next-when-day"), held.Value("next-when-month"), held.Value("next-when-year"), held.Value("next-when-time"), ukTime())
	}
	problems := ses.HeldProblems(h, actor.UserID, now)
	held.Add(supervision.FieldWhen, problems[supervision.FieldWhen])
	held.Add(supervision.FieldNextWhen, problems[supervision.FieldNextWhen])
	if !held.Valid() {
		return s.renderSupervision(w, r, http.StatusUnprocessableEntity, ses, newForm(), held)
	}
	if h.NextGiven {
		// Planning the next session is the supervisor's, with a practitioner
		// they still supervise: asked and recorded like any other plan.
		rel, err := s.db.UserRelationship(r.Context(), *actor, ses.PractitionerID)
		if err != nil {
			return err
		}
		if _, err := s.authorize(r, access.Create, access.Resource{Kind: access.KindSupervision, OrgID: actor.OrgID, Relationship: rel}); err != nil {
			return err
		}
		if err := s.recordChange(r, audit.Create, access.KindUser, ses.PractitionerID, "supervision planned"); err != nil {
			return err
		}
	}
	if err := s.recordChange(r, audit.Update, access.KindSupervision, ses.ID, "supervision recorded as held"); err != nil {
		return err
	}
	rec := store.Held{At: h.At, Items: r.PostForm["item"], Notes: r.PostForm["note"], RecordedBy: actor.UserID}
	if h.NextGiven {
		rec.Next = h.Next
	}
	following, err := s.db.RecordSupervisionHeld(r.Context(), actor.OrgID, ses.ID, rec)
	if errors.Is(err, store.ErrConflict) {
		// The other person recorded it a moment ago.
		s.flash(r, "This session was already recorded as held.")
		http.Redirect(w, r, "/supervision/"+ses.ID, http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	if following.ID != "" {
		s.flash(r, "Session recorded as held. The next one is planned for "+dayAndTime(following.PlannedFor)+".")
		http.Redirect(w, r, "/supervision/"+following.ID, http.StatusSeeOther)
		return nil
	}
	s.flash(r, "Session recorded as held.")
	http.Redirect(w, r, "/supervision/"+ses.ID, http.StatusSeeOther)
	return nil
}
