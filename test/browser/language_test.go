//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestLanguageAdministration adds a term through the respectful-language
// page and tries the checker, checking accessibility with an error, with
// hints beside the field, and after removing the term.
func TestLanguageAdministration(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	tb := newTab(t, b, env.URL)
	tb.signInAs(t, env.Accounts[access.Admin])
	wantStatus(t, "the language page", tb.open(t, "/admin/language"), 200)

	tb.typeInto(t, "#term", "non-attender")
	wantStatus(t, "a term with no reason", tb.click(t, `form[action="/admin/language/terms"] button[type=submit]`), 422)
	if !tb.has(t, errorSummary) || tb.value(t, "#term") != "non-attender" {
		t.Error("a term with no reason gave no error summary, or lost what was typed")
	}
	tb.checkA11y(t, "language page with errors")

	tb.typeInto(t, "#why", "It labels a family by the appointments they missed.")
	tb.typeInto(t, "#suggestions", "say they did not come")
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#label"))); err != nil {
		t.Fatalf("choose yes: %v", err)
	}
	wantStatus(t, "add the term", tb.click(t, `form[action="/admin/language/terms"] button[type=submit]`), 200)
	if !strings.Contains(tb.text(t, "#main-content"), "‘non-attender’ added") {
		t.Error("adding a term is not confirmed")
	}

	tb.typeInto(t, "#sample", "Mum is a non-attender and failed to engage.")
	wantStatus(t, "try the checker", tb.click(t, `form[action="/admin/language/try#try"] button[type=submit]`), 200)
	hints := tb.text(t, "#sample-language-hints")
	if !strings.Contains(hints, "You wrote ‘non-attender’") || !strings.Contains(hints, "You wrote ‘failed to engage’") {
		t.Errorf("the hints say %q", hints)
	}
	tb.checkA11y(t, "language page with hints")
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(narrowWidth, 640)); err != nil {
		t.Fatalf("narrow the viewport: %v", err)
	}
	tb.wantNoOverflow(t)

	wantStatus(t, "the removal page", tb.click(t, `a[href$="/remove"]`), 200)
	tb.checkA11y(t, "language term removal page")
	wantStatus(t, "remove the term", tb.click(t, `#main-content form button[type=submit]`), 200)
	if !strings.Contains(tb.text(t, "#main-content"), "‘non-attender’ removed") {
		t.Error("removing a term is not confirmed")
	}
}
