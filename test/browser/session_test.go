//go:build browser

package browser

import (
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestSessionTokenChangesAtSignIn checks that signing in never keeps a
// session token the browser held before, so a token planted on someone's
// browser before they sign in is worthless.
func TestSessionTokenChangesAtSignIn(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	a := env.Accounts[access.Parent]
	b := newBrowser(t)

	t.Run("fresh browser", func(t *testing.T) {
		tb := newTab(t, b, env.URL)
		wantStatus(t, "/sign-in", tb.open(t, "/sign-in"), 200)
		before := tb.sessionCookie(t) // there may be none yet
		tb.signInAs(t, a)
		after := tb.wantSessionCookie(t)
		if before != nil && before.Value == after.Value {
			t.Error("the session token did not change at sign-in")
		}
	})

	t.Run("planted token", func(t *testing.T) {
		tb := newTab(t, b, env.URL)
		const planted = "planted-by-someone-else-0123456789abcdefghij"
		if _, err := chromedp.Call(tb.ctx, network.SetCookie, network.SetCookieParams{
			Name: sessionCookieName, Value: planted, URL: env.URL + "/", Path: "/",
		}); err != nil {
			t.Fatalf("plant a session cookie: %v", err)
		}
		wantStatus(t, "/sign-in", tb.open(t, "/sign-in"), 200)
		before := tb.sessionCookie(t)
		if before == nil || before.Value != planted {
			t.Fatalf("the planted session cookie is not in the browser before sign-in: %+v", before)
		}
		tb.signInAs(t, a)
		if after := tb.wantSessionCookie(t); after.Value == planted {
			t.Error("signing in kept the session token planted before sign-in")
		}
	})
}

// wantSessionCookie returns the session cookie after sign-in, checking it is
// out of scripts' reach, not sent with cross-site posts, and gone when the
// browser closes, as the privacy notice says.
func (tb *tab) wantSessionCookie(t *testing.T) *network.Cookie {
	t.Helper()
	c := tb.sessionCookie(t)
	if c == nil {
		t.Fatalf("no %s cookie after signing in", sessionCookieName)
	}
	if c.Value == "" {
		t.Errorf("the %s cookie is empty after signing in", sessionCookieName)
	}
	if !c.HTTPOnly {
		t.Errorf("the %s cookie is readable by scripts (not HttpOnly)", sessionCookieName)
	}
	if c.SameSite != network.CookieSameSiteLax && c.SameSite != network.CookieSameSiteStrict {
		t.Errorf("the %s cookie has SameSite %q, want Lax or Strict", sessionCookieName, c.SameSite)
	}
	if !c.Session {
		t.Errorf("the %s cookie outlives the browser (expires %v), but the privacy notice says it goes when the browser closes", sessionCookieName, c.Expires)
	}
	return c
}
