package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// groupFamily is a family allocated to the practitioner, with one carer.
type groupFamily struct{ id, carer string }

func newGroupFamily(t *testing.T, env *webtest.Env, name, carer string, consent bool) groupFamily {
	t.Helper()
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	prac := mustUser(t, env, access.Practitioner)
	f, err := env.DB.CreateFamily(ctx, orgID, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Allocate(ctx, orgID, f.ID, prac); err != nil {
		t.Fatal(err)
	}
	m, err := env.DB.AddMember(ctx, orgID, family.Member{FamilyID: f.ID, Kind: family.Carer, Name: carer})
	if err != nil {
		t.Fatal(err)
	}
	if consent {
		if _, err := env.DB.RecordConsent(ctx, orgID, prac, family.Consent{FamilyID: f.ID, Kind: family.ShareWithGroup, How: family.Spoken, GivenBy: carer}); err != nil {
			t.Fatal(err)
		}
	}
	return groupFamily{id: f.ID, carer: m.ID}
}

// nextMonday is the first Monday after today.
func nextMonday(now time.Time) time.Time {
	d := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// TestGroupJourney starts a group as the practitioner, enrols parents (one
// without consent is refused), records attendance and writes a note that
// reaches the family's timeline; then checks what the co-facilitator and
// the administrator are shown.
func TestGroupJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	okafor := newGroupFamily(t, env, "The Okafor-Groupwork family", "Sam Okafor", true)
	brennan := newGroupFamily(t, env, "The Brennan-Groupwork family", "Ali Brennan", true)
	reyes := newGroupFamily(t, env, "The Reyes-Groupwork family", "Chris Reyes", false)

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	if list := prac.get("/groups"); list.StatusCode != http.StatusOK || !strings.Contains(list.body, "Start a group") || !strings.Contains(list.body, `href="/groups"`) {
		t.Fatalf("groups as a practitioner: %d; want the list, Start a group and a navigation link", list.StatusCode)
	}
	monday := nextMonday(env.Clock.Now())
	skip := monday.AddDate(0, 0, 7)
	form := url.Values{"name": {"Monday evening group"}, "kind": {"group"}, "template": {"steadfast-group-12-week"},
		"start-day": {monday.Format("2")}, "start-month": {monday.Format("1")}, "start-year": {monday.Format("2006")},
		"time": {"7pm"}, "skip": {skip.Format("02/01/2006")}, "venue": {"Family centre, room 2"}, "capacity": {"12"}}
	bad := prac.post("/groups", form)
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "24-hour clock") || !strings.Contains(bad.body, `value="Monday evening group"`) ||
		!strings.Contains(bad.body, `value="7pm"`) || !strings.Contains(bad.body, skip.Format("02/01/2006")) || !strings.Contains(bad.body, "<title>Error:") {
		t.Fatalf("a bad time: %d; want 422 with every value kept", bad.StatusCode)
	}
	form.Set("time", "18:30")
	res := prac.post("/groups", form)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/groups/") {
		t.Fatalf("start a group: %d %q", res.StatusCode, loc)
	}
	page := prac.get(loc)
	body := html.UnescapeString(page.body)
	for _, want := range []string{"Monday evening group", "Mondays at 18:30", skip.Format("Monday 2 January 2006"),
		monday.Format("2 January 2006") + " at 6:30pm", monday.AddDate(0, 0, 14).Format("2 January 2006") + " at 6:30pm", "Sam Okafor, The Okafor-Groupwork family"} {
		if !strings.Contains(body, want) {
			t.Errorf("the group page lacks %q", want)
		}
	}

	for _, f := range []groupFamily{okafor, brennan} {
		if res := prac.post(loc+"/enrolments", url.Values{"parent": {f.id + "/" + f.carer}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("enrol: %d", res.StatusCode)
		}
	}
	refused := prac.post(loc+"/enrolments", url.Values{"parent": {reyes.id + "/" + reyes.carer}})
	if refused.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(refused.body), "Record the family's consent to share with the group first") {
		t.Errorf("enrolling without consent: %d; want 422 with the reason", refused.StatusCode)
	}
	again := prac.post(loc+"/enrolments", url.Values{"parent": {okafor.id + "/" + okafor.carer}})
	if again.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(again.body, "already enrolled") {
		t.Errorf("enrolling twice: %d", again.StatusCode)
	}
	groupID := strings.TrimPrefix(loc, "/groups/")
	enrolments, err := env.DB.Enrolments(ctx, orgID, groupID)
	if err != nil || len(enrolments) != 2 {
		t.Fatalf("enrolments = %+v, %v", enrolments, err)
	}
	sam := enrolments[1] // by name: Ali, then Sam

	session := prac.get(loc + "/sessions/1")
	if session.StatusCode != http.StatusOK || !strings.Contains(session.body, "Did Sam come?") || !strings.Contains(session.body, "Handout for parents") {
		t.Fatalf("session 1: %d", session.StatusCode)
	}
	if res := prac.post(loc+"/sessions/1/attendance", url.Values{"attendance-" + sam.ID: {"late"}, "attendance-note-" + sam.ID: {"The bus was late"},
		"attendance-" + enrolments[0].ID: {"apologies"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("attendance: %d", res.StatusCode)
	}
	att, err := env.DB.Attendance(ctx, orgID, groupID, 1)
	if err != nil || att[sam.ID].Value != "late" || att[sam.ID].Note != "The bus was late" || att[enrolments[0].ID].Value != "apologies" {
		t.Errorf("attendance = %+v, %v", att, err)
	}
	if res := prac.post(loc+"/sessions/1/notes", url.Values{"group-note": {"A warm start."}, "parent-note-" + sam.ID: {"Sam talked about a calm evening at home."}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("notes: %d", res.StatusCode)
	}
	timeline := prac.get("/families/" + okafor.id + "/timeline")
	if !strings.Contains(timeline.body, "Sam talked about a calm evening at home.") || !strings.Contains(timeline.body, "Monday evening group, session 1") {
		t.Error("the parent note is not on the family's timeline")
	}
	if other := prac.get("/families/" + brennan.id + "/timeline"); strings.Contains(other.body, "calm evening") {
		t.Error("Sam's note reached another family's timeline")
	}

	// The co-facilitator is attached: first names and attendance only.
	cofacID := mustUser(t, env, access.CoFacilitator)
	if _, err := env.DB.UserByID(ctx, cofacID); err != nil {
		t.Fatal(err)
	}
	g, err := env.DB.Group(ctx, orgID, groupID)
	if err != nil {
		t.Fatal(err)
	}
	attached, err := env.DB.CreateGroup(ctx, orgID, mustUser(t, env, access.Practitioner), store.NewGroup{Course: withCoFacilitator(g, cofacID),
		Template: mustTemplate(t, env, orgID, g.TemplateID, g.TemplateVersion), Zone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.Enrol(ctx, orgID, attached.ID, okafor.id, okafor.carer, mustUser(t, env, access.Practitioner)); err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.AddGroupNote(ctx, orgID, attached.ID, 1, mustUser(t, env, access.Practitioner), "Only for facilitators, about session one"); err != nil {
		t.Fatal(err)
	}
	cofac := newClient(t, env)
	cofac.signIn(env.Accounts[access.CoFacilitator])
	if res := cofac.get(loc); res.StatusCode != http.StatusForbidden {
		t.Errorf("a group the co-facilitator is not attached to: %d; want 403", res.StatusCode)
	}
	view := cofac.get("/groups/" + attached.ID)
	if view.StatusCode != http.StatusOK || !strings.Contains(view.body, "Sam") || strings.Contains(view.body, "Okafor") || strings.Contains(view.body, "/families/") ||
		strings.Contains(view.body, "Enrol a parent") {
		t.Errorf("the co-facilitator's group page: %d; want first names only", view.StatusCode)
	}
	cs := cofac.get("/groups/" + attached.ID + "/sessions/1")
	if cs.StatusCode != http.StatusOK || strings.Contains(cs.body, "Okafor") || strings.Contains(cs.body, "<form method=\"post\" action=\"/groups/") ||
		strings.Contains(cs.body, "Only for facilitators, about session one") || !strings.Contains(cs.body, "Not recorded") {
		t.Errorf("the co-facilitator's session page: %d; want no family names and no forms", cs.StatusCode)
	}
	if res := cofac.post("/groups/"+attached.ID+"/sessions/1/attendance", url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("a co-facilitator recording attendance: %d; want 403", res.StatusCode)
	}

	// The administrator sees names only.
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	if res := admin.get(loc); res.StatusCode != http.StatusOK || strings.Contains(res.body, "Sam") || !strings.Contains(res.body, "2 enrolled") {
		t.Errorf("the administrator's group page: %d; want the count, not the parents", res.StatusCode)
	}
	if res := admin.get(loc + "/sessions/1"); res.StatusCode != http.StatusOK || strings.Contains(res.body, "Sam") || strings.Contains(res.body, "calm evening") {
		t.Errorf("the administrator's session page: %d; want no parents", res.StatusCode)
	}

	// Every view and change is in the audit trail.
	page2, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ActorID: mustUser(t, env, access.Practitioner), ResourceType: string(access.KindGroup), ResourceID: groupID}, 200, 0)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[audit.Action]int{}
	for _, e := range page2.Events {
		counts[e.Action]++
	}
	if counts[audit.Read] < 3 || counts[audit.Create] < 3 || counts[audit.Update] < 3 {
		t.Errorf("audit of the group: %v", counts)
	}
}

func withCoFacilitator(c nvr.Course, cofac string) nvr.Course {
	c.ID, c.Name, c.CoFacilitators = "", "Co-facilitated group", []string{cofac}
	return c
}

func mustTemplate(t *testing.T, env *webtest.Env, orgID, id string, version int) nvr.Template {
	t.Helper()
	tpl, err := env.DB.TemplateAt(t.Context(), orgID, id, version)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}
