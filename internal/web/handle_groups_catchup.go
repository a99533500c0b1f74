package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// catchUpData is what the page of a parent's catch-up for a missed
// session shows.
type catchUpData struct {
	Group      nvr.Course
	Session    store.GroupSession
	Enrolment  store.Enrolment
	Attendance store.AttendanceEntry
	CatchUp    store.CatchUp
	Arranged   bool
	Ways       []nvr.CatchUpHow
	Form       *form
}

// catchUpFor reads the group, session and parent in the path, for a
// parent recorded as missing the session; anything else is not found.
func (s *Server) catchUpFor(r *http.Request) (catchUpData, error) {
	g, sess, _, _, err := s.sessionToChange(r)
	if err != nil {
		return catchUpData{}, err
	}
	_, e, err := s.enrolmentToChange(r)
	if err != nil {
		return catchUpData{}, err
	}
	ctx := r.Context()
	att, err := s.db.Attendance(ctx, g.OrgID, g.ID, sess.Number)
	if err != nil {
		return catchUpData{}, err
	}
	a, ok := att[e.ID]
	if !ok || !a.Value.Missed() {
		return catchUpData{}, errNotFound
	}
	all, err := s.db.GroupCatchUps(ctx, g.OrgID, g.ID)
	if err != nil {
		return catchUpData{}, err
	}
	d := catchUpData{Group: g, Session: sess, Enrolment: e, Attendance: a, Ways: nvr.CatchUpWays()}
	d.CatchUp, d.Arranged = all.For(e.ID, sess.Number)
	return d, nil
}

func (s *Server) catchUpPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.catchUpFor(r)
	if err != nil {
		return err
	}
	f := newForm()
	if d.Arranged {
		local := d.CatchUp.PlannedAt.In(s.zone)
		f.Values[nvr.FieldHow] = string(d.CatchUp.How)
		f.Values[nvr.FieldDate+"-day"], f.Values[nvr.FieldDate+"-month"], f.Values[nvr.FieldDate+"-year"] =
			strconv.Itoa(local.Day()), strconv.Itoa(int(local.Month())), strconv.Itoa(local.Year())
		f.Values[nvr.FieldDate+"-time"] = local.Format("15:04")
	}
	if err := s.checkFields(r, f, "note"); err != nil {
		return err
	}
	d.Form = f
	return s.renderCatchUp(w, r, http.StatusOK, d)
}

func (s *Server) renderCatchUp(w http.ResponseWriter, r *http.Request, status int, d catchUpData) error {
	return s.render(w, r, status, "group_catchup", "Catch-up with "+d.Enrolment.FirstName+" for session "+strconv.Itoa(d.Session.Number), d)
}

// saveCatchUp arranges a catch-up (action "arrange") or records one that
// happened (action "record"), whose note goes onto the family's timeline.
func (s *Server) saveCatchUp(w http.ResponseWriter, r *http.Request) error {
	d, err := s.catchUpFor(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if d.CatchUp.Done() {
		return s.catchUpAlreadyRecorded(w, r)
	}
	f := newForm()
	for _, k := range []string{nvr.FieldHow, nvr.FieldDate + "-day", nvr.FieldDate + "-month", nvr.FieldDate + "-year", nvr.FieldDate + "-time", "note"} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	d.Form = f
	if err := s.checkFields(r, f, "note"); err != nil {
		return err
	}
	if checkOnly(r) {
		return s.renderCatchUp(w, r, http.StatusOK, d)
	}
	record := r.PostForm.Get("action") == "record"
	how := nvr.CatchUpHow(f.Values[nvr.FieldHow])
	at, _ := family.WhenFromParts(f.Values[nvr.FieldDate+"-day"], f.Values[nvr.FieldDate+"-month"], f.Values[nvr.FieldDate+"-year"],
		f.Values[nvr.FieldDate+"-time"], s.zone)
	for k, v := range nvr.CatchUpProblems(how, at, record, f.Values["note"]) {
		f.Add(k, v)
	}
	if record && !at.IsZero() && at.After(s.db.Now()) {
		f.Add(nvr.FieldDate, "A catch-up can only be recorded once it has happened: enter today's date or earlier, or arrange it instead")
	}
	if !f.Valid() {
		return s.renderCatchUp(w, r, http.StatusUnprocessableEntity, d)
	}
	actor := actorFrom(r.Context())
	g, n, e := d.Group, d.Session.Number, d.Enrolment
	if record {
		if err := s.recordChange(r, audit.Create, access.KindFamily, e.FamilyID, "catch-up for group session "+strconv.Itoa(n)+" on the timeline"); err != nil {
			return err
		}
		err = s.db.RecordCatchUp(r.Context(), actor.OrgID, g.ID, n, e.ID, how, at, actor.UserID, f.Values["note"])
	} else {
		if err := s.recordChange(r, audit.Update, access.KindGroup, g.ID, "catch-up arranged for session "+strconv.Itoa(n)); err != nil {
			return err
		}
		err = s.db.ArrangeCatchUp(r.Context(), actor.OrgID, g.ID, n, e.ID, how, at, actor.UserID)
	}
	if errors.Is(err, store.ErrConflict) {
		return s.catchUpAlreadyRecorded(w, r)
	}
	if err != nil {
		return err
	}
	if record {
		s.flash(r, "The catch-up with "+e.FirstName+" is recorded, and the note is on their family's timeline.")
	} else {
		s.flash(r, "The catch-up with "+e.FirstName+" is arranged for "+at.In(s.zone).Format("Monday 2 January at 15:04")+".")
	}
	http.Redirect(w, r, "/groups/"+g.ID+"/sessions/"+strconv.Itoa(n)+"#parent-"+e.ID, http.StatusSeeOther)
	return nil
}

// catchUpAlreadyRecorded answers a change to a catch-up someone has
// recorded already (perhaps at the same moment): the page shows what was
// recorded.
func (s *Server) catchUpAlreadyRecorded(w http.ResponseWriter, r *http.Request) error {
	s.flash(r, "This catch-up is recorded already, so nothing was changed.")
	http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
	return nil
}
