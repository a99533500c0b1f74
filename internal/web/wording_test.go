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

// TestPersonFormCheckMyWording: what matters to a person and their
// accessibility needs get wording hints, live and through "Check my
// wording", on the forms that add and change a person. Checking saves
// nothing; hints show after a failed save too, and never stop a save.
func TestPersonFormCheckMyWording(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	fam := fx.families[related]
	base := "/families/" + fam.ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	for _, path := range []string{base + "/people/new?kind=child", base + "/people/" + fx.child} {
		page := c.get(path)
		wantChecked(t, path, page, "what-matters")
		wantChecked(t, path, page, "access")
		wantNotChecked(t, path, page, "name")
		wantNotChecked(t, path, page, "relationship")
		if !strings.Contains(page.body, `value="check">Check my wording</button>`) {
			t.Errorf("%s has no Check my wording button", path)
		}
	}
	members := func() int {
		t.Helper()
		ms, err := env.DB.Members(t.Context(), fam.OrgID, fam.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	before := members()
	typed := url.Values{"kind": {"child"}, "name": {"Jo Fairweather"}, "dob-day": {"14"}, "dob-month": {"9"}, "dob-year": {"2014"},
		"what-matters": {"Football with his uncle. He kicked off when his game was cancelled."}, "access": {"Quiet room; he is attention-seeking in groups"},
		"action": {"check"}}
	check := c.post(base+"/people", typed)
	wantHints(t, "check my wording on a new person", check, http.StatusOK, "what-matters", "kicked off",
		"Jo Fairweather", `value="2014"`, "Football with his uncle. He kicked off when his game was cancelled.")
	wantHints(t, "check my wording on a new person", check, http.StatusOK, "access", "attention-seeking", "Quiet room; he is attention-seeking in groups")
	if members() != before {
		t.Fatal("checking the wording added the person")
	}

	typed.Set("dob-day", "31")
	typed.Set("dob-month", "2")
	typed.Del("action")
	bad := c.post(base+"/people", typed)
	wantHints(t, "a failed save", bad, http.StatusUnprocessableEntity, "what-matters", "kicked off", "Enter a real date of birth")

	typed.Set("dob-day", "14")
	typed.Set("dob-month", "9")
	if r := c.post(base+"/people", typed); r.StatusCode != http.StatusSeeOther || members() != before+1 {
		t.Fatalf("saving a person with wording hints: %d, want them added", r.StatusCode)
	}

	edit := base + "/people/" + fx.child
	changed := url.Values{"kind": {"child"}, "name": {"Matrix Child"}, "dob-day": {"4"}, "dob-month": {"5"}, "dob-year": {"2016"},
		"what-matters": {"Her nan. Mum failed to engage with the school."}, "action": {"check"}}
	wantHints(t, "check my wording on a change", c.post(edit, changed), http.StatusOK, "what-matters", "failed to engage",
		"Her nan. Mum failed to engage with the school.", "Matrix Child")
	if m, _ := env.DB.Member(t.Context(), fam.OrgID, fam.ID, fx.child); m.WhatMatters != "" {
		t.Fatalf("checking the wording changed the person: %q", m.WhatMatters)
	}
	changed.Del("action")
	if r := c.post(edit, changed); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving a change with wording hints: %d", r.StatusCode)
	}
	if m, _ := env.DB.Member(t.Context(), fam.OrgID, fam.ID, fx.child); m.WhatMatters != "Her nan. Mum failed to engage with the school." {
		t.Errorf("the change was not saved: %q", m.WhatMatters)
	}
}

// TestDetailsCheckMyWording: a context's detail and the reason a record
// closes get wording hints; checking saves nothing, and saving is never
// stopped by them.
func TestDetailsCheckMyWording(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	fam := fx.families[related]
	base := "/families/" + fam.ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	page := c.get(base + "/details")
	wantChecked(t, "the details page", page, "detail")
	wantChecked(t, "the details page", page, "reason")
	wantNotChecked(t, "the details page", page, "given-by")
	for _, to := range []string{`formaction="/families/` + fam.ID + `/contexts#context"`, `formaction="/families/` + fam.ID + `/status#status"`} {
		if !strings.Contains(page.body, to) {
			t.Errorf("the details page has no Check my wording button with %s", to)
		}
	}

	known, _ := env.DB.Contexts(t.Context(), fam.OrgID, fam.ID) // the demo family has some already
	ctx := url.Values{"kind": {"other"}, "detail": {"Respite with Nan at weekends"}, "started-day": {"3"}, "started-month": {"9"}, "started-year": {"2026"}, "action": {"check"}}
	wantHints(t, "check my wording on a context", c.post(base+"/contexts", ctx), http.StatusOK, "detail", "Respite", `value="Respite with Nan at weekends"`, `value="2026"`)
	if ctxs, _ := env.DB.Contexts(t.Context(), fam.OrgID, fam.ID); len(ctxs) != len(known) {
		t.Fatal("checking the wording added the context")
	}
	ctx.Set("started-year", "2099")
	ctx.Del("action")
	wantHints(t, "a context that cannot be saved", c.post(base+"/contexts", ctx), http.StatusUnprocessableEntity, "detail", "Respite")
	ctx.Set("started-year", "2026")
	if r := c.post(base+"/contexts", ctx); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving a context with wording hints: %d", r.StatusCode)
	}

	reason := "Mum failed to engage, so the plan ended."
	closing := url.Values{"status": {"closed"}, "reason": {reason}, "action": {"check"}}
	wantHints(t, "check my wording on closing", c.post(base+"/status", closing), http.StatusOK, "reason", "failed to engage", reason)
	if f, _ := env.DB.FamilyInOrg(t.Context(), fam.OrgID, fam.ID); f.Status != "open" {
		t.Fatal("checking the wording closed the record")
	}
	closing.Del("action")
	if r := c.post(base+"/status", closing); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("closing with wording hints: %d", r.StatusCode)
	}
	if f, _ := env.DB.FamilyInOrg(t.Context(), fam.OrgID, fam.ID); f.Status != "closed" || f.ClosedReason != reason {
		t.Errorf("the record was not closed with its reason: %+v", f)
	}
}

// TestWordsDeliberatelyNotChecked: the checker never corrects a child's own
// words, the reason given for breaking glass (an audit justification, not a
// record about the family), or an administrator's language terms.
func TestWordsDeliberatelyNotChecked(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	note := c.get("/families/" + fx.families[related].ID + "/notes/new")
	wantChecked(t, "the note form", note, "body")
	wantNotChecked(t, "the note form", note, "child-words")
	check := c.post("/families/"+fx.families[related].ID+"/notes", url.Values{"child-words": {"Mum kicked off at me"}, "body": {"We talked."}, "action": {"check"}})
	if check.StatusCode != http.StatusOK || strings.Contains(check.body, "Words you might change") || !strings.Contains(check.body, "Mum kicked off at me") {
		t.Errorf("check my wording with a child's words: %d, want them kept and never corrected", check.StatusCode)
	}

	glass := c.get("/families/" + fx.families[unrelated].ID)
	if glass.StatusCode != http.StatusForbidden {
		t.Fatalf("break-glass page: %d", glass.StatusCode)
	}
	wantNotChecked(t, "the break-glass page", glass, "reason")

	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	terms := admin.get("/admin/language")
	for _, f := range []string{"term", "forms", "why", "suggestions"} {
		wantNotChecked(t, "the language page", terms, f)
	}
}
