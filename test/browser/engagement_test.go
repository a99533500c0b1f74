//go:build browser

package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// checked reports whether the checkbox or radio sel is ticked.
func (tb *tab) checked(t *testing.T, sel string) bool {
	t.Helper()
	return eval[bool](t, tb, `document.querySelector(`+js(sel)+`)?.checked === true`)
}

// TestEngagementJourney is acceptances 1 and 4 of the engagement issue. As
// the demo practitioner: record avoidance, leave "what this means for the
// child" empty and be asked for it with everything typed kept, complete
// it, and say they feel at risk, asking for joint visits. The engagement
// chart is an SVG with its table. Then, as their supervisor: the alert on
// the home page and the flag on the family page. axe checks every page.
func TestEngagementJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	familyID := env.Accounts[access.Parent].FamilyID
	familyPath := "/families/" + familyID
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the family page", p.open(t, familyPath), 200)
	wantStatus(t, "engagement records", p.click(t, `a[href="`+familyPath+`/engagement"]`), 200)
	p.checkA11y(t, "engagement records")
	wantStatus(t, "the engagement form", p.click(t, `a[href="`+familyPath+`/engagement/new"]`), 200)
	p.checkA11y(t, "engagement form")

	// The conditional questions open as their answers are chosen.
	if p.visible(t, "#seen-avoidance") || p.visible(t, "#safety-step") {
		t.Error("the conditional questions show before they are asked for")
	}
	p.clickOn(t, "#patterns-avoidance")
	if !p.visible(t, "#seen-avoidance") {
		t.Fatal("choosing avoidance does not ask what was seen")
	}
	seen := "No one answered at the visits on 2 and 9 March. The curtains were drawn and the car was outside."
	p.typeInto(t, "#seen-avoidance", seen)
	p.typeInto(t, "#hard-areas", "Seeing Kai on his own.")
	p.clickOn(t, "#hypotheses-staff-changes")
	p.clickOn(t, "#hypotheses-my-approach")
	view := `"Every time a new worker comes I have to tell it all again," Mum said on the phone.`
	p.typeInto(t, "#family-view", view)
	p.typeInto(t, "#feelings", "Tense before visits since the last one.")
	p.clickOn(t, "#at-risk")
	if !p.visible(t, "#safety-step") {
		t.Fatal("answering yes does not ask for a safety step")
	}
	p.clickOn(t, "#safety-step") // the first step: joint visits
	next := time.Now().AddDate(0, 0, 7)
	review := time.Now().AddDate(0, 1, 0)
	p.typeInto(t, "#action-1-what", "Visit with Sam from the duty team")
	p.typeInto(t, "#action-1-owner", "Me and Sam")
	p.typeInto(t, "#action-1-due-day", next.Format("2"))
	p.typeInto(t, "#action-1-due-month", next.Format("1"))
	p.typeInto(t, "#action-1-due-year", next.Format("2006"))
	p.typeInto(t, "#review-day", review.Format("2"))
	p.typeInto(t, "#review-month", review.Format("1"))
	p.typeInto(t, "#review-year", review.Format("2006"))

	wantStatus(t, "the record with nothing for the child", p.click(t, `button[value="save"]`), 422)
	if !strings.Contains(p.text(t, errorSummary), "Say what this means for the child") {
		t.Fatalf("the error summary says %q", p.text(t, errorSummary))
	}
	if links := p.links(t, errorSummary+" a"); len(links) != 1 || !strings.HasSuffix(links[0], "#for-child") {
		t.Errorf("the error summary links to %v, want #for-child only", links)
	}
	for sel, want := range map[string]string{"#seen-avoidance": seen, "#hard-areas": "Seeing Kai on his own.", "#family-view": view,
		"#feelings": "Tense before visits since the last one.", "#action-1-what": "Visit with Sam from the duty team", "#action-1-owner": "Me and Sam",
		"#review-year": review.Format("2006"), "#action-1-due-day": next.Format("2")} {
		if got := p.value(t, sel); got != want {
			t.Errorf("after the error %s holds %q, want %q", sel, got, want)
		}
	}
	for _, sel := range []string{"#patterns-avoidance", "#hypotheses-staff-changes", "#hypotheses-my-approach", "#at-risk", "#safety-step"} {
		if !p.checked(t, sel) {
			t.Errorf("after the error %s is no longer chosen", sel)
		}
	}
	if !p.visible(t, "#seen-avoidance") || !p.visible(t, "#safety-step") {
		t.Error("after the error the answers given are hidden")
	}
	p.checkA11y(t, "engagement form with an error")

	p.typeInto(t, "#for-child", "Kai has not been seen for three weeks, so we do not know how he is or whether he feels safe.")
	wantStatus(t, "the saved record", p.click(t, `button[value="save"]`), 200)
	main := p.text(t, "#main-content")
	for _, want := range []string{"Engagement record of", seen, "Joint visits", "Your supervisor can see that you feel at risk"} {
		if !strings.Contains(main, want) {
			t.Errorf("the saved record lacks %q", want)
		}
	}
	p.checkA11y(t, "engagement record")

	// Acceptance 4: the chart is an SVG with its data table, and passes axe.
	wantStatus(t, "engagement records with one", p.open(t, familyPath+"/engagement"), 200)
	if !p.has(t, "svg.app-chart__svg title#chart-title") || !p.has(t, "svg.app-chart__svg circle") {
		t.Error("the engagement page has no SVG chart with a title and a point")
	}
	if rows := p.texts(t, "table caption"); !containsText(rows, "Every record, newest first") {
		t.Errorf("table captions = %v; want the chart's table", rows)
	}
	if cells := p.text(t, "table"); !strings.Contains(p.text(t, "#main-content"), "Avoidance") || cells == "" {
		t.Error("the chart's table does not list the record")
	}
	p.checkA11y(t, "engagement records with the chart and its table")

	// Signed in as the supervisor: the alert on the home page, the flag on the family page.
	s := newTab(t, b, env.URL)
	s.signInAs(t, env.Accounts[access.Supervisor])
	fam, err := env.DB.FamilyInOrg(t.Context(), env.Accounts.OrgID(t, env), familyID)
	if err != nil {
		t.Fatal(err)
	}
	home := s.text(t, ".govuk-notification-banner")
	for _, want := range []string{env.Accounts[access.Practitioner].Name + " feels at risk working with " + fam.Name, "Joint visits"} {
		if !strings.Contains(home, want) {
			t.Errorf("the supervisor's home page alert %q lacks %q", home, want)
		}
	}
	s.checkA11y(t, "supervisor's home with a safety alert")
	wantStatus(t, "the family page for the supervisor", s.open(t, familyPath), 200)
	if flag := s.text(t, ".app-safety-flag"); !strings.Contains(flag, "Joint visits") || !strings.Contains(flag, env.Accounts[access.Practitioner].Name) {
		t.Errorf("the family page's flag says %q", flag)
	}
	s.checkA11y(t, "family page with a safety flag")
	wantStatus(t, "the team view", s.open(t, "/team"), 200)
	if !strings.Contains(s.text(t, "#main-content"), "feels at risk") {
		t.Error("the team view does not list the worker who feels at risk")
	}
	s.checkA11y(t, "team view")
	wantStatus(t, "the supervisor's caseload", s.open(t, "/families"), 200)
	s.checkA11y(t, "team caseload with engagement")
}

func containsText(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}
