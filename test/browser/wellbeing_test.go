//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestWellbeing: the demo practitioner answers this week's check-in from
// the keyboard alone (after first sending it with no score), chooses to
// share their trend, and writes their plan for looking after themselves;
// their supervisor reads the team's figures and the shared trend; the
// administrator reads the organisation's figures. axe checks every page.
func TestWellbeing(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)

	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the practitioner's wellbeing page", p.click(t, `.govuk-service-navigation a[href="/wellbeing"]`), 200)
	p.checkA11y(t, "the practitioner's wellbeing page")
	wantStatus(t, "a check-in with no score", p.click(t, `form[action="/wellbeing"] button[type=submit]`), 422)
	p.checkA11y(t, "the check-in, with an error")
	if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Choose a number from 0 to 10") {
		t.Errorf("the error summary says %q", got)
	}

	// From the keyboard: choose 7, Tab to the note, write it, Tab to the
	// button and press Enter.
	if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS("#score-7"))); err != nil {
		t.Fatalf("focus the radio for 7: %v", err)
	}
	p.press(t, " ")
	if !eval[bool](t, p, `document.querySelector('#score-7').checked`) {
		t.Fatal("Space did not choose 7")
	}
	p.press(t, kb.Tab)
	if f := p.focus(t); f.ID != "note" {
		t.Fatalf("Tab from the scale focused %+v, want the note", f)
	}
	p.press(t, "A steadier week")
	p.press(t, kb.Tab)
	if f := p.focus(t); f.Tag != "button" || f.Text != "Save this week's answer" {
		t.Fatalf("Tab from the note focused %+v, want the button", f)
	}
	wantStatus(t, "saving the check-in by keyboard", p.await(t, "press Enter on the button", chromedp.KeyEvent(kb.Enter)), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Your answer for this week is saved") || !strings.Contains(got, "7 out of 10") || !strings.Contains(got, "A steadier week") {
		t.Errorf("after the check-in: %q", got)
	}
	p.checkA11y(t, "the wellbeing page after a check-in")
	p.clickOn(t, "#share")
	wantStatus(t, "sharing the trend", p.click(t, `form[action="/wellbeing/sharing"] button[type=submit]`), 200)
	wantStatus(t, "the self-care plan", p.click(t, `#main-content a[href="/wellbeing/self-care"]`), 200)
	p.checkA11y(t, "the self-care plan")
	p.typeInto(t, "#helps", "A walk by the river")
	wantStatus(t, "saving the plan", p.click(t, `#main-content form button[type=submit]`), 200)
	p.checkA11y(t, "the self-care plan, saved")

	// The supervisor: the team's figures, the shared trend, their own plan.
	s := newTab(t, b, env.URL)
	s.signInAs(t, env.Accounts[access.Supervisor])
	wantStatus(t, "the supervisor's wellbeing page", s.open(t, "/wellbeing"), 200)
	s.checkA11y(t, "the supervisor's wellbeing page")
	wantStatus(t, "the team's figures", s.click(t, `#main-content a[href="/wellbeing/team"]`), 200)
	s.checkA11y(t, "the team's figures")
	if got := s.text(t, "#main-content"); !strings.Contains(got, "Not shown, so no one can be singled out") || !strings.Contains(got, "North locality") {
		t.Errorf("the team's figures: %q", got)
	}
	wantStatus(t, "the supervisor's wellbeing page again", s.open(t, "/wellbeing"), 200)
	wantStatus(t, "a shared trend", s.click(t, `#main-content a[href^="/wellbeing/people/"]`), 200)
	s.checkA11y(t, "a shared trend")
	if got := s.text(t, "#main-content"); !strings.Contains(got, "7 out of 10") || strings.Contains(got, "A steadier week") {
		t.Errorf("the shared trend: %q", got)
	}
	wantStatus(t, "the supervisor's plan", s.open(t, "/wellbeing/self-care"), 200)
	s.checkA11y(t, "the supervisor's plan")

	// The administrator: the organisation's figures.
	a := newTab(t, b, env.URL)
	a.signInAs(t, env.Accounts[access.Admin])
	wantStatus(t, "the administrator's wellbeing page", a.open(t, "/wellbeing"), 200)
	a.checkA11y(t, "the administrator's wellbeing page")
	wantStatus(t, "the organisation's figures", a.click(t, `#main-content a[href="/wellbeing/organisation"]`), 200)
	a.checkA11y(t, "the organisation's figures")
}
