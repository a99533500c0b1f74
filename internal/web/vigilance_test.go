package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// pageChecks are the two checks every journey here makes of a response.
type pageChecks struct {
	t *testing.T
}

func (c pageChecks) contains(res response, wants ...string) {
	c.t.Helper()
	for _, w := range wants {
		if !strings.Contains(res.body, w) && !strings.Contains(res.body, html.EscapeString(w)) {
			c.t.Errorf("%s %s: the page lacks %q", res.Request.Method, res.Request.URL.Path, w)
		}
	}
}

func (c pageChecks) status(res response, want int) {
	c.t.Helper()
	if res.StatusCode != want {
		c.t.Fatalf("%s %s: status %d, want %d", res.Request.Method, res.Request.URL.Path, res.StatusCode, want)
	}
}

// auditReasons joins the reasons of the audit events about what a family
// shares.
func auditReasons(t *testing.T, env *webtest.Env, orgID, familyID string) string {
	t.Helper()
	events, err := env.DB.ListAudit(t.Context(), orgID, store.AuditFilter{ResourceType: string(access.KindFamilyShared), ResourceID: familyID}, 200, 0)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, e := range events.Events {
		reasons = append(reasons, e.Reason)
	}
	return strings.Join(reasons, "\n")
}

// TestParentKeepsVigilantCare walks a parent through vigilant care: adding
// a concern (forgetting the words first), changing its level without and
// then with the warning sign, and marking it as no longer a worry; and
// checks that their practitioner reads every change, read only, and that
// every change and read is in the audit trail.
func TestParentKeepsVigilantCare(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	parent, fam := freshParent(t, env, "The Vigil family", "Robin Vigil")
	check := pageChecks{t}

	check.contains(parent.get("/my"), `href="/my/vigilance"`, `href="/my/baskets"`)
	empty := parent.get("/my/vigilance")
	check.status(empty, http.StatusOK)
	check.contains(empty, "Nothing here yet", "Open attention", "Focused attention", "Protective action",
		"where they are going, who with", "Your practitioner and their supervisor can see")
	check.status(parent.get("/my/vigilance/new"), http.StatusOK)

	// No words: the form comes back with the level kept.
	res := parent.post("/my/vigilance", url.Values{"level": {string(journal.OpenAttention)}, "sign": {"Out till ten"}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "There is a problem", `href="#about"`, "Say in a few words what you are keeping an eye on", `value="open" checked`, "Out till ten")
	check.status(parent.post("/my/vigilance", url.Values{"about": {"Staying out late"}, "level": {string(journal.OpenAttention)}}), http.StatusSeeOther)
	concerns, err := env.DB.Concerns(ctx, orgID, fam)
	if err != nil || len(concerns) != 1 {
		t.Fatalf("Concerns = %+v, %v", concerns, err)
	}
	id := concerns[0].ID
	page := "/my/vigilance/" + id
	check.contains(parent.get("/my/vigilance"), "Staying out late", "Open attention", `href="`+page+`"`)

	// A change of level without the warning sign is refused, and kept.
	res = parent.post(page+"/level", url.Values{"level": {string(journal.FocusedAttention)}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "Say what you noticed that made you change the level", `value="focused" checked`)
	if c, _ := env.DB.Concern(ctx, orgID, fam, id); c.Level != journal.OpenAttention || len(c.History) != 1 {
		t.Errorf("a change without its warning sign was saved: %+v", c)
	}
	res = parent.post(page+"/level", url.Values{"level": {string(journal.OpenAttention)}, "sign": {"Nothing new"}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "Choose a different level")
	// With the sign, it moves, and the history says why.
	check.status(parent.post(page+"/level", url.Values{"level": {string(journal.FocusedAttention)}, "sign": {"Came home at midnight"}}), http.StatusSeeOther)
	check.contains(parent.get(page), "Focused attention", "moved from open attention to focused attention", "Came home at midnight", "started at open attention")

	// The practitioner reads the same, with no way to change it.
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	check.contains(prac.get("/families/"+fam), `href="/families/`+fam+`/vigilance"`, `href="/families/`+fam+`/baskets"`)
	staff := prac.get("/families/" + fam + "/vigilance")
	check.status(staff, http.StatusOK)
	check.contains(staff, "Staying out late", "Focused attention", "Came home at midnight", "only they can change them")
	if strings.Contains(staff.body, `href="/my/`) || strings.Contains(staff.body, `method="post"`) && strings.Contains(staff.body, "/level") {
		t.Error("the practitioner's page offers the parent's changes")
	}

	// No longer a worry: asked first, then kept apart.
	check.contains(parent.get(page+"/settle"), "Is this no longer a worry?")
	check.status(parent.post(page+"/settle", nil), http.StatusSeeOther)
	list := parent.get("/my/vigilance")
	check.contains(list, "No longer a worry", "Staying out late", "Nothing here yet")
	check.status(parent.get(page+"/settle"), http.StatusNotFound)
	res = parent.post(page+"/level", url.Values{"level": {string(journal.ProtectiveAction)}, "sign": {"Again"}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(prac.get("/families/"+fam+"/vigilance"), "No longer a worry", "Came home at midnight")

	all := auditReasons(t, env, orgID, fam)
	for _, want := range []string{"vigilant care concern added", "vigilant care level changed: " + id, "vigilant care concern settled: " + id,
		"concern read: " + id, "vigilant care read"} {
		if !strings.Contains(all, want) {
			t.Errorf("the audit trail lacks %q", want)
		}
	}
}

// TestParentSortsBaskets walks a parent through their baskets: adding
// behaviours (one twice, refused), moving one, and taking one off; and
// checks that the practitioner reads every move, read only.
func TestParentSortsBaskets(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	parent, fam := freshParent(t, env, "The Basket family", "Sam Basket")
	check := pageChecks{t}

	empty := parent.get("/my/baskets")
	check.status(empty, http.StatusOK)
	check.contains(empty, "Must resist", "Negotiable", "Let go for now", "Nothing in this basket yet", "No changes yet")
	check.contains(parent.get("/my/baskets/new?basket=let-go"), `value="let-go" checked`)

	res := parent.post("/my/baskets", url.Values{"what": {"Hitting their brother"}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "Choose a basket", `value="Hitting their brother"`)
	check.status(parent.post("/my/baskets", url.Values{"what": {"Hitting their brother"}, "basket": {string(journal.MustResist)}}), http.StatusSeeOther)
	check.status(parent.post("/my/baskets", url.Values{"what": {"Untidy room"}, "basket": {string(journal.Negotiable)}}), http.StatusSeeOther)
	// The same behaviour cannot go in a second basket.
	res = parent.post("/my/baskets", url.Values{"what": {"untidy  room"}, "basket": {string(journal.LetGo)}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "This is already in “Negotiable”")

	list, err := env.DB.Behaviours(ctx, orgID, fam)
	if err != nil || len(list) != 2 {
		t.Fatalf("Behaviours = %+v, %v", list, err)
	}
	room := list[1]
	check.contains(parent.get("/my/baskets/"+room.ID+"/move"), "Move “Untidy room”", "It is in “Negotiable” now")
	res = parent.post("/my/baskets/"+room.ID+"/move", url.Values{"basket": {string(journal.Negotiable)}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "Choose another basket")
	check.status(parent.post("/my/baskets/"+room.ID+"/move", url.Values{"basket": {string(journal.LetGo)}}), http.StatusSeeOther)
	check.contains(parent.get("/my/baskets"), "“Untidy room” moved from negotiable to let go for now", "“Hitting their brother” put in must resist")

	check.contains(parent.get("/my/baskets/"+list[0].ID+"/remove"), "Take “Hitting their brother” off your baskets?")
	check.status(parent.post("/my/baskets/"+list[0].ID+"/remove", nil), http.StatusSeeOther)
	check.status(parent.get("/my/baskets/"+list[0].ID+"/move"), http.StatusNotFound)

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	staff := prac.get("/families/" + fam + "/baskets")
	check.status(staff, http.StatusOK)
	check.contains(staff, "Untidy room", "moved from negotiable to let go for now", "“Hitting their brother” taken off (it was in must resist)",
		"only they can change them")
	if strings.Contains(staff.body, `href="/my/baskets/`) {
		t.Error("the practitioner's page offers the parent's changes")
	}

	all := auditReasons(t, env, orgID, fam)
	for _, want := range []string{"behaviour put in a basket: must-resist", "behaviour moved to let-go: " + room.ID,
		"behaviour taken off the baskets: " + list[0].ID, "baskets read"} {
		if !strings.Contains(all, want) {
			t.Errorf("the audit trail lacks %q", want)
		}
	}
}
