//go:build browser

package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestGroupChanges walks the pages that change a running group (catch-ups,
// moving a session, a supporters' session, who runs it, withdrawing a
// parent) as the practitioner, in Chromium, with axe on every page and its
// error states.
func TestGroupChanges(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	ctx := t.Context()
	parents := []groupParent{
		newGroupParent(t, env, "The Adeyemi-Changes family", "Funmi Adeyemi", true),
		newGroupParent(t, env, "The Kowalski-Changes family", "Marta Kowalski", true),
	}
	prac, err := env.DB.UserByEmail(ctx, env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	shipped, _, err := nvr.ShippedTemplate("steadfast-group-12-week")
	if err != nil {
		t.Fatal(err)
	}
	start := nvr.Date(time.Now().AddDate(0, 0, -14))
	g, err := env.DB.CreateGroup(ctx, prac.OrgID, prac.ID, store.NewGroup{Course: nvr.Course{Name: "Changes group", Kind: nvr.Group, Capacity: 12,
		Facilitators: []string{prac.ID}, Schedule: nvr.Schedule{Start: start, Weekday: start.Weekday(), Time: "10:00"}}, Template: shipped, Zone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	var enrolments []store.Enrolment
	for _, gp := range parents {
		e, err := env.DB.Enrol(ctx, prac.OrgID, g.ID, gp.family, gp.carer, prac.ID)
		if err != nil {
			t.Fatal(err)
		}
		enrolments = append(enrolments, e)
	}
	funmi, marta := enrolments[0], enrolments[1]
	if err := env.DB.RecordAttendance(ctx, prac.OrgID, g.ID, 1, prac.ID, []store.AttendanceEntry{{EnrolmentID: funmi.ID, Value: nvr.Present},
		{EnrolmentID: marta.ID, Value: nvr.Absent}}); err != nil {
		t.Fatal(err)
	}
	groupPath := "/groups/" + g.ID

	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the group", p.open(t, groupPath), 200)
	p.checkA11y(t, "group page with a catch-up to arrange")

	wantStatus(t, "the catch-up", p.click(t, `a[href="`+groupPath+`/sessions/1/catch-ups/`+marta.ID+`"]`), 200)
	p.checkA11y(t, "catch-up page")
	p.clickOn(t, "#how")
	p.typeInto(t, "#date-day", "x")
	wantStatus(t, "a catch-up with no date", p.click(t, `button[value="arrange"]`), 422)
	p.checkA11y(t, "catch-up page with errors")
	today := time.Now()
	eval[string](t, p, `document.querySelector("#date-day").value = ""`)
	p.typeInto(t, "#date-day", today.Format("2"))
	p.typeInto(t, "#date-month", today.Format("1"))
	p.typeInto(t, "#date-year", today.Format("2006"))
	p.typeInto(t, "#date-time", "00:05")
	p.typeInto(t, "#note", "We went through the handout together on the phone.")
	wantStatus(t, "record the catch-up", p.click(t, `button[value="record"]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Catch-up") {
		t.Errorf("after recording: %q", got)
	}

	wantStatus(t, "move session 2", p.open(t, groupPath+"/sessions/2/move"), 200)
	p.checkA11y(t, "move a session")
	wantStatus(t, "move without a reason", p.click(t, `form[action$="/move"] button`), 422)
	p.checkA11y(t, "move a session with errors")

	wantStatus(t, "supporters' session", p.open(t, groupPath+"/supporters-session"), 200)
	p.checkA11y(t, "add a supporters' session")
	wantStatus(t, "a supporters' session with no date", p.click(t, `form[action$="/supporters-session"] button`), 422)
	p.checkA11y(t, "add a supporters' session with errors")

	wantStatus(t, "who runs the group", p.open(t, groupPath+"/staff"), 200)
	p.checkA11y(t, "who runs the group")
	cofac, err := env.DB.UserByEmail(ctx, env.Accounts[access.CoFacilitator].Email)
	if err != nil {
		t.Fatal(err)
	}
	p.clickOn(t, `input[name="user"][value="`+cofac.ID+`"]`)
	wantStatus(t, "add the co-facilitator", p.click(t, `form[action$="/staff"] button`), 200)
	wantStatus(t, "take the co-facilitator off", p.click(t, `a[href="`+groupPath+`/staff/`+cofac.ID+`/remove"]`), 200)
	p.checkA11y(t, "confirm taking someone off")
	wantStatus(t, "the only facilitator", p.open(t, groupPath+"/staff/"+prac.ID+"/remove"), 409)
	p.checkA11y(t, "cannot take off the only facilitator")

	wantStatus(t, "withdraw Marta", p.open(t, groupPath+"/enrolments/"+marta.ID+"/withdraw"), 200)
	p.checkA11y(t, "withdraw a parent")
	wantStatus(t, "withdraw without a reason", p.click(t, `form[action$="/withdraw"] button.govuk-button--warning`), 422)
	p.checkA11y(t, "withdraw a parent with errors")
	p.typeInto(t, "#reason", "Marta has started one-to-one work instead.")
	wantStatus(t, "withdraw", p.click(t, `form[action$="/withdraw"] button.govuk-button--warning`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "No longer coming") || !strings.Contains(got, "one-to-one work instead") {
		t.Errorf("the group page after withdrawing: %q", got)
	}
	p.checkA11y(t, "group page with a parent no longer coming")

	wantStatus(t, "refer a family", p.open(t, "/families/"+parents[0].family+"/groups"), 200)
	p.checkA11y(t, "refer to an NVR group")
	wantStatus(t, "refer without choosing", p.click(t, `form[action$="/groups"] button`), 422)
	p.checkA11y(t, "refer to an NVR group with errors")

	wantStatus(t, "the group's report", p.open(t, groupPath+"/report"), 200)
	p.checkA11y(t, "report with a parent withdrawn")

}
