package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

func TestFirstRunSetup(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, Empty: true})
			token, _, err := env.DB.CreateSetupToken(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			c := newClient(t, env)
			if res := c.get("/setup/" + token); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Set up Steadfast") {
				t.Fatalf("setup page: %d", res.StatusCode)
			}
			if res := c.get("/setup/wrong-token"); res.StatusCode != http.StatusNotFound {
				t.Errorf("wrong token: %d, want 404", res.StatusCode)
			}

			// Mistakes are explained and what was typed is kept, except passwords.
			bad := url.Values{"organisation": {"Harbour Family Service"}, "name": {"Ada O'Neill"}, "email": {"not an email"},
				"password": {"short"}, "password-confirm": {"short"}}
			res := c.post("/setup/"+token, bad)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("bad setup: %d", res.StatusCode)
			}
			for _, want := range []string{"Enter an email address in the correct format", "at least 15 characters",
				`value="Harbour Family Service"`, `value="` + html.EscapeString("Ada O'Neill") + `"`, `value="not an email"`} {
				if !strings.Contains(res.body, want) {
					t.Errorf("bad setup page lacks %q", want)
				}
			}
			if strings.Contains(res.body, `value="short"`) {
				t.Error("the password was echoed back")
			}
			mismatch := url.Values{"organisation": {"Harbour"}, "name": {"Ada"}, "email": {"ada@example.org"},
				"password": {"a long enough passphrase"}, "password-confirm": {"a different passphrase"}}
			if res := c.post("/setup/"+token, mismatch); !strings.Contains(res.body, "The passwords do not match") {
				t.Error("mismatched passwords not explained")
			}

			good := url.Values{"organisation": {"Harbour Family Service"}, "name": {"Ada Okoro"}, "email": {"Ada@Example.org"},
				"password": {"tide lantern orchard wren"}, "password-confirm": {"tide lantern orchard wren"}}
			res = c.post("/setup/"+token, good)
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
				t.Fatalf("setup: %d %s", res.StatusCode, res.Header.Get("Location"))
			}
			// Outside demo mode, the new administrator sets up two-step sign in first.
			wantRedirect(t, "home after setup", c.get("/"), "/account/two-step/set-up")
			c.enrolThroughPages()
			home := c.get("/")
			if home.StatusCode != http.StatusOK || !strings.Contains(home.body, "Harbour Family Service") {
				t.Fatalf("after setup, home: %d", home.StatusCode)
			}
			if people := c.get("/admin/users"); !strings.Contains(people.body, "ada@example.org") {
				t.Error("the new administrator is not listed among the people")
			}
			// The link is spent, and any other link now explains setup is done.
			if res := c.get("/setup/" + token); res.StatusCode != http.StatusGone {
				t.Errorf("used link: %d, want 410", res.StatusCode)
			}
			if res := newClient(t, env).post("/setup/"+token, good); res.StatusCode != http.StatusGone {
				t.Errorf("setup again: %d, want 410", res.StatusCode)
			}
			// The new administrator can sign in with the password chosen.
			c2 := newClient(t, env)
			wantRedirect(t, "sign in as the new administrator", c2.post("/sign-in", url.Values{"email": {"ada@example.org"}, "password": {"tide lantern orchard wren"}}), "/sign-in/code")
		})
	}
}

func TestSecureCookie(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Secure: true}})
	c := newClient(t, env)
	a := env.Accounts["practitioner"]
	res := c.post("/sign-in", url.Values{"email": {a.Email}, "password": {a.Password}})
	cookie := res.Header.Get("Set-Cookie")
	for _, want := range []string{"__Host-steadfast_session=", "Secure", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("Set-Cookie %q lacks %q", cookie, want)
		}
	}
	if strings.Contains(cookie, "Domain=") {
		t.Errorf("a __Host- cookie must not name a domain: %q", cookie)
	}
}

func TestPlainCookie(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	c := newClient(t, env)
	a := env.Accounts["parent"]
	res := c.post("/sign-in", url.Values{"email": {a.Email}, "password": {a.Password}})
	cookie := res.Header.Get("Set-Cookie")
	for _, want := range []string{"steadfast_session=", "HttpOnly", "SameSite=Lax"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("Set-Cookie %q lacks %q", cookie, want)
		}
	}
}
