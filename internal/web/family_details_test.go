package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

func TestContextConsentAndStatus(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	// A family of its own, so the demo's contexts and consents do not count.
	prac, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	fam, err := env.DB.CreateFamily(t.Context(), prac.OrgID, "The Details-Testcase family")
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Allocate(t.Context(), prac.OrgID, fam.ID, prac.ID); err != nil {
		t.Fatal(err)
	}
	base := "/families/" + fam.ID
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])

	bad := c.post(base+"/contexts", url.Values{"kind": {"other"}, "started-day": {"3"}, "started-month": {"9"}, "started-year": {"2099"}})
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Say what the context is") || !strings.Contains(bad.body, `value="2099"`) {
		t.Fatalf("a bad context: %d", bad.StatusCode)
	}
	if r := c.post(base+"/contexts", url.Values{"kind": {"child-protection"}, "started-day": {"3"}, "started-month": {"9"}, "started-year": {"2026"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add context: %d", r.StatusCode)
	}
	ctxs, _ := env.DB.Contexts(t.Context(), fam.OrgID, fam.ID)
	if len(ctxs) != 1 || !ctxs[0].Current() {
		t.Fatalf("contexts = %+v", ctxs)
	}
	end := base + "/contexts/" + ctxs[0].ID + "/end"
	if page := c.get(base + "/details"); !strings.Contains(page.body, `href="`+end+`"`) {
		t.Error("the details page does not link to ending the context")
	}
	if confirm := c.get(end); confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.body, "Record that this context ended today?") ||
		!strings.Contains(confirm.body, `action="`+end+`"`) || !strings.Contains(confirm.body, "Child protection plan, since 3 September 2026") {
		t.Errorf("ending a context is not confirmed first: %d", confirm.StatusCode)
	}
	if r := c.post(end, nil); r.StatusCode != http.StatusSeeOther {
		t.Errorf("end context: %d", r.StatusCode)
	}

	if r := c.post(base+"/consents", url.Values{"kind": {"group"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("consent without how or who: %d", r.StatusCode)
	}
	if r := c.post(base+"/consents", url.Values{"kind": {"group"}, "how": {"spoken"}, "given-by": {"Sam (mum)"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("record consent: %d", r.StatusCode)
	}
	consents, _ := env.DB.Consents(t.Context(), fam.OrgID, fam.ID)
	if !family.Holds(consents, family.ShareWithGroup) {
		t.Fatal("the consent does not hold")
	}
	withdraw := base + "/consents/" + consents[0].ID + "/withdraw"
	if confirm := c.get(withdraw); confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.body, "Record that the family has withdrawn this consent?") ||
		!strings.Contains(confirm.body, `action="`+withdraw+`"`) {
		t.Errorf("withdrawing consent is not confirmed first: %d", confirm.StatusCode)
	}
	if r := c.post(withdraw, nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", r.StatusCode)
	}
	if consents, _ = env.DB.Consents(t.Context(), fam.OrgID, fam.ID); family.Holds(consents, family.ShareWithGroup) {
		t.Error("the withdrawn consent still holds")
	}
	if again := c.get(withdraw); again.StatusCode != http.StatusNotFound {
		t.Errorf("confirming a consent already withdrawn: %d, want 404", again.StatusCode)
	}

	if r := c.post(base+"/status", url.Values{"status": {"closed"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Say why") {
		t.Errorf("closing without a reason: %d", r.StatusCode)
	}
	c.post(base+"/status", url.Values{"status": {"closed"}, "reason": {"The plan's goals are met and mum agreed."}})
	page := c.get(base + "/details")
	if !strings.Contains(page.body, "<strong>closed</strong>") || !strings.Contains(page.body, "Withdrawn") || !strings.Contains(page.body, "Child protection plan") {
		t.Error("the details page does not show the closed status, the withdrawal and the context")
	}
	c.post(base+"/status", url.Values{"status": {"open"}})
	if f, _ := env.DB.FamilyInOrg(t.Context(), fam.OrgID, fam.ID); f.Status != "open" {
		t.Error("the record did not reopen")
	}
}
