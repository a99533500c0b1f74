//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestNoJavaScript signs in and out with the page's JavaScript switched off.
// The checks read the page through the DevTools protocol, which still works.
func TestNoJavaScript(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	a := env.Accounts[access.Practitioner]
	b := newBrowser(t)
	tb := newTab(t, b, env.URL)
	tb.setScripts(t, false)

	wantStatus(t, "/sign-in", tb.open(t, "/sign-in"), 200)
	if cls := eval[string](t, tb, `document.body.className`); strings.Contains(cls, "js-enabled") {
		t.Fatalf("the page's script ran (body class %q): JavaScript is not off", cls)
	}
	tb.checkA11yNoJS(t, "sign-in page without JavaScript")

	tb.signInAs(t, a)
	tb.wantHome(t, access.Practitioner, a, "Your caseload")
	if !eval[bool](t, tb, `(() => { const r = document.querySelector('.govuk-service-navigation__link').getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`) {
		t.Error("without JavaScript the service navigation's links are hidden")
	}
	tb.checkA11yNoJS(t, "home page without JavaScript")

	tb.signOut(t)
	tb.checkA11yNoJS(t, "sign-in page after signing out without JavaScript")
	tb.wantSignInPageAt(t, "/")
	if cls := eval[string](t, tb, `document.body.className`); strings.Contains(cls, "js-enabled") {
		t.Errorf("the page's script ran by the end (body class %q): JavaScript did not stay off", cls)
	}
}

// setScripts switches the page's JavaScript on or off. It holds for the
// pages the tab loads later too.
func (tb *tab) setScripts(t *testing.T, on bool) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		t.Fatalf("switch JavaScript on=%v: %v", on, err)
	}
}

// checkA11yNoJS runs axe on a page loaded without JavaScript. axe-core needs
// timers, which do not run while scripts are off, so scripts go back on for
// the check only. Scripts the page skipped while loading stay skipped, so
// axe sees the page as it was rendered without JavaScript.
func (tb *tab) checkA11yNoJS(t *testing.T, page string) {
	t.Helper()
	tb.setScripts(t, true)
	defer tb.setScripts(t, false)
	tb.checkA11y(t, page)
}
