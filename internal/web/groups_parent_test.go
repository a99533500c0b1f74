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
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestParentSeesTheirGroup enrols the demo parent's family in a group with
// another family, two sessions held and a week off between them, and
// checks what the parent is shown: the dates with the week off, the next
// session, their own attendance and the two handouts, and nothing of the
// other parent, the notes or the facilitators' plans. A later handout, the
// session pages and another family's parent are all not found.
func TestParentSeesTheirGroup(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	prac := mustUser(t, env, access.Practitioner)
	cofac, err := env.DB.UserByID(ctx, mustUser(t, env, access.CoFacilitator))
	if err != nil {
		t.Fatal(err)
	}
	tpl, _, err := nvr.ShippedTemplate("steadfast-group-12-week")
	if err != nil {
		t.Fatal(err)
	}
	// Session 1 twenty days ago, a week off, session 2 six days ago, and
	// session 3 tomorrow.
	start := nvr.Date(env.Clock.Now()).AddDate(0, 0, -20)
	weekOff := start.AddDate(0, 0, 7)
	g, err := env.DB.CreateGroup(ctx, orgID, prac, store.NewGroup{Course: nvr.Course{Name: "Wednesday parents' group", Kind: nvr.Group,
		Capacity: 12, Venue: "Riverside Family Centre, Room 4", Facilitators: []string{prac}, CoFacilitators: []string{cofac.ID},
		Schedule: nvr.Schedule{Start: start, Weekday: start.Weekday(), Time: "18:30", Skip: []time.Time{weekOff}}}, Template: tpl, Zone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	own := env.Accounts[access.Parent].FamilyID
	members, err := env.DB.Members(ctx, orgID, own)
	if err != nil {
		t.Fatal(err)
	}
	var ownCarer string
	for _, m := range members {
		if m.Kind == family.Carer && ownCarer == "" {
			ownCarer = m.ID
		}
	}
	mine, err := env.DB.Enrol(ctx, orgID, g.ID, own, ownCarer, prac)
	if err != nil {
		t.Fatal(err)
	}
	other := newGroupFamily(t, env, "The Quillfeather family", "Marigold Quillfeather", true)
	theirs, err := env.DB.Enrol(ctx, orgID, g.ID, other.id, other.carer, prac)
	if err != nil {
		t.Fatal(err)
	}
	for n, entries := range map[int][]store.AttendanceEntry{
		1: {{EnrolmentID: mine.ID, Value: nvr.Apologies}, {EnrolmentID: theirs.ID, Value: nvr.Present, Note: "Marigold shared a lot"}},
		2: {{EnrolmentID: mine.ID, Value: nvr.Late}, {EnrolmentID: theirs.ID, Value: nvr.Absent}},
	} {
		if err := env.DB.RecordAttendance(ctx, orgID, g.ID, n, prac, entries); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := env.DB.AddGroupNote(ctx, orgID, g.ID, 1, prac, "Group note for the staff only"); err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.AddParentNote(ctx, orgID, g.ID, 1, mine.ID, prac, "Parent note for the family's timeline"); err != nil {
		t.Fatal(err)
	}

	parent := newClient(t, env)
	parent.signIn(env.Accounts[access.Parent])
	if res := parent.get("/"); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/my" {
		t.Errorf("a parent's home: %d to %q; want their space, /my", res.StatusCode, res.Header.Get("Location"))
	}
	home := parent.get("/my")
	homeBody := html.UnescapeString(home.body)
	if home.StatusCode != http.StatusOK || !strings.Contains(homeBody, `href="/groups/`+g.ID+`"`) || !strings.Contains(homeBody, "Next session:") ||
		!strings.Contains(homeBody, tpl.Sessions[2].Title) || strings.Contains(homeBody, "There is nothing in your space yet") {
		t.Errorf("the parent's home: %d; want their group with its next session", home.StatusCode)
	}

	page := parent.get("/groups/" + g.ID)
	body := html.UnescapeString(page.body)
	if page.StatusCode != http.StatusOK {
		t.Fatalf("the parent's group: %d", page.StatusCode)
	}
	firstName := strings.Fields(cofac.Name)[0]
	for _, want := range []string{"Wednesday parents' group", "Riverside Family Centre, Room 4", start.Weekday().String() + "s at", "Your next session",
		weekOff.Format("Monday 2 January 2006"), "A week off", firstName + ", a parent who has been through the programme",
		"You sent apologies", "You came", `href="/groups/` + g.ID + `/handouts/1"`, `href="/groups/` + g.ID + `/handouts/2"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the parent's group page lacks %q", want)
		}
	}
	for _, s := range tpl.Sessions {
		if !strings.Contains(body, s.Title) {
			t.Errorf("the schedule lacks %q", s.Title)
		}
	}
	next := strings.Index(body, "Your next session")
	if next < 0 || !strings.Contains(body[next:min(len(body), next+600)], tpl.Sessions[2].Title) {
		t.Errorf("the next session shown is not session 3, %q", tpl.Sessions[2].Title)
	}
	forbidden := []string{"Marigold", "Quillfeather", "shared a lot", "Group note for the staff only", "Parent note for the family's timeline",
		"/sessions/", "/families/", tpl.Sessions[0].Plan[0].What, tpl.Sessions[0].Aims[0], `href="/groups/` + g.ID + `/handouts/3"`, "We missed you"}
	for _, bad := range forbidden {
		if strings.Contains(body, bad) {
			t.Errorf("the parent's group page shows %q", bad)
		}
	}

	handout := parent.get("/groups/" + g.ID + "/handouts/1")
	hb := html.UnescapeString(handout.body)
	firstWords := strings.Join(strings.Fields(tpl.Sessions[0].HandoutParagraphs()[0])[:8], " ")
	if handout.StatusCode != http.StatusOK || !strings.Contains(hb, tpl.Sessions[0].Title) || !strings.Contains(hb, firstWords) {
		t.Errorf("the handout of session 1: %d; want its title and %q", handout.StatusCode, firstWords)
	}
	for _, bad := range []string{tpl.Sessions[0].Plan[0].What, tpl.Sessions[0].Aims[0], "Marigold", "Group note for the staff only"} {
		if strings.Contains(hb, bad) {
			t.Errorf("the handout page shows %q", bad)
		}
	}
	for _, path := range []string{"/handouts/3", "/handouts/12", "/handouts/13", "/handouts/0", "/sessions/1", "/sessions/3"} {
		if res := parent.get("/groups/" + g.ID + path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s as the parent: %d; want 404", path, res.StatusCode)
		}
	}
	// Staff may read a handout before its session, as parents will see it.
	staff := newClient(t, env)
	staff.signIn(env.Accounts[access.Practitioner])
	if res := staff.get("/groups/" + g.ID + "/handouts/3"); res.StatusCode != http.StatusOK || !strings.Contains(html.UnescapeString(res.body), tpl.Sessions[2].Title) {
		t.Errorf("a later handout as the facilitator: %d; want 200", res.StatusCode)
	}

	// The other family's parent, with an account but not in the group.
	outsider, outsiderID := newParentAccount(t, env, orgID, "The Outside-Group family", "Robin Outside")
	oc := newClient(t, env)
	oc.signIn(outsider)
	for _, path := range []string{"", "/handouts/1", "/sessions/1"} {
		if res := oc.get("/groups/" + g.ID + path); res.StatusCode != http.StatusNotFound || strings.Contains(res.body, "Wednesday parents") {
			t.Errorf("%q as a parent not in the group: %d; want 404 naming nothing", path, res.StatusCode)
		}
	}
	// A new parent reads who sees what they write before their space.
	wantRedirect(t, "a new parent's home", oc.get("/"), "/my/who-can-see")
	oc.post("/my/who-can-see", url.Values{})
	wantRedirect(t, "a new parent's home, once they have read it", oc.get("/"), "/my")
	if res := oc.get("/my"); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Write it down") || strings.Contains(res.body, "/groups/") {
		t.Error("the space of a parent in no group lists a group, or lacks the ways to write things down")
	}

	// Every view is in the audit trail: the parent's page and handout
	// allowed, the outsider's attempts at them refused.
	for who, want := range map[string]audit.Decision{mustUser(t, env, access.Parent): audit.Allow, outsiderID: audit.Deny} {
		events, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ActorID: who, ResourceType: string(access.KindGroup), ResourceID: g.ID}, 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range events.Events {
			if e.Decision == want {
				n++
			}
		}
		if n < 2 {
			t.Errorf("audit of %s's views: %d %s; want the page and the handout", who, n, want)
		}
	}
}

// newParentAccount makes a family with one carer, allocated to nobody, and
// a parent account for that carer, and returns its sign-in and user ID.
func newParentAccount(t *testing.T, env *webtest.Env, orgID, familyName, carer string) (demo.Account, string) {
	t.Helper()
	ctx := t.Context()
	f, err := env.DB.CreateFamily(ctx, orgID, familyName)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.AddMember(ctx, orgID, family.Member{FamilyID: f.ID, Kind: family.Carer, Name: carer}); err != nil {
		t.Fatal(err)
	}
	const password = "a long passphrase for a test parent"
	hash, err := access.NewHasher().Hash(ctx, password)
	if err != nil {
		t.Fatal(err)
	}
	email := strings.ToLower(strings.ReplaceAll(carer, " ", ".")) + "@families.example"
	u, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: orgID, Email: email, Name: carer, Role: access.Parent, PasswordHash: hash, FamilyID: f.ID})
	if err != nil {
		t.Fatal(err)
	}
	return demo.Account{Email: email, Password: password, Role: string(access.Parent), FamilyID: f.ID}, u.ID
}
