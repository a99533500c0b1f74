package demo_test

import (
	"context"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
)

// TestDemoGroup checks the demo's NVR group: in its sixth week, run by the
// first practitioner with the co-facilitator attached, with parents who
// agreed to share with a group, attendance for the five sessions held, and
// one parent who has missed the last two.
func TestDemoGroup(t *testing.T) {
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
	cofac, err := db.UserByEmail(ctx, byRole["cofacilitator"])
	if err != nil {
		t.Fatal(err)
	}
	groups, err := db.Groups(ctx, access.Actor{UserID: prac.ID, OrgID: prac.OrgID, Role: access.Practitioner})
	if err != nil || len(groups) != 1 {
		t.Fatalf("the practitioner's groups = %+v, %v; want the demo group", groups, err)
	}
	g := groups[0]
	if rel, err := db.GroupRelationship(ctx, access.Actor{UserID: cofac.ID, OrgID: cofac.OrgID, Role: access.CoFacilitator}, g.ID); err != nil || rel != access.Attached {
		t.Errorf("the co-facilitator's relationship to the group = %v, %v; want attached", rel, err)
	}
	enrolled, err := db.Enrolments(ctx, prac.OrgID, g.ID)
	if err != nil || len(enrolled) < 2 {
		t.Fatalf("enrolments = %d, %v; want at least two parents", len(enrolled), err)
	}
	last := enrolled[len(enrolled)-1]
	missed := 0
	for n := 1; n <= 5; n++ {
		att, err := db.Attendance(ctx, prac.OrgID, g.ID, n)
		if err != nil || len(att) != len(enrolled) {
			t.Fatalf("session %d attendance = %d entries, %v; want one for each parent", n, len(att), err)
		}
		if n >= 4 && !att[last.ID].Value.Came() {
			missed++
		}
	}
	if missed != 2 {
		t.Errorf("the last parent missed %d of the last two sessions; want both", missed)
	}
	if att, _ := db.Attendance(ctx, prac.OrgID, g.ID, 6); len(att) != 0 {
		t.Error("the sixth session, not yet held, has attendance")
	}
}
