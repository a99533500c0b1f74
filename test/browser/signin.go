//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"

	"github.com/steadfast-care/steadfast/internal/demo"
)

// Selectors shared by the journeys.
const (
	signInButton  = `#main-content form button[type=submit]`
	signOutButton = `.govuk-service-navigation form[action="/sign-out"] button[type=submit]`
	navText       = `.govuk-service-navigation__text`
	errorSummary  = `.govuk-error-summary`
)

// signInHeading is the sign-in page's h1.
const signInHeading = "Sign in to Steadfast"

// signIn opens the sign-in page, types the account's email address and
// password into their fields, and presses the Sign in button with the
// mouse. It returns the response to the page the browser lands on.
func (tb *tab) signIn(t *testing.T, email, password string) *network.Response {
	t.Helper()
	wantStatus(t, "sign-in page", tb.open(t, "/sign-in"), 200)
	tb.typeInto(t, "#email", email)
	tb.typeInto(t, "#password", password)
	return tb.click(t, signInButton)
}

// signInAs signs in as the demo account and checks that the browser lands
// on the home page at "/".
func (tb *tab) signInAs(t *testing.T, a demo.Account) {
	t.Helper()
	resp := tb.signIn(t, a.Email, a.Password)
	wantStatus(t, "home page after signing in as "+a.Role, resp, 200)
	want := "/"
	if a.Role == "parent" {
		want = "/my" // a parent's home is their space
	}
	if got := tb.path(t); got != want {
		t.Fatalf("signed in as %s: landed on %s, want %s", a.Role, got, want)
	}
}

// signOut presses the Sign out button in the service navigation and checks
// that the sign-in page then says so.
func (tb *tab) signOut(t *testing.T) {
	t.Helper()
	wantStatus(t, "sign-in page after signing out", tb.click(t, signOutButton), 200)
	tb.wantSignedOut(t)
}

// wantSignedOut checks that the tab shows the sign-in page's "You have
// signed out" banner, and no signed-in navigation.
func (tb *tab) wantSignedOut(t *testing.T) {
	t.Helper()
	if got := tb.path(t); got != "/sign-in?signed-out=1" {
		t.Errorf("after signing out: on %s, want /sign-in?signed-out=1", got)
	}
	if got := tb.text(t, ".govuk-notification-banner"); !strings.Contains(got, "You have signed out") {
		t.Errorf("after signing out: banner says %q, want it to say You have signed out", got)
	}
	if tb.has(t, navText) {
		t.Errorf("after signing out: the page still shows %q", tb.text(t, navText))
	}
	if got := tb.text(t, "h1"); got != signInHeading {
		t.Errorf("after signing out: h1 %q, want %q", got, signInHeading)
	}
}

// wantSignInPageAt checks that opening path sends a signed-out person to the
// sign-in page.
func (tb *tab) wantSignInPageAt(t *testing.T, path string) {
	t.Helper()
	wantStatus(t, "sign-in page instead of "+path, tb.open(t, path), 200)
	if got := tb.path(t); got != "/sign-in" {
		t.Errorf("signed out, opening %s landed on %s, want /sign-in", path, got)
	}
	if got := tb.text(t, "h1"); got != signInHeading {
		t.Errorf("signed out, opening %s shows h1 %q, want %q", path, got, signInHeading)
	}
}
