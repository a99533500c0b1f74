package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestCoFacilitatorSeesGroupsNotFamilies is issue #6's acceptance 2: the
// co-facilitator sees the group they help run with the parents' first
// names and attendance, and every /families route answers 403 or 404 for
// every family, even one of their group's parents; so does a group they
// are not attached to.
func TestCoFacilitatorSeesGroupsNotFamilies(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env) // its group has the co-facilitator and the related family's carer, absent at session 1
	cofac := newClient(t, env)
	cofac.signIn(env.Accounts[access.CoFacilitator])

	group := cofac.get("/groups/" + fx.group)
	if group.StatusCode != http.StatusOK || !strings.Contains(group.body, "Matrix") || strings.Contains(group.body, fx.families[related].Name) ||
		strings.Contains(group.body, "/families/") {
		t.Errorf("the co-facilitator's group: %d; want the first name and no family", group.StatusCode)
	}
	session := cofac.get("/groups/" + fx.group + "/sessions/1")
	if session.StatusCode != http.StatusOK || !strings.Contains(session.body, "Matrix") || !strings.Contains(session.body, "Did not come") ||
		strings.Contains(session.body, fx.families[related].Name) {
		t.Errorf("the co-facilitator's session: %d; want the first name and attendance", session.StatusCode)
	}

	checked := 0
	for _, r := range env.Server.Routes() {
		row := accessMatrix[r.Pattern]
		if !strings.HasPrefix(row.path, "/families") {
			continue
		}
		for _, tg := range targets {
			path := fx.path(row.path, tg)
			var res response
			if r.Method() == http.MethodPost {
				res = cofac.post(path, url.Values{})
			} else {
				res = cofac.get(path)
			}
			if res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s as the co-facilitator (%s family): %d; want 403 or 404", r.Pattern, tg, res.StatusCode)
			}
			checked++
		}
	}
	if checked < 60 {
		t.Errorf("checked %d family routes; the route list looks short", checked)
	}

	// A group the co-facilitator is not attached to.
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	monday := nextMonday(env.Clock.Now())
	res := prac.post("/groups", url.Values{"name": {"Not theirs"}, "kind": {"group"}, "template": {"steadfast-group-12-week"},
		"start-day": {monday.Format("2")}, "start-month": {monday.Format("1")}, "start-year": {monday.Format("2006")}, "time": {"10:00"}, "capacity": {"12"}})
	other := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || other == "" {
		t.Fatalf("start another group: %d", res.StatusCode)
	}
	for _, path := range []string{other, other + "/sessions/1", other + "/staff", other + "/supporters-session"} {
		if res := cofac.get(path); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
			t.Errorf("%s as the co-facilitator: %d; want 403 or 404", path, res.StatusCode)
		}
	}
}
