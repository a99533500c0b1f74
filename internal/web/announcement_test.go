package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestAnnouncementFromDraftToDelivered is acceptance 4 of the parent's
// space issue: the parent drafts the announcement with the builder, the
// practitioner comments on the draft, the parent changes it, makes it
// final and records reading it out; every version is kept.
func TestAnnouncementFromDraftToDelivered(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	parent, familyID := freshParent(t, env, "The Fresh-Announcement family", "Kit Fresh")
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])

	if res := prac.post("/families/"+familyID+"/announcement/comments", url.Values{"comment": {"Too early"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("commenting before there is an announcement: %d; want 404", res.StatusCode)
	}
	page := html.UnescapeString(parent.get("/my/announcement").body)
	if !strings.Contains(page, "except hurting you or attacking you") || !strings.Contains(page, "What you will no longer accept") {
		t.Fatal("the builder does not start with its suggested words")
	}
	builder := url.Values{"action": {"save"}, "no-longer": {""}, "resist": {"I will do everything I can to stop this, except hurting you."},
		"not-winning": {"I am not trying to win."}}
	if res := parent.post("/my/announcement", builder); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.body, "heart of the announcement") {
		t.Errorf("a draft without what the parent will no longer accept: %d; want 422", res.StatusCode)
	}
	builder.Set("no-longer", "I will no longer accept you hitting me or breaking things in the house.")
	builder.Set("telling-whom", "I am telling Nan and Mr Ahmed at school.")
	if res := parent.post("/my/announcement", builder); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the draft: %d", res.StatusCode)
	}
	staffView := html.UnescapeString(prac.get("/families/" + familyID + "/announcement").body)
	if !strings.Contains(staffView, "Draft") || !strings.Contains(staffView, "I will no longer accept you hitting me") || !strings.Contains(staffView, "I am telling Nan") {
		t.Fatal("the practitioner does not see the draft, put together from its parts")
	}
	if res := prac.post("/families/"+familyID+"/announcement/comments", url.Values{"comment": {" "}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("an empty comment: %d; want 422", res.StatusCode)
	}
	if res := prac.post("/families/"+familyID+"/announcement/comments", url.Values{"comment": {"Strong start. Could you add a line saying you love him?"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("comment: %d", res.StatusCode)
	}
	page = html.UnescapeString(parent.get("/my/announcement").body)
	if !strings.Contains(page, "Could you add a line saying you love him?") {
		t.Fatal("the parent does not see the practitioner's comment")
	}
	builder.Set("care", "I love you, and things cannot go on as they are.")
	builder.Set("action", "final")
	if res := parent.post("/my/announcement", builder); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("make it final: %d", res.StatusCode)
	}
	today := env.Clock.Now()
	delivered := url.Values{"action": {"delivered"}, "delivered-on-day": {today.Format("2")}, "delivered-on-month": {today.Format("1")},
		"delivered-on-year": {today.Format("2006")}}
	if res := parent.post("/my/announcement", delivered); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Say who was there") {
		t.Errorf("recording the reading without who was there: %d; want 422", res.StatusCode)
	}
	delivered.Set("present", "Jay, and my sister Grace")
	delivered.Set("supporters-told", "Nan, Mr Ahmed")
	if res := parent.post("/my/announcement", delivered); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("record the reading: %d", res.StatusCode)
	}
	page = html.UnescapeString(parent.get("/my/announcement").body)
	if !strings.Contains(page, "You read it out on") || !strings.Contains(page, "I love you, and things cannot go on") || strings.Contains(page, "Save draft") {
		t.Error("the delivered announcement is not shown as read out, or can still be edited")
	}
	if res := parent.post("/my/announcement", builder); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("changing a delivered announcement: %d; want it refused", res.StatusCode)
	}
	staffView = html.UnescapeString(prac.get("/families/" + familyID + "/announcement").body)
	if !strings.Contains(staffView, "Read out") || !strings.Contains(staffView, "Jay, and my sister Grace") || strings.Count(staffView, "Read this version") != 3 {
		t.Errorf("the practitioner's view after delivery lacks the reading or the three versions (%d)", strings.Count(staffView, "Read this version"))
	}
}
