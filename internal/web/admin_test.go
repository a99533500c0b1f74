package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

var setPasswordLink = regexp.MustCompile(`http://[^<"\s]+/set-password/[a-z0-9]+`)

// TestInviteJourney follows an invitation from the administrator to the new
// person's first sign-in.
func TestInviteJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])

	bad := admin.post("/admin/users", url.Values{"name": {"Jo Marsh"}, "email": {"jo@"}, "role": {"parent"}})
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Choose what they will do") ||
		!strings.Contains(bad.body, `value="Jo Marsh"`) || !strings.Contains(bad.body, "correct format") {
		t.Fatalf("invalid invitation: %d", bad.StatusCode)
	}
	taken := admin.post("/admin/users", url.Values{"name": {"Jo Marsh"}, "email": {env.Accounts[access.Parent].Email}, "role": {"practitioner"}})
	if !strings.Contains(taken.body, "cannot be used for a new account") {
		t.Error("a taken email was not explained")
	}

	res := admin.post("/admin/users", url.Values{"name": {"Jo Marsh"}, "email": {"jo.marsh@riverside-demo.example"}, "role": {"practitioner"}})
	link := setPasswordLink.FindString(res.body)
	if res.StatusCode != http.StatusOK || link == "" {
		t.Fatalf("invitation: %d, link %q", res.StatusCode, link)
	}
	path := strings.TrimPrefix(link, env.URL)

	// Until the password is set, the account cannot be used to sign in.
	jo := newClient(t, env)
	if r := jo.post("/sign-in", url.Values{"email": {"jo.marsh@riverside-demo.example"}, "password": {"any password at all"}}); r.StatusCode != http.StatusUnauthorized {
		t.Fatalf("sign-in to an invited account with no password yet: %d, want 401", r.StatusCode)
	}
	page := jo.get(path)
	if page.StatusCode != http.StatusOK || !strings.Contains(page.body, "Hello Jo Marsh") {
		t.Fatalf("set-password page: %d", page.StatusCode)
	}
	if r := jo.post(path, url.Values{"password": {"too short"}, "password-confirm": {"too short"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("short password accepted: %d", r.StatusCode)
	}
	done := jo.post(path, url.Values{"password": {"heron willow quill anchor"}, "password-confirm": {"heron willow quill anchor"}})
	if done.StatusCode != http.StatusSeeOther {
		t.Fatalf("set password: %d", done.StatusCode)
	}
	// Staff set up their second factor before anything else.
	home := jo.get("/")
	if home.StatusCode != http.StatusSeeOther || home.Header.Get("Location") != setUpPath {
		t.Fatalf("after setting a password: %d %s, want the two-step set-up", home.StatusCode, home.Header.Get("Location"))
	}
	if page := jo.get(setUpPath); !strings.Contains(page.body, "Your password is set") {
		t.Error("the set-up page does not confirm the password was set")
	}
	if r := newClient(t, env).get(path); r.StatusCode != http.StatusNotFound {
		t.Errorf("used link: %d, want 404", r.StatusCode)
	}
	again := newClient(t, env)
	if r := again.post("/sign-in", url.Values{"email": {"jo.marsh@riverside-demo.example"}, "password": {"heron willow quill anchor"}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("sign in with the chosen password: %d", r.StatusCode)
	}
}

// TestAdministratorChanges covers role, team, supervision and disabling.
func TestAdministratorChanges(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	adminID := mustUser(t, env, access.Admin)
	pracID := mustUser(t, env, access.Practitioner)
	newSuper, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: env.Accounts.OrgID(t, env), Email: "new.super@riverside-demo.example",
		Name: "New Supervisor", Role: access.Supervisor, PasswordHash: "h"})
	if err != nil {
		t.Fatal(err)
	}
	superID := newSuper.ID

	// The practitioner is signed in elsewhere.
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])

	if r := admin.post("/admin/users/"+pracID+"/supervisors", url.Values{"supervisor": {superID}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add supervisor: %d", r.StatusCode)
	}
	if s, _ := env.DB.Supervisees(ctx, env.Accounts.OrgID(t, env), superID); len(s) != 1 || s[0].ID != pracID {
		t.Errorf("supervisees = %v", s)
	}
	page := admin.get("/admin/users/" + pracID)
	if !strings.Contains(page.body, "Supervisor added") || !strings.Contains(page.body, "Remove") {
		t.Error("the practitioner's page does not show the new supervisor and a confirmation")
	}

	team := admin.post("/admin/teams", url.Values{"name": {"North"}})
	if team.StatusCode != http.StatusSeeOther {
		t.Fatalf("add team: %d", team.StatusCode)
	}
	teams, _ := env.DB.ListTeams(ctx, env.Accounts.OrgID(t, env))
	north := ""
	for _, tm := range teams {
		if tm.Name == "North" {
			north = tm.ID
		}
	}
	if north == "" {
		t.Fatalf("the new team is not listed: %v", teams)
	}
	if r := admin.post("/admin/users/"+pracID+"/team", url.Values{"team": {north}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("change team: %d", r.StatusCode)
	}
	if r := admin.post("/admin/users/"+pracID+"/team", url.Values{"team": {"bbbbbbbbbbbbbbbbbbbb"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("unknown team: %d", r.StatusCode)
	}

	// Administrators cannot lock themselves out.
	if r := admin.post("/admin/users/"+adminID+"/role", url.Values{"role": {"practitioner"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "cannot change your own role") {
		t.Errorf("own role change: %d", r.StatusCode)
	}
	if r := admin.post("/admin/users/"+adminID+"/disable", nil); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("own disable: %d", r.StatusCode)
	}

	if r := admin.post("/admin/users/"+pracID+"/role", url.Values{"role": {"supervisor"}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("role change: %d", r.StatusCode)
	}
	if u, _ := env.DB.UserByID(ctx, pracID); u.Role != access.Supervisor {
		t.Errorf("role = %s", u.Role)
	}

	// Disabling asks first, then ends every session at once.
	confirm := admin.get("/admin/users/" + pracID + "/disable")
	if confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.body, "signed out everywhere") {
		t.Errorf("disable confirmation: %d", confirm.StatusCode)
	}
	if r := admin.post("/admin/users/"+pracID+"/disable", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: %d", r.StatusCode)
	}
	if r := prac.get("/"); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/sign-in" {
		t.Errorf("the disabled person's session still works: %d", r.StatusCode)
	}
	a := env.Accounts[access.Practitioner]
	if r := newClient(t, env).post("/sign-in", url.Values{"email": {a.Email}, "password": {a.Password}}); r.StatusCode == http.StatusSeeOther {
		t.Error("a disabled person signed in")
	}
	if r := admin.post("/admin/users/"+pracID+"/enable", nil); r.StatusCode != http.StatusSeeOther {
		t.Errorf("enable: %d", r.StatusCode)
	}
}

// TestAdministratorsStayInTheirOrganisation checks that another
// organisation's people cannot be seen or changed, even by ID.
func TestAdministratorsStayInTheirOrganisation(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	other, err := env.DB.CreateOrganisation(ctx, "Elsewhere Trust")
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: other.ID, Email: "stranger@elsewhere.example", Name: "Stranger Person", Role: access.Practitioner, PasswordHash: "h"})
	if err != nil {
		t.Fatal(err)
	}
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	for _, path := range []string{"/admin/users/" + stranger.ID, "/admin/users/" + stranger.ID + "/disable"} {
		if r := admin.get(path); r.StatusCode != http.StatusNotFound || strings.Contains(r.body, "Stranger Person") {
			t.Errorf("GET %s: %d", path, r.StatusCode)
		}
	}
	for _, path := range []string{"/role", "/team", "/disable", "/link", "/supervisors"} {
		if r := admin.post("/admin/users/"+stranger.ID+path, url.Values{"role": {"supervisor"}}); r.StatusCode != http.StatusNotFound {
			t.Errorf("POST %s: %d", path, r.StatusCode)
		}
	}
	if u, _ := env.DB.UserByID(ctx, stranger.ID); u.Role != access.Practitioner || !u.Active() {
		t.Error("another organisation's user was changed")
	}
	if list := admin.get("/admin/users"); strings.Contains(list.body, "Stranger Person") {
		t.Error("another organisation's user is listed")
	}
}

// TestPeopleArePaginated checks the list of people is bounded and pages on.
func TestPeopleArePaginated(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	orgID := env.Accounts.OrgID(t, env)
	// The demo's 24 people (20, and the 4 practitioners who joined North
	// for the wellbeing check-ins) and 26 more make 50.
	for i := range 26 {
		if _, err := env.DB.CreateUser(t.Context(), store.NewUser{OrgID: orgID, Email: "staff" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "@riverside-demo.example",
			Name: "Zz Staff " + string(rune('a'+i%26)) + string(rune('a'+i/26)), Role: access.CoFacilitator, PasswordHash: "h"}); err != nil {
			t.Fatal(err)
		}
	}
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	first := admin.get("/admin/users")
	if n := strings.Count(first.body, `href="/admin/users/`) - strings.Count(first.body, `href="/admin/users/new"`); n != 25 {
		t.Errorf("first page links %d people, want 25", n)
	}
	if !strings.Contains(first.body, `rel="next"`) || !strings.Contains(first.body, "Showing 1 to 25 of 50") {
		t.Error("first page has no way on, or the wrong count")
	}
	second := admin.get("/admin/users?page=2")
	if !strings.Contains(second.body, "Showing 26 to 50 of 50") || !strings.Contains(second.body, `rel="prev"`) || strings.Contains(second.body, `rel="next"`) {
		t.Error("second page is wrong")
	}
	if r := admin.get("/admin/users?page=-3"); r.StatusCode != http.StatusOK || !strings.Contains(r.body, "Showing 1 to 25") {
		t.Errorf("a nonsense page number: %d", r.StatusCode)
	}
}

// TestResetLinkDoesNotGetRoundTheSecondFactor: someone with an authenticator
// app who sets a new password through a link must still sign in with it.
func TestResetLinkDoesNotGetRoundTheSecondFactor(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	res := admin.post("/admin/users/"+mustUser(t, env, access.Practitioner)+"/link", nil)
	link := setPasswordLink.FindString(res.body)
	if link == "" {
		t.Fatalf("no link made: %d", res.StatusCode)
	}
	c := newClient(t, env)
	done := c.post(strings.TrimPrefix(link, env.URL), url.Values{"password": {"a brand new passphrase"}, "password-confirm": {"a brand new passphrase"}})
	if done.StatusCode != http.StatusSeeOther || done.Header.Get("Location") != "/sign-in?password-set=1" {
		t.Fatalf("after the reset: %d %s, want to be sent to sign in", done.StatusCode, done.Header.Get("Location"))
	}
	if home := c.get("/"); home.StatusCode != http.StatusSeeOther || home.Header.Get("Location") != "/sign-in" {
		t.Errorf("the reset signed the person in without their second factor: %d %s", home.StatusCode, home.Header.Get("Location"))
	}
}

// TestAdministratorUnlocksAndResets covers the two ways an administrator
// helps someone who cannot sign in.
func TestAdministratorUnlocksAndResets(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	pracID := mustUser(t, env, access.Practitioner)
	a := env.Accounts[access.Practitioner]
	for range 10 {
		newClient(t, env).post("/sign-in", url.Values{"email": {a.Email}, "password": {"wrong wrong wrong wrong"}})
	}
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	page := admin.get("/admin/users/" + pracID)
	if !strings.Contains(page.body, "Unlock now") || !strings.Contains(page.body, "too many failed attempts") {
		t.Fatal("a locked account's page does not say so or offer to unlock")
	}
	if r := admin.post("/admin/users/"+pracID+"/unlock", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("unlock: %d", r.StatusCode)
	}
	prac := newClient(t, env)
	prac.signIn(a) // works again

	if r := admin.get("/admin/users/" + pracID + "/reset-second-factor"); r.StatusCode != http.StatusOK || !strings.Contains(r.body, "signed out everywhere") {
		t.Errorf("reset confirmation: %d", r.StatusCode)
	}
	if r := admin.post("/admin/users/"+pracID+"/reset-second-factor", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset: %d", r.StatusCode)
	}
	if has, _ := env.DB.HasSecondFactor(t.Context(), pracID); has {
		t.Error("the second factor is still there")
	}
	if r := prac.get("/"); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/sign-in" {
		t.Errorf("the practitioner's session survived the reset: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	if r := admin.post("/admin/users/"+mustUser(t, env, access.Admin)+"/reset-second-factor", nil); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("resetting one's own second factor: %d", r.StatusCode)
	}
}
