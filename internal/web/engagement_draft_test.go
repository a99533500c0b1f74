package web_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestEngagementDraftSurvivesATimeOut types into a new engagement record,
// lets the session time out, and finds every word offered back after
// signing in again; saving the record then removes the draft.
func TestEngagementDraftSurvivesATimeOut(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fam := allocatedFamily(t, env, "The Draft-Keeping family")
	base := "/families/" + fam.ID
	p := newClient(t, env)
	p.signIn(env.Accounts[access.Practitioner])

	// As the page's script sends it while someone types.
	typed := url.Values{"form": {"engagement"}, "patterns": {"ambivalence"}, "seen-ambivalence": {"Dad agreed to the plan and then cancelled twice by text."},
		"for-child": {"Mia has not been seen at home for three weeks."}}
	if r := p.post(base+"/drafts", typed); r.StatusCode != http.StatusNoContent {
		t.Fatalf("autosave: %d", r.StatusCode)
	}
	env.Clock.Advance(24 * time.Hour) // long past any session's time-out
	if r := p.get(base + "/engagement/new"); r.StatusCode == http.StatusOK {
		t.Fatal("the session did not time out")
	}
	p = newClient(t, env)
	p.signIn(env.Accounts[access.Practitioner])
	back := p.get(base + "/engagement/new")
	for _, want := range []string{"We kept what you were writing", "Dad agreed to the plan and then cancelled twice by text.",
		"Mia has not been seen at home for three weeks.", `value="ambivalence" checked`} {
		if !strings.Contains(back.body, want) {
			t.Errorf("the form offered back lacks %q", want)
		}
	}

	// Without JavaScript, a refused save keeps the draft too.
	v := url.Values{"patterns": {"ambivalence"}, "seen-ambivalence": {"Dad agreed to the plan and then cancelled twice by text."}, "action": {"save"}}
	if r := p.post(base+"/engagement", v); r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("an incomplete record: %d", r.StatusCode)
	}
	prac, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	d, err := env.DB.LoadDraft(t.Context(), fam.OrgID, fam.ID, prac.ID, "form:engagement")
	if err != nil || d.Fields["for-child"] != "" || d.Fields["seen-ambivalence"] == "" {
		t.Errorf("draft after a refused save = %+v, %v; want what was posted", d.Fields, err)
	}

	today := env.Clock.Now().In(time.UTC)
	v.Set("for-child", "Mia has not been seen at home for three weeks.")
	v.Set("at-risk", "no")
	dateFields(v, "recorded", today)
	dateFields(v, "review", today.AddDate(0, 1, 0))
	if r := p.post(base+"/engagement", v); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("a complete record: %d %s", r.StatusCode, r.body)
	}
	if _, err := env.DB.LoadDraft(t.Context(), fam.OrgID, fam.ID, prac.ID, "form:engagement"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the draft is still there after the record was saved: %v", err)
	}
	if fresh := p.get(base + "/engagement/new"); strings.Contains(fresh.body, "We kept what you were writing") {
		t.Error("a saved record's draft is offered again")
	}
}

// TestConversationPlanDraft keeps a new conversation plan's words as a
// draft, with its rows of responses, until the plan is saved.
func TestConversationPlanDraft(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fam := allocatedFamily(t, env, "The Plan-Draft family")
	base := "/families/" + fam.ID
	p := newClient(t, env)
	p.signIn(env.Accounts[access.Practitioner])
	typed := url.Values{"form": {"conversation"}, "purpose": {"Agree visit times Mum can keep"},
		"response-1-pattern": {"avoidance"}, "response-1-they": {"Says the times were bad"}, "response-1-me": {"Ask which times would work"},
		"response-2-pattern": {""}, "response-2-they": {"Changes the subject"}, "response-2-me": {""}}
	if r := p.post(base+"/drafts", typed); r.StatusCode != http.StatusNoContent {
		t.Fatalf("autosave: %d", r.StatusCode)
	}
	back := p.get(base + "/conversations/new")
	for _, want := range []string{"We kept what you were writing", "Agree visit times Mum can keep", "Says the times were bad", "Changes the subject"} {
		if !strings.Contains(back.body, want) {
			t.Errorf("the plan form offered back lacks %q", want)
		}
	}
	v := url.Values{"purpose": {"Agree visit times Mum can keep"}, "worries": {"Three visits this month did not happen."},
		"opening": {"I would like us to find times that work for you."}, "response-1-pattern": {"avoidance"},
		"response-1-they": {"Says the times were bad"}, "response-1-me": {"Ask which times would work"}, "action": {"save"}}
	if r := p.post(base+"/conversations", v); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the plan: %d", r.StatusCode)
	}
	if fresh := p.get(base + "/conversations/new"); strings.Contains(fresh.body, "We kept what you were writing") || strings.Contains(fresh.body, "Changes the subject") {
		t.Error("a saved plan's draft is offered again")
	}
}
