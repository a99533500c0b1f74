//go:build browser

package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// typeWhen types a time into a form's when-day, when-month, when-year and
// when-time fields, in UK time.
func (tb *tab) typeWhen(t *testing.T, at time.Time) {
	t.Helper()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	at = at.In(london)
	for sel, v := range map[string]string{"#when-day": at.Format("2"), "#when-month": at.Format("1"), "#when-year": at.Format("2006"), "#when-time": at.Format("15:04")} {
		eval[bool](t, tb, `(document.querySelector('`+sel+`').value = '') === ''`)
		tb.typeInto(t, sel, v)
	}
}

// TestSitInOnAPhone: on a 390 by 844 phone, the demo parent, who has one
// sit-in done already, plans another (forgetting who will sit with them at
// first), opens the plan and records it as done (forgetting how long at
// first). Their practitioner reads the sit-ins on the family's record and
// finds the one done on the timeline. axe checks every page on the phone
// and at desktop width.
func TestSitInOnAPhone(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatalf("a phone-sized screen: %v", err)
	}
	p.signInAs(t, env.Accounts[access.Parent])
	wantStatus(t, "the parent's sit-ins", p.click(t, `#main-content a[href="/my/sit-ins"]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Done") || !strings.Contains(got, "Nan") {
		t.Errorf("the demo parent's sit-ins: %q; want the one done with Nan", got)
	}
	p.checkPhone(t, "sit-ins")

	// Planning: who will be there forgotten, then given.
	wantStatus(t, "the plan form", p.click(t, `a[href="/my/sit-ins/new"]`), 200)
	p.checkPhone(t, "plan a sit-in")
	p.clickOn(t, "#entry")
	p.typeWhen(t, time.Now().Add(26*time.Hour))
	wantStatus(t, "a plan with no one to sit with", p.click(t, `#main-content form button[type=submit]`), 422)
	p.checkPhone(t, "plan a sit-in, with an error")
	if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Say who will sit with you") {
		t.Errorf("the error summary says %q", got)
	}
	if !p.checked(t, "#entry") || p.value(t, "#when-year") == "" {
		t.Error("the form lost what was chosen")
	}
	p.typeInto(t, "#with", "Nan and Jo")
	wantStatus(t, "saving the plan", p.click(t, `#main-content form button[type=submit]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Planned") || !strings.Contains(got, "Nan and Jo") {
		t.Errorf("the list after planning: %q", got)
	}

	// Recording it as done: how long forgotten, then given.
	wantStatus(t, "the plan", p.click(t, `.govuk-summary-card__title a`), 200)
	planPath := p.path(t)
	p.checkPhone(t, "a planned sit-in")
	wantStatus(t, "the done form", p.click(t, `a[href$="/done"]`), 200)
	p.checkPhone(t, "record a sit-in as done")
	p.typeWhen(t, time.Now().Add(-10*time.Minute))
	p.typeInto(t, "#proposal", "They will fix the door with Nan on Saturday")
	wantStatus(t, "done with no minutes", p.click(t, `#main-content form button[type=submit]`), 422)
	p.checkPhone(t, "record a sit-in as done, with an error")
	if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Enter how long it lasted") {
		t.Errorf("the error summary says %q", got)
	}
	if p.value(t, "#proposal") != "They will fix the door with Nan on Saturday" {
		t.Error("the form lost the child's proposal")
	}
	p.typeInto(t, "#minutes", "25")
	wantStatus(t, "saving it as done", p.click(t, `#main-content form button[type=submit]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "kept as you recorded it") || !strings.Contains(got, "25 minutes") {
		t.Errorf("the sit-in done: %q", got)
	}
	p.checkPhone(t, "a sit-in done")

	// A second plan, called off after a confirmation.
	wantStatus(t, "the plan form again", p.open(t, "/my/sit-ins/new"), 200)
	p.clickOn(t, "#entry")
	p.typeWhen(t, time.Now().Add(50*time.Hour))
	p.typeInto(t, "#with", "Jo")
	wantStatus(t, "saving the second plan", p.click(t, `#main-content form button[type=submit]`), 200)
	wantStatus(t, "the second plan", p.click(t, `.govuk-summary-card__title a`), 200)
	wantStatus(t, "call it off", p.click(t, `a[href$="/cancel"]`), 200)
	p.checkPhone(t, "call a sit-in off: the confirmation")
	wantStatus(t, "called off", p.click(t, `#main-content form button[type=submit]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Sit-in called off.") || !strings.Contains(got, "Called off") {
		t.Errorf("the list after calling off: %q", got)
	}
	p.checkPhone(t, "sit-ins, one called off")

	// The same pages pass axe at desktop width too.
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/my/sit-ins", "/my/sit-ins/new", planPath} {
		wantStatus(t, path, p.open(t, path), 200)
		p.checkA11y(t, path+", desktop")
	}

	// The practitioner reads them, and finds the one done on the timeline.
	pr := newTab(t, b, env.URL)
	pr.signInAs(t, env.Accounts[access.Practitioner])
	fam := env.Accounts[access.Parent].FamilyID
	wantStatus(t, "the family's page", pr.open(t, "/families/"+fam), 200)
	wantStatus(t, "the family's sit-ins", pr.click(t, `a[href="/families/`+fam+`/sit-ins"]`), 200)
	pr.checkA11y(t, "the family's sit-ins, desktop")
	if got := pr.text(t, "#main-content"); !strings.Contains(got, "They will fix the door with Nan on Saturday") || !strings.Contains(got, "25 minutes") {
		t.Errorf("the practitioner's view: %q", got)
	}
	if pr.has(t, `a[href^="/my/"]`) || pr.has(t, `#main-content form`) {
		t.Error("the practitioner's view links to the parent's pages or offers a form")
	}
	wantStatus(t, "the timeline of sit-ins", pr.open(t, "/families/"+fam+"/timeline?kind=sit-in"), 200)
	if got := pr.text(t, "#main-content"); strings.Count(got, "Sit-in done") != 2 {
		t.Errorf("the timeline of sit-ins: %q; want the demo's and this one", got)
	}
	pr.checkA11y(t, "the timeline of sit-ins, desktop")
}
