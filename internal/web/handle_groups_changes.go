package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// groupToChange checks that the actor may change the group in the path (its
// facilitators may) and reads it.
func (s *Server) groupToChange(r *http.Request) (nvr.Course, error) {
	id := r.PathValue("id")
	if _, err := s.authorizeGroup(r, access.Update, id); err != nil {
		return nvr.Course{}, err
	}
	return s.db.Group(r.Context(), actorFrom(r.Context()).OrgID, id)
}

// withdrawData is what the page to withdraw a parent from a group shows.
type withdrawData struct {
	Group     nvr.Course
	Enrolment store.Enrolment
	Form      *form
}

// enrolmentToChange reads the group in the path and the parent in it whom
// the path names, still in the group.
func (s *Server) enrolmentToChange(r *http.Request) (nvr.Course, store.Enrolment, error) {
	g, err := s.groupToChange(r)
	if err != nil {
		return g, store.Enrolment{}, err
	}
	id := r.PathValue("enrolment")
	if !ids.Valid(id) {
		return g, store.Enrolment{}, errNotFound
	}
	all, err := s.db.Enrolments(r.Context(), g.OrgID, g.ID)
	if err != nil {
		return g, store.Enrolment{}, err
	}
	i := slices.IndexFunc(all, func(e store.Enrolment) bool { return e.ID == id && e.Active() })
	if i < 0 {
		return g, store.Enrolment{}, errNotFound
	}
	return g, all[i], nil
}

func (s *Server) withdrawPage(w http.ResponseWriter, r *http.Request) error {
	g, e, err := s.enrolmentToChange(r)
	if err != nil {
		return err
	}
	f := newForm()
	if err := s.checkFields(r, f, nvr.FieldReason); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "group_withdraw", "Withdraw "+e.FirstName+" from "+g.Name, withdrawData{Group: g, Enrolment: e, Form: f})
}

// withdraw records that a parent is no longer coming to the group.
func (s *Server) withdraw(w http.ResponseWriter, r *http.Request) error {
	g, e, err := s.enrolmentToChange(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values[nvr.FieldReason] = strings.TrimSpace(r.PostForm.Get(nvr.FieldReason))
	if err := s.checkFields(r, f, nvr.FieldReason); err != nil {
		return err
	}
	d := withdrawData{Group: g, Enrolment: e, Form: f}
	if checkOnly(r) {
		return s.render(w, r, http.StatusOK, "group_withdraw", "Withdraw "+e.FirstName+" from "+g.Name, d)
	}
	for k, v := range nvr.WithdrawalProblems(f.Values[nvr.FieldReason]) {
		f.Add(k, v)
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "group_withdraw", "Withdraw "+e.FirstName+" from "+g.Name, d)
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindGroup, g.ID, "family "+e.FamilyID+" withdrawn from the group"); err != nil {
		return err
	}
	if err := s.db.WithdrawEnrolment(r.Context(), actor.OrgID, g.ID, e.ID, actor.UserID, f.Values[nvr.FieldReason]); err != nil {
		return err
	}
	s.flash(r, e.FirstName+" is no longer in the group. Their attendance so far is kept, and you can enrol them again later.")
	http.Redirect(w, r, "/groups/"+g.ID+"#parents", http.StatusSeeOther)
	return nil
}

// moveData is what the page to move a session shows.
type moveData struct {
	Group   nvr.Course
	Session store.GroupSession
	Form    *form
}

// sessionToChange reads the group in the path, the session it names, and
// the start times of the sessions either side of it.
func (s *Server) sessionToChange(r *http.Request) (g nvr.Course, sess store.GroupSession, before, after store.GroupSession, err error) {
	if g, err = s.groupToChange(r); err != nil {
		return
	}
	n, err := sessionNumber(r)
	if err != nil {
		return
	}
	all, err := s.db.GroupSessions(r.Context(), g.OrgID, g.ID)
	if err != nil {
		return
	}
	i := slices.IndexFunc(all, func(x store.GroupSession) bool { return x.Number == n })
	if i < 0 {
		err = errNotFound
		return
	}
	sess = all[i]
	if i > 0 {
		before = all[i-1]
	}
	if i+1 < len(all) {
		after = all[i+1]
	}
	return
}

func (s *Server) moveSessionPage(w http.ResponseWriter, r *http.Request) error {
	g, sess, _, _, err := s.sessionToChange(r)
	if err != nil {
		return err
	}
	f := newForm()
	local := sess.StartsAt.In(s.zone)
	f.Values[nvr.FieldDate+"-day"], f.Values[nvr.FieldDate+"-month"], f.Values[nvr.FieldDate+"-year"] =
		strconv.Itoa(local.Day()), strconv.Itoa(int(local.Month())), strconv.Itoa(local.Year())
	f.Values[nvr.FieldDate+"-time"] = local.Format("15:04")
	return s.render(w, r, http.StatusOK, "group_move", "Move session "+strconv.Itoa(sess.Number), moveData{Group: g, Session: sess, Form: f})
}

// moveSession moves a session to another date or time, keeping the order
// of the sessions.
func (s *Server) moveSession(w http.ResponseWriter, r *http.Request) error {
	g, sess, before, after, err := s.sessionToChange(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range []string{nvr.FieldDate + "-day", nvr.FieldDate + "-month", nvr.FieldDate + "-year", nvr.FieldDate + "-time", nvr.FieldReason} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	to, _ := family.WhenFromParts(f.Values[nvr.FieldDate+"-day"], f.Values[nvr.FieldDate+"-month"], f.Values[nvr.FieldDate+"-year"],
		f.Values[nvr.FieldDate+"-time"], s.zone)
	for k, v := range nvr.MoveProblems(to, before.StartsAt.In(s.zone), after.StartsAt.In(s.zone), f.Values[nvr.FieldReason]) {
		f.Add(k, v)
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "group_move", "Move session "+strconv.Itoa(sess.Number), moveData{Group: g, Session: sess, Form: f})
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindGroup, g.ID, "session "+strconv.Itoa(sess.Number)+" moved"); err != nil {
		return err
	}
	if err := s.db.MoveSession(r.Context(), actor.OrgID, g.ID, sess.Number, to, actor.UserID, f.Values[nvr.FieldReason]); err != nil {
		return err
	}
	s.flash(r, "Session "+strconv.Itoa(sess.Number)+" is now on "+to.In(s.zone).Format("Monday 2 January 2006 at 15:04")+". Let the parents know.")
	http.Redirect(w, r, "/groups/"+g.ID+"/sessions/"+strconv.Itoa(sess.Number), http.StatusSeeOther)
	return nil
}

// supportersData is what the page to add a supporters' session shows.
type supportersData struct {
	Group nvr.Course
	Plan  nvr.Session
	Form  *form
}

func (s *Server) supportersSessionPage(w http.ResponseWriter, r *http.Request) error {
	g, err := s.groupToChange(r)
	if err != nil {
		return err
	}
	plan, err := nvr.SupportersPlan()
	if err != nil {
		return err
	}
	f := newForm()
	f.Values[nvr.FieldDate+"-time"] = g.Schedule.Time
	return s.render(w, r, http.StatusOK, "group_supporters", "Add a supporters' session", supportersData{Group: g, Plan: plan, Form: f})
}

// addSupportersSession adds a supporters' session to the group on the
// date and time given.
func (s *Server) addSupportersSession(w http.ResponseWriter, r *http.Request) error {
	g, err := s.groupToChange(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	plan, err := nvr.SupportersPlan()
	if err != nil {
		return err
	}
	f := newForm()
	for _, k := range []string{nvr.FieldDate + "-day", nvr.FieldDate + "-month", nvr.FieldDate + "-year", nvr.FieldDate + "-time"} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	at, ok := family.WhenFromParts(f.Values[nvr.FieldDate+"-day"], f.Values[nvr.FieldDate+"-month"], f.Values[nvr.FieldDate+"-year"],
		f.Values[nvr.FieldDate+"-time"], s.zone)
	if !ok {
		f.Add(nvr.FieldDate, "Enter the date and time of the supporters' session, like 27 11 2026 and 18:30")
		return s.render(w, r, http.StatusUnprocessableEntity, "group_supporters", "Add a supporters' session", supportersData{Group: g, Plan: plan, Form: f})
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindGroup, g.ID, "supporters' session added"); err != nil {
		return err
	}
	n, err := s.db.AddSupportersSession(r.Context(), actor.OrgID, g.ID, at, plan.Title)
	if errors.Is(err, store.ErrConflict) {
		f.Add(nvr.FieldDate, "This group has "+strconv.Itoa(nvr.MaxExtraSessions)+" supporters' sessions already, which is as many as a group can add")
		return s.render(w, r, http.StatusConflict, "group_supporters", "Add a supporters' session", supportersData{Group: g, Plan: plan, Form: f})
	}
	if err != nil {
		return err
	}
	s.flash(r, "The supporters' session is added. Parents can invite the people who help them.")
	http.Redirect(w, r, "/groups/"+g.ID+"/sessions/"+strconv.Itoa(n), http.StatusSeeOther)
	return nil
}
