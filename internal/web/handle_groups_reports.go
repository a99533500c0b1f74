package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
)

// groupsReportData is what the report across groups shows: counts only,
// never a parent's name.
type groupsReportData struct {
	Scope   string // whose groups these are, in words
	Rows    []groupOutcomeRow
	Summary nvr.Summary
	Rate    string // the completion rate over finished groups, or ""
	Chart   barChart
}

// groupOutcomeRow is one group in the report across groups.
type groupOutcomeRow struct {
	ID, Name, Kind, Starts, Status string
	Sessions, Held                 int
	Funnel                         nvr.Funnel
	Rate                           string // for finished groups with parents enrolled
}

// authorizeGroupsReport asks whether the actor may read or export the
// report across their groups, recording the decision. Parents are told
// nothing (404), as for the list of groups.
func (s *Server) authorizeGroupsReport(r *http.Request, action access.Action) (*access.Actor, error) {
	actor := actorFrom(r.Context())
	if actor == nil {
		return nil, errForbidden
	}
	_, err := s.authorize(r, action, access.Resource{Kind: access.KindGroupReport, ID: actor.OrgID, OrgID: actor.OrgID})
	if errors.Is(err, errForbidden) && actor.Role == access.Parent {
		return nil, errNotFound
	}
	return actor, err
}

// groupOutcomes reads and works out the report of every group the actor
// works with, newest start first.
func (s *Server) groupOutcomes(r *http.Request, actor *access.Actor) ([]groupOutcomeRow, []nvr.Report, error) {
	courses, err := s.db.GroupReports(r.Context(), *actor)
	if err != nil {
		return nil, nil, err
	}
	now := s.db.Now()
	var rows []groupOutcomeRow
	var reports []nvr.Report
	for _, c := range courses {
		rep := c.Input.Report(now)
		reports = append(reports, rep)
		row := groupOutcomeRow{ID: c.Course.ID, Name: c.Course.Name, Kind: c.Course.Kind.Label(), Starts: c.Course.Schedule.Start.Format("2 January 2006"),
			Sessions: rep.Sessions, Held: rep.Held, Funnel: rep.Funnel}
		switch {
		case rep.Finished:
			row.Status = "Finished"
		case rep.Held == 0:
			row.Status = "Not started"
		default:
			row.Status = fmt.Sprintf("Running: %d of %d sessions held", rep.Held, rep.Sessions)
		}
		if p, ok := rep.Funnel.CompletionPercent(); ok {
			row.Rate = strconv.Itoa(p) + "%"
		}
		rows = append(rows, row)
	}
	return rows, reports, nil
}

func (s *Server) groupsReportPage(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.authorizeGroupsReport(r, access.Read)
	if err != nil {
		return err
	}
	rows, reports, err := s.groupOutcomes(r, actor)
	if err != nil {
		return err
	}
	d := groupsReportData{Rows: rows, Summary: nvr.Summarise(reports)}
	switch actor.Role {
	case access.Admin:
		d.Scope = "every group in the organisation"
	case access.Supervisor:
		d.Scope = "the groups you and the practitioners you supervise run"
	default:
		d.Scope = "the groups you run"
	}
	if p, ok := d.Summary.CompletionPercent(); ok {
		d.Rate = strconv.Itoa(p) + "%"
	}
	var bars []barDatum
	for _, row := range rows {
		if p, ok := row.Funnel.CompletionPercent(); ok {
			bars = append(bars, barDatum{Label: row.Name, Value: p, Text: row.Rate})
		}
	}
	desc := "No finished group has parents enrolled yet."
	if len(bars) > 0 {
		desc = fmt.Sprintf("Completion rates of %d finished groups; %s of parents completed across them all. The table gives every figure.", len(bars), d.Rate)
	}
	d.Chart = newBarChart("completion-chart", "Completion rate of each finished group", desc, bars, 100)
	return s.render(w, r, http.StatusOK, "group_reports", "Reports on groups", d)
}

// groupsReportCSV sends the report across groups as a CSV file: one row
// for each group, counts only. The export is recorded by the policy
// decision that allows it.
func (s *Server) groupsReportCSV(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.authorizeGroupsReport(r, access.Export)
	if err != nil {
		return err
	}
	rows, _, err := s.groupOutcomes(r, actor)
	if err != nil {
		return err
	}
	out := [][]string{{"Group", "Kind", "Starts", "Status", "Sessions", "Sessions held", stageEnrolled, stageFirst, stageHalf, stageCompleted, "Completion rate"}}
	for _, row := range rows {
		f := row.Funnel
		completed := strconv.Itoa(f.Completed)
		if !f.Finished {
			completed = ""
		}
		out = append(out, []string{row.Name, row.Kind, row.Starts, row.Status, strconv.Itoa(row.Sessions), strconv.Itoa(row.Held),
			strconv.Itoa(f.Enrolled), strconv.Itoa(f.CameToFirst), strconv.Itoa(f.CameToHalf), completed, row.Rate})
	}
	return writeCSV(w, "group-reports-"+s.db.Now().In(s.zone).Format("2006-01-02")+".csv", out)
}
