package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// teamsData is what the teams page shows.
type teamsData struct {
	Teams []store.Team
	Form  *form
}

func (s *Server) adminTeams(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.manageUsers(r)
	if err != nil {
		return err
	}
	return s.renderTeams(w, r, http.StatusOK, actor, newForm())
}

func (s *Server) renderTeams(w http.ResponseWriter, r *http.Request, status int, actor *access.Actor, f *form) error {
	teams, err := s.db.ListTeams(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "admin_teams", "Teams", teamsData{Teams: teams, Form: f})
}

func (s *Server) adminCreateTeam(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.manageUsers(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values["name"] = strings.TrimSpace(r.PostForm.Get("name"))
	f.Add("name", access.NameProblem(f.Values["name"], "the team's name"))
	if f.Valid() {
		if err := s.recordChange(r, audit.Create, access.KindTeam, "", "team requested"); err != nil {
			return err
		}
		team, err := s.db.CreateTeam(r.Context(), actor.OrgID, f.Values["name"])
		switch {
		case errors.Is(err, store.ErrAlreadyExists):
			f.Add("name", "There is already a team with this name")
		case err != nil:
			return err
		default:
			if err := s.recordChange(r, audit.Create, access.KindTeam, team.ID, "team added"); err != nil {
				return err
			}
			s.flash(r, "Team "+f.Values["name"]+" added.")
			http.Redirect(w, r, "/admin/teams", http.StatusSeeOther)
			return nil
		}
	}
	return s.renderTeams(w, r, http.StatusUnprocessableEntity, actor, f)
}
