package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

const setUpPath = "/account/two-step/set-up"

var (
	secretOnPage        = regexp.MustCompile(`id="secret">([A-Z2-7 ]+)<`)
	recoveryCodesOnPage = regexp.MustCompile(`<li class="app-code">([0-9a-z-]+)</li>`)
)

// enrolThroughPages sets up an authenticator app through the pages, as a
// person would, and returns its secret and the recovery codes shown.
func (c *client) enrolThroughPages() (string, []string) {
	c.t.Helper()
	page := c.get(setUpPath)
	m := secretOnPage.FindStringSubmatch(page.body)
	if page.StatusCode != http.StatusOK || m == nil {
		c.t.Fatalf("set-up page: %d, secret shown: %v", page.StatusCode, m != nil)
	}
	secret := strings.ReplaceAll(m[1], " ", "")
	res := c.post(setUpPath, url.Values{"code": {c.codeFor(secret)}})
	var codes []string
	for _, m := range recoveryCodesOnPage.FindAllStringSubmatch(res.body, -1) {
		codes = append(codes, m[1])
	}
	if res.StatusCode != http.StatusOK || len(codes) != 10 {
		c.t.Fatalf("confirming the app: %d with %d recovery codes", res.StatusCode, len(codes))
	}
	return secret, codes
}

// codeFor moves the clock on a step and returns the app's code for secret.
func (c *client) codeFor(secret string) string {
	c.t.Helper()
	c.env.Clock.Advance(access.TOTPPeriod)
	code, err := access.TOTPCode(secret, c.env.Clock.Now())
	if err != nil {
		c.t.Fatal(err)
	}
	return code
}

// TestUnenrolledStaffCanReachOnlyEnrolment walks every registered route as a
// member of staff without an authenticator app, outside demo mode. Every
// route that needs a signed-in user sends them to set one up instead, except
// the two set-up routes, named here so that no route joins them unnoticed.
// Public pages answer as they do for anyone, and sign-out works.
func TestUnenrolledStaffCanReachOnlyEnrolment(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	enrolment := map[string]bool{"GET " + setUpPath: true, "POST " + setUpPath: true}
	for _, r := range env.Server.Routes() {
		if (r.Audience == web.Enrolment) != enrolment[r.Pattern] {
			t.Errorf("route %s: reachable before set-up is %v, want %v", r.Pattern, r.Audience == web.Enrolment, enrolment[r.Pattern])
		}
	}
	fx := newMatrixFixture(t, env)
	for _, role := range []access.Role{access.Admin, access.Supervisor, access.Practitioner, access.CoFacilitator} {
		c := newClient(t, env)
		c.signIn(env.Accounts[role])
		for _, r := range env.Server.Routes() {
			if r.Pattern == "POST /sign-out" {
				continue // checked last, as it ends the session
			}
			row := accessMatrix[r.Pattern]
			res := request(c, r, fx.path(row.path, related))
			want, _ := row.want(role, related)
			switch {
			case enrolment[r.Pattern]:
				if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusUnprocessableEntity {
					t.Errorf("%s as unenrolled %s: %d, want the set-up page", r.Pattern, role, res.StatusCode)
				}
			case r.Audience == web.Public:
				if res.StatusCode != want || res.Header.Get("Location") == setUpPath {
					t.Errorf("public %s as unenrolled %s: %d %s, want %d", r.Pattern, role, res.StatusCode, res.Header.Get("Location"), want)
				}
			default:
				wantRedirect(t, r.Pattern+" as unenrolled "+string(role), res, setUpPath)
			}
		}
		if page := c.get(setUpPath); strings.Contains(page.body, `href="/account"`) || !strings.Contains(page.body, "Before you use Steadfast") {
			t.Errorf("the set-up page for unenrolled %s offers navigation elsewhere, or does not say why it is shown", role)
		}
		wantRedirect(t, "sign out as unenrolled "+string(role), c.post("/sign-out", nil), "/sign-in?signed-out=1")
	}
}

// request sends a route's test request.
func request(c *client, r web.Route, path string) response {
	c.t.Helper()
	if r.Method() == http.MethodPost {
		return c.post(path, url.Values{})
	}
	return c.get(path)
}

// TestParentsAndDemoStaffAreNotMadeToEnrol checks who the requirement does
// not cover: parents, who may choose, and staff in demo mode.
func TestParentsAndDemoStaffAreNotMadeToEnrol(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	parent := newClient(t, env)
	parent.signIn(env.Accounts[access.Parent])
	home := parent.get("/my") // a parent's home is their space
	if home.StatusCode != http.StatusOK || !strings.Contains(home.body, `href="`+setUpPath+`">Add a second step to sign in`) {
		t.Errorf("parent home: %d; want it to offer a second step", home.StatusCode)
	}
	demoEnv := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	staff := newClient(t, demoEnv)
	staff.signIn(demoEnv.Accounts[access.Practitioner])
	if res := staff.get("/"); res.StatusCode != http.StatusOK {
		t.Errorf("demo practitioner home: %d, want 200 without a second factor", res.StatusCode)
	}
}

// TestEnrolmentThroughThePages sets up an app as a practitioner would, then
// signs in with it.
func TestEnrolmentThroughThePages(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine})
			a := env.Accounts[access.Practitioner]
			elsewhere := newClient(t, env)
			elsewhere.signIn(a)
			c := newClient(t, env)
			c.signIn(a)
			wantRedirect(t, "home before set-up", c.get("/"), setUpPath)

			page := c.get(setUpPath)
			for _, want := range []string{`<img class="app-qr" src="data:image/png;base64,`, `alt="QR code`, `autocomplete="one-time-code"`} {
				if !strings.Contains(page.body, want) {
					t.Errorf("set-up page lacks %q", want)
				}
			}
			m := secretOnPage.FindStringSubmatch(page.body)
			if m == nil || len(strings.Fields(m[1])) != 8 {
				t.Fatalf("set-up page does not show the secret in groups of four: %v", m)
			}
			secret := strings.ReplaceAll(m[1], " ", "")
			if again := secretOnPage.FindStringSubmatch(c.get(setUpPath).body); again == nil || again[1] != m[1] {
				t.Error("reloading the set-up page changed the secret")
			}

			// A wrong code is explained, what was typed is kept, and the secret stays.
			bad := c.post(setUpPath, url.Values{"code": {"000000"}})
			if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "There is a problem") ||
				!strings.Contains(bad.body, "The code is not right") || !strings.Contains(bad.body, `value="000000"`) ||
				!strings.Contains(bad.body, m[1]) {
				t.Errorf("wrong code at set-up: %d, explained and kept: %v", bad.StatusCode, strings.Contains(bad.body, "The code is not right"))
			}
			if res := c.post(setUpPath, url.Values{"code": {""}}); !strings.Contains(res.body, "Enter the 6-digit code") {
				t.Error("an empty code at set-up is not explained")
			}

			before := c.sessionCookie()
			res := c.post(setUpPath, url.Values{"code": {c.codeFor(secret)}})
			codes := recoveryCodesOnPage.FindAllStringSubmatch(res.body, -1)
			if res.StatusCode != http.StatusOK || len(codes) != 10 || !strings.Contains(res.body, "Keep these codes safe") {
				t.Fatalf("confirming the app: %d with %d codes", res.StatusCode, len(codes))
			}
			if after := c.sessionCookie(); after == before || after == "" {
				t.Error("the session token was not renewed after setting up a second factor")
			}
			if home := c.get("/"); home.StatusCode != http.StatusOK {
				t.Errorf("home after set-up: %d", home.StatusCode)
			}
			wantRedirect(t, "the set-up page once set up", c.get(setUpPath), "/account")
			wantRedirect(t, "a session from before set-up", elsewhere.get("/"), "/sign-in")

			sf, err := env.DB.SecondFactor(t.Context(), mustUser(t, env, access.Practitioner))
			if err != nil || sf.RecoveryCodesLeft != 10 {
				t.Errorf("stored second factor: %+v, %v", sf, err)
			}

			// Signing in now takes two steps.
			next := newClient(t, env)
			wantRedirect(t, "password step", next.signInWithPassword(a), "/sign-in/code")
			if page := next.get("/sign-in/code"); page.StatusCode != http.StatusOK || !strings.Contains(page.body, "Enter the code from your authenticator app") {
				t.Errorf("code page: %d", page.StatusCode)
			}
			wantRedirect(t, "code step", next.post("/sign-in/code", url.Values{"code": {next.codeFor(secret)}}), "/")
			if home := next.get("/"); home.StatusCode != http.StatusOK {
				t.Errorf("home after two-step sign-in: %d", home.StatusCode)
			}
		})
	}
}

// TestHalfSignedInSessionReachesNothing checks that a right password without
// the code reaches nothing a signed-out visitor cannot, and that the token
// is renewed at both steps.
func TestHalfSignedInSessionReachesNothing(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	signedOut := newClient(t, env)
	c := newClient(t, env)
	planted := "plantedtokenplantedtokenplantedtokenplanted"
	c.setCookie(planted)
	wantRedirect(t, "password step", c.signInWithPassword(env.Accounts[access.Admin]), "/sign-in/code")
	half := c.sessionCookie()
	if half == "" || half == planted {
		t.Fatalf("token after the password = %q; want a new one", half)
	}
	fx := newMatrixFixture(t, env)
	for _, r := range env.Server.Routes() {
		if r.Pattern == "POST /sign-out" || strings.HasPrefix(r.Pattern, "GET /sign-in") || strings.HasPrefix(r.Pattern, "POST /sign-in") {
			continue // these serve a half-signed-in session on purpose
		}
		path := fx.path(accessMatrix[r.Pattern].path, related)
		want := request(signedOut, r, path)
		got := request(c, r, path)
		if got.StatusCode != want.StatusCode || got.Header.Get("Location") != want.Header.Get("Location") {
			t.Errorf("%s half signed in: %d %s; signed out gets %d %s", r.Pattern,
				got.StatusCode, got.Header.Get("Location"), want.StatusCode, want.Header.Get("Location"))
		}
	}
	if n, err := env.DB.CountUserSessions(t.Context(), mustUser(t, env, access.Admin)); err != nil || n != 0 {
		t.Errorf("a half-signed-in session counts as the user's: %d, %v", n, err)
	}
	wantRedirect(t, "code step", c.post("/sign-in/code", url.Values{"code": {env.TOTPCode(t, access.Admin)}}), "/")
	if full := c.sessionCookie(); full == half || full == "" {
		t.Error("the token was not renewed after the second factor")
	}
}

// TestReplayedCodeIsRefusedAtSignIn uses one code twice, as someone watching
// over a shoulder might, from a second browser.
func TestReplayedCodeIsRefusedAtSignIn(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			a := env.Accounts[access.Supervisor]
			code := env.TOTPCode(t, access.Supervisor)
			first := newClient(t, env)
			first.signInWithPassword(a)
			wantRedirect(t, "first use of the code", first.post("/sign-in/code", url.Values{"code": {code}}), "/")

			second := newClient(t, env)
			second.signInWithPassword(a)
			res := second.post("/sign-in/code", url.Values{"code": {code}})
			if res.StatusCode != http.StatusUnauthorized || !strings.Contains(res.body, "The code is not right") {
				t.Fatalf("the same code again: %d, want 401 with the code explained", res.StatusCode)
			}
			if home := second.get("/"); home.StatusCode != http.StatusSeeOther {
				t.Errorf("home after a refused code: %d, want a redirect to sign in", home.StatusCode)
			}
			wantRedirect(t, "a fresh code", second.post("/sign-in/code", url.Values{"code": {env.TOTPCode(t, access.Supervisor)}}), "/")
		})
	}
}

// TestRecoveryCodesWorkOnceAtSignIn signs in with a recovery code, then
// tries it again.
func TestRecoveryCodesWorkOnceAtSignIn(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	a := env.Accounts[access.CoFacilitator]
	code := env.RecoveryCodes[access.CoFacilitator][3]
	c := newClient(t, env)
	c.signInWithPassword(a)
	wantRedirect(t, "recovery code, typed in capitals", c.post("/sign-in/code", url.Values{"code": {strings.ToUpper(code)}}), "/account?recovery-code-used=1")
	if page := c.get("/account?recovery-code-used=1"); !strings.Contains(page.body, "You have 9 recovery codes left") {
		t.Error("the account page does not say how many recovery codes are left")
	}
	again := newClient(t, env)
	again.signInWithPassword(a)
	if res := again.post("/sign-in/code", url.Values{"code": {code}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("the same recovery code again: %d, want 401", res.StatusCode)
	}
	wantRedirect(t, "another recovery code", again.post("/sign-in/code", url.Values{"code": {env.RecoveryCodes[access.CoFacilitator][4]}}), "/account?recovery-code-used=1")
}

// TestCodeStepExpires checks that a right password is not remembered for long.
func TestCodeStepExpires(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	c := newClient(t, env)
	wantRedirect(t, "password step", c.signInWithPassword(env.Accounts[access.Practitioner]), "/sign-in/code")
	env.Clock.Advance(6 * time.Minute)
	wantRedirect(t, "code page after 6 minutes", c.get("/sign-in/code"), "/sign-in")
	wantRedirect(t, "code after 6 minutes", c.post("/sign-in/code", url.Values{"code": {env.TOTPCode(t, access.Practitioner)}}), "/sign-in")
}

// TestResetSecondFactorEndsSessions is the administrator's reset as a
// signed-in person sees it: signed out at once, and asked to set up a new
// app at the next sign-in.
func TestResetSecondFactorEndsSessions(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			a := env.Accounts[access.Practitioner]
			c := newClient(t, env)
			c.signIn(a)
			if res := c.get("/"); res.StatusCode != http.StatusOK {
				t.Fatalf("home: %d", res.StatusCode)
			}
			u, err := env.DB.UserByEmail(t.Context(), a.Email)
			if err != nil {
				t.Fatal(err)
			}
			if err := env.DB.ResetSecondFactor(t.Context(), u.OrgID, u.ID); err != nil {
				t.Fatal(err)
			}
			wantRedirect(t, "home after reset", c.get("/"), "/sign-in")
			again := newClient(t, env)
			wantRedirect(t, "sign in after reset", again.signInWithPassword(a), "/")
			wantRedirect(t, "home after reset and sign-in", again.get("/"), setUpPath)
		})
	}
}

// TestPasswordResetEndsAHalfFinishedSignIn: someone who got past the
// password step must start again once the password has been reset.
func TestPasswordResetEndsAHalfFinishedSignIn(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	a := env.Accounts[access.Practitioner]
	c := newClient(t, env)
	wantRedirect(t, "password step", c.signInWithPassword(a), "/sign-in/code")

	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	link := setPasswordLink.FindString(admin.post("/admin/users/"+mustUser(t, env, access.Practitioner)+"/link", nil).body)
	if link == "" {
		t.Fatal("no link")
	}
	env.Clock.Advance(2 * time.Second)
	newClient(t, env).post(strings.TrimPrefix(link, env.URL), url.Values{"password": {"a brand new passphrase"}, "password-confirm": {"a brand new passphrase"}})

	wantRedirect(t, "code after the reset", c.post("/sign-in/code", url.Values{"code": {env.TOTPCode(t, access.Practitioner)}}), "/sign-in")
	if r := c.get("/"); r.StatusCode != http.StatusSeeOther {
		t.Errorf("signed in after a reset with the old password: %d", r.StatusCode)
	}
}
