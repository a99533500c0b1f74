package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// searchLimit bounds a search's results; people narrow a long list by typing more.
const searchLimit = 50

// caseloadRow is one family in a caseload or search result.
type caseloadRow struct {
	Family   store.Family
	Children []family.Member
	InScope  bool // in the actor's own work; otherwise shown only enough to recognise
	// Signals holds the last contact, contexts and recent changes, for
	// families in the actor's own work only.
	Signals family.Signals
	// Next is the soonest thing due, when HasNext is set.
	Next    family.Due
	HasNext bool
	Alerts  []family.Alert
}

// newCaseloadRow works out a family's row from what the caseload read.
func newCaseloadRow(f store.Family, inScope bool, signals family.Signals, today time.Time) caseloadRow {
	row := caseloadRow{Family: f, Children: signals.Children, InScope: inScope, Signals: signals}
	if !inScope {
		return row
	}
	row.Next, row.HasNext = signals.NextDue()
	row.Alerts = signals.Alerts(today)
	return row
}

// caseloadData is what the caseload page shows.
type caseloadData struct {
	Heading  string
	Rows     []caseloadRow
	Query    string
	Searched bool
	Results  []caseloadRow
	More     bool // the search found more than it shows
	Problem  string
	Today    time.Time
	// Pager pages through the actor's own families, caseloadPerPage at a time.
	Pager pager
	// JournalAlerts are the safety alerts parents' journals raised in the
	// actor's families, not yet acknowledged.
	JournalAlerts []store.JournalAlert
	// NextSupervision is a practitioner's next supervision session, when
	// HasSupervision is set.
	NextSupervision supervision.Session
	HasSupervision  bool
}

// caseloadPerPage is how many of the actor's own families one page shows. A
// practitioner's caseload fits on one page; a supervisor's team may not.
const caseloadPerPage = 50

// caseload shows the families in the actor's work, with their children, and
// a name search across the organisation.
func (s *Server) caseload(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindFamilyList, OrgID: actor.OrgID}); err != nil {
		if actor.Role == access.Parent || actor.Role == access.CoFacilitator {
			return errNotFound
		}
		return err
	}
	d := caseloadData{Today: s.db.Now(), Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	switch actor.Role {
	case access.Practitioner:
		d.Heading = "Your caseload"
	case access.Supervisor:
		d.Heading = "Your team's families"
	default:
		d.Heading = "Find a family"
	}
	if r.URL.Query().Has("q") {
		d.Searched = true
		switch n := utf8.RuneCountInString(d.Query); {
		case n < 2:
			d.Problem = "Type at least 2 letters of the family's name"
		case n > 100:
			d.Problem = "Type 100 letters or fewer"
		}
	}
	// One snapshot: the page's reads agree with each other, and on SQLite
	// they share a warm page cache.
	if err := s.db.ReadSnapshot(r.Context(), func(db *store.DB) error { return readCaseload(r.Context(), db, actor, &d) }); err != nil {
		return err
	}
	// The whole list is read, so that searches know what is in scope; one
	// page of it is shown.
	d.Pager = newPager("/families", 1, caseloadPerPage, len(d.Rows))
	d.Pager.Page = min(max(1, atoiOr(r.URL.Query().Get("page"), 1)), d.Pager.Pages())
	if len(d.Rows) > 0 {
		d.Rows = d.Rows[d.Pager.First()-1 : d.Pager.Last()]
	}
	// The names shown are personal data: the read is recorded, but not what
	// was typed, which may itself name someone.
	if err := s.record(r, audit.Event{Action: audit.Read, ResourceType: string(access.KindFamilyList), ResourceID: actor.UserID,
		Decision: audit.Allow, Reason: listReason(len(d.Rows), d.Searched, len(d.Results))}); err != nil {
		return err
	}
	status := http.StatusOK
	if d.Problem != "" {
		status = http.StatusUnprocessableEntity
	}
	return s.render(w, r, status, "caseload", d.Heading, d)
}

// readCaseload fills in the actor's own families and, when a search was
// asked for and is valid, the families it finds, with what each row shows.
func readCaseload(ctx context.Context, db *store.DB, actor *access.Actor, d *caseloadData) error {
	since := d.Today.Add(-family.AlertWindow)
	var mine []store.Family
	signals := map[string]family.Signals{}
	var err error
	switch actor.Role {
	case access.Practitioner:
		mine, signals, err = db.PractitionerCaseload(ctx, actor.OrgID, actor.UserID, since)
	case access.Supervisor:
		mine, signals, err = db.TeamCaseload(ctx, actor.OrgID, actor.UserID, since)
	}
	if err != nil {
		return err
	}
	// Signals are read only for families in the actor's own work; search
	// results outside it show a name and nothing more.
	var alerting []string
	for _, f := range mine {
		d.Rows = append(d.Rows, newCaseloadRow(f, true, signals[f.ID], d.Today))
		if signals[f.ID].OpenJournalAlerts > 0 {
			alerting = append(alerting, f.ID)
		}
	}
	// Safety alerts from the parents' journals, for the families in the
	// actor's own work that the signals say have one, looked up by id.
	if len(alerting) > 0 {
		if d.JournalAlerts, err = db.OpenJournalAlertsOf(ctx, actor.OrgID, alerting); err != nil {
			return err
		}
	}
	// A practitioner's home reminds them of their next supervision.
	if actor.Role == access.Practitioner {
		upcoming, err := db.UpcomingSupervision(ctx, actor.OrgID, actor.UserID)
		if err != nil {
			return err
		}
		if len(upcoming) > 0 {
			d.NextSupervision, d.HasSupervision = upcoming[0], true
		}
	}
	if d.Searched && d.Problem == "" {
		found, err := db.SearchFamilies(ctx, actor.OrgID, d.Query, searchLimit+1)
		if err != nil {
			return err
		}
		if len(found) > searchLimit {
			found, d.More = found[:searchLimit], true
		}
		for _, f := range found {
			s, inScope := signals[f.ID]
			d.Results = append(d.Results, newCaseloadRow(f, inScope, s, d.Today))
		}
	}
	return nil
}

func listReason(own int, searched bool, found int) string {
	reason := fmt.Sprintf("own families listed: %d", own)
	if searched {
		reason += fmt.Sprintf("; search results: %d", found)
	}
	return reason
}
