package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

const (
	firefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
	safariOnIPhone   = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)

// TestPasswordChangeEndsOtherSessions changes a password in one browser and
// checks another is signed out, this one is not, and only the new password works.
func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine})
			a := env.Accounts[access.Parent]
			here, there := newClient(t, env), newClient(t, env)
			here.signIn(a)
			there.signIn(a)
			before := here.sessionCookie()
			newPassword := "kettle meadow lantern harbour"
			res := here.post("/account/password", url.Values{"current-password": {a.Password},
				"new-password": {newPassword}, "new-password-confirm": {newPassword}})
			wantRedirect(t, "change password", res, "/account?password-changed=1")
			if page := here.get("/account?password-changed=1"); page.StatusCode != http.StatusOK || !strings.Contains(page.body, "Your password has been changed") {
				t.Errorf("after the change, this session: %d", page.StatusCode)
			}
			if after := here.sessionCookie(); after == before {
				t.Error("the session token was not renewed after a password change")
			}
			wantRedirect(t, "the other session after the change", there.get("/"), "/sign-in")
			if n, err := env.DB.CountUserSessions(t.Context(), mustUser(t, env, access.Parent)); err != nil || n != 1 {
				t.Errorf("sessions after the change: %d, %v; want this one only", n, err)
			}
			if res := failedSignIn(newClient(t, env), a.Email, a.Password); res.StatusCode != http.StatusUnauthorized {
				t.Errorf("the old password still works: %d", res.StatusCode)
			}
			a.Password = newPassword
			newClient(t, env).signIn(a)
		})
	}
}

// TestChangePasswordExplainsMistakes checks each mistake is explained, the
// current password is required, and no password is echoed back.
func TestChangePasswordExplainsMistakes(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	parent := newClient(t, env)
	parent.signIn(env.Accounts[access.Parent])
	cases := []struct {
		current, next, confirm string
		want                   string
	}{
		{"", "kettle meadow lantern harbour", "kettle meadow lantern harbour", "Enter your current password"},
		{"not my password at all", "kettle meadow lantern harbour", "kettle meadow lantern harbour", "Your current password is not right"},
		{env.Accounts[access.Parent].Password, "Password", "Password", "most commonly used"},
		{env.Accounts[access.Parent].Password, "short1", "short1", "at least 8 characters"}, // 8, with a second factor
		{env.Accounts[access.Parent].Password, "kettle meadow lantern", "kettle meadow lantern harbour", "The new passwords do not match"},
	}
	for _, c := range cases {
		res := parent.post("/account/password", url.Values{"current-password": {c.current}, "new-password": {c.next}, "new-password-confirm": {c.confirm}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.body, "There is a problem") || !strings.Contains(res.body, c.want) {
			t.Errorf("change to %q from %q: %d; want 422 explaining %q", c.next, c.current, res.StatusCode, c.want)
		}
		for _, p := range []string{c.current, c.next, c.confirm} {
			if p != "" && strings.Contains(res.body, `value="`+p+`"`) {
				t.Errorf("a password was echoed back: %q", p)
			}
		}
	}
	// Without a second factor, 15 characters are needed.
	env2 := webtest.Start(t, webtest.Options{})
	c := newClient(t, env2)
	c.signIn(env2.Accounts[access.Parent])
	res := c.post("/account/password", url.Values{"current-password": {env2.Accounts[access.Parent].Password},
		"new-password": {"kettle meadow"}, "new-password-confirm": {"kettle meadow"}})
	if !strings.Contains(res.body, "at least 15 characters") {
		t.Error("without a second factor, a 13-character password was not refused for length")
	}
}

// TestSessionsPage lists a person's sessions, marks this one, and ends the others.
func TestSessionsPage(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			a := env.Accounts[access.Supervisor]
			desk, phone := newClient(t, env), newClient(t, env)
			desk.header.Set("User-Agent", firefoxOnWindows)
			phone.header.Set("User-Agent", safariOnIPhone)
			desk.signIn(a)
			phone.signIn(a)
			stranger := newClient(t, env)
			stranger.signIn(env.Accounts[access.Practitioner])

			page := desk.get("/account/sessions")
			if page.StatusCode != http.StatusOK {
				t.Fatalf("sessions page: %d", page.StatusCode)
			}
			for _, want := range []string{"Firefox on Windows", "Safari on iPhone", "Sign out of all other sessions", time.Now().Format("2006")} {
				if !strings.Contains(page.body, want) {
					t.Errorf("sessions page lacks %q", want)
				}
			}
			if strings.Count(page.body, "This session") != 1 || !strings.Contains(page.body, `Firefox on Windows <strong class="govuk-tag govuk-tag--blue">This session`) {
				t.Error("the sessions page does not mark this session, once")
			}
			// Looking at the page changed nothing.
			if res := phone.get("/"); res.StatusCode != http.StatusOK {
				t.Fatalf("phone after the desk looked: %d", res.StatusCode)
			}

			wantRedirect(t, "end other sessions", desk.post("/account/sessions/end-others", nil), "/account/sessions?ended=1")
			if page := desk.get("/account/sessions?ended=1"); !strings.Contains(page.body, "You have been signed out of 1 other session") ||
				strings.Contains(page.body, "Safari on iPhone") || !strings.Contains(page.body, "You are not signed in anywhere else") {
				t.Error("after ending the others, the page does not say so, or still lists the phone")
			}
			wantRedirect(t, "the phone after being signed out", phone.get("/"), "/sign-in")
			if res := stranger.get("/"); res.StatusCode != http.StatusOK {
				t.Errorf("another person's session ended too: %d", res.StatusCode)
			}
		})
	}
}

// TestIdleAndAbsoluteTimeouts moves the clock on: staff sessions end after 30
// minutes idle, parents' after 60, and every session 12 hours after sign-in.
func TestIdleAndAbsoluteTimeouts(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	staff, parent := newClient(t, env), newClient(t, env)
	staff.signIn(env.Accounts[access.Practitioner])
	parent.signIn(env.Accounts[access.Parent])

	env.Clock.Advance(29 * time.Minute)
	for who, c := range map[string]*client{"staff": staff, "parent": parent} {
		if res := c.get("/account"); res.StatusCode != http.StatusOK {
			t.Fatalf("%s after 29 minutes idle: %d", who, res.StatusCode)
		}
	}
	env.Clock.Advance(31 * time.Minute)
	wantRedirect(t, "staff after 31 minutes idle", staff.get("/account"), "/sign-in?timed-out=1")
	if page := staff.get("/sign-in?timed-out=1"); !strings.Contains(page.body, "You were signed out because Steadfast had not been used for a while") {
		t.Error("the sign-in page does not explain the time-out")
	}
	if n, err := env.DB.CountUserSessions(t.Context(), mustUser(t, env, access.Practitioner)); err != nil || n != 0 {
		t.Errorf("the timed-out session is still stored: %d, %v", n, err)
	}
	if res := parent.get("/account"); res.StatusCode != http.StatusOK {
		t.Fatalf("parent after 31 minutes idle: %d", res.StatusCode)
	}
	env.Clock.Advance(61 * time.Minute)
	wantRedirect(t, "parent after 61 minutes idle", parent.get("/account"), "/sign-in?timed-out=1")

	// However busy, a session ends 12 hours after sign-in.
	staff.signIn(env.Accounts[access.Practitioner])
	for elapsed := 20 * time.Minute; elapsed < 12*time.Hour; elapsed += 20 * time.Minute {
		env.Clock.Advance(20 * time.Minute)
		if res := staff.get("/account"); res.StatusCode != http.StatusOK {
			t.Fatalf("staff busy for %v: %d", elapsed, res.StatusCode)
		}
	}
	env.Clock.Advance(21 * time.Minute)
	wantRedirect(t, "staff 12 hours after sign-in", staff.get("/account"), "/sign-in?timed-out=1")
}

// TestAccountIsInEveryRolesNavigation checks each role can find its account
// page, and from it the password and sessions pages.
func TestAccountIsInEveryRolesNavigation(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	for _, role := range access.Roles() {
		c := newClient(t, env)
		c.signIn(env.Accounts[role])
		home := c.get("/")
		if role == access.Parent {
			home = c.get("/my") // a parent's home is their space
		}
		if !strings.Contains(home.body, `href="/account">`) {
			t.Errorf("%s home has no Account link in the navigation", role)
		}
		page := c.get("/account")
		for _, want := range []string{`href="/account/password"`, `href="/account/sessions"`, `aria-current="page"`, "Two-step sign in", "On"} {
			if !strings.Contains(page.body, want) {
				t.Errorf("%s account page lacks %q", role, want)
			}
		}
	}
}
