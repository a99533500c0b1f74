package demo

import (
	"context"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/language"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// quickHasher keeps the demo quick to generate in tests.
type quickHasher struct{}

func (quickHasher) Hash(_ context.Context, p string) (string, error) { return "plain:" + p, nil }

// TestDemoHasConversations: the demo practitioner's first family has a
// debriefed plan whose debrief waits on their supervision agenda, and a
// second family of theirs has a plan still to come.
func TestDemoHasConversations(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t, store.SQLite)
	res, err := Generate(ctx, db, quickHasher{}, 7)
	if err != nil {
		t.Fatal(err)
	}
	var parent, prac Account
	for _, a := range res.SignIns {
		switch access.Role(a.Role) {
		case access.Parent:
			parent = a
		case access.Practitioner:
			prac = a
		}
	}
	u, err := db.UserByEmail(ctx, prac.Email)
	if err != nil {
		t.Fatal(err)
	}
	plans, err := db.Plans(ctx, u.OrgID, parent.FamilyID, 10)
	if err != nil || len(plans) != 1 || plans[0].State() != conversation.Debriefed || len(plans[0].Responses) != 3 {
		t.Fatalf("the demo parent's family's plans = %+v, %v; want one debriefed plan", plans, err)
	}
	items, err := db.WaitingSupervisionItems(ctx, u.OrgID, u.ID)
	if err != nil || len(items) != 1 || items[0].Kind != supervision.ConversationDebrief || items[0].ItemID != plans[0].ID {
		t.Errorf("the demo practitioner's supervision agenda = %+v, %v; want the debrief", items, err)
	}
	planned := 0
	for _, f := range mustFamilies(t, db, u) {
		list, _ := db.Plans(ctx, u.OrgID, f, 10)
		for _, p := range list {
			if p.State() == conversation.Planned {
				planned++
			}
		}
	}
	if planned != 1 {
		t.Errorf("%d plans still to come on the demo practitioner's families, want 1", planned)
	}
}

// mustFamilies lists the IDs of the families allocated to u.
func mustFamilies(t *testing.T, db *store.DB, u access.User) []string {
	t.Helper()
	fs, err := db.AllocatedFamilies(context.Background(), u.OrgID, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ID)
	}
	return ids
}

// TestDemoConversationsAreRespectful: the demo's conversation plans and
// debrief are written as Steadfast asks people to write, and are complete.
// What the family said is their own words and is not checked.
func TestDemoConversationsAreRespectful(t *testing.T) {
	checker := language.NewChecker(language.Base(), nil, nil)
	check := func(what, text string) {
		t.Helper()
		for _, f := range checker.Check(text) {
			t.Errorf("%s says %q: %s", what, f.Text, f.Why)
		}
	}
	for i, p := range demoPlans {
		p.PlannedFor = "2026-12-03"
		if problems := p.Problems(); len(problems) > 0 {
			t.Errorf("demo plan %d: %v", i, problems)
		}
		for _, text := range []string{p.With, p.Purpose, p.Worries, p.WorkingWell, p.NeedsToHappen, p.Opening, p.Support} {
			check("a demo plan", text)
		}
		for _, r := range p.Responses {
			check("a demo plan's response", r.TheyMight+"\n\n"+r.IWill)
		}
	}
	check("the demo debrief", demoDebrief.HowItWent+"\n\n"+demoDebrief.HowIFelt+"\n\n"+demoDebrief.NextSteps)
}
