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

// TestFamilyRecordJourney adds children and a carer, writes the three
// columns twice, and checks the page puts the children first.
func TestFamilyRecordJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	base := "/families/" + fx.families[related].ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	bad := c.post(base+"/people", url.Values{"kind": {"child"}, "name": {"Amy O'Neill"}, "dob-day": {"31"}, "dob-month": {"2"}, "dob-year": {"2015"}, "what-matters": {"Her dog Pip"}})
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Enter a real date of birth") ||
		!strings.Contains(bad.body, html.EscapeString("Amy O'Neill")) || !strings.Contains(bad.body, "Her dog Pip") || !strings.Contains(bad.body, `value="31"`) {
		t.Fatalf("a child with an impossible birthday: %d, want it explained with every word kept", bad.StatusCode)
	}
	if r := c.post(base+"/people", url.Values{"kind": {"child"}, "name": {"Amy O'Neill"}, "dob-day": {"14"}, "dob-month": {"9"}, "dob-year": {"2012"}, "what-matters": {"Her dog Pip"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add a child: %d", r.StatusCode)
	}
	if r := c.post(base+"/people", url.Values{"kind": {"carer"}, "name": {"Sam O'Neill"}, "relationship": {"Mum"}, "languages": {"Polish"}, "interpreter": {"yes"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add a carer: %d", r.StatusCode)
	}
	c.get(base) // shows, and so uses up, the confirmation naming Sam
	page := c.get(base)
	amy := strings.Index(page.body, html.EscapeString("Amy O'Neill"))
	sam := strings.Index(page.body, html.EscapeString("Sam O'Neill"))
	if page.StatusCode != http.StatusOK || amy < 0 || sam < 0 || amy > sam {
		t.Fatalf("family page: %d; want the child before the carer", page.StatusCode)
	}
	if !strings.Contains(page.body, "14 years") || !strings.Contains(page.body, "14 September 2012") || !strings.Contains(page.body, "interpreter needed") {
		t.Error("the family page does not show the child's age and birthday, or the interpreter need")
	}

	versions := strings.Count(c.get(base+"/summary").body, `class="govuk-summary-card__title"`)
	if r := c.post(base+"/summary", url.Values{}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("empty summary: %d", r.StatusCode)
	}
	c.post(base+"/summary", url.Values{"worried": {"Amy has missed 12 days of school this term."}})
	c.post(base+"/summary", url.Values{"worried": {"Amy has missed 12 days of school this term."}, "working-well": {"Nan walks Amy to school on Mondays."}})
	hist := c.get(base + "/summary")
	if strings.Count(hist.body, `class="govuk-summary-card__title"`) != versions+2 || !strings.Contains(hist.body, "Nan walks Amy") {
		t.Error("the summary history does not hold both versions")
	}
	if page := c.get(base); !strings.Contains(page.body, "Nan walks Amy to school on Mondays.") {
		t.Error("the family page does not show the current summary")
	}

	// A parent never sees the staff record, even of their own family.
	p := newClient(t, env)
	p.signIn(env.Accounts[access.Parent])
	for _, path := range []string{base, base + "/summary", base + "/people/new"} {
		if r := p.get(path); r.StatusCode != http.StatusNotFound || strings.Contains(r.body, "Amy") {
			t.Errorf("parent GET %s: %d", path, r.StatusCode)
		}
	}
}

func TestSummaryWordingHints(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	base := "/families/" + fx.families[related].ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	c.post(base+"/summary", url.Values{"worried": {"Dad is uncooperative and the children are chaotic."}, "working-well": {"Nan helps."}})
	page := c.get(base + "/summary")
	if !strings.Contains(page.body, `id="worried-language-hints"`) || !strings.Contains(page.body, `aria-describedby="worried-hint worried-language-hints"`) {
		t.Error("the worries column has no wording hints linked to it")
	}
	if strings.Contains(page.body, `id="working-well-language-hints"`) {
		t.Error("a column with nothing to change has hints")
	}
}
