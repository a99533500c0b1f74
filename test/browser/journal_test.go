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

// TestJournalOnAPhone is acceptance 1 and the browser half of 2 of the
// parent's space issue: on a 390 by 844 screen, the demo parent logs a
// hard moment in at most six steps and a reconciliation gesture, sees both
// in their progress, and after a hard moment in which they hit, sees where
// to get help. The practitioner finds the entries on the family's timeline
// and the alert on their caseload. axe checks every page on the phone and
// at desktop width.
func TestJournalOnAPhone(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatalf("a phone-sized screen: %v", err)
	}
	p.signInAs(t, env.Accounts[access.Parent])
	p.checkPhone(t, "the parent's space")

	// A hard moment: each tap or answer is a step.
	steps := 0
	step := func() { steps++ }
	wantStatus(t, "a hard moment", p.click(t, `a[href="/my/log/incident"]`), 200)
	step()
	p.checkPhone(t, "the hard moment form")
	p.clickOn(t, "#what") // shouting, swearing or names
	step()
	p.clickOn(t, "#intensity-6")
	step()
	p.clickOn(t, "#responses") // I stayed quiet
	step()
	p.typeInto(t, "#happened", "Shouting about his phone at bedtime")
	step()
	wantStatus(t, "save the hard moment", p.click(t, `form[action="/my/log/incident"] button`), 200)
	step()
	if steps > 6 {
		t.Errorf("logging a hard moment took %d steps; want at most 6", steps)
	}
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Saved") || !strings.Contains(got, "Shouting about his phone") {
		t.Errorf("after saving, the space says %q", got)
	}

	for _, kind := range []string{"self-care", "presence"} {
		wantStatus(t, kind, p.open(t, "/my/log/"+kind), 200)
		p.checkPhone(t, "the "+kind+" form")
	}
	wantStatus(t, "back to the space", p.open(t, "/my"), 200)
	wantStatus(t, "a gesture", p.click(t, `a[href="/my/log/gesture"]`), 200)
	p.checkPhone(t, "the gesture form")
	p.typeInto(t, "#did", "Left a note in his lunchbox")
	wantStatus(t, "save the gesture", p.click(t, `form[action="/my/log/gesture"] button`), 200)

	wantStatus(t, "progress", p.open(t, "/my/progress"), 200)
	p.checkPhone(t, "progress")
	table := p.text(t, ".app-table-scroll table")
	if !strings.Contains(table, "6.0 out of 10") || !strings.Contains(table, "100%") {
		t.Errorf("the progress table does not show this week's hard moment: %q", table)
	}
	if got := p.texts(t, "#gestures-title"); len(got) != 1 {
		t.Errorf("no chart of gestures on the progress page")
	}

	// A hard moment in which the parent hit: help straight away.
	wantStatus(t, "another hard moment", p.open(t, "/my/log/incident"), 200)
	p.clickOn(t, "#what-physical-violence")
	p.clickOn(t, "#intensity-5")
	p.clickOn(t, "#responses-pushed-or-hit")
	wantStatus(t, "save it", p.click(t, `form[action="/my/log/incident"] button`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Your practitioner has been told") || !strings.Contains(got, "999") {
		t.Errorf("after a hard moment in which the parent hit, the page says %q", got)
	}
	p.checkPhone(t, "where to get help")

	// The announcement, on the phone, in a tab of its own: each tab has its
	// own time limit, and a busy machine is slow.
	p = newTab(t, b, env.URL)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatalf("a phone-sized screen: %v", err)
	}
	p.signInAs(t, env.Accounts[access.Parent])
	wantStatus(t, "the announcement", p.open(t, "/my/announcement"), 200)
	// The demo parent read theirs out nine days ago, after their
	// practitioner's comment on the draft.
	if got := p.text(t, "#main-content"); !strings.Contains(got, "You read it out on") || !strings.Contains(got, "From your practitioner") {
		t.Errorf("the demo parent's announcement: %q", got)
	}
	p.checkPhone(t, "the announcement, read out")

	// The same pages at desktop width.
	p = newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Parent])
	for _, path := range []string{"/my", "/my/log/incident", "/my/log/gesture", "/my/log/self-care", "/my/log/presence", "/my/progress", "/my/announcement"} {
		wantStatus(t, path, p.open(t, path), 200)
		p.checkA11y(t, path+" at desktop width")
	}

	prac := newTab(t, b, env.URL)
	prac.signInAs(t, env.Accounts[access.Practitioner])
	if got := prac.text(t, ".govuk-notification-banner"); !strings.Contains(got, "The parent recorded pushing or hitting") {
		t.Errorf("the practitioner's caseload banner says %q", got)
	}
	prac.checkA11y(t, "caseload with a journal alert")
	familyID := env.Accounts[access.Parent].FamilyID
	wantStatus(t, "timeline", prac.open(t, "/families/"+familyID+"/timeline"), 200)
	if got := prac.text(t, "#main-content"); !strings.Contains(got, "Shouting about his phone at bedtime") || !strings.Contains(got, "Left a note in his lunchbox") {
		t.Errorf("the timeline does not show the parent's entries: %q", got)
	}
	wantStatus(t, "the journal", prac.open(t, "/families/"+familyID+"/journal"), 200)
	prac.checkA11y(t, "the family's journal with an alert")
	prac.typeInto(t, "textarea[name=note]", "Called Mum this evening; visiting tomorrow.")
	wantStatus(t, "acknowledge", prac.click(t, `form[action*="/journal/alerts/"] button`), 200)
	if got := prac.text(t, "#alerts + .govuk-summary-card"); !strings.Contains(got, "Acknowledged") {
		t.Errorf("after acknowledging: %q", got)
	}
	prac.checkA11y(t, "the family's journal with the alert acknowledged")
	wantStatus(t, "the announcement", prac.open(t, "/families/"+familyID+"/announcement"), 200)
	if got := prac.text(t, "#main-content"); !strings.Contains(got, "I will no longer accept you hitting me") || !strings.Contains(got, "Read out on") {
		t.Errorf("the practitioner's view of the announcement: %q", got)
	}
	prac.checkA11y(t, "the family's announcement")
}
