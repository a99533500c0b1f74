package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

func TestSignInEveryRole(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			headings := map[access.Role]string{
				access.Admin:         "Active accounts",
				access.Supervisor:    "Your team",
				access.Practitioner:  "Your caseload",
				access.CoFacilitator: "Your groups",
				access.Parent:        "Hello, ",
			}
			for _, role := range access.Roles() {
				a := env.Accounts[role]
				c := newClient(t, env)
				c.signIn(a)
				home := c.get("/")
				if role == access.Parent {
					// A parent's home is their space.
					if home.StatusCode != http.StatusSeeOther || home.Header.Get("Location") != "/my" {
						t.Fatalf("parent home: %d to %q; want /my", home.StatusCode, home.Header.Get("Location"))
					}
					home = c.get("/my")
				}
				if home.StatusCode != http.StatusOK {
					t.Fatalf("%s home: %d", role, home.StatusCode)
				}
				if !strings.Contains(home.body, html.EscapeString(a.Name)) || !strings.Contains(home.body, headings[role]) {
					t.Errorf("%s home lacks their name or heading %q", role, headings[role])
				}
			}
		})
	}
}

func TestSignedOutHomeRedirectsToSignIn(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	res := newClient(t, env).get("/")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sign-in" {
		t.Fatalf("GET / signed out: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
}

// TestWrongPasswordAndUnknownEmailLookTheSame checks that a failed sign-in
// does not reveal whether the email has an account.
func TestWrongPasswordAndUnknownEmailLookTheSame(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	known := env.Accounts[access.Practitioner].Email
	c := newClient(t, env)
	wrong := c.post("/sign-in", url.Values{"email": {known}, "password": {"not the right password at all"}})
	unknown := c.post("/sign-in", url.Values{"email": {known}, "password": {"not the right password at all"}})
	unknownEmail := c.post("/sign-in", url.Values{"email": {"nobody@riverside-demo.example"}, "password": {"not the right password at all"}})
	if wrong.StatusCode != http.StatusUnauthorized || unknownEmail.StatusCode != wrong.StatusCode {
		t.Fatalf("statuses: wrong password %d, unknown email %d", wrong.StatusCode, unknownEmail.StatusCode)
	}
	if stable(wrong.body) != stable(unknown.body) {
		t.Fatal("the same failed sign-in gave two different pages; the comparison below would be meaningless")
	}
	// The pages differ only in the email typed, which is kept in the field.
	a := strings.ReplaceAll(stable(wrong.body), known, "EMAIL")
	b := strings.ReplaceAll(stable(unknownEmail.body), "nobody@riverside-demo.example", "EMAIL")
	if a != b {
		t.Error("unknown email and wrong password give different pages")
	}
	if !strings.Contains(wrong.body, `value="`+known+`"`) {
		t.Error("the email typed was not kept")
	}
	if strings.Contains(wrong.body, "not the right password") {
		t.Error("the password was echoed back")
	}
}

func TestSignInValidation(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	res := newClient(t, env).post("/sign-in", url.Values{"email": {""}, "password": {""}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("empty sign-in: %d", res.StatusCode)
	}
	for _, want := range []string{"<title>Error: Sign in", "There is a problem", "Enter your email address", "Enter your password", `href="#email"`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("empty sign-in page lacks %q", want)
		}
	}
}

// TestSessionTokenChangesAtSignIn plants a session cookie before sign-in, as
// a session-fixation attacker would, and checks sign-in issues a new token.
func TestSessionTokenChangesAtSignIn(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	c := newClient(t, env)
	u, _ := url.Parse(env.URL)
	planted := "plantedtokenplantedtokenplantedtokenplanted"
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "steadfast_session", Value: planted, Path: "/"}})
	c.signIn(env.Accounts[access.Parent])
	first := c.sessionCookie()
	if first == "" || first == planted {
		t.Fatalf("session token after sign-in = %q; want a new one", first)
	}
	// Signing in again, already holding a valid session, also renews it.
	c.signIn(env.Accounts[access.Parent])
	if second := c.sessionCookie(); second == first || second == "" {
		t.Errorf("second sign-in kept token %q", second)
	}
}

// TestSignOutEndsTheSessionOnTheServer checks that the old cookie is refused
// after sign-out, even if someone kept a copy.
func TestSignOutEndsTheSessionOnTheServer(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			c := newClient(t, env)
			c.signIn(env.Accounts[access.Practitioner])
			token := c.sessionCookie()
			if res := c.get("/"); res.StatusCode != http.StatusOK {
				t.Fatalf("home before sign-out: %d", res.StatusCode)
			}
			res := c.post("/sign-out", nil)
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/sign-in?signed-out=1" {
				t.Fatalf("sign out: %d %s", res.StatusCode, res.Header.Get("Location"))
			}
			if page := c.get("/sign-in?signed-out=1"); !strings.Contains(page.body, "You have signed out") {
				t.Error("sign-in page does not confirm the sign-out")
			}
			replay := newClient(t, env)
			u, _ := url.Parse(env.URL)
			replay.http.Jar.SetCookies(u, []*http.Cookie{{Name: "steadfast_session", Value: token, Path: "/"}})
			if res := replay.get("/"); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("old session cookie after sign-out: %d, want a redirect to sign in", res.StatusCode)
			}
			if n, err := env.DB.CountUserSessions(t.Context(), mustUser(t, env, access.Practitioner)); err != nil || n != 0 {
				t.Errorf("sessions left after sign-out: %d, %v", n, err)
			}
		})
	}
}

func mustUser(t *testing.T, env *webtest.Env, role access.Role) string {
	t.Helper()
	u, err := env.DB.UserByEmail(t.Context(), env.Accounts[role].Email)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}
