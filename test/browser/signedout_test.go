//go:build browser

package browser

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestSignedOut covers the pages a person sees before signing in.
func TestSignedOut(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)

	t.Run("sign-in page", func(t *testing.T) {
		tb := newTab(t, b, env.URL)
		wantStatus(t, "/sign-in", tb.open(t, "/sign-in"), 200)
		if got := tb.text(t, "h1"); got != signInHeading {
			t.Errorf("h1 %q, want %q", got, signInHeading)
		}
		if got := eval[string](t, tb, `document.title`); got != "Sign in – Steadfast (demo)" {
			t.Errorf("title %q, want %q", got, "Sign in – Steadfast (demo)")
		}
		if tb.has(t, ".govuk-service-navigation") {
			t.Error("a signed-out page shows the signed-in service navigation")
		}
		if tb.has(t, errorSummary) {
			t.Error("the sign-in page shows an error summary before anything was submitted")
		}
		tb.checkA11y(t, "sign-in page")
	})

	t.Run("nothing typed", func(t *testing.T) {
		tb := newTab(t, b, env.URL)
		wantStatus(t, "sign-in with nothing typed", tb.signIn(t, "", ""), 422)
		want := []string{"Enter your email address", "Enter your password"}
		if got := tb.texts(t, errorSummary+" li"); !slices.Equal(got, want) {
			t.Errorf("error summary lists %q, want %q", got, want)
		}
		tb.checkA11y(t, "sign-in page with nothing typed")
	})

	t.Run("wrong password", func(t *testing.T) {
		known := env.Accounts[access.Practitioner]
		tb := newTab(t, b, env.URL)
		knownMsg := tb.wantRefused(t, known.Email, known.Password+"-wrong")
		tb.checkA11y(t, "sign-in page after a wrong password")

		tb = newTab(t, b, env.URL)
		unknownMsg := tb.wantRefused(t, "no-such-person@example.org", known.Password)
		tb.checkA11y(t, "sign-in page after an unknown email")

		if !slices.Equal(knownMsg.Summary, unknownMsg.Summary) || knownMsg.FieldError != unknownMsg.FieldError {
			t.Errorf("the refusal reveals which emails have accounts:\nknown email, wrong password: %+v\nunknown email:               %+v", knownMsg, unknownMsg)
		}
	})

	for _, p := range []struct{ path, h1 string }{
		{"/accessibility", "Accessibility statement"},
		{"/privacy", "Privacy notice"},
	} {
		t.Run(strings.TrimPrefix(p.path, "/"), func(t *testing.T) {
			tb := newTab(t, b, env.URL)
			wantStatus(t, p.path, tb.open(t, p.path), 200)
			if got := tb.text(t, "h1"); got != p.h1 {
				t.Errorf("%s: h1 %q, want %q", p.path, got, p.h1)
			}
			tb.checkA11y(t, p.path)
		})
	}

	t.Run("page not found", func(t *testing.T) {
		tb := newTab(t, b, env.URL)
		wantStatus(t, "/no-such-page", tb.open(t, "/no-such-page"), 404)
		if got := tb.text(t, "h1"); got != "Page not found" {
			t.Errorf("h1 %q, want %q", got, "Page not found")
		}
		tb.checkA11y(t, "404 page")
	})
}

// refusal is what the sign-in page says when it turns a sign-in down.
type refusal struct {
	Summary    []string // the error summary's list
	FieldError string   // the message beside the email field
}

// wantRefused signs in with credentials that must not work, checks how the
// page says so, and returns what it said.
func (tb *tab) wantRefused(t *testing.T, email, password string) refusal {
	t.Helper()
	wantStatus(t, "sign-in refused", tb.signIn(t, email, password), 401)
	if got := tb.path(t); got != "/sign-in" {
		t.Errorf("refused sign-in: on %s, want /sign-in", got)
	}
	if got := tb.text(t, "h1"); got != signInHeading {
		t.Errorf("refused sign-in: h1 %q, want %q", got, signInHeading)
	}
	r := refusal{
		Summary:    tb.texts(t, errorSummary+" li"),
		FieldError: tb.text(t, "#email-error"),
	}
	if got := tb.text(t, errorSummary+" h2"); got != "There is a problem" {
		t.Errorf("error summary title %q, want %q", got, "There is a problem")
	}
	if len(r.Summary) != 1 || !strings.Contains(r.Summary[0], "email address or password") {
		t.Errorf("error summary lists %q, want one message about the email address or password", r.Summary)
	}
	if links := tb.links(t, errorSummary+" a"); !slices.Equal(links, []string{"/sign-in#email"}) {
		t.Errorf("error summary links to %q, want the email field", links)
	}
	if r.FieldError == "" || !strings.Contains(r.FieldError, r.Summary[0]) {
		t.Errorf("email field error %q, want it to repeat %q", r.FieldError, r.Summary)
	}
	if got := tb.value(t, "#email"); got != email {
		t.Errorf("email field holds %q after the refusal, want what was typed: %q", got, email)
	}
	if got := tb.value(t, "#password"); got != "" {
		t.Errorf("password field holds %q after the refusal, want it empty", got)
	}
	if got := eval[string](t, tb, `document.activeElement.className`); !strings.Contains(got, "govuk-error-summary") {
		t.Errorf("focus is on an element of class %q after the refusal, want the error summary", got)
	}
	return r
}

// TestSetupPage covers the first-run page that makes the first administrator.
func TestSetupPage(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true})
	token, _, err := env.DB.CreateSetupToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	tb := newTab(t, b, env.URL)
	path := "/setup/" + token

	wantStatus(t, "setup page", tb.open(t, path), 200)
	if got := tb.text(t, "h1"); got != "Set up Steadfast" {
		t.Errorf("h1 %q, want %q", got, "Set up Steadfast")
	}
	if tb.has(t, errorSummary) {
		t.Error("the setup page shows an error summary before anything was submitted")
	}
	tb.checkA11y(t, "setup page")

	wantStatus(t, "setup submitted empty", tb.click(t, `#main-content form button[type=submit]`), 422)
	if got := tb.path(t); got != path {
		t.Errorf("setup submitted empty: on %s, want %s", got, path)
	}
	wantFields := []string{"organisation", "name", "email", "password"}
	var want []string
	for _, f := range wantFields {
		want = append(want, path+"#"+f)
		if !tb.has(t, "#"+f+"-error") {
			t.Errorf("setup submitted empty: no error message beside the %s field", f)
		}
	}
	if got := tb.links(t, errorSummary+" a"); !slices.Equal(got, want) {
		t.Errorf("setup submitted empty: error summary links to %q, want %q", got, want)
	}
	if got := tb.texts(t, errorSummary+" li"); len(got) != len(wantFields) || slices.Contains(got, "") {
		t.Errorf("setup submitted empty: error summary lists %q, want one message for each of %q", got, wantFields)
	}
	tb.checkA11y(t, "setup page submitted empty")
}
