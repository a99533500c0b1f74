package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

var noteLink = regexp.MustCompile(`/families/[a-z2-7]{20}/notes/([a-z2-7]{20})`)

func TestContactNoteJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	base := "/families/" + fx.families[related].ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	// A mistake keeps every word, and the words are kept as a draft too.
	typed := url.Values{"when-day": {"20"}, "when-month": {"11"}, "when-year": {"2026"}, "when-time": {"15:30"},
		"present": {"Mum and Amy"}, "child-seen": {"alone"}, "child-words": {"I want Nan to come more"}, "body": {"Amy showed me her room."}}
	bad := c.post(base+"/notes", typed)
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Choose how the contact happened") ||
		!strings.Contains(bad.body, "Amy showed me her room.") || !strings.Contains(bad.body, "I want Nan to come more") {
		t.Fatalf("a note with no kind: %d, want it explained with every word kept", bad.StatusCode)
	}
	if again := c.get(base + "/notes/new"); !strings.Contains(again.body, "We kept what you were writing") || !strings.Contains(again.body, "Amy showed me her room.") {
		t.Fatal("the draft was not offered back")
	}

	// Checking the wording shows hints and saves nothing but the draft.
	typed.Set("kind", "home-visit")
	typed.Set("body", "Amy showed me her room. Mum failed to engage with the plan.")
	typed.Set("action", "check")
	check := c.post(base+"/notes", typed)
	if check.StatusCode != http.StatusOK || !strings.Contains(check.body, "Words you might change") || !strings.Contains(check.body, "failed to engage") ||
		!strings.Contains(check.body, `aria-describedby="body-hint body-language-hints"`) {
		t.Errorf("check my wording: %d, want a hint beside the field", check.StatusCode)
	}
	typed.Del("action")
	saved := c.post(base+"/notes", typed)
	m := noteLink.FindStringSubmatch(saved.Header.Get("Location"))
	if saved.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("save: %d %s", saved.StatusCode, saved.Header.Get("Location"))
	}
	notePath := base + "/notes/" + m[1]
	if fresh := c.get(base + "/notes/new"); strings.Contains(fresh.body, "We kept what you were writing") {
		t.Error("the draft was kept after the note was saved")
	}
	view := c.get(notePath)
	if !strings.Contains(view.body, "Home visit") || !strings.Contains(view.body, "I want Nan to come more") || !strings.Contains(view.body, "This is the first version") {
		t.Error("the note page does not show the note")
	}
	if !strings.Contains(view.body, "Words you might change") {
		t.Error("the saved note does not show its wording hints")
	}
	live := c.post("/language/check", url.Values{"field": {"body"}, "text": {"He was very manipulative and kicked off."}})
	if live.StatusCode != http.StatusOK || !strings.Contains(live.body, `id="body-language-hints"`) || !strings.Contains(live.body, "manipulative") {
		t.Errorf("live hints: %d %q", live.StatusCode, live.body)
	}
	if clean := c.post("/language/check", url.Values{"field": {"body"}, "text": {"We talked about the weekend."}}); strings.Contains(clean.body, "Words you might change") {
		t.Error("hints for text with nothing to change")
	}

	typed.Set("body", "Amy showed me her room and her drawings.")
	if r := c.post(notePath, typed); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d", r.StatusCode)
	}
	view = c.get(notePath)
	if !strings.Contains(view.body, "version 2") || !strings.Contains(view.body, "Version 1, saved") || !strings.Contains(view.body, "Mum failed to engage") {
		t.Error("the earlier version is not kept and shown")
	}
	timeline := c.get(base + "/timeline")
	if !strings.Contains(timeline.body, "Home visit note") || !strings.Contains(timeline.body, "her drawings") {
		t.Error("the note is not on the timeline")
	}
	if only := c.get(base + "/timeline?kind=summary"); strings.Contains(only.body, "Home visit note") {
		t.Error("the timeline filter did not filter")
	}
}

// TestDraftOutlivesTheSession: a draft saved as someone types is offered
// back after their session has ended and they sign in again.
func TestDraftOutlivesTheSession(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	base := "/families/" + fx.families[related].ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	if r := c.post(base+"/drafts", url.Values{"note": {""}, "body": {"Halfway through writing about the school meeting"}}); r.StatusCode != http.StatusNoContent {
		t.Fatalf("autosave: %d", r.StatusCode)
	}
	for range 70 { // staff sessions end after 30 idle minutes
		env.TOTPCode(t, access.Practitioner) // each call moves the clock on 30 seconds
	}
	if r := c.get(base); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("the session did not time out: %d", r.StatusCode)
	}
	c.signIn(env.Accounts[access.Practitioner])
	if page := c.get(base + "/notes/new"); !strings.Contains(page.body, "Halfway through writing about the school meeting") {
		t.Error("the draft was lost when the session ended")
	}
}
