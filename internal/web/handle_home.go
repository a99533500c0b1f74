package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
)

// usersPerPage bounds the administrator's list of accounts.
const usersPerPage = 25

// homeData is what each role's home page shows.
type homeData struct {
	OrgName         string
	Users           []access.User
	Pager           pager
	HasSecondFactor bool // for parents, who may choose to add one
}

// home shows the signed-in person's own starting page, which depends on their role.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	org, err := s.db.Organisation(r.Context(), actor.OrgID)
	if err != nil {
		return fmt.Errorf("home: %w", err)
	}
	data := homeData{OrgName: org.Name}
	switch actor.Role {
	case access.Admin:
		pageNo := max(1, atoiOr(r.URL.Query().Get("page"), 1))
		page, err := s.db.ListUsers(r.Context(), actor.OrgID, usersPerPage, (pageNo-1)*usersPerPage)
		if err != nil {
			return fmt.Errorf("home: %w", err)
		}
		data.Users = page.Users
		data.Pager = newPager("/", pageNo, usersPerPage, page.Total)
		return s.render(w, r, http.StatusOK, "home_admin", org.Name, data)
	case access.Supervisor:
		return s.render(w, r, http.StatusOK, "home_supervisor", "Your team", data)
	case access.Practitioner:
		return s.render(w, r, http.StatusOK, "home_practitioner", "Your caseload", data)
	case access.CoFacilitator:
		return s.render(w, r, http.StatusOK, "home_cofacilitator", "Your groups", data)
	case access.Parent:
		if data.HasSecondFactor, err = s.db.HasSecondFactor(r.Context(), actor.UserID); err != nil {
			return fmt.Errorf("home: %w", err)
		}
		return s.render(w, r, http.StatusOK, "home_parent", "Your space", data)
	}
	return errForbidden
}

func atoiOr(s string, fallback int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fallback
	}
	return n
}
