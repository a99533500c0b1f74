package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// freshParent signs in a new parent of a new family, allocated to the
// practitioner, with nothing recorded yet (the demo parent has a journal
// already), and returns their client and family.
func freshParent(t *testing.T, env *webtest.Env, familyName, carer string) (*client, string) {
	t.Helper()
	orgID := env.Accounts.OrgID(t, env)
	acct, _ := newParentAccount(t, env, orgID, familyName, carer)
	if err := env.DB.Allocate(t.Context(), orgID, acct.FamilyID, mustUser(t, env, access.Practitioner)); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, env)
	c.signIn(acct)
	c.post("/my/who-can-see", url.Values{}) // they have read who sees what they write
	return c, acct.FamilyID
}

// whenNow fills in a journal form's date and time with the test clock.
func whenNow(env *webtest.Env, v url.Values) url.Values {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err) // time/tzdata is linked into the server
	}
	now := env.Clock.Now().Add(-10 * time.Minute).In(london)
	v.Set("when-day", now.Format("2"))
	v.Set("when-month", now.Format("1"))
	v.Set("when-year", now.Format("2006"))
	v.Set("when-time", now.Format("15:04"))
	return v
}

// TestParentJournal writes a hard moment and a gesture as the parent, sees
// them in their progress, and as the practitioner on the timeline and the
// family's journal page.
func TestParentJournal(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	parent, familyID := freshParent(t, env, "The Fresh-Journal family", "Sky Fresh")

	space := parent.get("/my")
	for _, want := range []string{`href="/my/log/incident"`, `href="/my/log/gesture"`, "Nothing written down yet this week", `href="/my/progress"`} {
		if space.StatusCode != http.StatusOK || !strings.Contains(space.body, want) {
			t.Errorf("the parent's space lacks %q (%d)", want, space.StatusCode)
		}
	}
	bad := parent.post("/my/log/incident", whenNow(env, url.Values{"happened": {"He threw the remote at the telly"}}))
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Choose how intense it was") || !strings.Contains(bad.body, "He threw the remote at the telly") {
		t.Errorf("a hard moment without its intensity: %d; want 422 keeping the words", bad.StatusCode)
	}
	res := parent.post("/my/log/incident", whenNow(env, url.Values{"what": {"verbal-abuse", "damage"}, "happened": {"He threw the remote at the telly"},
		"intensity": {"7"}, "responses": {"left-the-room", "come-back-later"}, "delayed": {"yes"}, "hurt": {"no"}, "triggers": {"Screen time ending"}}))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/my" {
		t.Fatalf("save a hard moment: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := parent.post("/my/log/gesture", whenNow(env, url.Values{"did": {"Made his favourite tea"}, "child-response": {"Ate it in his room"}})); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save a gesture: %d", res.StatusCode)
	}
	if res := parent.post("/my/log/shouting", url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown kind of entry: %d; want 404", res.StatusCode)
	}
	space = parent.get("/my")
	if !strings.Contains(space.body, "A hard moment") || !strings.Contains(space.body, "Made his favourite tea") {
		t.Error("this week on the parent's space does not show what they wrote")
	}
	progress := html.UnescapeString(parent.get("/my/progress").body)
	for _, want := range []string{"Hard moments each week", "Reconciliation gestures each week", "7.0 out of 10", "100%"} {
		if !strings.Contains(progress, want) {
			t.Errorf("the parent's progress lacks %q", want)
		}
	}

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	timeline := html.UnescapeString(prac.get("/families/" + familyID + "/timeline?kind=journal").body)
	if !strings.Contains(timeline, "Journal: a hard moment") || !strings.Contains(timeline, "He threw the remote at the telly") ||
		!strings.Contains(timeline, "Journal: a reconciliation gesture") {
		t.Error("the journal is not on the family's timeline")
	}
	page := html.UnescapeString(prac.get("/families/" + familyID + "/journal?kind=gesture").body)
	if !strings.Contains(page, "Made his favourite tea") || strings.Contains(page, "He threw the remote") || !strings.Contains(page, "7.0 out of 10") {
		t.Error("the family's journal page does not filter by kind, or lacks the progress")
	}
	if c := prac.get("/my"); c.StatusCode != http.StatusNotFound {
		t.Errorf("a practitioner at /my: %d; want 404", c.StatusCode)
	}
}

// TestJournalSafetyAlert is acceptance 2: a parent who records hitting
// their child raises an alert, is shown where to get help, and the
// practitioner sees it on their next page and acknowledges it with a note.
// Another parent cannot open the entry.
func TestJournalSafetyAlert(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	orgID := env.Accounts.OrgID(t, env)
	parent, familyID := freshParent(t, env, "The Fresh-Alert family", "Rowan Fresh")
	res := parent.post("/my/log/incident", whenNow(env, url.Values{"what": {"physical-violence"}, "intensity": {"6"}, "responses": {"shouted", "pushed-or-hit"}}))
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/my/support?entry=") {
		t.Fatalf("a hard moment in which the parent hit: %d %q; want the support page", res.StatusCode, loc)
	}
	support := html.UnescapeString(parent.get(loc).body)
	for _, want := range []string{"You are not on your own with this", "Your practitioner has been told", "999", "111"} {
		if !strings.Contains(support, want) {
			t.Errorf("the support page lacks %q", want)
		}
	}
	other, _ := newParentAccount(t, env, orgID, "The Elsewhere-Journal family", "Jordan Elsewhere")
	oc := newClient(t, env)
	oc.signIn(other)
	if res := oc.get(loc); res.StatusCode != http.StatusNotFound || strings.Contains(res.body, "pushed") {
		t.Errorf("another parent opening the entry: %d; want 404", res.StatusCode)
	}

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	caseload := html.UnescapeString(prac.get("/").body)
	if !strings.Contains(caseload, "journal needs your attention") && !strings.Contains(caseload, "journals need your attention") ||
		!strings.Contains(caseload, "The parent recorded pushing or hitting") || !strings.Contains(caseload, "/families/"+familyID+"/journal#alerts") {
		t.Fatal("the practitioner's caseload does not show the alert")
	}
	entryID := strings.TrimPrefix(loc, "/my/support?entry=")
	path := "/families/" + familyID + "/journal/alerts/" + entryID
	if res := prac.post(path, url.Values{"note": {" "}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Write what you have done") {
		t.Errorf("acknowledging without a note: %d; want 422", res.StatusCode)
	}
	if res := prac.post(path, url.Values{"note": {"Rang Mum this evening; safety plan reviewed, and a visit tomorrow."}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("acknowledge: %d", res.StatusCode)
	}
	if caseload := prac.get("/").body; strings.Contains(caseload, "/families/"+familyID+"/journal#alerts") {
		t.Error("the alert is still on the caseload after it was acknowledged")
	}
	journalPage := html.UnescapeString(prac.get("/families/" + familyID + "/journal").body)
	if !strings.Contains(journalPage, "Acknowledged") || !strings.Contains(journalPage, "safety plan reviewed") {
		t.Error("the journal page does not show the acknowledgement with its note")
	}
	if res := prac.post(path, url.Values{"note": {"Twice"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("acknowledging twice: %d; want 404", res.StatusCode)
	}
	events, err := env.DB.ListAudit(t.Context(), orgID, store.AuditFilter{ResourceType: string(access.KindFamilyShared), ResourceID: familyID}, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[audit.Action]int{}
	for _, e := range events.Events {
		counts[e.Action]++
	}
	if counts[audit.Create] < 1 || counts[audit.Update] < 1 {
		t.Errorf("audit of the journal = %v; want the entry and the acknowledgement", counts)
	}
}

// TestJournalDraftSurvivesATimeOut: a half-written hard moment, kept as
// the parent typed, is offered back after their session ends; a refused
// save keeps it too, and saving the entry clears it.
func TestJournalDraftSurvivesATimeOut(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	orgID := env.Accounts.OrgID(t, env)
	acct, _ := newParentAccount(t, env, orgID, "The Fresh-Draft family", "Ash Fresh")
	parent := newClient(t, env)
	parent.signIn(acct)
	parent.post("/my/who-can-see", url.Values{})
	typed := url.Values{"form": {"incident"}, "what": {"threats", "damage"}, "happened": {"Said he would put his fist through the window"}}
	if res := parent.post("/my/drafts", typed); res.StatusCode != http.StatusNoContent {
		t.Fatalf("autosave: %d", res.StatusCode)
	}
	if res := parent.post("/my/drafts", url.Values{"form": {"shouting"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("a draft of no known kind: %d; want 404", res.StatusCode)
	}
	env.Clock.Advance(24 * time.Hour) // long past any session's time-out
	if res := parent.get("/my/log/incident"); res.StatusCode == http.StatusOK {
		t.Fatal("the session did not time out")
	}
	parent = newClient(t, env)
	parent.signIn(acct)
	back := html.UnescapeString(parent.get("/my/log/incident").body)
	for _, want := range []string{"We kept what you were writing", "Said he would put his fist through the window", `value="threats" checked`, `value="damage" checked`} {
		if !strings.Contains(back, want) {
			t.Errorf("the form offered back lacks %q", want)
		}
	}
	// Without JavaScript, a refused save keeps the draft.
	refused := whenNow(env, url.Values{"what": {"threats"}, "happened": {"Now with more words"}})
	if res := parent.post("/my/log/incident", refused); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a hard moment without its intensity: %d", res.StatusCode)
	}
	if back := parent.get("/my/log/incident"); !strings.Contains(back.body, "Now with more words") {
		t.Error("the refused save did not keep the draft")
	}
	refused.Set("intensity", "4")
	if res := parent.post("/my/log/incident", refused); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	if back := parent.get("/my/log/incident"); strings.Contains(back.body, "We kept what you were writing") {
		t.Error("the draft is still offered after the entry was saved")
	}
}
