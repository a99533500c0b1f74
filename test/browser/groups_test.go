//go:build browser

package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// groupParent is a family allocated to the demo practitioner, with one
// carer, and whether it has agreed to share with a group.
type groupParent struct{ family, carer string }

func newGroupParent(t *testing.T, env *webtest.Env, name, carer string, consent bool) groupParent {
	t.Helper()
	ctx := t.Context()
	prac, err := env.DB.UserByEmail(ctx, env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	f, err := env.DB.CreateFamily(ctx, prac.OrgID, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Allocate(ctx, prac.OrgID, f.ID, prac.ID); err != nil {
		t.Fatal(err)
	}
	m, err := env.DB.AddMember(ctx, prac.OrgID, family.Member{FamilyID: f.ID, Kind: family.Carer, Name: carer})
	if err != nil {
		t.Fatal(err)
	}
	if consent {
		if _, err := env.DB.RecordConsent(ctx, prac.OrgID, prac.ID, family.Consent{FamilyID: f.ID, Kind: family.ShareWithGroup,
			How: family.Spoken, GivenBy: carer}); err != nil {
			t.Fatal(err)
		}
	}
	return groupParent{family: f.ID, carer: m.ID}
}

// TestGroupJourney is acceptance 1 of the NVR programme issue: as the demo
// practitioner, start a group from the default programme next Monday with
// one week skipped; enrol three parents, one refused for want of consent;
// record attendance at session 1; write a note about a parent and find it
// on the family's timeline. axe checks every page.
func TestGroupJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	parents := []groupParent{
		newGroupParent(t, env, "The Adeyemi-Group family", "Funmi Adeyemi", true),
		newGroupParent(t, env, "The Kowalski-Group family", "Marta Kowalski", true),
		newGroupParent(t, env, "The Doherty-Group family", "Sean Doherty", false),
	}
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "groups", p.click(t, `a.govuk-service-navigation__link[href="/groups"]`), 200)
	p.checkA11y(t, "group list")
	wantStatus(t, "start a group", p.click(t, `a[href="/groups/new"]`), 200)
	p.checkA11y(t, "start a group form")

	monday := time.Now().AddDate(0, 0, 1)
	for monday.Weekday() != time.Monday {
		monday = monday.AddDate(0, 0, 1)
	}
	skipped := monday.AddDate(0, 0, 7)
	p.typeInto(t, "#name", "Monday parents' group")
	p.typeInto(t, "#start-day", monday.Format("2"))
	p.typeInto(t, "#start-month", monday.Format("1"))
	p.typeInto(t, "#start-year", monday.Format("2006"))
	p.typeInto(t, "#time", "6.30pm")
	p.typeInto(t, "#skip", skipped.Format("02/01/2006"))
	p.typeInto(t, "#venue", "Family centre, room 2")
	wantStatus(t, "a time that cannot be read", p.click(t, `form[action="/groups"] button`), 422)
	if !p.has(t, ".govuk-error-summary") || p.value(t, "#name") != "Monday parents' group" || p.value(t, "#skip") != skipped.Format("02/01/2006") {
		t.Fatalf("the refused form lost its summary or its values")
	}
	p.checkA11y(t, "start a group form with errors")
	eval[string](t, p, `document.querySelector("#time").value = ""`)
	p.typeInto(t, "#time", "18:30")
	wantStatus(t, "the new group", p.click(t, `form[action="/groups"] button`), 200)
	groupPath := p.path(t)
	if !strings.HasPrefix(groupPath, "/groups/") {
		t.Fatalf("after starting: at %s", groupPath)
	}
	dates := p.texts(t, "table.govuk-table tbody tr td:nth-child(2)")
	if len(dates) != 12 || dates[0] != monday.Format("2 January 2006")+" at 6:30pm" || dates[1] != monday.AddDate(0, 0, 14).Format("2 January 2006")+" at 6:30pm" {
		t.Errorf("the schedule starts %q; want next Monday, then a fortnight on", dates[:2])
	}
	p.checkA11y(t, "group page")

	for i, gp := range parents {
		p.clickOn(t, `input[name="parent"][value="`+gp.family+"/"+gp.carer+`"]`)
		resp := p.click(t, `form[action$="/enrolments"] button`)
		if i < 2 {
			wantStatus(t, "enrol", resp, 200)
			continue
		}
		wantStatus(t, "enrol without consent", resp, 422)
		if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Record the family's consent to share with the group first") {
			t.Errorf("the refusal says %q", got)
		}
		p.checkA11y(t, "group page with a refused enrolment")
	}
	enrolled := p.texts(t, "#parents + ul li")
	if len(enrolled) != 2 || !strings.HasPrefix(enrolled[0], "Funmi") || !strings.HasPrefix(enrolled[1], "Marta") {
		t.Errorf("enrolled: %q; want Funmi and Marta", enrolled)
	}

	wantStatus(t, "session 1", p.click(t, `a[href="`+groupPath+`/sessions/1"]`), 200)
	p.checkA11y(t, "session page")
	groupID := strings.TrimPrefix(groupPath, "/groups/")
	enrolments, err := env.DB.Enrolments(t.Context(), env.Accounts.OrgID(t, env), groupID)
	if err != nil || len(enrolments) != 2 {
		t.Fatalf("enrolments: %d, %v", len(enrolments), err)
	}
	funmi, marta := enrolments[0], enrolments[1]
	p.clickOn(t, "#attendance-"+funmi.ID) // present
	p.clickOn(t, "#attendance-"+marta.ID+"-apologies")
	p.typeInto(t, "#attendance-note-"+marta.ID, "Rang to say her son was unwell")
	wantStatus(t, "save attendance", p.click(t, `form[action$="/attendance"] button`), 200)
	if !p.checked(t, "#attendance-"+funmi.ID) || !p.checked(t, "#attendance-"+marta.ID+"-apologies") {
		t.Error("the saved attendance is not shown")
	}
	p.typeInto(t, "#parent-note-"+funmi.ID, "Funmi shared how she stepped out of an argument and came back calm.")
	wantStatus(t, "save notes", p.click(t, `form[action$="/notes"] button[value="save"]`), 200)
	p.checkA11y(t, "session page with attendance and notes")

	wantStatus(t, "the family's timeline", p.open(t, "/families/"+parents[0].family+"/timeline"), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Funmi shared how she stepped out of an argument") || !strings.Contains(got, "Monday parents' group, session 1") {
		t.Errorf("the timeline does not show the group note: %q", got)
	}
	p.checkA11y(t, "timeline with a group note")
}
