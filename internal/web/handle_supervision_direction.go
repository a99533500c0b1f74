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

// directionData is what the case direction form shows.
type directionData struct {
	Session  supervision.Session
	Families []store.Family
	Form     *form
}

// directionFor reads the session and checks that the actor is its
// supervisor: only they record case direction. The practitioner in the
// session is refused (403); anyone else is told nothing (404).
func (s *Server) directionFor(r *http.Request) (supervision.Session, error) {
	ses, err := s.supervisionFor(r, access.Read, access.KindSupervision)
	if err != nil {
		return ses, err
	}
	if ses.Cancelled() {
		// A session called off decided nothing.
		return ses, errNotFound
	}
	actor := actorFrom(r.Context())
	rel := access.None
	if actor.UserID == ses.SupervisorID {
		rel = access.Own
	}
	_, err = s.authorize(r, access.Create, access.Resource{Kind: access.KindCaseDirection, ID: ses.ID, OrgID: actor.OrgID, Relationship: rel})
	return ses, err
}

// directionPage shows the form the supervisor records case direction with.
func (s *Server) directionPage(w http.ResponseWriter, r *http.Request) error {
	ses, err := s.directionFor(r)
	if err != nil {
		return err
	}
	f := newForm()
	f.Values[supervision.FieldDirectionFamily] = r.URL.Query().Get("family")
	f.Values[supervision.FieldDirectionOwner] = ses.PractitionerID
	return s.renderDirection(w, r, http.StatusOK, ses, f)
}

func (s *Server) renderDirection(w http.ResponseWriter, r *http.Request, status int, ses supervision.Session, f *form) error {
	actor := actorFrom(r.Context())
	families, err := s.db.AllocatedFamilies(r.Context(), actor.OrgID, ses.PractitionerID)
	if err != nil {
		return err
	}
	if err := s.checkFields(r, f, supervision.FieldDirectionDecision, supervision.FieldDirectionAction); err != nil {
		return err
	}
	return s.render(w, r, status, "supervision_direction", "Record case direction", directionData{Session: ses, Families: families, Form: f})
}

// saveDirection records case direction for one family. It belongs to the
// family's record, so the write is recorded against the family too.
func (s *Server) saveDirection(w http.ResponseWriter, r *http.Request) error {
	ses, err := s.directionFor(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range []string{supervision.FieldDirectionFamily, supervision.FieldDirectionDecision, supervision.FieldDirectionAction,
		supervision.FieldDirectionOwner, "due-day", "due-month", "due-year"} {
		f.Values[k] = r.PostForm.Get(k)
	}
	if checkOnly(r) {
		return s.renderDirection(w, r, http.StatusOK, ses, f)
	}
	actor := actorFrom(r.Context())
	due, ok := family.DateFromParts(f.Value("due-day"), f.Value("due-month"), f.Value("due-year"))
	d := supervision.Direction{SessionID: ses.ID, FamilyID: f.Values[supervision.FieldDirectionFamily], Decision: f.Values[supervision.FieldDirectionDecision],
		Action: f.Values[supervision.FieldDirectionAction], DueOn: due, RecordedBy: actor.UserID}
	if d.Action != "" || d.DueOn != "" {
		d.OwnerID = f.Values[supervision.FieldDirectionOwner]
	}
	today := s.db.Now().In(ukTime()).Format("2006-01-02")
	problems := d.Problems([]string{ses.SupervisorID, ses.PractitionerID}, today)
	if !ok {
		problems[supervision.FieldDirectionDue] = "Enter a real date, for example 3 12 2026"
	}
	if d.FamilyID != "" && !s.inCaseload(r, ses.PractitionerID, d.FamilyID) {
		problems[supervision.FieldDirectionFamily] = "Choose one of the practitioner's families"
	}
	for _, k := range []string{supervision.FieldDirectionFamily, supervision.FieldDirectionDecision, supervision.FieldDirectionAction,
		supervision.FieldDirectionOwner, supervision.FieldDirectionDue} {
		f.Add(k, problems[k])
	}
	if !f.Valid() {
		return s.renderDirection(w, r, http.StatusUnprocessableEntity, ses, f)
	}
	// Case direction is written to the family's record: the supervisor
	// must be able to change that record (they supervise its practitioner).
	rel, err := s.db.FamilyRelationship(r.Context(), *actor, d.FamilyID)
	if err != nil {
		return err
	}
	if _, err := s.authorize(r, access.Update, access.Resource{Kind: access.KindFamily, ID: d.FamilyID, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Create, access.KindFamily, d.FamilyID, "case direction from supervision: "+ses.ID); err != nil {
		return err
	}
	if _, err := s.db.RecordDirection(r.Context(), actor.OrgID, d); errors.Is(err, store.ErrNotFound) {
		return errNotFound
	} else if err != nil {
		return err
	}
	s.flash(r, "Case direction recorded. It is on the family's timeline.")
	http.Redirect(w, r, "/supervision/"+ses.ID+"#direction", http.StatusSeeOther)
	return nil
}
