//go:build browser

package browser

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestGroupReports opens the demo group's report, on the day before its
// sixth session, and the report across groups, as the facilitator and as
// the administrator, following the links a person would, and as the
// co-facilitator. axe checks every page.
func TestGroupReports(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}, Now: time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)})
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "groups", p.click(t, `a.govuk-service-navigation__link[href="/groups"]`), 200)
	wantStatus(t, "the group's report", p.click(t, `a[href$="/report"]`), 200)
	if got := p.text(t, "h1"); got != "Report" {
		t.Errorf("the report's heading is %q", got)
	}
	// The demo has two parents slipping away from its Thursday group.
	missed := p.texts(t, "#reach-out + p + table tbody td:first-child")
	if len(missed) != 2 {
		t.Errorf("parents who have not come to the last two sessions: %q; want the demo's two", missed)
	}
	if n := len(p.texts(t, "svg.app-chart__svg")); n != 2 {
		t.Errorf("%d charts; want attendance and the funnel", n)
	}
	p.checkA11y(t, "a group's report")
	wantStatus(t, "the group page", p.click(t, ".govuk-back-link"), 200)
	if !p.has(t, `a[href$="/report"]`) {
		t.Error("the group page does not link to its report")
	}
	wantStatus(t, "groups", p.open(t, "/groups"), 200)
	wantStatus(t, "the report across groups", p.click(t, `a[href="/groups/reports"]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Running: 5 of 12 sessions held") || len(missed) == 0 || strings.Contains(got, missed[0]) {
		t.Errorf("the report across groups: %q", got)
	}
	p.checkA11y(t, "the report across groups")
	p.signOut(t)

	p.signInAs(t, env.Accounts[access.Admin])
	wantStatus(t, "the report across groups", p.open(t, "/groups/reports"), 200)
	p.checkA11y(t, "the report across groups, as the administrator")
	wantStatus(t, "the group's report", p.click(t, `table a[href="`+reportOf(t, env, "Thursday evening NVR group")+`"]`), 200)
	if got := p.text(t, "#main-content"); len(missed) == 0 || strings.Contains(got, missed[0]) || !strings.Contains(got, "2 parents have not come to the last two sessions") {
		t.Errorf("the administrator's report shows names, or not the count: %q", got)
	}
	p.checkA11y(t, "a group's report, as the administrator")
	reportPath := p.path(t)
	p.signOut(t)

	p.signInAs(t, env.Accounts[access.CoFacilitator])
	wantStatus(t, "the group's report", p.open(t, reportPath), 200)
	if got := p.texts(t, "#reach-out + p + table tbody td:first-child"); !slices.Equal(got, missed) || len(p.links(t, `a[href^="/families/"]`)) != 0 {
		t.Errorf("the co-facilitator's report: %q; want the first names %q and no family links", got, missed)
	}
	p.checkA11y(t, "a group's report, as the co-facilitator")
}

// reportOf is the address of the report of the demo group with the given
// name.
func reportOf(t *testing.T, env *webtest.Env, name string) string {
	t.Helper()
	admin, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Admin].Email)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := env.DB.Groups(t.Context(), admin.Actor())
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if g.Name == name {
			return "/groups/" + g.ID + "/report"
		}
	}
	t.Fatalf("no demo group called %q", name)
	return ""
}
