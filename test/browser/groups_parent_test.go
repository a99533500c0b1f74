//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestParentGroupView signs in as the demo parent, whose family is in the
// demo's Thursday group in its sixth week, follows the group from their
// home to its page and on to a handout, and has axe check each page.
func TestParentGroupView(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Parent])
	p.checkA11y(t, "parent's home with their group")
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Thursday evening NVR group") || !strings.Contains(got, "Next session:") {
		t.Errorf("the parent's home does not show their group and its next session: %q", got)
	}

	wantStatus(t, "the parent's group", p.click(t, `#main-content a[href^="/groups/"]`), 200)
	groupPath := p.path(t)
	p.checkA11y(t, "parent's group page")
	if got := p.text(t, "h1"); got != "Thursday evening NVR group" {
		t.Errorf("the group page is headed %q", got)
	}
	if got := p.text(t, ".govuk-inset-text"); !strings.Contains(got, "Your next session") {
		t.Errorf("the next session is not shown first: %q", got)
	}
	handouts := p.links(t, `#handouts ~ ul a`)
	if len(handouts) < 5 {
		t.Fatalf("handouts: %q; want at least the five sessions held", handouts)
	}
	if rows := p.texts(t, "table.govuk-table tbody tr"); len(rows) != 12 {
		t.Errorf("the schedule has %d rows; want the 12 sessions", len(rows))
	}
	if p.has(t, `a[href*="/sessions/"]`) || p.has(t, `a[href^="/families/"]`) {
		t.Error("the parent's group page links to a session's page or a family")
	}

	wantStatus(t, "the first handout", p.click(t, `a[href="`+groupPath+`/handouts/1"]`), 200)
	p.checkA11y(t, "handout")
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Welcome") || strings.Contains(got, "Facilitators' plan") {
		t.Errorf("the handout page: %q; want the handout and no plan", got)
	}
	wantStatus(t, "a handout of a session not yet held", p.open(t, groupPath+"/handouts/12"), 404)
}
