package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// homeData is what each role's home page shows.
type homeData struct {
	OrgName     string
	RoleCounts  []roleCount   // an administrator's overview
	Supervisees []access.User // a supervisor's practitioners
	// Alerts are the supervisor's practitioners who have said they feel at
	// risk working with a family, with the safety step each asked for.
	Alerts []store.SafetyAlert
	// Groups are the groups a co-facilitator is attached to.
	Groups []nvr.Course
	// Upcoming are a supervisor's next supervision sessions.
	Upcoming []supervision.Session
}

// ownGroup is a parent's group in their space, with its next session.
type ownGroup struct {
	ID, Name string
	Next     *groupWeek // nil once every session has started
}

// home shows the signed-in person's own starting page, which depends on their role.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	// A parent reads who sees what they write before anything else.
	if handled, err := s.parentMustConfirm(w, r); handled {
		return err
	}
	actor := actorFrom(r.Context())
	org, err := s.db.Organisation(r.Context(), actor.OrgID)
	if err != nil {
		return fmt.Errorf("home: %w", err)
	}
	data := homeData{OrgName: org.Name}
	switch actor.Role {
	case access.Admin:
		counts, err := s.db.CountActiveUsersByRole(r.Context(), actor.OrgID)
		if err != nil {
			return fmt.Errorf("home: %w", err)
		}
		for _, role := range access.Roles() {
			data.RoleCounts = append(data.RoleCounts, roleCount{Role: role, Count: counts[role]})
		}
		return s.render(w, r, http.StatusOK, "home_admin", org.Name, data)
	case access.Supervisor:
		if data.Supervisees, err = s.db.Supervisees(r.Context(), actor.OrgID, actor.UserID); err != nil {
			return fmt.Errorf("home: %w", err)
		}
		if err := s.recordList(r, "team", len(data.Supervisees)); err != nil {
			return err
		}
		if data.Alerts, err = s.db.TeamSafetyAlerts(r.Context(), actor.OrgID, actor.UserID); err != nil {
			return fmt.Errorf("home: %w", err)
		}
		if err := s.recordList(r, "safety-alerts", len(data.Alerts)); err != nil {
			return err
		}
		if data.Upcoming, err = s.db.UpcomingSupervision(r.Context(), actor.OrgID, actor.UserID); err != nil {
			return fmt.Errorf("home: %w", err)
		}
		data.Upcoming = data.Upcoming[:min(len(data.Upcoming), 5)]
		return s.render(w, r, http.StatusOK, "home_supervisor", "Your team", data)
	case access.Practitioner:
		// A practitioner's home is their caseload.
		return s.caseload(w, r)
	case access.CoFacilitator:
		if data.Groups, err = s.db.Groups(r.Context(), *actor); err != nil {
			return fmt.Errorf("home: %w", err)
		}
		if err := s.recordList(r, "groups", len(data.Groups)); err != nil {
			return err
		}
		return s.render(w, r, http.StatusOK, "home_cofacilitator", "Your groups", data)
	case access.Parent:
		// A parent's home is their space.
		http.Redirect(w, r, "/my", http.StatusSeeOther)
		return nil
	}
	return errForbidden
}

// ownGroups lists the signed-in parent's groups with their next sessions,
// recording the list in the audit trail.
func (s *Server) ownGroups(r *http.Request) ([]ownGroup, error) {
	groups, err := s.db.ParentGroups(r.Context(), *actorFrom(r.Context()), s.db.Now())
	if err != nil {
		return nil, err
	}
	if err := s.recordList(r, "groups", len(groups)); err != nil {
		return nil, err
	}
	out := make([]ownGroup, 0, len(groups))
	for _, pg := range groups {
		og := ownGroup{ID: pg.Group.ID, Name: pg.Group.Name}
		if n := pg.Next; n != nil {
			local := n.StartsAt.In(s.zone)
			og.Next = &groupWeek{Number: n.Number, Day: local.Format(dayLabel), Time: local.Format(clockLabel), StartsAt: n.StartsAt, Title: n.Title}
		}
		out = append(out, og)
	}
	return out, nil
}

// roleCount is how many active accounts have one role.
type roleCount struct {
	Role  access.Role
	Count int
}

func atoiOr(s string, fallback int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fallback
	}
	return n
}
