//go:build browser

package browser

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestRoles signs in as each role in turn, each in its own browser context,
// and walks every link the signed-in pages offer before signing out.
func TestRoles(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	for _, role := range access.Roles() {
		a, ok := env.Accounts[role]
		if !ok {
			t.Fatalf("the demo organisation has no %s account", role)
		}
		t.Run(string(role), func(t *testing.T) {
			tb := newTab(t, b, env.URL)
			wantStatus(t, "/sign-in", tb.open(t, "/sign-in"), 200)
			tb.checkA11y(t, "sign-in page before signing in as "+a.Role)
			tb.signInAs(t, a)
			tb.wantHome(t, role, a, homeHeading(t, env, role, a))
			tb.checkA11y(t, string(role)+" home page")

			home := "/"
			if role == access.Parent {
				home = "/my"
			}
			if got := tb.links(t, `.govuk-service-navigation__link[aria-current="page"]`); !slices.Equal(got, []string{home}) {
				t.Errorf("on the home page, the navigation marks %q as the current page, want [%s]", got, home)
			}
			nav := tb.links(t, ".govuk-service-navigation__list a[href]")
			if len(nav) == 0 {
				t.Error("the service navigation has no links")
			}
			footer := tb.links(t, ".govuk-footer a[href]")
			if !slices.Contains(footer, "/accessibility") || !slices.Contains(footer, "/privacy") {
				t.Errorf("the footer links to %q, want the accessibility statement and privacy notice", footer)
			}
			for _, path := range append(nav, footer...) {
				tb.visitSignedIn(t, path, a)
			}

			tb.signOut(t)
			tb.checkA11y(t, "sign-in page after signing out")
			tb.wantSignInPageAt(t, "/")
			tb.checkA11y(t, "sign-in page reached from / after signing out")
		})
	}
}

// homeHeading returns the h1 of the role's own home page.
func homeHeading(t *testing.T, env *webtest.Env, role access.Role, a demo.Account) string {
	t.Helper()
	switch role {
	case access.Admin:
		ctx := context.Background()
		u, err := env.DB.UserByEmail(ctx, a.Email)
		if err != nil {
			t.Fatal(err)
		}
		org, err := env.DB.Organisation(ctx, u.OrgID)
		if err != nil {
			t.Fatal(err)
		}
		return org.Name
	case access.Supervisor:
		return "Your team"
	case access.Practitioner:
		return "Your caseload"
	case access.CoFacilitator:
		return "Your groups"
	case access.Parent:
		first, _, _ := strings.Cut(a.Name, " ")
		return "Hello, " + first
	}
	t.Fatalf("no home page known for role %q", role)
	return ""
}

// wantHome checks that the tab shows the role's own home page, with the
// person named in the service navigation.
func (tb *tab) wantHome(t *testing.T, role access.Role, a demo.Account, h1 string) {
	t.Helper()
	if got := tb.text(t, "h1"); got != h1 {
		t.Errorf("%s home page: h1 %q, want %q", role, got, h1)
	}
	if role == access.Parent && !strings.HasPrefix(tb.text(t, "h1"), "Hello,") {
		t.Errorf("parent home page: h1 %q does not start with Hello,", tb.text(t, "h1"))
	}
	tb.wantSignedInAs(t, a, role)
}

// wantSignedInAs checks that the service navigation names the person and
// their role, and offers the Sign out button.
func (tb *tab) wantSignedInAs(t *testing.T, a demo.Account, role access.Role) {
	t.Helper()
	got := tb.text(t, navText)
	if !strings.Contains(got, a.Name) || !strings.Contains(got, role.Label()) {
		t.Errorf("on %s the service navigation says %q, want %s's name %q and role %q", tb.path(t), got, a.Role, a.Name, role.Label())
	}
	if tb.text(t, signOutButton) != "Sign out" {
		t.Errorf("on %s there is no Sign out button", tb.path(t))
	}
}

// visitSignedIn opens a link's path while signed in and checks the page
// loads, keeps the person signed in, and passes axe.
func (tb *tab) visitSignedIn(t *testing.T, path string, a demo.Account) {
	t.Helper()
	resp := tb.open(t, path)
	wantStatus(t, path, resp, 200)
	if got := tb.path(t); got != path {
		t.Errorf("link %s led to %s", path, got)
	}
	if tb.text(t, "h1") == "" {
		t.Errorf("%s has no h1", path)
	}
	role, err := access.ParseRole(a.Role)
	if err != nil {
		t.Fatal(err)
	}
	tb.wantSignedInAs(t, a, role)
	tb.checkA11y(t, a.Role+" at "+path)
}
