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

// clickOn clicks an element that does not load a new page, such as a radio.
func (tb *tab) clickOn(t *testing.T, sel string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// TestContactNoteJourney: a practitioner finds a family from their caseload,
// writes a note, sees it on the timeline, changes it and sees its versions.
func TestContactNoteJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	familyID := env.Accounts[access.Parent].FamilyID
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	p.checkA11y(t, "caseload")
	wantStatus(t, "the family from the caseload", p.click(t, `a[href="/families/`+familyID+`"]`), 200)
	p.checkA11y(t, "family page")
	wantStatus(t, "the note form", p.click(t, `a[href="/families/`+familyID+`/notes/new"]`), 200)
	p.checkA11y(t, "note form")

	p.clickOn(t, "#kind-phone")
	p.clickOn(t, "#child-seen-no")
	p.typeInto(t, "#present", "Mum")
	p.typeInto(t, "#body", "Rang mum about the school meeting. Last term mum failed to engage with school.")
	// The hint appears beside the field as she types, with suggestions.
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(p.text(t, `[data-hints-for="body"]`), "failed to engage") {
		if time.Now().After(deadline) {
			t.Fatalf("no wording hint appeared: %q", p.text(t, `[data-hints-for="body"]`))
		}
		time.Sleep(200 * time.Millisecond)
	}
	if hint := p.text(t, `[data-hints-for="body"]`); !strings.Contains(hint, "Try:") {
		t.Errorf("the hint gives no suggestion: %q", hint)
	}
	p.checkA11y(t, "note form with a wording hint")
	wantStatus(t, "the saved note", p.click(t, `button[value="save"]`), 200)
	if !strings.Contains(p.text(t, "#main-content"), "Rang mum about the school meeting") {
		t.Fatal("the saved note does not show what was written")
	}
	p.checkA11y(t, "note page")

	wantStatus(t, "the timeline", p.open(t, "/families/"+familyID+"/timeline"), 200)
	if !strings.Contains(p.text(t, "#main-content"), "Phone note") {
		t.Error("the note is not on the timeline")
	}
	p.checkA11y(t, "timeline")

	wantStatus(t, "the note from the timeline", p.click(t, ".moj-timeline__title a"), 200)
	wantStatus(t, "the edit form", p.click(t, `a[href$="/edit"]`), 200)
	p.typeInto(t, "#body", " Later: she did go, with Nan.")
	wantStatus(t, "the changed note", p.click(t, `button[value="save"]`), 200)
	main := p.text(t, "#main-content")
	if !strings.Contains(main, "with Nan") || !strings.Contains(main, "Version 1, saved") {
		t.Error("the changed note or its earlier version is not shown")
	}
	p.checkA11y(t, "note page with versions")
	wantStatus(t, "context, consent and status", p.open(t, "/families/"+familyID+"/details"), 200)
	p.checkA11y(t, "context, consent and status page")
	wantStatus(t, "a person in the family", p.open(t, "/families/"+familyID+"/people/new?kind=child"), 200)
	p.checkA11y(t, "add a child")
	wantStatus(t, "the three columns", p.open(t, "/families/"+familyID+"/summary"), 200)
	p.checkA11y(t, "worries, strengths and next steps")
	wantStatus(t, "the safety scale", p.open(t, "/families/"+familyID+"/scale"), 200)
	p.clickOn(t, "#view-parent")
	if err := chromedp.Do(p.ctx, chromedp.SetValue(chromedp.CSS("#score"), "6")); err != nil {
		t.Fatalf("choose a score: %v", err)
	}
	wantStatus(t, "the scale with a rating", p.click(t, `form[action$="/scale"] button[type=submit]`), 200)
	if !p.has(t, "svg.app-chart__svg") {
		t.Error("no chart after adding a rating")
	}
	p.checkA11y(t, "safety scale with its chart and table")
	wantStatus(t, "who has looked", p.open(t, "/families/"+familyID+"/audit"), 200)
	p.checkA11y(t, "family audit list")
}

// TestDraftSurvivesATimeOut types into a note, lets the script save the
// draft, ends the session by idling past its limit, and signs in again.
func TestDraftSurvivesATimeOut(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	familyID := env.Accounts[access.Parent].FamilyID
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the note form", p.open(t, "/families/"+familyID+"/notes/new"), 200)
	words := "Visited after school. Amy was quiet at first, then showed me her drawings of the dog."
	p.typeInto(t, "#body", words)
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(p.text(t, "#autosave-status"), "Draft saved") {
		if time.Now().After(deadline) {
			t.Fatalf("the draft was not saved as she typed: %q", p.text(t, "#autosave-status"))
		}
		time.Sleep(200 * time.Millisecond)
	}
	env.Clock.Advance(31 * time.Minute) // past a member of staff's idle limit
	wantStatus(t, "the note form after the time-out", p.open(t, "/families/"+familyID+"/notes/new"), 200)
	if got := p.path(t); !strings.HasPrefix(got, "/sign-in") {
		t.Fatalf("after the time-out: on %s, want the sign-in page", got)
	}
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the note form again", p.open(t, "/families/"+familyID+"/notes/new"), 200)
	if got := p.value(t, "#body"); got != words {
		t.Errorf("after signing in again the note says %q, want every word back", got)
	}
	if !strings.Contains(p.text(t, "#main-content"), "We kept what you were writing") {
		t.Error("the page does not say the draft was kept")
	}
}
