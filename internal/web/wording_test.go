package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// wantChecked fails unless the page draws field with live wording hints:
// marked for the script, with the box the script fills.
func wantChecked(t *testing.T, what string, r response, field string) {
	t.Helper()
	if !strings.Contains(r.body, `data-language-check="`+field+`"`) || !strings.Contains(r.body, `data-hints-for="`+field+`"`) {
		t.Errorf("%s: %s is not marked for live wording hints, or has no box for them", what, field)
	}
}

// wantNotChecked fails if the page checks field's wording.
func wantNotChecked(t *testing.T, what string, r response, field string) {
	t.Helper()
	if strings.Contains(r.body, `data-language-check="`+field+`"`) || strings.Contains(r.body, `data-hints-for="`+field+`"`) {
		t.Errorf("%s: %s's wording is checked, and it must not be", what, field)
	}
}

// wantHints fails unless the page shows status and a wording hint for
// phrase beside field, linked to it, with every word in kept still there.
func wantHints(t *testing.T, what string, r response, status int, field, phrase string, kept ...string) {
	t.Helper()
	if r.StatusCode != status {
		t.Fatalf("%s: status %d, want %d", what, r.StatusCode, status)
	}
	wantChecked(t, what, r, field)
	hints := `id="` + field + `-language-hints"`
	if !strings.Contains(r.body, hints) || !strings.Contains(r.body, "You wrote ‘"+phrase+"’") {
		t.Errorf("%s: no hint for %q beside %s", what, phrase, field)
	}
	if !describedBy(r.body, field, field+"-language-hints") {
		t.Errorf("%s: %s is not described by its hints", what, field)
	}
	for _, k := range kept {
		if !strings.Contains(r.body, k) {
			t.Errorf("%s: %q was not kept", what, k)
		}
	}
}

// describedBy reports whether the element with id in body lists ref in its
// aria-describedby.
func describedBy(body, id, ref string) bool {
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		return false
	}
	end := strings.Index(body[i:], ">")
	if end < 0 {
		return false
	}
	tag := body[i : i+end]
	j := strings.Index(tag, `aria-describedby="`)
	if j < 0 {
		return false
	}
	list := tag[j+len(`aria-describedby="`):]
	list = list[:strings.Index(list, `"`)]
	for _, r := range strings.Fields(list) {
		if r == ref {
			return true
		}
	}
	return false
}

// TestSummaryCheckMyWording: the three columns get live hints, and "Check
// my wording" shows the hints with every word kept, saving nothing.
func TestSummaryCheckMyWording(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	fam := fx.families[related]
	base := "/families/" + fam.ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	page := c.get(base + "/summary")
	for _, col := range []string{"worried", "working-well", "needs-to-happen"} {
		wantChecked(t, "the three columns", page, col)
	}
	before, err := env.DB.Summaries(t.Context(), fam.OrgID, fam.ID, 100)
	if err != nil {
		t.Fatal(err)
	}
	typed := url.Values{"worried": {"Jo kicked off when mum failed to engage."}, "needs-to-happen": {"Nan to help on Mondays."}, "action": {"check"}}
	check := c.post(base+"/summary", typed)
	wantHints(t, "check my wording", check, http.StatusOK, "worried", "kicked off", "Jo kicked off when mum failed to engage.", "Nan to help on Mondays.")
	if !strings.Contains(check.body, "You wrote ‘failed to engage’") || strings.Contains(check.body, `id="needs-to-happen-language-hints"`) {
		t.Error("check my wording: want every term found in the worries, and no hints for a column with nothing to change")
	}
	if after, _ := env.DB.Summaries(t.Context(), fam.OrgID, fam.ID, 100); len(after) != len(before) {
		t.Fatal("checking the wording saved a version")
	}
	typed.Del("action")
	if r := c.post(base+"/summary", typed); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving with wording hints: %d, want it saved", r.StatusCode)
	}
	if after, _ := env.DB.Summaries(t.Context(), fam.OrgID, fam.ID, 100); len(after) != len(before)+1 {
		t.Error("the summary with wording hints was not saved")
	}
}
