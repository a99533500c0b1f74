package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// groupReportData is what a group's report shows.
type groupReportData struct {
	// View decides the names shown. Co-facilitators see the report with
	// first names only: the issue gives them the parents' first names and
	// attendance, and the report is made of nothing else; reaching out to
	// a parent they know from the group is part of their role. They get
	// no link to a family and no CSV. Administrators see counts only.
	View      groupView
	Group     nvr.Course
	Report    nvr.Report
	Sessions  []reportSessionRow
	Funnel    []funnelRow
	Missed    []missedRow
	CanExport bool
	// Charts of the attendance by session and of the funnel.
	AttendanceChart, FunnelChart barChart
}

// reportSessionRow is one held session in the attendance table.
type reportSessionRow struct {
	nvr.SessionAttendance
	Title, Date string
}

// funnelRow is one stage of the funnel, as the table shows it.
type funnelRow struct {
	Stage string
	Count int
	Note  string // how the stage is counted, or what is still to come
	// Pending is true for completion while the group runs: it is not
	// counted yet, so Count is not a result.
	Pending bool
}

// missedRow is a parent who has missed the last two sessions.
type missedRow struct {
	FirstName, FamilyID, FamilyName string
	LastCame                        string // "Session 3, 19 February", or "Not yet"
}

func (s *Server) groupReportPage(w http.ResponseWriter, r *http.Request) error {
	if err := staffPageOnly(r); err != nil {
		return err
	}
	id := r.PathValue("id")
	rel, err := s.authorizeGroup(r, access.Read, id)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	g, err := s.db.GroupReport(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	rep := g.Input().Report(s.db.Now())
	d := groupReportData{View: viewFor(actor, rel), Group: g.Course, Report: rep,
		CanExport: access.Can(*actor, access.Export, groupResource(actor, id, rel)).Allowed}
	sessions := map[int]store.GroupSession{}
	for _, gs := range g.Sessions {
		sessions[gs.Number] = gs
	}
	var bars []barDatum
	for _, sa := range rep.BySession {
		date := sa.StartsAt.In(s.zone).Format("2 January")
		d.Sessions = append(d.Sessions, reportSessionRow{SessionAttendance: sa, Title: sessions[sa.Number].Title, Date: date})
		bars = append(bars, barDatum{Label: fmt.Sprintf("Session %d, %s", sa.Number, date), Value: sa.Came(),
			Text: fmt.Sprintf("%d of %d", sa.Came(), len(g.Enrolments))})
	}
	d.AttendanceChart = newBarChart("attendance-chart", "Parents who came to each session", attendanceSummary(rep, len(g.Enrolments)), bars, len(g.Enrolments))
	d.Funnel = funnelRows(rep)
	var stages []barDatum
	for _, f := range d.Funnel {
		text := strconv.Itoa(f.Count)
		switch {
		case f.Pending:
			text = "counted at the end"
		case !rep.Finished && f.Stage == stageHalf:
			text += " so far"
		}
		stages = append(stages, barDatum{Label: f.Stage, Value: f.Count, Text: text})
	}
	d.FunnelChart = newBarChart("funnel-chart", "From enrolling to completing the programme", funnelSummary(d.Funnel), stages, rep.Funnel.Enrolled)
	byID := map[string]store.Enrolment{}
	for _, e := range g.Enrolments {
		byID[e.ID] = e
	}
	for _, p := range rep.MissedLastTwo() {
		e := byID[p.EnrolmentID]
		row := missedRow{LastCame: "Not yet"}
		if p.LastCame > 0 {
			row.LastCame = fmt.Sprintf("Session %d, %s", p.LastCame, sessions[p.LastCame].StartsAt.In(s.zone).Format("2 January"))
		}
		if d.View.FirstNames {
			row.FirstName = e.FirstName
		}
		if d.View.Families {
			row.FamilyID, row.FamilyName = e.FamilyID, e.FamilyName
		}
		d.Missed = append(d.Missed, row)
	}
	return s.render(w, r, http.StatusOK, "group_report", "Report: "+g.Course.Name, d)
}

// The funnel's stages, as the report names them.
const (
	stageEnrolled  = "Enrolled"
	stageFirst     = "Came to the first session"
	stageHalf      = "Came to at least half"
	stageCompleted = "Completed"
)

// funnelRows explains each stage of the funnel in words.
func funnelRows(rep nvr.Report) []funnelRow {
	f := rep.Funnel
	first := "Came on time or late."
	if !f.FirstHeld {
		first = "The first session has not been held yet."
	}
	half := fmt.Sprintf("Came to %d or more of the %d sessions.", f.HalfNeeds, rep.Sessions)
	if !rep.Finished {
		half += fmt.Sprintf(" %s could still get there.", parents(f.HalfWithinReach))
	}
	completed := fmt.Sprintf("Came to %d or more of the %d sessions (three quarters), counted once the last session has been held.", f.CompleteNeeds, rep.Sessions)
	if !rep.Finished {
		completed += fmt.Sprintf(" %s left; %s could still complete.", sessionsLeft(rep.Left), parents(f.CompleteWithinReach))
	}
	return []funnelRow{
		{Stage: stageEnrolled, Count: f.Enrolled, Note: "Everyone enrolled, including anyone who has since left the group."},
		{Stage: stageFirst, Count: f.CameToFirst, Note: first},
		{Stage: stageHalf, Count: f.CameToHalf, Note: half},
		{Stage: stageCompleted, Count: f.Completed, Note: completed, Pending: !rep.Finished},
	}
}

// parents counts parents in words: "1 parent", "3 parents".
func parents(n int) string {
	if n == 1 {
		return "1 parent"
	}
	return strconv.Itoa(n) + " parents"
}

// sessionsLeft counts the sessions still to come in words.
func sessionsLeft(n int) string {
	if n == 1 {
		return "1 session is"
	}
	return strconv.Itoa(n) + " sessions are"
}

// attendanceSummary describes the attendance chart for screen readers.
func attendanceSummary(rep nvr.Report, enrolled int) string {
	if len(rep.BySession) == 0 {
		return "No sessions have been held yet."
	}
	s := fmt.Sprintf("%d of %d sessions held, with %s enrolled.", rep.Held, rep.Sessions, parents(enrolled))
	for _, sa := range rep.BySession {
		s += fmt.Sprintf(" Session %d: %d came.", sa.Number, sa.Came())
	}
	return s + " The table gives every figure."
}

// funnelSummary describes the funnel chart for screen readers.
func funnelSummary(rows []funnelRow) string {
	var parts []string
	for _, f := range rows {
		if f.Pending {
			parts = append(parts, f.Stage+": counted once the last session has been held.")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s: %d.", f.Stage, f.Count))
	}
	return strings.Join(append(parts, "The table explains each stage."), " ")
}
