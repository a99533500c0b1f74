package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// supervisionToChange reads the session in the path for moving or calling
// off: planning again, which the policy allows only the supervisor of a
// practitioner they still supervise. The practitioner is refused (403);
// anyone else is told nothing (404). A session held or called off cannot
// be changed: it answers closed, and the caller shows the session again.
func (s *Server) supervisionToChange(r *http.Request) (ses supervision.Session, closed bool, err error) {
	ses, err = s.supervisionFor(r, access.Read, access.KindSupervision)
	if err != nil {
		return ses, false, err
	}
	actor := actorFrom(r.Context())
	rel, err := s.db.UserRelationship(r.Context(), *actor, ses.PractitionerID)
	if err != nil {
		return ses, false, err
	}
	if actor.UserID != ses.SupervisorID {
		rel = access.None
	}
	if _, err := s.authorize(r, access.Create, access.Resource{Kind: access.KindSupervision, ID: ses.ID, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return ses, false, err
	}
	return ses, !ses.Open(), nil
}

// showClosedSupervision sends the person back to a session that can no longer
// be changed, saying why.
func (s *Server) showClosedSupervision(w http.ResponseWriter, r *http.Request, ses supervision.Session) error {
	s.flash(r, "This session has been held or called off, so it cannot be changed.")
	http.Redirect(w, r, "/supervision/"+ses.ID, http.StatusSeeOther)
	return nil
}

// moveSupervisionData is what the form to move a session shows.
type moveSupervisionData struct {
	Session supervision.Session
	Form    *form
}

// moveSupervisionPage shows the form a supervisor moves a planned session with.
func (s *Server) moveSupervisionPage(w http.ResponseWriter, r *http.Request) error {
	ses, closed, err := s.supervisionToChange(r)
	if err != nil {
		return err
	}
	if closed {
		return s.showClosedSupervision(w, r, ses)
	}
	f := newForm()
	fillWhen(f, ses.PlannedFor)
	return s.render(w, r, http.StatusOK, "supervision_move", "Change the date", moveSupervisionData{Session: ses, Form: f})
}

// moveSupervision saves a planned session's new date and time.
func (s *Server) moveSupervision(w http.ResponseWriter, r *http.Request) error {
	ses, closed, err := s.supervisionToChange(r)
	if err != nil {
		return err
	}
	if closed {
		return s.showClosedSupervision(w, r, ses)
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range whenFields {
		f.Values[k] = r.PostForm.Get(k)
	}
	when, _ := family.WhenFromParts(f.Value("when-day"), f.Value("when-month"), f.Value("when-year"), f.Value("when-time"), ukTime())
	f.Add(supervision.FieldWhen, supervision.PlanProblems(when, s.db.Now())[supervision.FieldWhen])
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "supervision_move", "Change the date", moveSupervisionData{Session: ses, Form: f})
	}
	if err := s.recordChange(r, audit.Update, access.KindSupervision, ses.ID, "supervision moved"); err != nil {
		return err
	}
	if err := s.db.MoveSupervision(r.Context(), actorFrom(r.Context()).OrgID, ses.ID, when); errors.Is(err, store.ErrConflict) {
		return s.showClosedSupervision(w, r, ses)
	} else if err != nil {
		return err
	}
	s.flash(r, "Session moved to "+dayAndTime(when)+".")
	http.Redirect(w, r, "/supervision/"+ses.ID, http.StatusSeeOther)
	return nil
}

// cancelSupervisionConfirm asks before a planned session is called off.
func (s *Server) cancelSupervisionConfirm(w http.ResponseWriter, r *http.Request) error {
	ses, closed, err := s.supervisionToChange(r)
	if err != nil {
		return err
	}
	if closed {
		return s.showClosedSupervision(w, r, ses)
	}
	when := dayAndTime(ses.PlannedFor)
	return s.renderConfirm(w, r, confirmData{Caption: "Supervision with " + ses.PractitionerName, Title: "Call off this session?",
		Body: []string{"The session on " + when + " will no longer be shown to either of you as coming up. It is kept, marked as called off.",
			"What is waiting on the agenda stays there for the next session. Plan a new one when you can."},
		Action: "/supervision/" + ses.ID + "/cancel", Button: "Call off the session", Warning: true, Back: "/supervision/" + ses.ID})
}

// cancelSupervision calls a planned session off.
func (s *Server) cancelSupervision(w http.ResponseWriter, r *http.Request) error {
	ses, closed, err := s.supervisionToChange(r)
	if err != nil {
		return err
	}
	if closed {
		return s.showClosedSupervision(w, r, ses)
	}
	if err := s.recordChange(r, audit.Update, access.KindSupervision, ses.ID, "supervision called off"); err != nil {
		return err
	}
	if err := s.db.CancelSupervision(r.Context(), actorFrom(r.Context()).OrgID, ses.ID); errors.Is(err, store.ErrConflict) {
		return s.showClosedSupervision(w, r, ses)
	} else if err != nil {
		return err
	}
	s.flash(r, "Session called off.")
	http.Redirect(w, r, "/supervision", http.StatusSeeOther)
	return nil
}
