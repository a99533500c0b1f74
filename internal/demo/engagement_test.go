package demo_test

import (
	"context"
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
)

// TestDemoEngagement checks the demo's engagement records: several
// families have them, one on the first practitioner's caseload has a
// safety flag that their supervisor is alerted to, some plan actions are
// overdue, and everything the workers wrote passes the language checker.
func TestDemoEngagement(t *testing.T) {
	res, db := generate(t, 3)
	ctx := context.Background()
	byRole := map[string]string{}
	for _, a := range res.SignIns {
		byRole[a.Role] = a.Email
	}
	prac, err := db.UserByEmail(ctx, byRole["practitioner"])
	if err != nil {
		t.Fatal(err)
	}
	super, err := db.UserByEmail(ctx, byRole["supervisor"])
	if err != nil {
		t.Fatal(err)
	}
	mine, err := db.AllocatedFamilies(ctx, prac.OrgID, prac.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range mine {
		ids = append(ids, f.ID)
	}
	signals, err := db.CaseloadSignals(ctx, prac.OrgID, ids, db.Now())
	if err != nil {
		t.Fatal(err)
	}
	flagged := 0
	for _, s := range signals {
		if len(s.SafetySteps) > 0 {
			flagged++
		}
	}
	if flagged != 1 {
		t.Errorf("%d families on the first practitioner's caseload have a safety flag, want 1", flagged)
	}
	if alerts, err := db.TeamSafetyAlerts(ctx, prac.OrgID, super.ID); err != nil || len(alerts) == 0 || alerts[0].WorkerID != prac.ID {
		t.Errorf("the first supervisor's alerts = %+v, %v; want the first practitioner's", alerts, err)
	}

	all, err := db.SearchFamilies(ctx, prac.OrgID, "family", 100)
	if err != nil {
		t.Fatal(err)
	}
	ids = ids[:0]
	for _, f := range all {
		ids = append(ids, f.ID)
	}
	latest, err := db.LatestEngagement(ctx, prac.OrgID, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(latest) < 3 {
		t.Errorf("%d demo families have engagement records, want several", len(latest))
	}
	overdue, err := db.OverdueEngagementActions(ctx, prac.OrgID, ids, db.Now(), 100)
	if err != nil || len(overdue) < 2 {
		t.Errorf("%d overdue actions (%v), want a couple", len(overdue), err)
	}

	checker := language.NewChecker(language.Base(), nil, nil)
	for familyID := range latest {
		records, err := db.EngagementRecords(ctx, prac.OrgID, familyID, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range records {
			full, err := db.EngagementRecord(ctx, prac.OrgID, familyID, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			texts := []string{full.HardAreas, full.ForChild, full.Feelings, full.FamilyView}
			for _, p := range full.Patterns {
				texts = append(texts, p.Seen)
			}
			for _, h := range full.Hypotheses {
				texts = append(texts, h.Text)
				for _, c := range h.History {
					texts = append(texts, c.Note)
				}
			}
			for _, a := range full.Actions {
				texts = append(texts, a.What, a.Owner)
			}
			for _, text := range texts {
				for _, f := range checker.Check(text) {
					t.Errorf("demo engagement text %q uses %q: %s", text, f.Text, f.Why)
				}
			}
			if full.ForChild == "" || len(full.Patterns) == 0 || full.Patterns[0].Seen == "" {
				t.Errorf("demo record %+v lacks what it means for the child or the behaviour seen", full)
			}
		}
	}
}
