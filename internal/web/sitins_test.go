package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// hardMomentOf writes a hard moment as the parent and returns its ID.
func hardMomentOf(t *testing.T, env *webtest.Env, parent *client, familyID, happened string) string {
	t.Helper()
	res := parent.post("/my/log/incident", whenNow(env, url.Values{"what": {"damage"}, "happened": {happened}, "intensity": {"7"},
		"responses": {"left-the-room"}, "hurt": {"no"}}))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("write a hard moment: %d", res.StatusCode)
	}
	page, err := env.DB.Journal(t.Context(), env.Accounts.OrgID(t, env), familyID, store.JournalFilter{Kind: journal.HardMoment}, 1, 0)
	if err != nil || len(page.Entries) == 0 {
		t.Fatalf("the hard moment was not saved: %v", err)
	}
	return page.Entries[0].ID
}

// whenIn fills a form's date and time with the test clock moved by d, in
// UK time.
func whenIn(env *webtest.Env, d time.Duration, v url.Values) url.Values {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	at := env.Clock.Now().Add(d).In(london)
	v.Set("when-day", at.Format("2"))
	v.Set("when-month", at.Format("1"))
	v.Set("when-year", at.Format("2006"))
	v.Set("when-time", at.Format("15:04"))
	return v
}

// TestSitInJourney plans a sit-in answering a hard moment, changes the
// plan, records it as done, and finds it kept as it is; the practitioner
// reads it and sees it on the timeline; another parent finds nothing.
func TestSitInJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	orgID := env.Accounts.OrgID(t, env)
	parent, familyID := freshParent(t, env, "The Fresh-Sitin family", "Ash Fresh")

	if empty := parent.get("/my/sit-ins/new"); empty.StatusCode != http.StatusOK || !strings.Contains(empty.body, "Write down a hard moment first") {
		t.Errorf("planning with no hard moments: %d; want the way to write one first", empty.StatusCode)
	}
	moment := hardMomentOf(t, env, parent, familyID, "Kicked a hole in the bedroom door")
	if space := parent.get("/my"); !strings.Contains(space.body, `href="/my/sit-ins"`) {
		t.Error("the parent's space has no link to their sit-ins")
	}
	form := parent.get("/my/sit-ins/new")
	if form.StatusCode != http.StatusOK || !strings.Contains(form.body, "Kicked a hole in the bedroom door") || !strings.Contains(form.body, "Sitting calmly is the point") {
		t.Fatalf("the plan form: %d; want the hard moment to choose", form.StatusCode)
	}

	// Refused: no hard moment chosen, and no one to sit with. What was typed stays.
	bad := parent.post("/my/sit-ins", whenIn(env, 24*time.Hour, url.Values{"will-say": {"We are here, and we will wait for your ideas."}}))
	body := html.UnescapeString(bad.body)
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Choose the hard moment this sit-in answers") ||
		!strings.Contains(body, "Say who will sit with you") || !strings.Contains(body, "We are here, and we will wait for your ideas.") {
		t.Errorf("a plan without its hard moment: %d; want 422 keeping the words", bad.StatusCode)
	}
	// Refused: another family's hard moment.
	other, otherFamily := freshParent(t, env, "The Elsewhere-Sitin family", "Kit Elsewhere")
	theirs := hardMomentOf(t, env, other, otherFamily, "Their own hard moment")
	stolen := parent.post("/my/sit-ins", whenIn(env, 24*time.Hour, url.Values{"entry": {theirs}, "with": {"Nan"}, "will-say": {"Words"}}))
	if stolen.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(stolen.body, "Choose a hard moment from your own journal") ||
		strings.Contains(stolen.body, "Their own hard moment") {
		t.Errorf("a plan answering another family's hard moment: %d; want 422 without their words", stolen.StatusCode)
	}

	res := parent.post("/my/sit-ins", whenIn(env, 24*time.Hour, url.Values{"entry": {moment}, "with": {"Nan"}, "will-say": {"We are here. We will wait."}}))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/my/sit-ins" {
		t.Fatalf("save the plan: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	list, err := env.DB.SitIns(t.Context(), orgID, familyID, 10)
	if err != nil || len(list) != 1 {
		t.Fatalf("sit-ins = %+v, %v", list, err)
	}
	id := list[0].ID
	if page := parent.get("/my/sit-ins"); !strings.Contains(page.body, "Planned") || !strings.Contains(page.body, "/my/sit-ins/"+id) {
		t.Error("the list does not show the plan")
	}
	if res := parent.post("/my/sit-ins/"+id, whenIn(env, 48*time.Hour, url.Values{"entry": {moment}, "with": {"Nan and my partner"},
		"will-say": {"We are here. We will wait."}})); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("change the plan: %d", res.StatusCode)
	}
	if plan := parent.get("/my/sit-ins/" + id); !strings.Contains(plan.body, "Nan and my partner") || !strings.Contains(plan.body, "/my/sit-ins/"+id+"/done") {
		t.Error("the changed plan is not shown with the way to record it as done")
	}

	// Another parent finds nothing of it.
	for _, path := range []string{"/my/sit-ins/" + id, "/my/sit-ins/" + id + "/done"} {
		if res := other.get(path); res.StatusCode != http.StatusNotFound || strings.Contains(res.body, "Nan and my partner") {
			t.Errorf("another parent at %s: %d; want 404", path, res.StatusCode)
		}
		if res := other.post(path, whenIn(env, -time.Hour, url.Values{"entry": {moment}, "with": {"x"}, "will-say": {"x"}, "minutes": {"5"}, "said": {"x"}})); res.StatusCode != http.StatusNotFound {
			t.Errorf("another parent posting to %s: %d; want 404", path, res.StatusCode)
		}
	}
	if page := other.get("/my/sit-ins"); strings.Contains(page.body, "Nan and my partner") {
		t.Error("another parent's list shows this family's sit-in")
	}

	// Done: refused without minutes, keeping the words; then saved.
	done := parent.get("/my/sit-ins/" + id + "/done")
	if done.StatusCode != http.StatusOK || !strings.Contains(done.body, "We are here. We will wait.") {
		t.Errorf("the done form: %d; want what was planned to say", done.StatusCode)
	}
	bad = parent.post("/my/sit-ins/"+id+"/done", whenIn(env, -time.Hour, url.Values{"said": {"We sat for a while. They said sorry."}, "proposal": {"Fix the door with Nan"}}))
	if body := html.UnescapeString(bad.body); bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Enter how long it lasted") ||
		!strings.Contains(body, "They said sorry.") || !strings.Contains(body, "Fix the door with Nan") {
		t.Errorf("done without minutes: %d; want 422 keeping the words", bad.StatusCode)
	}
	res = parent.post("/my/sit-ins/"+id+"/done", whenIn(env, -time.Hour, url.Values{"minutes": {"40"}, "said": {"We sat for a while. They said sorry."},
		"proposal": {"Fix the door with Nan"}}))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/my/sit-ins/"+id {
		t.Fatalf("record it as done: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	kept := html.UnescapeString(parent.get("/my/sit-ins/" + id).body)
	if !strings.Contains(kept, "kept as you recorded it") || !strings.Contains(kept, "40 minutes") || !strings.Contains(kept, "Fix the door with Nan") {
		t.Error("the done sit-in is not shown as recorded")
	}
	for _, path := range []string{"/my/sit-ins/" + id, "/my/sit-ins/" + id + "/done"} {
		if res := parent.post(path, whenIn(env, -time.Hour, url.Values{"entry": {moment}, "with": {"Someone else"}, "will-say": {"x"}, "minutes": {"5"},
			"said": {"Changed"}})); res.StatusCode != http.StatusNotFound {
			t.Errorf("changing a done sit-in at %s: %d; want 404", path, res.StatusCode)
		}
	}
	if res := parent.get("/my/sit-ins/" + id + "/done"); res.StatusCode != http.StatusNotFound {
		t.Errorf("the done form of a done sit-in: %d; want 404", res.StatusCode)
	}

	// The practitioner reads it, cannot change it, and sees it on the timeline.
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	if fam := prac.get("/families/" + familyID); !strings.Contains(fam.body, "/families/"+familyID+"/sit-ins") {
		t.Error("the family's page has no link to its sit-ins")
	}
	read := html.UnescapeString(prac.get("/families/" + familyID + "/sit-ins").body)
	if !strings.Contains(read, "Fix the door with Nan") || !strings.Contains(read, "40 minutes") || strings.Contains(read, "/my/sit-ins/") ||
		strings.Contains(read, "<form") && strings.Contains(read, "sit-ins/"+id) {
		t.Error("the practitioner's read-only page does not show the sit-in, or offers to change it")
	}
	for _, path := range []string{"/my/sit-ins", "/my/sit-ins/" + id} {
		if res := prac.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("a practitioner at %s: %d; want 404", path, res.StatusCode)
		}
	}
	timeline := html.UnescapeString(prac.get("/families/" + familyID + "/timeline?kind=sit-in").body)
	if !strings.Contains(timeline, "Sit-in done") || !strings.Contains(timeline, "Fix the door with Nan") || strings.Contains(timeline, "Kicked a hole") {
		t.Error("the sit-in done is not on the family's timeline, or the filter lets other things through")
	}
	if res := other.get("/families/" + familyID + "/sit-ins"); res.StatusCode != http.StatusNotFound {
		t.Errorf("another parent at the family's sit-ins: %d; want 404", res.StatusCode)
	}
}

// TestCallingOffASitIn: a parent calls a planned sit-in off after a
// confirmation; it is kept, marked as called off, and can no longer be
// changed or recorded as done. Their practitioner sees it so marked.
func TestCallingOffASitIn(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	parent, familyID := freshParent(t, env, "The Calloff-Sitin family", "Sam Calloff")
	moment := hardMomentOf(t, env, parent, familyID, "Threw the remote at the television")
	res := parent.post("/my/sit-ins", whenIn(env, 24*time.Hour, url.Values{"entry": {moment}, "with": {"My sister"}, "will-say": {"We are here. We will wait."}}))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("plan a sit-in: %d", res.StatusCode)
	}
	list, err := env.DB.SitIns(t.Context(), env.Accounts.OrgID(t, env), familyID, 10)
	if err != nil || len(list) != 1 {
		t.Fatalf("sit-ins: %+v, %v", list, err)
	}
	id := list[0].ID
	if plan := parent.get("/my/sit-ins/" + id); !strings.Contains(plan.body, `href="/my/sit-ins/`+id+`/cancel"`) {
		t.Error("the planned sit-in offers no way to call it off")
	}
	if confirm := parent.get("/my/sit-ins/" + id + "/cancel"); confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.body, "Call this sit-in off?") ||
		!strings.Contains(confirm.body, "My sister") {
		t.Errorf("the confirmation: %d", confirm.StatusCode)
	}
	if res := parent.post("/my/sit-ins/"+id+"/cancel", nil); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/my/sit-ins" {
		t.Fatalf("call it off: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if page := parent.get("/my/sit-ins"); !strings.Contains(page.body, "Called off") {
		t.Error("the list does not show the sit-in as called off")
	}
	if page := parent.get("/my/sit-ins/" + id); page.StatusCode != http.StatusOK || !strings.Contains(page.body, "You called this off") || strings.Contains(page.body, "/done") {
		t.Errorf("the called-off sit-in: %d", page.StatusCode)
	}
	for _, path := range []string{"/my/sit-ins/" + id + "/done", "/my/sit-ins/" + id + "/cancel"} {
		if res := parent.get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s after calling off: %d; want 404", path, res.StatusCode)
		}
	}
	if res := parent.post("/my/sit-ins/"+id, whenIn(env, 48*time.Hour, url.Values{"entry": {moment}, "with": {"Someone else"}, "will-say": {"Words"}})); res.StatusCode != http.StatusNotFound {
		t.Errorf("changing a called-off sit-in: %d; want 404", res.StatusCode)
	}
}
