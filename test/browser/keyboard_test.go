//go:build browser

package browser

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// focusedJS describes the element that has the keyboard focus.
const focusedJS = `(() => {
  const e = document.activeElement;
  return {tag: e ? e.tagName.toLowerCase() : '', id: (e && e.id) || '', text: e ? (e.innerText || '').trim() : '', href: (e && e.getAttribute('href')) || ''};
})()`

// focused is the element that has the keyboard focus.
type focused struct {
	Tag  string `json:"tag"`
	ID   string `json:"id"`
	Text string `json:"text"`
	Href string `json:"href"`
}

// press sends keys to whatever has the focus, as a keyboard would.
func (tb *tab) press(t *testing.T, keys string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatalf("press %q: %v", keys, err)
	}
}

// focus returns the element that has the keyboard focus.
func (tb *tab) focus(t *testing.T) focused {
	t.Helper()
	return eval[focused](t, tb, focusedJS)
}

// TestKeyboard signs in and out with the keyboard alone.
func TestKeyboard(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	a := env.Accounts[access.Supervisor]
	b := newBrowser(t)
	tb := newTab(t, b, env.URL)
	wantStatus(t, "/sign-in", tb.open(t, "/sign-in"), 200)

	tb.press(t, kb.Tab)
	if f := tb.focus(t); f.Text != "Skip to main content" || f.Href != "#main-content" {
		t.Fatalf("the first Tab focused %+v, want the Skip to main content link", f)
	}
	tb.press(t, kb.Enter)
	if got := tb.path(t); got != "/sign-in" {
		t.Errorf("the skip link left the page for %s", got)
	}
	tb.press(t, kb.Tab)
	if f := tb.focus(t); f.ID != "email" {
		t.Fatalf("Tab after the skip link focused %+v, want the email field", f)
	}
	tb.press(t, a.Email)
	tb.press(t, kb.Tab)
	if f := tb.focus(t); f.ID != "password" {
		t.Fatalf("Tab from the email field focused %+v, want the password field", f)
	}
	tb.press(t, a.Password)
	resp := tb.await(t, "press Enter in the password field", chromedp.KeyEvent(kb.Enter))
	wantStatus(t, "home page after signing in by keyboard", resp, 200)
	if got := tb.path(t); got != "/" {
		t.Fatalf("signed in by keyboard: landed on %s, want /", got)
	}
	tb.wantHome(t, access.Supervisor, a, "Your team")
	tb.checkA11y(t, "home page after signing in by keyboard")

	// Tab to the Sign out button, as far as it takes, and press Enter.
	for i := 0; ; i++ {
		if i == 30 {
			t.Fatal("30 presses of Tab never reached the Sign out button")
		}
		tb.press(t, kb.Tab)
		if f := tb.focus(t); f.Tag == "button" && f.Text == "Sign out" {
			break
		}
	}
	wantStatus(t, "sign-in page after signing out by keyboard", tb.await(t, "press Enter on Sign out", chromedp.KeyEvent(kb.Enter)), 200)
	tb.wantSignedOut(t)
}
