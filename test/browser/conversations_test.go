//go:build browser

package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/supervision"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestConversationPlanJourney is acceptance 2 in Chromium, as the demo
// practitioner: a plan whose worries say "disguised compliance" shows the
// wording hint as it is typed; the plan is saved, debriefed and taken to
// supervision, and the link is stored. axe checks every page on the way.
func TestConversationPlanJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	familyID := env.Accounts[access.Parent].FamilyID
	b := newBrowser(t)
	p := newTab(t, b, env.URL)
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "the family", p.open(t, "/families/"+familyID), 200)
	wantStatus(t, "conversation plans", p.click(t, `a[href="/families/`+familyID+`/conversations"]`), 200)
	p.checkA11y(t, "conversation plans")
	wantStatus(t, "the plan form", p.click(t, `a[href="/families/`+familyID+`/conversations/new"]`), 200)
	p.checkA11y(t, "conversation plan form")

	p.typeInto(t, "#with", "Mum")
	p.typeInto(t, "#purpose", "Talk with Mum about the missed health visits.")
	p.typeInto(t, "#worries", "Three health visits missed since September. Mum shows disguised compliance.")
	box := `[data-hints-for="worries"]`
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(p.text(t, box), "disguised compliance") {
		if time.Now().After(deadline) {
			t.Fatalf("no wording hint appeared beside the worries: %q", p.text(t, box))
		}
		time.Sleep(200 * time.Millisecond)
	}
	if by := eval[string](t, p, `document.querySelector('#worries').getAttribute('aria-describedby')`); !strings.Contains(by, "worries-language-hints") {
		t.Errorf("the worries are described by %q, without their hints", by)
	}
	if hint := p.text(t, box); !strings.Contains(hint, "Try:") {
		t.Errorf("the hint gives no suggestion: %q", hint)
	}
	p.typeInto(t, "#opening", "I would like to talk about Amy's health visits, because I am worried.")
	p.clickOn(t, "#response-1-pattern-avoidance")
	p.typeInto(t, "#response-1-they", "Says she is too busy and ends the call.")
	p.typeInto(t, "#response-1-me", "Offer a visit at Nan's house instead.")
	p.checkA11y(t, "conversation plan form with a wording hint")

	wantStatus(t, "the saved plan", p.click(t, `button[value="save"]`), 200)
	planPath := p.path(t)
	main := p.text(t, "#main-content")
	if !strings.Contains(main, "Plan saved.") || !strings.Contains(main, "You wrote ‘disguised compliance’") || !strings.Contains(main, "Avoidance") {
		t.Fatalf("the saved plan does not show the plan and its hint: %q", main)
	}
	p.checkA11y(t, "conversation plan")

	wantStatus(t, "the edit form", p.click(t, `a[href$="/edit"]`), 200)
	if p.value(t, "#response-1-they") != "Says she is too busy and ends the call." {
		t.Error("the edit form does not hold the plan as saved")
	}
	p.checkA11y(t, "change a conversation plan")
	wantStatus(t, "back to the plan", p.open(t, planPath), 200)

	wantStatus(t, "the debrief form", p.click(t, `a[href$="/debrief"]`), 200)
	p.checkA11y(t, "debrief form")
	p.typeInto(t, "#how-it-went", "Calmer than I feared. We agreed a visit at Nan's.")
	p.typeInto(t, "#family-said", "I'm sick of being judged.")
	p.typeInto(t, "#next-steps", "I will book the health visit by Friday.")
	wantStatus(t, "the debriefed plan", p.click(t, `button[value="save"]`), 200)
	if main := p.text(t, "#main-content"); !strings.Contains(main, "Debriefed") || !strings.Contains(main, "I'm sick of being judged.") {
		t.Fatalf("the plan does not show its debrief: %q", main)
	}
	p.checkA11y(t, "debriefed conversation plan")

	wantStatus(t, "the plan taken to supervision", p.click(t, `form:has(input[value="plan"]) button`), 200)
	wantStatus(t, "the debrief taken to supervision", p.click(t, `form:has(input[value="debrief"]) button`), 200)
	main = p.text(t, "#main-content")
	if !strings.Contains(main, "The plan is on your next supervision agenda.") || !strings.Contains(main, "The debrief is on your next supervision agenda.") {
		t.Errorf("the page does not say both are on the supervision agenda: %q", main)
	}
	p.checkA11y(t, "conversation plan taken to supervision")

	prac, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	items, err := env.DB.WaitingSupervisionItems(t.Context(), prac.OrgID, prac.ID)
	if err != nil {
		t.Fatal(err)
	}
	planID := planPath[strings.LastIndex(planPath, "/")+1:]
	kinds := map[supervision.ItemKind]bool{}
	for _, it := range items {
		if it.ItemID == planID && it.FamilyID == familyID {
			kinds[it.Kind] = true
		}
	}
	if !kinds[supervision.ConversationPlan] || !kinds[supervision.ConversationDebrief] {
		t.Errorf("the supervision links are not stored: %+v", items)
	}
	wantStatus(t, "conversation plans", p.open(t, "/families/"+familyID+"/conversations"), 200)
	p.checkA11y(t, "conversation plans with a debriefed plan")
}
