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

// TestSupportNetworkOnAPhone: on a 390 by 844 phone, the demo parent goes
// from their home to their supporters, adds a supporter (forgetting the
// name at first), and records a telephone round calling them; then their
// practitioner reads the network on the family's record. axe checks every
// page, at phone width and again at desktop width.
func TestSupportNetworkOnAPhone(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatalf("set a phone's viewport: %v", err)
	}
	p.signInAs(t, env.Accounts[access.Parent])
	wantStatus(t, "the parent's supporters", p.click(t, `#main-content a[href="/my/supporters"]`), 200)
	p.checkPhone(t, "supporters")

	// Adding a supporter: the name forgotten, then given.
	wantStatus(t, "the form to add a supporter", p.click(t, `a[href="/my/supporters/new"]`), 200)
	p.checkPhone(t, "add a supporter")
	p.typeInto(t, "#relationship", "My sister")
	p.typeInto(t, "#contact", "jo.a.very.long.email.address.for.a.narrow.screen@example.org")
	p.clickOn(t, "#roles")
	p.clickOn(t, "#roles-sit-in")
	p.clickOn(t, "#agreement")
	wantStatus(t, "a supporter with no name", p.click(t, `#main-content form button[type=submit]`), 422)
	p.checkPhone(t, "add a supporter, with an error")
	if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Enter their name") {
		t.Errorf("the error summary says %q", got)
	}
	if p.value(t, "#relationship") != "My sister" || !eval[bool](t, p, `document.querySelector('#roles-sit-in').checked`) {
		t.Error("the form lost what was typed")
	}
	p.typeInto(t, "#name", "Auntie Jo")
	wantStatus(t, "saving the supporter", p.click(t, `#main-content form button[type=submit]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Auntie Jo") || !strings.Contains(got, "Telephone round") || !strings.Contains(got, "Agreed") {
		t.Errorf("the list after adding: %q", got)
	}
	p.checkPhone(t, "supporters, one added")
	wantStatus(t, "the supporter's page", p.click(t, `.govuk-summary-card__title a`), 200)
	supporterPath := p.path(t)
	p.checkPhone(t, "a supporter")
	wantStatus(t, "the form to record a contact", p.click(t, `a[href$="/contacts/new"]`), 200)
	p.checkPhone(t, "record a contact")

	// A telephone round calling her, and someone not on the list.
	wantStatus(t, "the form to record a round", p.open(t, "/my/supporters/rounds/new"), 200)
	p.checkPhone(t, "record a telephone round")
	jo := eval[string](t, p, `document.querySelector('#call-1-who option:nth-child(2)').value`)
	p.typeInto(t, "#why", "Sam was not home by ten and not answering")
	if err := chromedp.Do(p.ctx, chromedp.SetValue(chromedp.CSS("#call-1-who"), jo)); err != nil {
		t.Fatal(err)
	}
	p.clickOn(t, "#call-1-outcome")
	if err := chromedp.Do(p.ctx, chromedp.SetValue(chromedp.CSS("#call-2-who"), "someone-else")); err != nil {
		t.Fatal(err)
	}
	p.clickOn(t, "#call-2-outcome-other")
	wantStatus(t, "a call with something else unsaid", p.click(t, `#main-content form button[type=submit]:not([name])`), 422)
	p.checkPhone(t, "record a telephone round, with errors")
	if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Choose who you called, or write their name") || !strings.Contains(got, "Say in a few words how the call went") {
		t.Errorf("the error summary says %q", got)
	}
	p.typeInto(t, "#call-2-name", "Kai's mum")
	p.typeInto(t, "#call-2-note", "Said Sam was at theirs")
	wantStatus(t, "saving the round", p.click(t, `#main-content form button[type=submit]:not([name])`), 200)
	roundPath := p.path(t)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Auntie Jo") || !strings.Contains(got, "Kai's mum") || !strings.Contains(got, "Said Sam was at theirs") {
		t.Errorf("the round's page: %q", got)
	}
	p.checkPhone(t, "a telephone round")

	// The same pages pass axe at desktop width too.
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/my/supporters", "/my/supporters/new", supporterPath, supporterPath + "/edit", supporterPath + "/contacts/new",
		supporterPath + "/remove", "/my/supporters/rounds/new", roundPath} {
		wantStatus(t, path, p.open(t, path), 200)
		p.checkA11y(t, path+", desktop")
	}

	// The practitioner reads the network on the family's record.
	pr := newTab(t, b, env.URL)
	pr.signInAs(t, env.Accounts[access.Practitioner])
	fam := env.Accounts[access.Parent].FamilyID
	wantStatus(t, "the family's page", pr.open(t, "/families/"+fam), 200)
	wantStatus(t, "the family's support network", pr.click(t, `a[href="/families/`+fam+`/supporters"]`), 200)
	pr.checkA11y(t, "the family's support network, desktop")
	if got := pr.text(t, "#main-content"); !strings.Contains(got, "Auntie Jo") || !strings.Contains(got, "Sam was not home by ten") || !strings.Contains(got, "Kai's mum") {
		t.Errorf("the practitioner's view: %q", got)
	}
	if pr.has(t, `a[href^="/my/"]`) {
		t.Error("the practitioner's view links to the parent's pages")
	}
	if err := chromedp.Do(pr.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatal(err)
	}
	pr.checkPhone(t, "the family's support network")
}
