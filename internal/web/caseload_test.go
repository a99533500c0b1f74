package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// caseloadRowOf returns the caseload table row that links to a family.
func caseloadRowOf(t *testing.T, body, familyID string) string {
	t.Helper()
	at := strings.Index(body, `href="/families/`+familyID+`"`)
	if at < 0 {
		t.Fatalf("the family %s is not on the page", familyID)
	}
	start := strings.LastIndex(body[:at], "<tr")
	end := strings.Index(body[at:], "</tr>")
	return body[start : at+end]
}

// TestCaseloadNextDueAndAlerts follows a family on a child protection plan
// through the caseload with an injected clock: the next visit is dated from
// the last time a child was seen, turns overdue when the date passes, and a
// withdrawn consent shows as an alert, for the practitioner and their
// supervisor alike.
func TestCaseloadNextDueAndAlerts(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	prac, err := env.DB.UserByEmail(ctx, env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	fam, err := env.DB.CreateFamily(ctx, prac.OrgID, "The Rhythm-Testcase family")
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Allocate(ctx, prac.OrgID, fam.ID, prac.ID); err != nil {
		t.Fatal(err)
	}
	now := env.Clock.Now()
	if _, err := env.DB.AddContext(ctx, prac.OrgID, family.Context{FamilyID: fam.ID, Kind: family.ChildProtection,
		StartedOn: now.AddDate(0, -2, 0).Format(time.DateOnly), RecordedBy: prac.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.SaveNote(ctx, prac.OrgID, family.Note{FamilyID: fam.ID, AuthorID: prac.ID, OccurredAt: now.Add(-time.Hour),
		Kind: family.HomeVisit, ChildSeen: family.SeenAlone, Body: "Saw Jay at home after school."}); err != nil {
		t.Fatal(err)
	}
	rhythm, _ := family.VisitRhythmFor(family.ChildProtection)
	due := rhythm.After(now.Add(-time.Hour)).Format("Mon 2 January 2006")

	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	row := caseloadRowOf(t, c.get("/families").body, fam.ID)
	if !strings.Contains(row, "See the children by "+due) || !strings.Contains(row, "Child protection plan: every 10 working days") {
		t.Errorf("caseload row = %s; want the next visit due by %s, with why", row, due)
	}
	if strings.Contains(row, "Overdue") || strings.Contains(row, "withdrawn") {
		t.Errorf("caseload row = %s; nothing is overdue or withdrawn yet", row)
	}
	// The family's own page says the same near its top.
	if page := c.get("/families/" + fam.ID).body; !strings.Contains(page, "See the children by "+due) || !strings.Contains(page, "Child protection plan, since") {
		t.Error("the family page does not show its context and the next visit due")
	}

	env.Clock.Advance(15 * 24 * time.Hour)
	consent, err := env.DB.RecordConsent(ctx, prac.OrgID, prac.ID, family.Consent{FamilyID: fam.ID, Kind: family.ShareWithGroup, How: family.Written, GivenBy: "Mum"})
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.WithdrawConsent(ctx, prac.OrgID, fam.ID, consent.ID, prac.ID); err != nil {
		t.Fatal(err)
	}
	withdrawn := env.Clock.Now().Format("Mon 2 January 2006")
	c = newClient(t, env) // the earlier session has timed out
	c.signIn(env.Accounts[access.Practitioner])
	row = caseloadRowOf(t, c.get("/families").body, fam.ID)
	if !strings.Contains(row, "Overdue") || !strings.Contains(row, "See the children by "+due) {
		t.Errorf("caseload row = %s; want the visit shown as overdue", row)
	}
	if !strings.Contains(row, "A consent was withdrawn</strong>, "+withdrawn) {
		t.Errorf("caseload row = %s; want the withdrawal as an alert", row)
	}

	s := newClient(t, env)
	s.signIn(env.Accounts[access.Supervisor])
	row = caseloadRowOf(t, s.get("/families").body, fam.ID)
	if !strings.Contains(row, "Overdue") || !strings.Contains(row, "A consent was withdrawn") {
		t.Errorf("team view row = %s; the supervisor should see the overdue visit and the alert", row)
	}

	// A visit today, with the child seen, moves the date on.
	if _, err := env.DB.SaveNote(ctx, prac.OrgID, family.Note{FamilyID: fam.ID, AuthorID: prac.ID, OccurredAt: env.Clock.Now(),
		Kind: family.School, ChildSeen: family.SeenWithOthers, Body: "Saw Jay at school with his teacher."}); err != nil {
		t.Fatal(err)
	}
	row = caseloadRowOf(t, c.get("/families").body, fam.ID)
	if strings.Contains(row, "Overdue") {
		t.Errorf("caseload row = %s; the visit is no longer overdue", row)
	}
}

// TestCaseloadSearchShowsNoSignalsOutsideScope checks that a family outside
// the actor's work shows its name and a break-glass link, and nothing of its
// contacts, contexts or alerts.
func TestCaseloadSearchShowsNoSignalsOutsideScope(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	loose := fx.families[unrelated]
	prac, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.AddContext(t.Context(), loose.OrgID, family.Context{FamilyID: loose.ID, Kind: family.ChildProtection,
		StartedOn: env.Clock.Now().AddDate(-1, 0, 0).Format(time.DateOnly), RecordedBy: prac.ID}); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	page := c.get("/families?q=Unallocated-Fairweather")
	row := caseloadRowOf(t, page.body, loose.ID)
	if !strings.Contains(row, "Open with a reason") || !strings.Contains(row, "Not in your work") {
		t.Errorf("search row = %s; want the name, a break-glass link and nothing more", row)
	}
	for _, leak := range []string{"Overdue", "See the children", "Child protection", "None recorded"} {
		if strings.Contains(row, leak) {
			t.Errorf("search row shows %q for a family outside the practitioner's work: %s", leak, row)
		}
	}
}

// TestCaseloadPages shows a long team list fifty families at a time.
func TestCaseloadPages(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	prac, err := env.DB.UserByEmail(ctx, env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	before, _, err := env.DB.PractitionerCaseload(ctx, prac.OrgID, prac.ID, env.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	for i := len(before); i < 60; i++ {
		f, err := env.DB.CreateFamily(ctx, prac.OrgID, fmt.Sprintf("The Zz-Paging-%02d family", i))
		if err != nil {
			t.Fatal(err)
		}
		if err := env.DB.Allocate(ctx, prac.OrgID, f.ID, prac.ID); err != nil {
			t.Fatal(err)
		}
	}
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	first := c.get("/families")
	// Each row links its family by name; a banner of journal alerts above
	// the list links families too, so rows are counted by their link.
	if n := strings.Count(first.body, `<a class="govuk-link" href="/families/`); first.StatusCode != 200 || n != 50 || !strings.Contains(first.body, "Showing 1 to 50 of 60") {
		t.Errorf("first page: %d, %d families; want 50 of 60", first.StatusCode, n)
	}
	second := c.get("/families?page=2")
	if n := strings.Count(second.body, `<a class="govuk-link" href="/families/`); n != 10 || !strings.Contains(second.body, "Zz-Paging-59") {
		t.Errorf("second page shows %d families; want the last 10", n)
	}
	if far := c.get("/families?page=99"); !strings.Contains(far.body, "Showing 51 to 60 of 60") {
		t.Error("a page beyond the end does not show the last page")
	}
}

// TestCoFacilitatorHomeListsTheirGroups shows the demo co-facilitator the
// group they are attached to, and lets them open it.
func TestCoFacilitatorHomeListsTheirGroups(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	c := newClient(t, env)
	c.signIn(env.Accounts[access.CoFacilitator])
	home := c.get("/")
	at := strings.Index(home.body, `href="/groups/`)
	if home.StatusCode != http.StatusOK || at < 0 || !strings.Contains(home.body, "Thursday evening NVR group") {
		t.Fatalf("the co-facilitator's home: %d; want the demo group listed", home.StatusCode)
	}
	link := home.body[at+len(`href="`):]
	link = link[:strings.Index(link, `"`)]
	if g := c.get(link); g.StatusCode != http.StatusOK {
		t.Errorf("opening %s: %d", link, g.StatusCode)
	}
}
