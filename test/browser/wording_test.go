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

// TestPersonFormLiveHints: on the person form, "What matters to them" shows
// wording hints as someone types, linked to the field, and "Check my
// wording" brings the form back with them and every word kept.
func TestPersonFormLiveHints(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	familyID := env.Accounts[access.Parent].FamilyID
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "a person in the family", p.open(t, "/families/"+familyID+"/people/new?kind=child"), 200)

	p.typeInto(t, "#name", "Jo")
	p.typeInto(t, "#what-matters", "Football with his uncle. He kicked off when the game was cancelled.")
	box := `[data-hints-for="what-matters"]`
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(p.text(t, box), "kicked off") {
		if time.Now().After(deadline) {
			t.Fatalf("no wording hint appeared: %q", p.text(t, box))
		}
		time.Sleep(200 * time.Millisecond)
	}
	if by := eval[string](t, p, `document.querySelector('#what-matters').getAttribute('aria-describedby')`); !strings.Contains(by, "what-matters-language-hints") {
		t.Errorf("the field is described by %q, without its hints", by)
	}
	p.checkA11y(t, "person form with a wording hint")

	wantStatus(t, "check my wording", p.click(t, `button[value="check"]`), 200)
	if !strings.Contains(p.text(t, box), "kicked off") || p.value(t, "#name") != "Jo" {
		t.Errorf("after Check my wording: hints %q, name %q", p.text(t, box), p.value(t, "#name"))
	}
}
