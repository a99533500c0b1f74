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

// adminUserData is what one person's administration page shows.
type adminUserData struct {
	User        access.User
	Self        bool
	Team        string
	Teams       []store.Team
	Roles       []access.Role
	Supervisors []access.User // who supervises this practitioner
	Supervisees []access.User // whom this supervisor supervises
	Candidates  []access.User // supervisors who could be added
	Sessions    int
	Problem     string
	// HasSecondFactor and LockedUntil describe how the person signs in.
	HasSecondFactor bool
	LockedUntil     *time.Time
}

// targetUser loads the person named in the path, within the actor's
// organisation only, after checking the actor may manage users.
func (s *Server) targetUser(r *http.Request) (*access.Actor, access.User, error) {
	id := r.PathValue("id")
	if !ids.Valid(id) {
		if _, err := s.manageUsers(r); err != nil {
			return nil, access.User{}, err
		}
		return nil, access.User{}, errNotFound
	}
	actor, err := s.manageUser(r, id)
	if err != nil {
		return nil, access.User{}, err
	}
	u, err := s.db.UserInOrg(r.Context(), actor.OrgID, id)
	return actor, u, err
}

func (s *Server) adminUser(w http.ResponseWriter, r *http.Request) error {
	actor, u, err := s.targetUser(r)
	if err != nil {
		return err
	}
	return s.renderAdminUser(w, r, http.StatusOK, actor, u, "")
}

func (s *Server) renderAdminUser(w http.ResponseWriter, r *http.Request, status int, actor *access.Actor, u access.User, problem string) error {
	ctx := r.Context()
	d := adminUserData{User: u, Self: u.ID == actor.UserID, Roles: access.StaffRoles(), Problem: problem}
	var err error
	if d.Teams, err = s.db.ListTeams(ctx, actor.OrgID); err != nil {
		return err
	}
	for _, t := range d.Teams {
		if t.ID == u.TeamID {
			d.Team = t.Name
		}
	}
	switch u.Role {
	case access.Practitioner:
		if d.Supervisors, err = s.db.Supervisors(ctx, actor.OrgID, u.ID); err != nil {
			return err
		}
		all, err := s.db.UsersWithRole(ctx, actor.OrgID, access.Supervisor)
		if err != nil {
			return err
		}
		for _, c := range all {
			if !containsUser(d.Supervisors, c.ID) {
				d.Candidates = append(d.Candidates, c)
			}
		}
	case access.Supervisor:
		if d.Supervisees, err = s.db.Supervisees(ctx, actor.OrgID, u.ID); err != nil {
			return err
		}
	}
	if d.Sessions, err = s.db.CountUserSessions(ctx, u.ID); err != nil {
		return err
	}
	if d.HasSecondFactor, err = s.db.HasSecondFactor(ctx, u.ID); err != nil {
		return err
	}
	lock, err := s.db.SignInLockout(ctx, u.ID)
	if err != nil {
		return err
	}
	if lock.Locked(s.db.Now()) {
		d.LockedUntil = &lock.LockedUntil
	}
	return s.render(w, r, status, "admin_user", u.Name, d)
}

func containsUser(users []access.User, id string) bool {
	for _, u := range users {
		if u.ID == id {
			return true
		}
	}
	return false
}

// adminUserChange runs one change to a person and returns to their page with
// a confirmation, or shows the page again with the problem explained.
func (s *Server) adminUserChange(w http.ResponseWriter, r *http.Request, change func(actor *access.Actor, u access.User) (string, error)) error {
	actor, u, err := s.targetUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	// The audit record comes first, saying what was asked: a change is never
	// made unrecorded, even if recording fails.
	if err := s.recordChange(r, audit.Update, access.KindUser, u.ID, describeUserChange(r)); err != nil {
		return err
	}
	done, err := change(actor, u)
	var problem userProblem
	switch {
	case errors.As(err, &problem):
		return s.renderAdminUser(w, r, http.StatusUnprocessableEntity, actor, u, string(problem))
	case errors.Is(err, store.ErrLastAdmin):
		return s.renderAdminUser(w, r, http.StatusUnprocessableEntity, actor, u,
			"Your organisation needs at least one active administrator. Make someone else an administrator first.")
	case err != nil:
		return err
	}
	s.flash(r, done)
	http.Redirect(w, r, "/admin/users/"+u.ID, http.StatusSeeOther)
	return nil
}

// userProblem is a mistake in an administrator's request, explained to them.
type userProblem string

func (p userProblem) Error() string { return string(p) }

func (s *Server) adminUserRole(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		role, err := access.ParseStaffRole(r.PostForm.Get("role"))
		switch {
		case u.Role == access.Parent:
			return "", userProblem("A parent's account belongs to their family and has no staff role.")
		case err != nil:
			return "", userProblem("Choose a role.")
		case u.ID == actor.UserID:
			return "", userProblem("You cannot change your own role. Ask another administrator.")
		}
		if err := s.db.SetUserRole(r.Context(), actor.OrgID, u.ID, role); err != nil {
			return "", err
		}
		return fmt.Sprintf("%s is now a %s.", u.Name, role.Label()), nil
	})
}

func (s *Server) adminUserTeam(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		team := r.PostForm.Get("team")
		if u.Role == access.Parent {
			return "", userProblem("Parents are not members of a team.")
		}
		err := s.db.SetUserTeam(r.Context(), actor.OrgID, u.ID, team)
		if errors.Is(err, store.ErrNotFound) {
			return "", userProblem("Choose one of your organisation's teams.")
		}
		if err != nil {
			return "", err
		}
		return "Team changed for " + u.Name + ".", nil
	})
}

func (s *Server) adminUserAddSupervisor(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		err := s.db.LinkSupervisor(r.Context(), actor.OrgID, r.PostForm.Get("supervisor"), u.ID)
		if errors.Is(err, store.ErrNotFound) {
			return "", userProblem("Choose an active supervisor for an active practitioner.")
		}
		if err != nil {
			return "", err
		}
		return "Supervisor added for " + u.Name + ".", nil
	})
}

func (s *Server) adminUserRemoveSupervisor(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		if err := s.db.UnlinkSupervisor(r.Context(), actor.OrgID, r.PathValue("supervisor"), u.ID); err != nil {
			return "", err
		}
		return "Supervisor removed for " + u.Name + ".", nil
	})
}

func (s *Server) adminUserEnable(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		if err := s.db.EnableUser(r.Context(), actor.OrgID, u.ID); err != nil {
			return "", err
		}
		return u.Name + " can sign in again.", nil
	})
}

func (s *Server) adminUserDisableConfirm(w http.ResponseWriter, r *http.Request) error {
	_, u, err := s.targetUser(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "admin_user_disable", "Disable "+u.Name, u)
}

func (s *Server) adminUserDisable(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		if u.ID == actor.UserID {
			return "", userProblem("You cannot disable your own account. Ask another administrator.")
		}
		if err := s.db.DisableUser(r.Context(), actor.OrgID, u.ID); err != nil {
			return "", err
		}
		return u.Name + " can no longer sign in, and every session they had has ended.", nil
	})
}

func (s *Server) adminUserLink(w http.ResponseWriter, r *http.Request) error {
	actor, u, err := s.targetUser(r)
	if err != nil {
		return err
	}
	if !u.Active() {
		return s.renderAdminUser(w, r, http.StatusUnprocessableEntity, actor, u, "Enable the account before making a sign-in link.")
	}
	return s.showNewLink(w, r, actor, u, false)
}

func (s *Server) adminUserUnlock(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		if err := s.recordChange(r, audit.AccountUnlocked, access.KindUser, u.ID, "unlocked by an administrator"); err != nil {
			return "", err
		}
		if err := s.db.UnlockUser(r.Context(), actor.OrgID, u.ID); err != nil {
			return "", err
		}
		return u.Name + " can try to sign in again.", nil
	})
}

func (s *Server) adminUserResetConfirm(w http.ResponseWriter, r *http.Request) error {
	_, u, err := s.targetUser(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "admin_user_reset", "Reset "+u.Name+"'s two-step sign-in", u)
}

func (s *Server) adminUserReset(w http.ResponseWriter, r *http.Request) error {
	return s.adminUserChange(w, r, func(actor *access.Actor, u access.User) (string, error) {
		if u.ID == actor.UserID {
			return "", userProblem("You cannot reset your own two-step sign-in. Ask another administrator.")
		}
		if err := s.recordChange(r, audit.MFAReset, access.KindUser, u.ID, "second factor removed by an administrator, sessions ended"); err != nil {
			return "", err
		}
		if err := s.db.ResetSecondFactor(r.Context(), actor.OrgID, u.ID); err != nil {
			return "", err
		}
		return u.Name + "'s two-step sign-in has been reset and they have been signed out. They set it up again when they next sign in.", nil
	})
}

// describeUserChange says, for the audit trail, what an administrator asked
// to change: the action from the path and the new value, by identifier.
func describeUserChange(r *http.Request) string {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	what := "requested: " + parts[len(parts)-1]
	if len(parts) >= 6 && parts[3] == "supervisors" {
		what = "requested: remove supervisor " + parts[4]
	}
	for _, k := range []string{"role", "team", "supervisor"} {
		if v := r.PostForm.Get(k); v != "" {
			what += " " + k + "=" + v
		}
	}
	return what
}
