package web_test

import (
	"encoding/csv"
	"html"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// dayBeforeSessionSix is the day the demo's group report is read: a
// Wednesday, so the demo's Thursday group has held five sessions and meets
// for the sixth tomorrow.
var dayBeforeSessionSix = time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)

var (
	funnelRowRE = regexp.MustCompile(`<th scope="row" class="govuk-table__header">([^<]+)</th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">([^<]+)</td>`)
	missedRowRE = regexp.MustCompile(`<tr class="govuk-table__row">\s*<td class="govuk-table__cell">([^<]*)</td>`)
)

// funnelOf reads the funnel table of a group's report: stage to count.
func funnelOf(body string) map[string]string {
	i := strings.Index(body, `id="funnel"`)
	if i < 0 {
		return nil
	}
	out := map[string]string{}
	for _, m := range funnelRowRE.FindAllStringSubmatch(body[i:], -1) {
		out[html.UnescapeString(m[1])] = m[2]
	}
	return out
}

// missedOf reads the first names in the "not come to the last two" table.
func missedOf(body string) []string {
	start, end := strings.Index(body, `id="reach-out"`), strings.Index(body, `id="attendance"`)
	if start < 0 || end < start {
		return nil
	}
	var out []string
	for _, m := range missedRowRE.FindAllStringSubmatch(body[start:end], -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// sorted returns names in order.
func sorted(names []string) []string {
	out := append([]string(nil), names...)
	sort.Strings(out)
	return out
}

// demoGroup finds the demo's week-six group, run by the practitioner.
func demoGroup(t *testing.T, env *webtest.Env) nvr.Course {
	t.Helper()
	prac, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := env.DB.Groups(t.Context(), prac.Actor())
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if g.Name == "Thursday evening NVR group" {
			return g
		}
	}
	t.Fatalf("the demo group is not among the practitioner's %d groups", len(groups))
	return nvr.Course{}
}

// TestGroupReportForDemoWeekSix is acceptance 3 of the NVR programme
// issue: with the clock pinned to the day before the demo group's sixth
// session, its report shows the right funnel and exactly the parent who
// has missed the last two sessions, to each role as far as they may see.
func TestGroupReportForDemoWeekSix(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true, Now: dayBeforeSessionSix})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	g := demoGroup(t, env)
	enrolled, err := env.DB.Enrolments(ctx, orgID, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The demo (seed 1) puts five parents in the group. The last two it
	// enrolled are slipping away: one sent apologies to session 4 and did
	// not come to session 5; the other came to neither.
	if len(enrolled) != 5 {
		t.Fatalf("the demo group has %d parents; this test expects the five of seed 1", len(enrolled))
	}
	sort.Slice(enrolled, func(i, j int) bool {
		return enrolled[i].EnrolledAt.Before(enrolled[j].EnrolledAt) || enrolled[i].EnrolledAt.Equal(enrolled[j].EnrolledAt) && i < j
	})
	att4, err := env.DB.Attendance(ctx, orgID, g.ID, 4)
	if err != nil {
		t.Fatal(err)
	}
	att5, err := env.DB.Attendance(ctx, orgID, g.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	var slipping []store.Enrolment
	for _, e := range enrolled {
		if att4[e.ID].Value.Missed() && att5[e.ID].Value.Missed() {
			slipping = append(slipping, e)
		}
	}
	if len(slipping) != 2 {
		t.Fatalf("%d parents in the demo missed sessions 4 and 5; the demo should have two", len(slipping))
	}
	// apart sent apologies to session 4; gone came to neither.
	apart, gone := slipping[0], slipping[1]
	if att4[apart.ID].Value != nvr.Apologies {
		apart, gone = gone, apart
	}
	if att4[apart.ID].Value != nvr.Apologies || att5[apart.ID].Value != nvr.Absent || att4[gone.ID].Value != nvr.Absent || att5[gone.ID].Value != nvr.Absent {
		t.Fatalf("sessions 4 and 5: %s %s/%s, %s %s/%s; the demo should have one send apologies then not come, and one not come twice",
			apart.FirstName, att4[apart.ID].Value, att5[apart.ID].Value, gone.FirstName, att4[gone.ID].Value, att5[gone.ID].Value)
	}
	wantMissed := []string{apart.FirstName, gone.FirstName}
	sort.Strings(wantMissed)
	path := "/groups/" + g.ID + "/report"

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	res := prac.get(path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("the report as the facilitator: %d", res.StatusCode)
	}
	// Everyone came to the first session; no one has come to six sessions
	// yet, with five held; completion waits for the end.
	want := map[string]string{"Enrolled": "5", "Came to the first session": "5", "Came to at least half": "0", "Completed": "Not yet"}
	if got := funnelOf(res.body); !reflect.DeepEqual(got, want) {
		t.Errorf("funnel = %v; want %v", got, want)
	}
	if got := sorted(missedOf(res.body)); !reflect.DeepEqual(got, wantMissed) {
		t.Errorf("missed the last two = %q; want exactly %q", got, wantMissed)
	}
	for _, s := range []string{"5 of 12 sessions held so far; 7 to come", `href="/families/` + gone.FamilyID + `"`, `href="/families/` + apart.FamilyID + `"`,
		"Session 3, 19 February", "5 parents could still get there", "7 sessions are left; 5 parents could still complete", `href="` + path + `.csv"`} {
		if !strings.Contains(html.UnescapeString(res.body), s) {
			t.Errorf("the facilitator's report lacks %q", s)
		}
	}
	// Session 3: one parent sent apologies; sessions 4 and 5: the two
	// slipping away did not come; session 2: one came late, which counts
	// as coming.
	for _, s := range []string{"Session 3, 19 February: 4 of 5", "Session 4, 26 February: 3 of 5", "Session 5, 5 March: 3 of 5", "Session 2, 12 February: 5 of 5"} {
		if !strings.Contains(html.UnescapeString(res.body), s) {
			t.Errorf("the attendance chart lacks %q", s)
		}
	}

	// The co-facilitator sees first names, with no way into families.
	cofac := newClient(t, env)
	cofac.signIn(env.Accounts[access.CoFacilitator])
	res = cofac.get(path)
	if got := sorted(missedOf(res.body)); res.StatusCode != http.StatusOK || !reflect.DeepEqual(got, wantMissed) || strings.Contains(res.body, "/families/") ||
		strings.Contains(res.body, gone.FamilyName) || strings.Contains(res.body, ".csv") {
		t.Errorf("the co-facilitator's report: %d, missed %q; want first names only, no families and no download", res.StatusCode, got)
	}
	if res := cofac.get(path + ".csv"); res.StatusCode != http.StatusForbidden {
		t.Errorf("the co-facilitator's download: %d; want 403", res.StatusCode)
	}

	// The administrator sees how many, never who.
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	res = admin.get(path)
	if res.StatusCode != http.StatusOK || strings.Contains(res.body, gone.FirstName) || !strings.Contains(res.body, "2 parents have not come to the last two sessions") ||
		!reflect.DeepEqual(funnelOf(res.body), want) {
		t.Errorf("the administrator's report: %d; want the counts and no names", res.StatusCode)
	}
	for _, e := range enrolled {
		if strings.Contains(res.body, e.FamilyName) {
			t.Errorf("the administrator's report names %s", e.FamilyName)
		}
	}

	// The facilitator's download: one row a parent, a column a session
	// held, family names, and an export in the audit trail.
	csvRes := prac.get(path + ".csv")
	if csvRes.StatusCode != http.StatusOK || !strings.HasPrefix(csvRes.Header.Get("Content-Type"), "text/csv") ||
		csvRes.Header.Get("Content-Disposition") != `attachment; filename="group-attendance-2026-03-11.csv"` {
		t.Fatalf("download: %d, %q, %q", csvRes.StatusCode, csvRes.Header.Get("Content-Type"), csvRes.Header.Get("Content-Disposition"))
	}
	rows, err := csv.NewReader(strings.NewReader(csvRes.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"First name", "Family", "Session 1, 5 February 2026", "Session 2, 12 February 2026", "Session 3, 19 February 2026",
		"Session 4, 26 February 2026", "Session 5, 5 March 2026", "Sessions came to", "Missed the last two", "Still in the group"}
	if len(rows) != 6 || !reflect.DeepEqual(rows[0], wantHeader) {
		t.Fatalf("download: %d rows, header %q", len(rows), rows[0])
	}
	for _, row := range rows[1:] {
		switch row[1] {
		case gone.FamilyName:
			if !reflect.DeepEqual(row, []string{gone.FirstName, gone.FamilyName, "Present", "Present", "Present", "Did not come", "Did not come", "3", "Yes", "Yes"}) {
				t.Errorf("%s's row = %q", gone.FirstName, row)
			}
		case apart.FamilyName:
			if !reflect.DeepEqual(row, []string{apart.FirstName, apart.FamilyName, "Present", "Present", "Present", "Sent apologies", "Did not come", "3", "Yes", "Yes"}) {
				t.Errorf("%s's row = %q", apart.FirstName, row)
			}
		default:
			if row[len(row)-2] != "No" {
				t.Errorf("%s's row = %q; only two missed the last two", row[0], row)
			}
		}
	}
	exports, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ActorID: mustUser(t, env, access.Practitioner), ResourceType: string(access.KindGroup),
		ResourceID: g.ID, Action: audit.Export}, 10, 0)
	if err != nil || len(exports.Events) != 1 || exports.Events[0].Decision != audit.Allow {
		t.Errorf("export audit = %+v, %v; want the one allowed export", exports.Events, err)
	}
}

// TestGroupsReport shows groups run and completion rates to the staff
// who oversee them, counts only, and records every view and download.
func TestGroupsReport(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true, Now: dayBeforeSessionSix})
	orgID := env.Accounts.OrgID(t, env)
	g := demoGroup(t, env)
	for _, role := range []access.Role{access.Admin, access.Supervisor, access.Practitioner} {
		c := newClient(t, env)
		c.signIn(env.Accounts[role])
		res := c.get("/groups/reports")
		// The practitioner runs only the Thursday group; the administrator
		// and the supervisor also see the Tuesday group that finished,
		// where two of three parents completed.
		finished := role != access.Practitioner
		body := html.UnescapeString(res.body)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `href="/groups/`+g.ID+`/report"`) ||
			!strings.Contains(body, "Running: 5 of 12 sessions held") || strings.Contains(body, "Tuesday morning NVR group") != finished ||
			strings.Contains(body, "67%") != finished || strings.Contains(body, "Shown once a group with parents enrolled has finished") == finished {
			t.Errorf("%s: the report across groups: %d; want the demo groups, counts only", role, res.StatusCode)
		}
		for _, e := range enrolments(t, env, orgID, g.ID) {
			if strings.Contains(body, e.FamilyName) {
				t.Errorf("%s: the report across groups names %s", role, e.FamilyName)
			}
		}
		if list := c.get("/groups"); !strings.Contains(list.body, `href="/groups/reports"`) {
			t.Errorf("%s: the list of groups does not link to the report across groups", role)
		}
		res = c.get("/groups/reports.csv")
		rows, err := csv.NewReader(strings.NewReader(res.body)).ReadAll()
		wantRows := map[string][]string{g.Name: {"5", "5", "0", "", ""}}
		if finished {
			wantRows["Tuesday morning NVR group"] = []string{"3", "3", "2", "2", "67%"}
			wantRows["One-to-one NVR at home"] = []string{"1", "1", "1", "", ""}
		}
		if res.StatusCode != http.StatusOK || err != nil || len(rows) != len(wantRows)+1 {
			t.Fatalf("%s: the download: %d, %q, %v", role, res.StatusCode, rows, err)
		}
		for _, row := range rows[1:] {
			if !reflect.DeepEqual(row[6:], wantRows[row[0]]) {
				t.Errorf("%s: the download's row for %s = %q; want %q", role, row[0], row[6:], wantRows[row[0]])
			}
		}
		page, err := env.DB.ListAudit(t.Context(), orgID, store.AuditFilter{ActorID: mustUser(t, env, role), ResourceType: string(access.KindGroupReport)}, 10, 0)
		if err != nil || len(page.Events) != 2 {
			t.Errorf("%s: audit of the report across groups = %+v, %v; want a read and an export", role, page.Events, err)
		}
	}
	cofac := newClient(t, env)
	cofac.signIn(env.Accounts[access.CoFacilitator])
	if list := cofac.get("/groups"); strings.Contains(list.body, `href="/groups/reports"`) {
		t.Error("the co-facilitator's list of groups links to the report across groups")
	}
}

func enrolments(t *testing.T, env *webtest.Env, orgID, groupID string) []store.Enrolment {
	t.Helper()
	out, err := env.DB.Enrolments(t.Context(), orgID, groupID)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
