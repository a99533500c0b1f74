package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
)

// groupReportCSV sends a group's attendance as a CSV file: one row for
// each parent, one column for each session held. Only those the policy
// lets export a group (its facilitators and their supervisors) get it, and
// the export is recorded in the audit trail by that decision.
func (s *Server) groupReportCSV(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	rel, err := s.authorizeGroup(r, access.Export, id)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	view := viewFor(actor, rel)
	g, err := s.db.GroupReport(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	now := s.db.Now()
	rep := g.Input().Report(now)
	header := []string{"First name"}
	if view.Families {
		header = append(header, "Family")
	}
	for _, sa := range rep.BySession {
		header = append(header, fmt.Sprintf("Session %d, %s", sa.Number, sa.StartsAt.In(s.zone).Format("2 January 2006")))
	}
	header = append(header, "Sessions came to", "Missed the last two", "Still in the group")
	rows := [][]string{header}
	for i, e := range g.Enrolments {
		p := rep.Parents[i]
		row := []string{e.FirstName}
		if view.Families {
			row = append(row, e.FamilyName)
		}
		for _, sa := range rep.BySession {
			value := "Not recorded"
			if a, ok := g.Attendance[e.ID][sa.Number]; ok {
				value = a.Label()
			}
			row = append(row, value)
		}
		missed := "No"
		if p.MissedLastTwo {
			missed = "Yes"
		}
		still := "Yes"
		if !e.Active() {
			still = "No: withdrawn"
		}
		rows = append(rows, append(row, strconv.Itoa(p.Came), missed, still))
	}
	return writeCSV(w, "group-attendance-"+now.In(s.zone).Format("2006-01-02")+".csv", rows)
}
