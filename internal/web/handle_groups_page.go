package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// groupView says how much of a group the actor is shown.
type groupView struct {
	// Families: the parents' full names and families, for the
	// facilitators and their supervisors.
	Families bool
	// FirstNames: the parents' first names, for co-facilitators too.
	// Administrators see how many parents there are, not who.
	FirstNames bool
	// CanChange: the facilitators enrol parents, record attendance and
	// write notes.
	CanChange bool
}

// viewFor decides the group view from the role and relationship the
// policy has already allowed to read the group.
func viewFor(actor *access.Actor, rel access.Relationship) groupView {
	switch {
	case actor.Role == access.Practitioner && rel == access.Attached:
		return groupView{Families: true, FirstNames: true, CanChange: true}
	case actor.Role == access.Supervisor:
		return groupView{Families: true, FirstNames: true}
	case actor.Role == access.CoFacilitator:
		return groupView{FirstNames: true}
	}
	return groupView{}
}

// groupData is what a group's page shows.
type groupData struct {
	View         groupView
	Group        nvr.Course
	Programme    string
	Sessions     []store.GroupSession
	Skipped      []string
	Facilitators []string
	CoFacs       []string
	Enrolments   []store.Enrolment // the parents in the group
	Withdrawn    []store.Enrolment // parents no longer coming, for those who see families
	CatchUps     []catchUpRow      // missed sessions, for the facilitators
	Candidates   []store.EnrolCandidate
	Form         *form
}

// catchUpRow is a session a parent in the group missed, with its catch-up
// if one is arranged or done.
type catchUpRow struct {
	Enrolment store.Enrolment
	Session   store.GroupSession
	CatchUp   store.CatchUp
	Arranged  bool
}

func (s *Server) groupPage(w http.ResponseWriter, r *http.Request) error {
	if actor := actorFrom(r.Context()); actor != nil && actor.Role == access.Parent {
		// Parents have a page of their own: no other parents, no plans.
		return s.parentGroupPage(w, r)
	}
	return s.renderGroup(w, r, http.StatusOK, newForm())
}

// renderGroup reads the group the path names, as far as the actor may see
// it, and shows it with the enrol form f.
func (s *Server) renderGroup(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	id := r.PathValue("id")
	rel, err := s.authorizeGroup(r, access.Read, id)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	ctx := r.Context()
	d := groupData{View: viewFor(actor, rel), Form: f}
	if d.Group, err = s.db.Group(ctx, actor.OrgID, id); err != nil {
		return err
	}
	if d.Sessions, err = s.db.GroupSessions(ctx, actor.OrgID, id); err != nil {
		return err
	}
	tpl, err := s.db.TemplateAt(ctx, actor.OrgID, d.Group.TemplateID, d.Group.TemplateVersion)
	if err != nil {
		return err
	}
	d.Programme = tpl.Name
	for _, day := range d.Group.Schedule.Skip {
		d.Skipped = append(d.Skipped, day.Format("Monday 2 January 2006"))
	}
	names, err := s.db.UserNames(ctx, actor.OrgID, append(append([]string{}, d.Group.Facilitators...), d.Group.CoFacilitators...))
	if err != nil {
		return err
	}
	for _, u := range d.Group.Facilitators {
		d.Facilitators = append(d.Facilitators, names[u].Name)
	}
	for _, u := range d.Group.CoFacilitators {
		d.CoFacs = append(d.CoFacs, names[u].Name)
	}
	all, err := s.db.Enrolments(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	d.Enrolments = store.ActiveEnrolments(all)
	if d.View.Families {
		for _, e := range all {
			if !e.Active() {
				d.Withdrawn = append(d.Withdrawn, e)
			}
		}
	}
	if d.View.CanChange {
		if d.CatchUps, err = s.catchUpRows(r, id, d.Sessions, d.Enrolments); err != nil {
			return err
		}
	}
	if !d.View.Families {
		for i := range d.Enrolments {
			d.Enrolments[i].FamilyID, d.Enrolments[i].FamilyName = "", ""
			if !d.View.FirstNames {
				d.Enrolments[i].FirstName = ""
			}
		}
	}
	if d.View.CanChange {
		if d.Candidates, err = s.db.EnrolCandidates(ctx, *actor, id); err != nil {
			return err
		}
		// The families to enrol are the actor's own caseload or team's.
		if err := s.recordList(r, "enrol-candidates", len(d.Candidates)); err != nil {
			return err
		}
	}
	return s.render(w, r, status, "group", d.Group.Name, d)
}

// enrol adds a parent to the group. The parent's family is read through
// the family policy; nvr.CanEnrol decides, and a refusal is shown on the
// group's page with its reason.
func (s *Server) enrol(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.authorizeGroup(r, access.Update, id); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	ctx := r.Context()
	f := newForm()
	f.Values["parent"] = r.PostForm.Get("parent")
	familyID, memberID, _ := strings.Cut(f.Values["parent"], "/")
	if !ids.Valid(familyID) || !ids.Valid(memberID) {
		f.Add("parent", "Choose the parent or carer to enrol")
		return s.renderGroup(w, r, http.StatusUnprocessableEntity, f)
	}
	rel, err := s.db.FamilyRelationship(ctx, *actor, familyID)
	if err != nil {
		return err
	}
	referred, err := s.db.ReferredTo(ctx, actor.OrgID, id, familyID)
	if err != nil {
		return err
	}
	check := nvr.EnrolmentCheck{InScope: rel == access.Allocated || rel == access.Supervised || referred}
	if check.InScope {
		if rel == access.Allocated || rel == access.Supervised {
			// Reading the family's consents is reading its record.
			if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindFamily, ID: familyID, OrgID: actor.OrgID, Relationship: rel}); err != nil {
				return err
			}
		}
		// A family referred to the group is checked for its consent by the
		// store alone: the facilitator learns whether it holds, not the record.
		consents, err := s.db.Consents(ctx, actor.OrgID, familyID)
		if err != nil {
			return err
		}
		check.Consent = family.Holds(consents, family.ShareWithGroup)
	}
	g, err := s.db.Group(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	enrolled, err := s.db.Enrolments(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	enrolled = store.ActiveEnrolments(enrolled)
	check.Kind, check.Capacity, check.Enrolled = g.Kind, g.Capacity, len(enrolled)
	for _, e := range enrolled {
		check.AlreadyEnrolled = check.AlreadyEnrolled || e.FamilyID == familyID
	}
	if ok, reason := nvr.CanEnrol(check); !ok {
		f.Add("parent", reason)
		return s.renderGroup(w, r, http.StatusUnprocessableEntity, f)
	}
	if err := s.recordChange(r, audit.Create, access.KindGroup, id, "family "+familyID+" enrolled"); err != nil {
		return err
	}
	e, err := s.db.Enrol(ctx, actor.OrgID, id, familyID, memberID, actor.UserID)
	if errors.Is(err, store.ErrConflict) {
		f.Add("parent", "Someone enrolled a family at the same moment, and the group is now full or already has this family")
		return s.renderGroup(w, r, http.StatusConflict, f)
	}
	if err != nil {
		return err
	}
	s.flash(r, e.FirstName+" is enrolled.")
	http.Redirect(w, r, "/groups/"+id, http.StatusSeeOther)
	return nil
}

// catchUpRows lists the sessions the group's parents missed, oldest first,
// each with its catch-up if one is arranged or done.
func (s *Server) catchUpRows(r *http.Request, groupID string, sessions []store.GroupSession, parents []store.Enrolment) ([]catchUpRow, error) {
	orgID := actorFrom(r.Context()).OrgID
	attendance, err := s.db.GroupAttendance(r.Context(), orgID, groupID)
	if err != nil {
		return nil, err
	}
	catchUps, err := s.db.GroupCatchUps(r.Context(), orgID, groupID)
	if err != nil {
		return nil, err
	}
	var out []catchUpRow
	for _, sess := range sessions {
		for _, e := range parents {
			if !attendance[e.ID][sess.Number].Missed() {
				continue
			}
			row := catchUpRow{Enrolment: e, Session: sess}
			row.CatchUp, row.Arranged = catchUps.For(e.ID, sess.Number)
			out = append(out, row)
		}
	}
	return out, nil
}
