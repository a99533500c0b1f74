package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// newAllocatedFamily makes a family with nothing in it yet, allocated to
// the demo practitioner, and returns it.
func newAllocatedFamily(t *testing.T, env *webtest.Env, name string) store.Family {
	t.Helper()
	orgID := env.Accounts.OrgID(t, env)
	f, err := env.DB.CreateFamily(t.Context(), orgID, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Allocate(t.Context(), orgID, f.ID, mustUser(t, env, access.Practitioner)); err != nil {
		t.Fatal(err)
	}
	return f
}

// planForm is a complete conversation plan as the form posts it, with
// "disguised compliance" in its worries.
func planForm() url.Values {
	return url.Values{
		"planned-day": {"3"}, "planned-month": {"12"}, "planned-year": {"2026"}, "with": {"Mum and Nan"},
		"purpose":            {"Talk with Mum about the missed health visits and agree what happens next."},
		"worries":            {"Amy has missed three health visits. Mum shows disguised compliance with the plan."},
		"working-well":       {"Mum takes Amy to nursery every day."},
		"needs-to-happen":    {"Amy is seen by the health visitor this month."},
		"opening":            {"I want to talk about Amy’s health visits, because I am worried we have not seen her weighed."},
		"response-1-pattern": {"avoidance"}, "response-1-they": {"Says she is too busy and ends the call."},
		"response-1-me":      {"Offer a visit at Nan’s house at a time that suits her."},
		"response-2-pattern": {""}, "response-2-they": {""}, "response-2-me": {""},
		"support": {"A joint visit with the health visitor."},
		"action":  {"save"},
	}
}

// TestConversationPlanJourney is acceptance 2 over HTTP: a plan with
// "disguised compliance" in its worries shows the wording hint, is saved,
// changed (keeping its first version), debriefed and sent to supervision,
// and the link is stored with the right kind, record and family.
func TestConversationPlanJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	fam := newAllocatedFamily(t, env, "The Plan-Journey family")
	base := "/families/" + fam.ID + "/conversations"
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	if fp := c.get("/families/" + fam.ID); !strings.Contains(fp.body, `href="`+base+`"`) {
		t.Error("the family page does not link to its conversation plans")
	}
	list := c.get(base)
	if list.StatusCode != http.StatusOK || !strings.Contains(list.body, "No conversations have been planned") || !strings.Contains(list.body, `href="`+base+`/new"`) {
		t.Fatalf("the empty list: %d, want the empty state and a way to plan one", list.StatusCode)
	}

	// The form checks every practitioner's own words, and not names.
	form := c.get(base + "/new")
	for _, field := range []string{"purpose", "worries", "working-well", "needs-to-happen", "opening", "support", "response-1-they", "response-1-me", "response-2-they", "response-2-me"} {
		wantChecked(t, "the plan form", form, field)
	}
	wantNotChecked(t, "the plan form", form, "with")

	// Check my wording: the hint, every word kept, nothing saved.
	typed := planForm()
	typed.Set("action", "check")
	check := c.post(base, typed)
	wantHints(t, "check my wording", check, http.StatusOK, "worries", "disguised compliance",
		html.EscapeString(typed.Get("worries")), html.EscapeString(typed.Get("response-1-me")), "Mum and Nan")
	if plans, _ := env.DB.Plans(ctx, fam.OrgID, fam.ID, 10); len(plans) != 0 {
		t.Fatal("checking the wording saved a plan")
	}
	// Live hints as someone types in a response's field.
	if live := c.post("/language/check", url.Values{"field": {"response-1-they"}, "text": {"She was uncooperative."}}); !strings.Contains(live.body, `id="response-1-they-language-hints"`) {
		t.Errorf("no live hints for a response field: %d", live.StatusCode)
	}

	// Add another response: one more row, every word kept, nothing saved.
	typed.Set("action", "add")
	more := c.post(base, typed)
	if more.StatusCode != http.StatusOK || !strings.Contains(more.body, `name="response-3-they"`) || !strings.Contains(more.body, html.EscapeString(typed.Get("response-1-they"))) {
		t.Errorf("add another response: %d, want a third row and the words kept", more.StatusCode)
	}

	// A plan without its purpose, and a response with only one half, is
	// explained: 422, the error summary linking to the fields, words kept.
	bad := planForm()
	bad.Set("purpose", "")
	bad.Set("response-2-pattern", "confrontation")
	bad.Set("response-2-they", "Shouts that we only ever see the bad.")
	refused := c.post(base, bad)
	if refused.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a plan without a purpose: %d, want 422", refused.StatusCode)
	}
	for _, want := range []string{`href="#purpose"`, `href="#response-2-me"`, "Say how you will respond", html.EscapeString(bad.Get("response-2-they")),
		html.EscapeString(bad.Get("opening")), `id="response-2-pattern-confrontation" name="response-2-pattern" type="radio" value="confrontation" checked`} {
		if !strings.Contains(refused.body, want) {
			t.Errorf("the refused plan lacks %q", want)
		}
	}
	wantHints(t, "a refused plan", refused, http.StatusUnprocessableEntity, "worries", "disguised compliance")

	// Saved, hints and all: the plan page shows the hint beside the worries.
	saved := c.post(base, planForm())
	loc := saved.Header.Get("Location")
	if saved.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, base+"/") {
		t.Fatalf("saving the plan: %d to %q", saved.StatusCode, loc)
	}
	planID := strings.TrimPrefix(loc, base+"/")
	page := c.get(loc)
	if page.StatusCode != http.StatusOK || !strings.Contains(page.body, `id="worries-language-hints"`) || !strings.Contains(page.body, "You wrote ‘disguised compliance’") ||
		!strings.Contains(page.body, "Planned") || !strings.Contains(page.body, "Avoidance") || !strings.Contains(page.body, "3 December 2026") {
		t.Errorf("the plan page: %d, want the plan, its state and the hint beside the worries", page.StatusCode)
	}

	// Changed: the worries described as behaviour; the first version kept.
	edit := c.get(loc + "/edit")
	if edit.StatusCode != http.StatusOK || !strings.Contains(edit.body, html.EscapeString(planForm().Get("worries"))) || !strings.Contains(edit.body, `name="response-2-they"`) {
		t.Errorf("the edit form: %d, want the plan as saved and a spare response", edit.StatusCode)
	}
	changed := planForm()
	changed.Set("worries", "Amy has missed three health visits. Mum agreed to each one, and on each day nobody was home.")
	if r := c.post(loc+"/edit", changed); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != loc {
		t.Fatalf("changing the plan: %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	page = c.get(loc)
	if !strings.Contains(page.body, "nobody was home") || !strings.Contains(page.body, "Plan, version 1, saved") || strings.Contains(page.body, `id="worries-language-hints"`) {
		t.Error("the changed plan, or its first version, is not shown")
	}

	// Debriefed: explained when empty; what the family said is never checked.
	debrief := c.get(loc + "/debrief")
	wantChecked(t, "the debrief form", debrief, "how-it-went")
	wantChecked(t, "the debrief form", debrief, "how-i-felt")
	wantChecked(t, "the debrief form", debrief, "next-steps")
	wantNotChecked(t, "the debrief form", debrief, "family-said")
	empty := c.post(loc+"/debrief", url.Values{"held-day": {""}, "held-month": {""}, "held-year": {""}, "family-said": {"Stop turning up unannounced."}})
	if empty.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(empty.body, `href="#held"`) || !strings.Contains(empty.body, `href="#how-it-went"`) ||
		!strings.Contains(empty.body, "Stop turning up unannounced.") {
		t.Errorf("an empty debrief: %d, want it explained with the words kept", empty.StatusCode)
	}
	today := env.DB.Now()
	d := url.Values{"held-day": {today.Format("2")}, "held-month": {today.Format("1")}, "held-year": {today.Format("2006")},
		"how-it-went": {"Calmer than I feared. We agreed a visit at Nan’s."}, "family-said": {"I am sick of being judged as a bad mum."},
		"how-i-felt": {"Tense at the start, then relieved."}, "next-steps": {"I will book the health visit at Nan’s by Friday."}, "action": {"save"}}
	if r := c.post(loc+"/debrief", d); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != loc {
		t.Fatalf("saving the debrief: %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	page = c.get(loc)
	if !strings.Contains(page.body, "Debriefed") || !strings.Contains(page.body, "I am sick of being judged as a bad mum.") || !strings.Contains(page.body, "Take the debrief to supervision") {
		t.Error("the plan page does not show the debrief")
	}

	// Taken to supervision: the plan, then the debrief.
	for _, what := range []string{"plan", "debrief"} {
		r := c.post(loc+"/supervision", url.Values{"what": {what}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != loc {
			t.Fatalf("taking the %s to supervision: %d to %q", what, r.StatusCode, r.Header.Get("Location"))
		}
		if after := c.get(loc); !strings.Contains(after.body, "The "+what+" is on your next supervision agenda.") {
			t.Errorf("after taking the %s to supervision, the page does not say it is on the agenda", what)
		}
	}
	items, err := env.DB.WaitingSupervisionItems(ctx, fam.OrgID, mustUser(t, env, access.Practitioner))
	if err != nil {
		t.Fatal(err)
	}
	got := map[supervision.ItemKind]supervision.Item{}
	for _, it := range items {
		if it.ItemID == planID {
			got[it.Kind] = it
		}
	}
	for _, kind := range []supervision.ItemKind{supervision.ConversationPlan, supervision.ConversationDebrief} {
		if it, ok := got[kind]; !ok || it.FamilyID != fam.ID || it.SentAt.IsZero() {
			t.Errorf("no %s waiting for supervision, linked to the plan and family: %+v", kind, items)
		}
	}
	if r := c.post(loc+"/supervision", url.Values{"what": {"everything"}}); r.StatusCode != http.StatusNotFound {
		t.Errorf("sending something unknown to supervision: %d, want 404", r.StatusCode)
	}
	list = c.get(base)
	if !strings.Contains(list.body, `href="`+loc+`"`) || !strings.Contains(list.body, "Debriefed") {
		t.Error("the list does not show the debriefed plan")
	}

	// The supervisor reads the plan, and cannot send it to supervision:
	// supervision is the practitioner's own.
	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])
	if r := sup.get(loc); r.StatusCode != http.StatusOK || !strings.Contains(r.body, "nobody was home") || strings.Contains(r.body, "Take the plan to supervision") {
		t.Errorf("the supervisor's view: %d, want the plan without the supervision buttons", r.StatusCode)
	}
	if r := sup.post(loc+"/supervision", url.Values{"what": {"plan"}}); r.StatusCode != http.StatusForbidden {
		t.Errorf("the supervisor sending the plan to supervision: %d, want 403", r.StatusCode)
	}
}

// TestConversationDebriefInTheFuture: a debrief dated in the
// future is explained, with the date kept.
func TestConversationDebriefInTheFuture(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fam := newAllocatedFamily(t, env, "The Future-Date family")
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	saved := c.post("/families/"+fam.ID+"/conversations", planForm())
	loc := saved.Header.Get("Location")
	next := env.DB.Now().AddDate(0, 0, 3)
	r := c.post(loc+"/debrief", url.Values{"held-day": {next.Format("2")}, "held-month": {next.Format("1")}, "held-year": {next.Format("2006")},
		"how-it-went": {"x"}, "next-steps": {"y"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.body, "today or in the past") || !strings.Contains(r.body, `value="`+next.Format("2006")+`"`) {
		t.Errorf("a debrief held in the future: %d, want it explained with the date kept", r.StatusCode)
	}
}

// TestConversationViewsAreAudited: every page of the conversation plans
// adds to the family's own audit list ("who has looked at this family's
// record"), and the plan pages name the plan they showed.
func TestConversationViewsAreAudited(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	fam := newAllocatedFamily(t, env, "The Audited-Plan family")
	base := "/families/" + fam.ID + "/conversations"
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	loc := c.post(base, planForm()).Header.Get("Location")
	planID := strings.TrimPrefix(loc, base+"/")
	prac := mustUser(t, env, access.Practitioner)
	events := func() int {
		t.Helper()
		page, err := env.DB.ListAudit(ctx, fam.OrgID, store.AuditFilter{ActorID: prac, ResourceType: "family", ResourceID: fam.ID}, 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		return page.Total
	}
	for _, path := range []string{base, base + "/new", loc, loc + "/edit", loc + "/debrief"} {
		before := events()
		if r := c.get(path); r.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, r.StatusCode)
		}
		if events() <= before {
			t.Errorf("viewing %s added nothing to the family's audit list", path)
		}
	}
	who := c.get("/families/" + fam.ID + "/audit")
	for _, want := range []string{"conversation plans listed", "conversation plan read: " + planID, "conversation plan read to change: " + planID,
		"conversation plan read to debrief: " + planID, "conversation plan added"} {
		if !strings.Contains(who.body, want) {
			t.Errorf("the family's audit list lacks %q", want)
		}
	}
}
