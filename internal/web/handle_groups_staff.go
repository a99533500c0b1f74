package web

import (
	"errors"
	"net/http"
	"slices"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// staffMember is one person running a group, as the staff page lists them.
type staffMember struct {
	ID, Name string
	Role     nvr.StaffRole
	// CannotRemove says why they cannot be taken off, or "".
	CannotRemove string
}

// groupStaffData is what the page of a group's staff shows.
type groupStaffData struct {
	Group      nvr.Course
	Staff      []staffMember
	Candidates []access.User
	Form       *form
}

// staffRoleFor is the part someone plays in a group, from their role.
func staffRoleFor(role access.Role) (nvr.StaffRole, bool) {
	switch role {
	case access.Practitioner:
		return nvr.Facilitator, true
	case access.CoFacilitator:
		return nvr.CoFacilitator, true
	}
	return "", false
}

func (s *Server) groupStaffPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderGroupStaff(w, r, http.StatusOK, newForm())
}

func (s *Server) renderGroupStaff(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	g, err := s.groupToChange(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	names, err := s.db.UserNames(ctx, g.OrgID, append(append([]string{}, g.Facilitators...), g.CoFacilitators...))
	if err != nil {
		return err
	}
	d := groupStaffData{Group: g, Form: f}
	for _, role := range []struct {
		role  nvr.StaffRole
		users []string
	}{{nvr.Facilitator, g.Facilitators}, {nvr.CoFacilitator, g.CoFacilitators}} {
		for _, u := range role.users {
			d.Staff = append(d.Staff, staffMember{ID: u, Name: names[u].Name, Role: role.role, CannotRemove: nvr.RemoveStaffProblem(g, u)})
		}
	}
	if d.Candidates, err = s.db.GroupStaffCandidates(ctx, g.OrgID, g.ID); err != nil {
		return err
	}
	return s.render(w, r, status, "group_staff", "Who runs "+g.Name, d)
}

// addGroupStaff adds a practitioner as a facilitator, or a co-facilitator,
// to the group.
func (s *Server) addGroupStaff(w http.ResponseWriter, r *http.Request) error {
	g, err := s.groupToChange(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values[nvr.FieldStaff] = r.PostForm.Get(nvr.FieldStaff)
	userID := f.Values[nvr.FieldStaff]
	u, err := s.db.UserInOrg(r.Context(), g.OrgID, userID)
	role, ok := staffRoleFor(u.Role)
	if !ids.Valid(userID) || errors.Is(err, store.ErrNotFound) || !ok || u.DisabledAt != nil {
		f.Add(nvr.FieldStaff, "Choose a practitioner or co-facilitator from the list")
		return s.renderGroupStaff(w, r, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Update, access.KindGroup, g.ID, "user "+u.ID+" added as "+string(role)); err != nil {
		return err
	}
	err = s.db.AddGroupStaff(r.Context(), g.OrgID, g.ID, u.ID, role)
	if errors.Is(err, store.ErrConflict) {
		f.Add(nvr.FieldStaff, u.Name+" is already running this group")
		return s.renderGroupStaff(w, r, http.StatusConflict, f)
	}
	if err != nil {
		return err
	}
	s.flash(r, u.Name+" is now a "+string(role)+" of the group.")
	http.Redirect(w, r, "/groups/"+g.ID+"/staff", http.StatusSeeOther)
	return nil
}

// staffToRemove reads the group in the path and the person on its staff
// whom the path names.
func (s *Server) staffToRemove(r *http.Request) (nvr.Course, access.User, error) {
	g, err := s.groupToChange(r)
	if err != nil {
		return g, access.User{}, err
	}
	userID := r.PathValue("user")
	if !ids.Valid(userID) || (!slices.Contains(g.Facilitators, userID) && !slices.Contains(g.CoFacilitators, userID)) {
		return g, access.User{}, errNotFound
	}
	u, err := s.db.UserInOrg(r.Context(), g.OrgID, userID)
	return g, u, err
}

// removeGroupStaffConfirm asks before taking someone off a group's staff.
func (s *Server) removeGroupStaffConfirm(w http.ResponseWriter, r *http.Request) error {
	g, u, err := s.staffToRemove(r)
	if err != nil {
		return err
	}
	if problem := nvr.RemoveStaffProblem(g, u.ID); problem != "" {
		return s.renderConfirmRefused(w, r, g, problem)
	}
	body := []string{u.Name + " will no longer see the group, its sessions or its parents. What they recorded stays with the group."}
	if u.ID == actorFrom(r.Context()).UserID {
		body = append(body, "This is you: you will go back to your list of groups.")
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: g.Name,
		Title:   "Take " + u.Name + " off this group?",
		Body:    body,
		Action:  "/groups/" + g.ID + "/staff/" + u.ID + "/remove",
		Button:  "Take " + u.Name + " off",
		Warning: true,
		Back:    "/groups/" + g.ID + "/staff",
	})
}

// renderConfirmRefused explains, in place of a confirmation, why a change
// to the group cannot be made.
func (s *Server) renderConfirmRefused(w http.ResponseWriter, r *http.Request, g nvr.Course, problem string) error {
	return s.render(w, r, http.StatusConflict, "confirm", "This cannot be done", confirmData{
		Caption: g.Name, Title: "This cannot be done yet", Body: []string{problem}, Back: "/groups/" + g.ID + "/staff",
	})
}

// removeGroupStaff takes someone off the group's staff.
func (s *Server) removeGroupStaff(w http.ResponseWriter, r *http.Request) error {
	g, u, err := s.staffToRemove(r)
	if err != nil {
		return err
	}
	if problem := nvr.RemoveStaffProblem(g, u.ID); problem != "" {
		return s.renderConfirmRefused(w, r, g, problem)
	}
	if err := s.recordChange(r, audit.Update, access.KindGroup, g.ID, "user "+u.ID+" taken off the group"); err != nil {
		return err
	}
	err = s.db.RemoveGroupStaff(r.Context(), g.OrgID, g.ID, u.ID)
	if errors.Is(err, store.ErrConflict) {
		return s.renderConfirmRefused(w, r, g, nvr.RemoveStaffProblem(nvr.Course{Facilitators: []string{u.ID}}, u.ID))
	}
	if err != nil {
		return err
	}
	s.flash(r, u.Name+" is no longer running the group.")
	if u.ID == actorFrom(r.Context()).UserID {
		http.Redirect(w, r, "/groups", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/groups/"+g.ID+"/staff", http.StatusSeeOther)
	return nil
}
