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

func TestAuditViewers(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	family := fx.families[related].ID

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	prac.get("/families/" + family)
	cofac := newClient(t, env)
	cofac.signIn(env.Accounts[access.CoFacilitator])
	cofac.get("/families/" + family) // refused, and recorded

	// The administrator sees the whole organisation, and can filter.
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	all := admin.get("/admin/audit")
	for _, want := range []string{html.EscapeString(env.Accounts[access.Practitioner].Name), html.EscapeString(env.Accounts[access.CoFacilitator].Name), "family " + family, "Not allowed"} {
		if !strings.Contains(all.body, want) {
			t.Errorf("the organisation's audit trail lacks %q", want)
		}
	}
	mine := admin.get("/admin/audit?" + url.Values{"person": {env.Accounts[access.CoFacilitator].Email}, "action": {"read"}}.Encode())
	if strings.Contains(mine.body, html.EscapeString(env.Accounts[access.Practitioner].Name)+" (") || !strings.Contains(mine.body, "Not allowed") {
		t.Error("filtering by person and action did not narrow the list")
	}
	bad := admin.get("/admin/audit?" + url.Values{"person": {"nobody@nowhere.example"}, "from": {"3rd November"}}.Encode())
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "No one in your organisation") ||
		!strings.Contains(bad.body, "Enter a date like") || !strings.Contains(bad.body, `value="3rd November"`) {
		t.Errorf("bad filters: %d, want them explained and kept", bad.StatusCode)
	}

	// The supervisor sees their practitioner, not the co-facilitator they do not supervise.
	super := newClient(t, env)
	super.signIn(env.Accounts[access.Supervisor])
	team := super.get("/audit")
	if team.StatusCode != http.StatusOK || !strings.Contains(team.body, html.EscapeString(env.Accounts[access.Practitioner].Name)) ||
		strings.Contains(team.body, html.EscapeString(env.Accounts[access.CoFacilitator].Name)) {
		t.Errorf("the supervisor's team audit trail is wrong: %d", team.StatusCode)
	}
	if r := super.get("/audit?" + url.Values{"person": {env.Accounts[access.CoFacilitator].Email}}.Encode()); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a supervisor asked for someone outside their team: %d, want the request refused", r.StatusCode)
	}

	// The family's worker sees who has looked at the record.
	who := prac.get("/families/" + family + "/audit")
	if who.StatusCode != http.StatusOK || !strings.Contains(who.body, html.EscapeString(env.Accounts[access.CoFacilitator].Name)) || !strings.Contains(who.body, "Not allowed") {
		t.Errorf("the family's audit list: %d, want the refused look shown", who.StatusCode)
	}

	// Looking at the audit trail is itself recorded.
	again := admin.get("/admin/audit?" + url.Values{"action": {"view-audit"}}.Encode())
	if strings.Count(again.body, "Looked at the audit trail</td>") < 3 {
		t.Error("looking at the audit trail was not recorded")
	}
}
