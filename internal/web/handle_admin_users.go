package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// manageUsers checks that the actor may administer their organisation's accounts.
func (s *Server) manageUsers(r *http.Request) (*access.Actor, error) {
	return s.manageUser(r, "")
}

// manageUser checks that the actor may administer one account, naming it in
// the audit trail so "who looked at this person's account?" can be answered.
func (s *Server) manageUser(r *http.Request, userID string) (*access.Actor, error) {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.ManageUsers, access.Resource{Kind: access.KindUser, ID: userID, OrgID: actor.OrgID}); err != nil {
		return nil, err
	}
	return actor, nil
}

// usersPerPage bounds the administrator's list of accounts.
const usersPerPage = 25

// adminUsersData is what the list of people shows.
type adminUsersData struct {
	Users []access.User
	Pager pager
}

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.manageUsers(r)
	if err != nil {
		return err
	}
	pageNo := max(1, atoiOr(r.URL.Query().Get("page"), 1))
	page, err := s.db.ListUsers(r.Context(), actor.OrgID, usersPerPage, (pageNo-1)*usersPerPage)
	if err != nil {
		return fmt.Errorf("list people: %w", err)
	}
	return s.render(w, r, http.StatusOK, "admin_users", "People", adminUsersData{
		Users: page.Users, Pager: newPager("/admin/users", pageNo, usersPerPage, page.Total),
	})
}

// inviteData is what the invitation form shows.
type inviteData struct {
	Form  *form
	Roles []access.Role
	Teams []store.Team
}

func (s *Server) adminInviteForm(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.manageUsers(r)
	if err != nil {
		return err
	}
	return s.renderInvite(w, r, http.StatusOK, actor, newForm())
}

func (s *Server) renderInvite(w http.ResponseWriter, r *http.Request, status int, actor *access.Actor, f *form) error {
	teams, err := s.db.ListTeams(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "admin_invite", "Invite someone", inviteData{Form: f, Roles: access.StaffRoles(), Teams: teams})
}

// linkData is what the page showing a fresh sign-in link shows.
type linkData struct {
	User    access.User
	Link    string
	Expires time.Time
	Invited bool
}

func (s *Server) adminInvite(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.manageUsers(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range []string{"name", "email", "role", "team"} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	f.Add("name", access.NameProblem(f.Values["name"], "their full name"))
	f.Add("email", access.EmailProblem(f.Values["email"]))
	role, rerr := access.ParseStaffRole(f.Values["role"])
	if rerr != nil {
		f.Add("role", "Choose what they will do in Steadfast")
	}
	if !f.Valid() {
		return s.renderInvite(w, r, http.StatusUnprocessableEntity, actor, f)
	}
	// The audit record comes first: a change is never made unrecorded.
	newID := ids.New()
	if err := s.recordChange(r, audit.Create, access.KindUser, newID, "invited as "+string(role)); err != nil {
		return err
	}
	u, err := s.db.CreateUser(r.Context(), store.NewUser{
		ID: newID, OrgID: actor.OrgID, Email: f.Values["email"], Name: f.Values["name"], Role: role, TeamID: f.Values["team"],
	})
	switch {
	case errors.Is(err, store.ErrAlreadyExists):
		f.Add("email", "This email address cannot be used for a new account. If the person already has one, find them under People")
		return s.renderInvite(w, r, http.StatusUnprocessableEntity, actor, f)
	case errors.Is(err, store.ErrConflict):
		f.Add("team", "Choose one of your organisation's teams")
		return s.renderInvite(w, r, http.StatusUnprocessableEntity, actor, f)
	case err != nil:
		return err
	}
	return s.showNewLink(w, r, actor, u, true)
}

// showNewLink makes a one-time set-password link for u and shows it, since
// Steadfast sends no email yet.
func (s *Server) showNewLink(w http.ResponseWriter, r *http.Request, actor *access.Actor, u access.User, invited bool) error {
	if err := s.recordChange(r, audit.Update, access.KindUser, u.ID, "one-time set-password link made"); err != nil {
		return err
	}
	token, expires, err := s.db.CreatePasswordLink(r.Context(), actor.OrgID, u.ID, actor.UserID)
	if err != nil {
		return err
	}
	title := "New sign-in link"
	if invited {
		title = "Invitation ready"
	}
	return s.render(w, r, http.StatusOK, "admin_link", title, linkData{
		User: u, Link: s.cfg.BaseURL + "/set-password/" + token, Expires: expires, Invited: invited,
	})
}

// parseForm reads a bounded form body.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("read form: %w", err)
	}
	return nil
}
