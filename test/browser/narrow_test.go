//go:build browser

package browser

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// narrowWidth is a 1280-pixel screen zoomed to 400%, the reflow width of
// WCAG 2.2 success criterion 1.4.10.
const narrowWidth = 320

// overflowJS lists the elements whose right edge lies beyond the viewport,
// other than those inside a box that scrolls on its own (wide data tables
// sit in one), and says whether the page itself scrolls sideways.
const overflowJS = `Array.from(document.querySelectorAll('body *'))
  .filter(e => !e.closest('.app-table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map(e => e.outerHTML.slice(0, 120))
  .concat(document.documentElement.scrollWidth > document.documentElement.clientWidth + 1 ? ['the page scrolls sideways'] : [])`

// TestNarrowScreen signs in on a screen as narrow as a 400% zoom, where the
// service navigation folds behind a Menu button, and checks each state.
func TestNarrowScreen(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	for _, role := range []access.Role{access.Admin, access.Parent} {
		t.Run(string(role), func(t *testing.T) {
			a := env.Accounts[role]
			tb := newTab(t, b, env.URL)
			if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(narrowWidth, 640)); err != nil {
				t.Fatalf("narrow the viewport: %v", err)
			}
			tb.signInAs(t, a)
			tb.wantNoOverflow(t)
			if tb.visible(t, signOutButton) {
				t.Error("on a narrow screen the Sign out button shows before the Menu is opened")
			}
			tb.checkA11y(t, string(role)+" home page, narrow, menu closed")

			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".govuk-service-navigation__toggle"))); err != nil {
				t.Fatalf("press Menu: %v", err)
			}
			if got := eval[string](t, tb, `document.querySelector('.govuk-service-navigation__toggle').getAttribute('aria-expanded')`); got != "true" {
				t.Errorf("after pressing Menu, aria-expanded is %q, want true", got)
			}
			if !tb.visible(t, signOutButton) {
				t.Fatal("after pressing Menu, the Sign out button is not visible")
			}
			tb.wantNoOverflow(t)
			tb.checkA11y(t, string(role)+" home page, narrow, menu open")
			tb.signOut(t)
		})
	}
}

// visible reports whether the first element matching sel takes up space on
// the page.
func (tb *tab) visible(t *testing.T, sel string) bool {
	t.Helper()
	return eval[bool](t, tb, `(() => { const e = document.querySelector(`+js(sel)+`); if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`)
}

// wantNoOverflow fails when anything spills off the right edge of the
// screen, other than inside a box that scrolls on its own.
func (tb *tab) wantNoOverflow(t *testing.T) {
	t.Helper()
	if over := eval[[]string](t, tb, overflowJS); len(over) > 0 {
		t.Errorf("on %s at %d pixels wide, %d element(s) spill off the screen, first: %s", tb.path(t), narrowWidth, len(over), over[0])
	}
}
