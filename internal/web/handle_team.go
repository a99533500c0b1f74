package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/store"
)

// teamOverdueLimit bounds the overdue actions the team view lists.
const teamOverdueLimit = 200

// teamRow is one family on the team view.
type teamRow struct {
	Family  store.Family
	Workers []string
	Latest  engagement.Latest
}

// teamOverdue is an overdue plan action with its family's name.
type teamOverdue struct {
	Action     engagement.Action
	FamilyName string
}

// teamData is what the team view shows: where work with families may be
// stuck, and who has said they feel at risk.
type teamData struct {
	Heading string
	Today   time.Time
	Alerts  []store.SafetyAlert
	Rows    []teamRow // oldest last description first; families with none last
	Overdue []teamOverdue
	Reviews []teamRow // families whose latest record's review is overdue
	// Undescribed counts the families with no engagement record.
	Undescribed int
	Supervisor  bool
}

// Since says how long ago a row's last description was.
func (d teamData) Since(r teamRow) string { return engagement.Since(r.Latest.RecordedOn, d.Today) }

// teamPage is a supervisor's team view: their team's families by the
// pattern last described and how long ago, oldest first, overdue plan
// actions and reviews, and the workers who have said they feel at risk. A
// practitioner sees the same for their own caseload.
func (s *Server) teamPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindFamilyList, OrgID: actor.OrgID}); err != nil {
		if actor.Role == access.Parent || actor.Role == access.CoFacilitator {
			return errNotFound
		}
		return err
	}
	ctx := r.Context()
	d := teamData{Today: s.db.Now(), Heading: "Where work may be stuck"}
	var families []store.Family
	var err error
	switch actor.Role {
	case access.Supervisor:
		d.Supervisor = true
		if families, err = s.db.TeamFamilies(ctx, actor.OrgID, actor.UserID); err != nil {
			return err
		}
		if d.Alerts, err = s.db.TeamSafetyAlerts(ctx, actor.OrgID, actor.UserID); err != nil {
			return err
		}
	case access.Practitioner:
		if families, err = s.db.AllocatedFamilies(ctx, actor.OrgID, actor.UserID); err != nil {
			return err
		}
	}
	familyIDs := make([]string, len(families))
	names := map[string]string{}
	for i, f := range families {
		familyIDs[i], names[f.ID] = f.ID, f.Name
	}
	latest, err := s.db.LatestEngagement(ctx, actor.OrgID, familyIDs)
	if err != nil {
		return err
	}
	workers, err := s.db.AllocatedNames(ctx, actor.OrgID, familyIDs)
	if err != nil {
		return err
	}
	overdue, err := s.db.OverdueEngagementActions(ctx, actor.OrgID, familyIDs, d.Today, teamOverdueLimit)
	if err != nil {
		return err
	}
	for _, a := range overdue {
		d.Overdue = append(d.Overdue, teamOverdue{Action: a, FamilyName: names[a.FamilyID]})
	}
	list := make([]engagement.Latest, len(families))
	for i, f := range families {
		list[i] = latest[f.ID]
		list[i].FamilyID = f.ID
	}
	engagement.OldestFirst(list)
	byID := map[string]store.Family{}
	for _, f := range families {
		byID[f.ID] = f
	}
	for _, l := range list {
		row := teamRow{Family: byID[l.FamilyID], Workers: workers[l.FamilyID], Latest: l}
		d.Rows = append(d.Rows, row)
		if !l.Described() {
			d.Undescribed++
		} else if l.ReviewOverdue(d.Today) {
			d.Reviews = append(d.Reviews, row)
		}
	}
	// The names shown are personal data drawn from the actor's own work.
	if err := s.record(r, audit.Event{Action: audit.Read, ResourceType: string(access.KindFamilyList), ResourceID: actor.UserID,
		Decision: audit.Allow, Reason: fmt.Sprintf("team view: families listed: %d; safety alerts: %d", len(d.Rows), len(d.Alerts))}); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "team", d.Heading, d)
}
