package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestBreakGlass: a practitioner not working with a family must give a
// reason to open it; the family's own workers see who did and why; the
// access ends with the session. It runs in demo mode so that the duty worker
// it adds needs no second factor, which is tested elsewhere.
func TestBreakGlass(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, Config: web.Config{Demo: true}})
			ctx := t.Context()
			fx := newMatrixFixture(t, env)
			family := fx.families[related]
			hash, err := access.NewHasher().Hash(ctx, "duty worker passphrase here")
			if err != nil {
				t.Fatal(err)
			}
			duty := demo.Account{Email: "duty.worker@riverside-demo.example", Password: "duty worker passphrase here", Role: "practitioner"}
			if _, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: family.OrgID, Email: duty.Email, Name: "Duty Worker", Role: access.Practitioner, PasswordHash: hash}); err != nil {
				t.Fatal(err)
			}
			c := newClient(t, env)
			c.signIn(duty)
			path := "/families/" + family.ID

			closed := c.get(path)
			if closed.StatusCode != http.StatusForbidden || !strings.Contains(closed.body, "Why do you need to open this record?") {
				t.Fatalf("unrelated family: %d", closed.StatusCode)
			}
			if strings.Contains(closed.body, family.Name) {
				t.Error("the break-glass page names the family")
			}
			short := c.post(path, url.Values{"reason": {"need it"}})
			if short.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(short.body, "fuller reason") || !strings.Contains(short.body, "need it") {
				t.Errorf("short reason: %d", short.StatusCode)
			}
			reason := "Mum rang the duty line worried about tonight; her worker is on leave."
			if res := c.post(path, url.Values{"reason": {reason}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("break-glass: %d", res.StatusCode)
			}
			open := c.get(path)
			if open.StatusCode != http.StatusOK || !strings.Contains(open.body, "You opened this record outside your work") {
				t.Fatalf("after break-glass: %d", open.StatusCode)
			}
			if strings.Contains(open.body, "Opened outside usual work") {
				t.Error("the list of openings is shown to the person who broke glass, not only the family's workers")
			}

			// The allocated practitioner and their supervisor see it.
			for _, role := range []access.Role{access.Practitioner, access.Supervisor} {
				w := newClient(t, env)
				w.signIn(env.Accounts[role])
				page := w.get(path)
				if page.StatusCode != http.StatusOK || !strings.Contains(page.body, "Duty Worker") || !strings.Contains(page.body, "her worker is on leave") {
					t.Errorf("%s does not see the break-glass entry: %d", role, page.StatusCode)
				}
			}

			// Access ends with the session.
			c.post("/sign-out", nil)
			c.signIn(duty)
			if res := c.get(path); res.StatusCode != http.StatusForbidden {
				t.Errorf("after signing in again: %d, want 403", res.StatusCode)
			}
		})
	}
}
