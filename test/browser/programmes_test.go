//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestProgrammeTemplates opens the programme list and the default group
// template as the demo practitioner, then, as the demo supervisor, makes a
// copy and opens its edit form, adds a session without JavaScript's help
// and tries a save with a problem. axe checks every page.
func TestProgrammeTemplates(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "programmes", p.click(t, `a.govuk-service-navigation__link[href="/programmes"]`), 200)
	p.checkA11y(t, "programme list")
	wantStatus(t, "the group template", p.click(t, `a[href="/programmes/steadfast-group-12-week"]`), 200)
	if got := len(p.texts(t, "section.app-programme-session h2")); got != 12 {
		t.Errorf("the group template shows %d sessions; want 12", got)
	}
	p.checkA11y(t, "group template")
	p.signOut(t)

	s := newTab(t, b, env.URL)
	s.signInAs(t, env.Accounts[access.Supervisor])
	wantStatus(t, "the one-to-one template", s.open(t, "/programmes/steadfast-one-to-one"), 200)
	wantStatus(t, "make a copy", s.click(t, `form[action="/programmes/steadfast-one-to-one/copy"] button`), 200)
	if !strings.HasSuffix(s.path(t), "/edit") || s.value(t, "#name") != "Copy of NVR one to one: six short sessions" {
		t.Fatalf("after copying: at %s, name %q", s.path(t), s.value(t, "#name"))
	}
	s.checkA11y(t, "programme edit form")

	wantStatus(t, "add a session", s.click(t, `button[value="add-session"]`), 200)
	if !s.has(t, "#session-7-title") {
		t.Error("no seventh session after adding one")
	}
	s.typeInto(t, "#session-7-activity-1-minutes", "a while")
	wantStatus(t, "save with problems", s.click(t, `button[value="save"]`), 422)
	if !s.has(t, ".govuk-error-summary") || s.value(t, "#session-7-activity-1-minutes") != "a while" {
		t.Errorf("the failed save lost the summary or the typed minutes (%q)", s.value(t, "#session-7-activity-1-minutes"))
	}
	s.checkA11y(t, "programme edit form with errors")
}
