package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// supervisionPerPage is how many held sessions one page lists.
const supervisionPerPage = 20

// supervisionListData is what the supervision page shows.
type supervisionListData struct {
	Upcoming []supervision.Session
	Held     []supervision.Session
	Pager    pager
	Me       string
	// Waiting counts what the practitioner has sent or added and not yet discussed.
	Waiting int
}

// supervisionStaff refuses those who have no supervision at all:
// co-facilitators and parents are told nothing (404), and the refusal is
// recorded as the policy's decision like any other.
func (s *Server) supervisionStaff(r *http.Request) error {
	actor := actorFrom(r.Context())
	if actor == nil {
		return errForbidden
	}
	if actor.Role != access.CoFacilitator && actor.Role != access.Parent {
		return nil
	}
	if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindSupervision, OrgID: actor.OrgID, Relationship: access.None}); err != nil && !errors.Is(err, errForbidden) {
		return err
	}
	return errNotFound
}

// supervisionList shows the signed-in person's supervision sessions: to
// come, then held, newest first. Administrators have none of their own;
// their page leads to the supervision record and the legal export.
func (s *Server) supervisionList(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return err
	}
	d := supervisionListData{Me: actor.UserID}
	if actor.Role != access.Admin {
		var err error
		if d.Upcoming, err = s.db.UpcomingSupervision(r.Context(), actor.OrgID, actor.UserID); err != nil {
			return err
		}
		pageNo := max(1, atoiOr(r.URL.Query().Get("page"), 1))
		held, err := s.db.HeldSupervision(r.Context(), actor.OrgID, actor.UserID, supervisionPerPage, (pageNo-1)*supervisionPerPage)
		if err != nil {
			return err
		}
		d.Held, d.Pager = held.Sessions, newPager("/supervision", pageNo, supervisionPerPage, held.Total)
		if actor.Role == access.Practitioner {
			items, err := s.db.WaitingSupervisionItems(r.Context(), actor.OrgID, actor.UserID)
			if err != nil {
				return err
			}
			notes, err := s.db.WaitingAgendaNotes(r.Context(), actor.OrgID, actor.UserID)
			if err != nil {
				return err
			}
			d.Waiting = len(items) + len(notes)
		}
		if err := s.recordList(r, "supervision", len(d.Upcoming)+len(d.Held)); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "supervision_list", "Supervision", d)
}

// planSupervisionData is what the form to plan a session shows.
type planSupervisionData struct {
	Supervisees []access.User
	Form        *form
}

// planSupervisionPage shows the form a supervisor plans a session with.
func (s *Server) planSupervisionPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return err
	}
	if actor.Role != access.Supervisor {
		return s.refuseSupervision(r, access.Create, "")
	}
	people, err := s.db.Supervisees(r.Context(), actor.OrgID, actor.UserID)
	if err != nil {
		return err
	}
	if err := s.recordList(r, "team", len(people)); err != nil {
		return err
	}
	f := newForm()
	f.Values["practitioner"] = r.URL.Query().Get("practitioner")
	return s.render(w, r, http.StatusOK, "supervision_plan", "Plan a supervision session", planSupervisionData{Supervisees: people, Form: f})
}

// refuseSupervision asks the policy, so that the refusal is recorded, and
// returns its refusal.
func (s *Server) refuseSupervision(r *http.Request, action access.Action, id string) error {
	actor := actorFrom(r.Context())
	_, err := s.authorize(r, action, access.Resource{Kind: access.KindSupervision, ID: id, OrgID: actor.OrgID, Relationship: access.None})
	if err == nil {
		return errors.New("refuse supervision: the policy allowed what it should not")
	}
	return err
}

// planSupervision saves a planned session, with a practitioner the
// supervisor supervises.
func (s *Server) planSupervision(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range append([]string{"practitioner"}, whenFields...) {
		f.Values[k] = r.PostForm.Get(k)
	}
	rel := access.None
	if p := f.Values["practitioner"]; p != "" {
		var err error
		if rel, err = s.db.UserRelationship(r.Context(), *actor, p); errors.Is(err, store.ErrNotFound) {
			rel = access.None
		} else if err != nil {
			return err
		}
	}
	if actor.Role != access.Supervisor {
		return s.refuseSupervision(r, access.Create, "")
	}
	people, err := s.db.Supervisees(r.Context(), actor.OrgID, actor.UserID)
	if err != nil {
		return err
	}
	when, _ := family.WhenFromParts(f.Value("when-day"), f.Value("when-month"), f.Value("when-year"), f.Value("when-time"), ukTime())
	if rel != access.Supervised {
		f.Add("practitioner", "Choose a practitioner you supervise")
	}
	f.Add(supervision.FieldWhen, supervision.PlanProblems(when, s.db.Now())[supervision.FieldWhen])
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "supervision_plan", "Plan a supervision session", planSupervisionData{Supervisees: people, Form: f})
	}
	if _, err := s.authorize(r, access.Create, access.Resource{Kind: access.KindSupervision, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Create, access.KindUser, f.Values["practitioner"], "supervision planned"); err != nil {
		return err
	}
	ses, err := s.db.PlanSupervision(r.Context(), actor.OrgID, supervision.Session{SupervisorID: actor.UserID, PractitionerID: f.Values["practitioner"],
		PlannedFor: when, CreatedBy: actor.UserID})
	if err != nil {
		return err
	}
	s.flash(r, "Session planned for "+dayAndTime(ses.PlannedFor)+".")
	http.Redirect(w, r, "/supervision/"+ses.ID, http.StatusSeeOther)
	return nil
}

// whenFields are the date-and-time input's fields named "when".
var whenFields = []string{"when-day", "when-month", "when-year", "when-time"}

// dayAndTime writes t in UK time the way confirmations say it: "Tuesday
// 1 December 2026 at 10:00".
func dayAndTime(t time.Time) string { return t.In(ukTime()).Format("Monday 2 January 2006 at 15:04") }

// supervisionFor reads the session in the path and asks the policy whether
// the actor may do action to it, for kind (the session, or its reflective
// part). Anyone but its two people is told nothing: 404.
func (s *Server) supervisionFor(r *http.Request, action access.Action, kind access.Kind) (supervision.Session, error) {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return supervision.Session{}, err
	}
	id := r.PathValue("id")
	rel, err := s.db.SupervisionRelationship(r.Context(), *actor, id)
	if err != nil {
		return supervision.Session{}, err
	}
	if _, err := s.authorize(r, action, access.Resource{Kind: kind, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		if errors.Is(err, errForbidden) {
			return supervision.Session{}, errNotFound
		}
		return supervision.Session{}, err
	}
	return s.db.SupervisionSession(r.Context(), actor.OrgID, id)
}
