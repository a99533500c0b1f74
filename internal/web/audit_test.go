package web_test

import (
	"net/url"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestEventsAreAudited checks that sign-ins, failures, policy decisions on
// personal data (allowed and refused), break-glass and sign-out all reach the
// audit trail, with who, what, the decision and the request.
func TestEventsAreAudited(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			fx := newMatrixFixture(t, env)
			ctx := t.Context()
			orgID := env.Accounts.OrgID(t, env)
			prac := mustUser(t, env, access.Practitioner)

			c := newClient(t, env)
			c.post("/sign-in", url.Values{"email": {env.Accounts[access.Practitioner].Email}, "password": {"not the right one at all"}})
			c.signIn(env.Accounts[access.Practitioner])
			c.get("/families/" + fx.families[related].ID)
			c.get("/families/" + fx.families[unrelated].ID)
			c.post("/families/"+fx.families[unrelated].ID, url.Values{"reason": {"covering the duty desk this afternoon"}})
			c.post("/sign-out", nil)

			page, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ActorID: prac}, 100, 0)
			if err != nil {
				t.Fatal(err)
			}
			want := []struct {
				action   audit.Action
				resource string
				decision audit.Decision
			}{
				{audit.SignInFailed, "", audit.NoDecision},
				{audit.SignIn, "", audit.NoDecision},
				{audit.Read, fx.families[related].ID, audit.Allow},
				{audit.Read, fx.families[unrelated].ID, audit.Deny},
				{audit.BreakGlass, fx.families[unrelated].ID, audit.Allow},
				{audit.BreakGlass, fx.families[unrelated].ID, audit.NoDecision},
				{audit.SignOut, "", audit.NoDecision},
			}
			// Events are listed newest first; walk them oldest first.
			var got []audit.Event
			for i := len(page.Events) - 1; i >= 0; i-- {
				got = append(got, page.Events[i])
			}
			next := 0
			for _, e := range got {
				if next < len(want) && e.Action == want[next].action && e.ResourceID == want[next].resource && e.Decision == want[next].decision {
					if e.RequestID == "" || e.ClientAddr == "" || e.ActorRole != "practitioner" || e.At.IsZero() {
						t.Errorf("event %s lacks its request, address, role or time: %+v", e.Action, e)
					}
					next++
				}
			}
			if next != len(want) {
				t.Errorf("found %d of the %d expected events in order; the log held:", next, len(want))
				for _, e := range got {
					t.Logf("  %s %s/%s %s %q", e.Action, e.ResourceType, e.ResourceID, e.Decision, e.Reason)
				}
			}
		})
	}
}

// TestNoChangeWithoutItsAuditRecord: when a change cannot be recorded, it is
// not made.
func TestNoChangeWithoutItsAuditRecord(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true, RefuseAudit: func(e audit.Event) bool {
		return e.Action == audit.Update || e.Action == audit.Create && e.ResourceType == "family"
	}})
	fx := newMatrixFixture(t, env)
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	cofac := mustUser(t, env, access.CoFacilitator)
	if r := admin.post("/admin/users/"+cofac+"/role", url.Values{"role": {"admin"}}); r.StatusCode != 500 {
		t.Errorf("role change with the audit refusing: %d, want 500", r.StatusCode)
	}
	if u, _ := env.DB.UserByID(t.Context(), cofac); u.Role != access.CoFacilitator {
		t.Errorf("the role changed to %s without an audit record", u.Role)
	}
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	before, _ := env.DB.Members(t.Context(), fx.families[related].OrgID, fx.families[related].ID)
	prac.post("/families/"+fx.families[related].ID+"/people", url.Values{"kind": {"child"}, "name": {"Unrecorded Child"}, "dob-day": {"1"}, "dob-month": {"1"}, "dob-year": {"2015"}})
	if list, _ := env.DB.Members(t.Context(), fx.families[related].OrgID, fx.families[related].ID); len(list) != len(before) {
		t.Errorf("a person was added without an audit record: %d members", len(list))
	}
}
