//go:build browser

package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestSupervisionJourney is the supervision issue's first acceptance test
// in Chromium: the demo practitioner sends a conversation debrief to
// supervision; their supervisor finds it on the next session's agenda,
// records case direction, and the direction is on the family's timeline.
// The supervisor then writes reflective notes, records the session as
// held with the next date, and the administrator's supervision pages are
// visited. axe checks every page, including the pages that refuse a form.
func TestSupervisionJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	ctx := t.Context()
	familyID := env.Accounts[access.Parent].FamilyID
	prac, err := env.DB.UserByEmail(ctx, env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	fam, err := env.DB.FamilyInOrg(ctx, prac.OrgID, familyID)
	if err != nil {
		t.Fatal(err)
	}
	plan, _, err := env.DB.SavePlan(ctx, prac.OrgID, conversation.Plan{FamilyID: familyID, AuthorID: prac.ID, Purpose: "Talk with Dad about the evening visits",
		Worries: "Two evening visits did not happen.", Opening: "I would like to talk about the visits, because I want to see the children."})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.DB.SaveDebrief(ctx, prac.OrgID, familyID, conversation.Debrief{PlanID: plan.ID, HeldOn: time.Now().Format("2006-01-02"),
		HowItWent: "Dad listened and we agreed Tuesdays.", NextSteps: "Visit on Tuesday.", AuthorID: prac.ID}); err != nil {
		t.Fatal(err)
	}

	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the plan", p.open(t, "/families/"+familyID+"/conversations/"+plan.ID), 200)
	wantStatus(t, "the debrief sent", p.click(t, `form:has(input[value="debrief"]) button`), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "The debrief is on your next supervision agenda.") {
		t.Fatalf("the debrief was not sent: %q", main)
	}
	wantStatus(t, "the caseload", p.open(t, "/"), 200)
	if !strings.Contains(p.text(t, "#main-content"), "Your next supervision") {
		t.Error("the practitioner's home has no reminder of the next supervision")
	}
	wantStatus(t, "supervision", p.open(t, "/supervision"), 200)
	p.checkA11y(t, "the practitioner's supervision")
	p.signOut(t)

	// The supervisor's home links to the next session; its agenda holds the debrief.
	p.signInAs(t, env.Accounts[access.Supervisor])
	p.checkA11y(t, "the supervisor's home with the next session")
	wantStatus(t, "the next session", p.click(t, `#main-content a[href^="/supervision/"]:not([href="/supervision/new"]):not([href="/supervision/records"])`), 200)
	session := p.path(t)
	agenda := p.text(t, "#main-content")
	if !strings.Contains(agenda, "Conversation debrief: "+fam.Name) || !p.has(t, `a[href="/families/`+familyID+`/conversations/`+plan.ID+`"]`) {
		t.Fatalf("the debrief is not on the agenda: %q", agenda)
	}
	p.checkA11y(t, "a planned session's agenda")
	wantStatus(t, "an empty agenda item", p.click(t, `form[action$="/agenda"] button`), 422)
	p.checkA11y(t, "an agenda item refused")
	p.typeInto(t, "#text", "Cover for the Christmas weeks")
	wantStatus(t, "an agenda item added", p.click(t, `form[action$="/agenda"] button`), 200)
	wantStatus(t, "take it off the agenda", p.click(t, `a[href$="/remove"]`), 200)
	p.checkA11y(t, "take an item off the agenda: the confirmation")
	wantStatus(t, "taken off the agenda", p.click(t, `form[action$="/remove"] button`), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Taken off the agenda.") || strings.Contains(main, "Cover for the Christmas weeks") {
		t.Errorf("the item was not taken off the agenda: %q", main)
	}

	// Case direction, refused once and then recorded.
	wantStatus(t, "the direction form", p.click(t, `a[href$="/direction"]`), 200)
	p.checkA11y(t, "the case direction form")
	wantStatus(t, "an empty direction", p.click(t, `button[value="save"]`), 422)
	p.checkA11y(t, "case direction refused")
	eval[bool](t, p, `(document.querySelector('#family').value = `+js(familyID)+`, true)`)
	p.typeInto(t, "#decision", "Visit on Tuesdays after school, as Dad asked, and see both children each time")
	p.typeInto(t, "#what-to-do", "Confirm Tuesday visits with Dad by text")
	p.clickOn(t, "#owner")
	due := time.Now().AddDate(0, 0, 10)
	p.typeInto(t, "#due-day", due.Format("2"))
	p.typeInto(t, "#due-month", due.Format("1"))
	p.typeInto(t, "#due-year", due.Format("2006"))
	wantStatus(t, "direction recorded", p.click(t, `button[value="save"]`), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Case direction recorded") || !strings.Contains(main, "Visit on Tuesdays after school") {
		t.Fatalf("the session does not show the direction: %q", main)
	}
	wantStatus(t, "the family's timeline", p.open(t, "/families/"+familyID+"/timeline"), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Case direction from supervision") || !strings.Contains(main, "Confirm Tuesday visits with Dad by text") {
		t.Fatalf("the direction is not on the family's timeline: %q", main)
	}
	p.checkA11y(t, "the timeline with case direction")

	// The reflective part.
	wantStatus(t, "the session", p.open(t, session), 200)
	wantStatus(t, "reflective notes", p.click(t, `a[href$="/reflection"]`), 200)
	p.checkA11y(t, "reflective notes")
	p.typeInto(t, "#noticed", "I felt protective of the practitioner when the visit was cancelled again.")
	wantStatus(t, "reflective notes saved", p.click(t, `form[action$="/reflection"] button`), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Only the two of you can read them") {
		t.Errorf("no confirmation that the notes are private: %q", main)
	}

	// Held, with the next date; the next session keeps what was not ticked.
	wantStatus(t, "the session", p.open(t, session), 200)
	p.clickOn(t, `input[name="note"]`) // untick the first note: it waits
	next := time.Now().AddDate(0, 0, 28)
	p.typeInto(t, "#next-when-day", next.Format("2"))
	p.typeInto(t, "#next-when-month", next.Format("1"))
	p.typeInto(t, "#next-when-year", next.Format("2006"))
	p.typeInto(t, "#next-when-time", "10:00")
	wantStatus(t, "the next session", p.click(t, `form[action$="/held"] button`), 200)
	if p.path(t) == session || !strings.Contains(p.text(t, "#main-content"), "Session recorded as held") {
		t.Fatalf("recording the session as held did not lead to the next one: %s", p.path(t))
	}
	p.checkA11y(t, "the next session")
	wantStatus(t, "change the date", p.click(t, `a[href$="/move"]`), 200)
	p.checkA11y(t, "change the date of a session")
	eval[bool](t, p, `(document.querySelector('#when-day').value = '', true)`)
	wantStatus(t, "a move without a day", p.click(t, `form[action$="/move"] button`), 422)
	p.checkA11y(t, "change the date, refused")
	wantStatus(t, "call the session off", p.click(t, `a[href$="/cancel"]`), 200)
	p.checkA11y(t, "call a session off: the confirmation")
	wantStatus(t, "the session called off", p.click(t, `form[action$="/cancel"] button`), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Session called off.") {
		t.Errorf("no confirmation that the session was called off: %q", main)
	}
	wantStatus(t, "the held session", p.open(t, session), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "What you talked about") || !strings.Contains(main, "Conversation debrief: "+fam.Name) {
		t.Errorf("the held session does not show what was discussed: %q", main)
	}
	p.checkA11y(t, "a held session")
	wantStatus(t, "plan a session", p.open(t, "/supervision/new"), 200)
	p.checkA11y(t, "plan a session")
	wantStatus(t, "a session without a date", p.click(t, `form[action="/supervision"] button`), 422)
	p.checkA11y(t, "plan a session, refused")
	wantStatus(t, "the supervision record", p.open(t, "/supervision/records"), 200)
	p.checkA11y(t, "the supervisor's supervision record")
	wantStatus(t, "supervision", p.open(t, "/supervision"), 200)
	p.checkA11y(t, "the supervisor's supervision")
	p.signOut(t)

	// The administrator's pages: the record, the settings and the legal export.
	p.signInAs(t, env.Accounts[access.Admin])
	for path, what := range map[string]string{"/supervision": "the administrator's supervision", "/supervision/records": "the organisation's supervision record",
		"/supervision/settings": "supervision settings", "/supervision/legal-export": "the legal export form"} {
		wantStatus(t, what, p.open(t, path), 200)
		p.checkA11y(t, what)
		if strings.Contains(p.text(t, "#main-content"), "I felt protective") {
			t.Errorf("%s shows reflective notes", what)
		}
	}
	wantStatus(t, "the legal export form", p.open(t, "/supervision/legal-export"), 200)
	wantStatus(t, "a legal export without a reason", p.click(t, `form[action="/supervision/legal-export"] button`), 422)
	p.checkA11y(t, "the legal export, refused")
	wantStatus(t, "supervision settings", p.open(t, "/supervision/settings"), 200)
	eval[bool](t, p, `(document.querySelector('#every-weeks').value = '', true)`)
	p.typeInto(t, "#every-weeks", "40")
	wantStatus(t, "settings out of range", p.click(t, `form[action="/supervision/settings"] button`), 422)
	p.checkA11y(t, "supervision settings, refused")
}
