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

func TestAllocation(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	waiting := fx.families[unrelated]
	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])
	page := sup.get("/allocations")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.body, html.EscapeString(waiting.Name)) {
		t.Fatalf("waiting list: %d, want the waiting family", page.StatusCode)
	}
	prac := mustUser(t, env, access.Practitioner)
	outsider := mustUser(t, env, access.CoFacilitator)
	if r := sup.post("/allocations", url.Values{"family": {waiting.ID}, "practitioner": {outsider}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("allocating to someone outside the team: %d", r.StatusCode)
	}
	if r := sup.post("/allocations", url.Values{"family": {waiting.ID}, "practitioner": {prac}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("allocate: %d", r.StatusCode)
	}
	p := newClient(t, env)
	p.signIn(env.Accounts[access.Practitioner])
	if home := p.get("/"); !strings.Contains(home.body, html.EscapeString(waiting.Name)) {
		t.Error("the newly allocated family is not on the practitioner's caseload")
	}
	end := "/families/" + waiting.ID + "/allocations/" + prac + "/end"
	if confirm := sup.get(end); confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.body, "allocation to "+html.EscapeString(waiting.Name)+"?") ||
		!strings.Contains(confirm.body, `action="`+end+`"`) {
		t.Errorf("ending an allocation is not confirmed first: %d", confirm.StatusCode)
	}
	if r := sup.post(end, nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("end allocation: %d", r.StatusCode)
	}
	details := sup.get("/families/" + waiting.ID + "/details")
	if details.StatusCode != http.StatusForbidden {
		t.Errorf("after the allocation ended the supervisor still reaches the family: %d", details.StatusCode)
	}
	hist, err := env.DB.AllocationHistory(t.Context(), waiting.OrgID, waiting.ID)
	if err != nil || len(hist) != 1 || hist[0].EndedAt == nil {
		t.Errorf("history = %+v, %v; want the ended allocation kept", hist, err)
	}
}
