package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// TestDemoWellbeing checks the demo's check-ins show what the pages are
// for: North reaches 5 answers in most weeks and falls short in some, eight
// practitioners answer, and the printed practitioner shares their trend
// with their supervisor, who leads North.
func TestDemoWellbeing(t *testing.T) {
	res, db := generate(t, 7)
	ctx := context.Background()
	if res.People[access.Practitioner] != 10 {
		t.Errorf("%d practitioners, want the 6 who work with families and the 4 who joined North", res.People[access.Practitioner])
	}
	byRole := map[string]string{}
	for _, a := range res.SignIns {
		u, err := db.UserByEmail(ctx, a.Email)
		if err != nil {
			t.Fatal(err)
		}
		byRole[a.Role] = u.ID
	}
	prac, err := db.UserByID(ctx, byRole["practitioner"])
	if err != nil {
		t.Fatal(err)
	}
	sup, err := db.UserByID(ctx, byRole["supervisor"])
	if err != nil {
		t.Fatal(err)
	}
	if prac.TeamID == "" || prac.TeamID != sup.TeamID {
		t.Fatalf("the practitioner's team %q is not their supervisor's %q", prac.TeamID, sup.TeamID)
	}
	if rel, err := db.TrendRelationship(ctx, prac.OrgID, sup.ID, prac.ID); err != nil || rel != access.Supervised {
		t.Errorf("the supervisor's view of the practitioner's trend: %s, %v; want it shared", rel, err)
	}
	zone, _ := time.LoadLocation("Europe/London")
	weeks := wellbeing.LastWeeks(12, db.Now(), zone)
	totals, err := db.TeamCheckInTotals(ctx, prac.OrgID, prac.TeamID, weeks[0])
	if err != nil {
		t.Fatal(err)
	}
	shown, hidden := 0, 0
	for _, f := range wellbeing.Figures(totals, weeks) {
		if f.Shown {
			shown++
		} else if f.Week != weeks[len(weeks)-1] {
			hidden++
		}
	}
	if shown < 6 || hidden < 1 {
		t.Errorf("North's figures: %d weeks shown and %d hidden; want most shown and some hidden", shown, hidden)
	}
	org, err := db.OrganisationCheckInTotals(ctx, prac.OrgID, weeks[0])
	if err != nil {
		t.Fatal(err)
	}
	most := 0
	for _, tt := range org {
		most = max(most, tt.Answers)
	}
	if most != 8 {
		t.Errorf("at most %d answers in a week across the organisation; want 8 practitioners", most)
	}
	if own, err := db.SelfCheckIns(ctx, prac.OrgID, prac.ID, weeks[0]); err != nil || len(own) < 10 {
		t.Errorf("the practitioner's own check-ins: %d, %v", len(own), err)
	}
}
