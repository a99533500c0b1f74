//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestBreakGlassJourney follows a duty worker who must open a family they do
// not work with: a reason is required, the opening appears in the family's
// audit list for its own practitioner, and access ends with the session.
func TestBreakGlassJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	ctx := t.Context()
	parent, err := env.DB.UserByEmail(ctx, env.Accounts[access.Parent].Email)
	if err != nil {
		t.Fatal(err)
	}
	familyPath := "/families/" + parent.FamilyID
	hash, err := access.NewHasher().Hash(ctx, "duty worker passphrase here")
	if err != nil {
		t.Fatal(err)
	}
	duty := demo.Account{Email: "duty.worker@riverside-demo.example", Password: "duty worker passphrase here", Role: "practitioner", Name: "Duty Worker"}
	if _, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: parent.OrgID, Email: duty.Email, Name: duty.Name, Role: access.Practitioner, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)

	d := newTab(t, b, env.URL)
	d.signInAs(t, duty)
	wantStatus(t, "the family's record, before giving a reason", d.open(t, familyPath), 403)
	if !d.has(t, "textarea#reason") {
		t.Fatal("the closed record does not ask for a reason")
	}
	d.checkA11y(t, "break-glass page")
	wantStatus(t, "break-glass with no reason", d.click(t, `#main-content form button[type=submit]`), 422)
	if !d.has(t, errorSummary) {
		t.Error("opening with no reason gave no error summary")
	}
	d.checkA11y(t, "break-glass page with an error")
	reason := "Mum rang the duty line worried about tonight; her worker is on leave."
	d.typeInto(t, "#reason", reason)
	wantStatus(t, "the family's record after giving a reason", d.click(t, `#main-content form button[type=submit]`), 200)
	if got := d.path(t); got != familyPath {
		t.Errorf("after giving a reason: on %s, want %s", got, familyPath)
	}
	if !strings.Contains(d.text(t, "#main-content"), "You opened this record outside your work") {
		t.Error("the opened record does not say it was opened outside the person's work")
	}
	d.checkA11y(t, "family record opened through break-glass")

	// The family's own practitioner sees the opening, and the audit list.
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the family's record for its practitioner", p.open(t, familyPath), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Duty Worker") || !strings.Contains(main, "her worker is on leave") {
		t.Error("the family's practitioner does not see who opened the record and why")
	}
	p.checkA11y(t, "family record for its practitioner")
	wantStatus(t, "who has looked at the record", p.click(t, `a[href="`+familyPath+`/audit"]`), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Opened outside their work") || !strings.Contains(main, "Duty Worker") {
		t.Error("the family's audit list does not show the break-glass")
	}
	p.checkA11y(t, "family audit list")

	// Signing out ends the access.
	d.signOut(t)
	d.signInAs(t, duty)
	wantStatus(t, "the family's record in a new session", d.open(t, familyPath), 403)
}

// TestAdministrationPages opens the administrator's pages that the service
// navigation does not link to directly, and checks each with axe.
func TestAdministrationPages(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	prac, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	a := newTab(t, b, env.URL)
	a.signInAs(t, env.Accounts[access.Admin])
	for _, page := range []struct {
		path string
		code int64
	}{
		{"/admin/users/new", 200},
		{"/admin/users/" + prac.ID, 200},
		{"/admin/users/" + prac.ID + "/disable", 200},
		{"/admin/users/" + prac.ID + "/reset-second-factor", 200},
		{"/admin/audit", 200},
		{"/account/password", 200},
		{"/account/sessions", 200},
	} {
		wantStatus(t, page.path, a.open(t, page.path), page.code)
		a.checkA11y(t, page.path)
	}
	wantStatus(t, "/admin/users/new", a.open(t, "/admin/users/new"), 200)
	wantStatus(t, "an empty invitation", a.click(t, `#main-content form button[type=submit]`), 422)
	a.checkA11y(t, "invitation with errors")
	a.typeInto(t, "#name", "Jo Marsh")
	a.typeInto(t, "#email", "jo.marsh@riverside-demo.example")
	if err := chromedp.Do(a.ctx, chromedp.Click(chromedp.CSS(`#role-practitioner`))); err != nil {
		t.Fatalf("choose a role: %v", err)
	}
	wantStatus(t, "the invitation", a.click(t, `#main-content form button[type=submit]`), 200)
	if !strings.Contains(a.text(t, "#main-content"), "/set-password/") {
		t.Fatal("the invitation page shows no link")
	}
	a.checkA11y(t, "invitation ready")
}
