package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// TestDemoGroups checks the demo's NVR work: a group in its sixth week,
// run by the first practitioner with the co-facilitator attached, with two
// parents who missed the last two sessions; a group that finished, with a
// parent who left and a supporters' session; and one-to-one work with one
// family. Every parent agreed to share with a group.
func TestDemoGroups(t *testing.T) {
	res, db := generate(t, 3)
	ctx := context.Background()
	byRole := map[string]string{}
	for _, a := range res.SignIns {
		byRole[a.Role] = a.Email
	}
	admin, err := db.UserByEmail(ctx, byRole["admin"])
	if err != nil {
		t.Fatal(err)
	}
	cofac, err := db.UserByEmail(ctx, byRole["cofacilitator"])
	if err != nil {
		t.Fatal(err)
	}
	all, err := db.Groups(ctx, admin.Actor())
	if err != nil || len(all) != 3 {
		t.Fatalf("the organisation's groups = %d, %v; want three", len(all), err)
	}
	byName := map[string]nvr.Course{}
	for _, g := range all {
		byName[g.Name] = g
	}
	now := time.Now()

	running := byName["Thursday evening NVR group"]
	if rel, err := db.GroupRelationship(ctx, cofac.Actor(), running.ID); err != nil || rel != access.Attached {
		t.Errorf("the co-facilitator and the running group: %v, %v; want attached", rel, err)
	}
	enrolled := enrolments(t, db, admin.OrgID, running.ID)
	if len(enrolled) < 4 {
		t.Fatalf("the running group has %d parents; want at least four", len(enrolled))
	}
	attendance, err := db.GroupAttendance(ctx, admin.OrgID, running.ID)
	if err != nil {
		t.Fatal(err)
	}
	slipping := 0
	for _, e := range enrolled {
		if len(attendance[e.ID]) != demoWeek-1 {
			t.Errorf("%s has attendance at %d sessions; want %d", e.FirstName, len(attendance[e.ID]), demoWeek-1)
		}
		if attendance[e.ID][demoWeek-1].Missed() && attendance[e.ID][demoWeek-2].Missed() {
			slipping++
		}
	}
	if slipping != 2 {
		t.Errorf("%d parents missed the last two sessions; want two", slipping)
	}
	catchUps, err := db.GroupCatchUps(ctx, admin.OrgID, running.ID)
	if err != nil || len(catchUps) != 1 {
		t.Errorf("the running group's catch-ups = %d, %v; want one done and one still to arrange", len(catchUps), err)
	}
	sessions, _ := db.GroupSessions(ctx, admin.OrgID, running.ID)
	if len(sessions) != 12 || !sessions[demoWeek-2].StartsAt.Before(now) || sessions[demoWeek].StartsAt.Before(now) {
		t.Errorf("the running group's sessions do not put it in week %d", demoWeek)
	}

	finished := byName["Tuesday morning NVR group"]
	sessions, _ = db.GroupSessions(ctx, admin.OrgID, finished.ID)
	supporters := 0
	for _, s := range sessions {
		if !s.StartsAt.Before(now) {
			t.Errorf("the finished group's session %d is still to come", s.Number)
		}
		if s.Supporters() {
			supporters++
		}
	}
	if len(sessions) != 13 || supporters != 1 {
		t.Errorf("the finished group has %d sessions, %d for supporters; want 12 and one", len(sessions), supporters)
	}
	left := enrolments(t, db, admin.OrgID, finished.ID)
	if len(left) < 3 || len(store.ActiveEnrolments(left)) != len(left)-1 {
		t.Errorf("the finished group's parents = %d, %d still in it; want one who left", len(left), len(store.ActiveEnrolments(left)))
	}

	one := byName["One-to-one NVR at home"]
	if one.Kind != nvr.OneToOne || len(enrolments(t, db, admin.OrgID, one.ID)) != 1 {
		t.Errorf("the one-to-one work = %+v; want one family", one)
	}
	if moves, err := db.SessionMoves(ctx, admin.OrgID, one.ID, 2); err != nil || len(moves) != 1 {
		t.Errorf("the one-to-one's second session moves = %d, %v; want one", len(moves), err)
	}
}

// demoWeek is the week the demo's running group has reached.
const demoWeek = 6

func enrolments(t *testing.T, db *store.DB, orgID, groupID string) []store.Enrolment {
	t.Helper()
	out, err := db.Enrolments(context.Background(), orgID, groupID)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDemoJournal checks the demo parent's eight weeks of journal: fewer
// and calmer hard moments over time, with gestures and self-care, and a
// second family's alert waiting for its practitioner.
func TestDemoJournal(t *testing.T) {
	res, db := generate(t, 3)
	ctx := context.Background()
	var parent, prac string
	for _, a := range res.SignIns {
		switch a.Role {
		case "parent":
			parent = a.FamilyID
		case "practitioner":
			prac = a.Email
		}
	}
	p, err := db.UserByEmail(ctx, prac)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := db.JournalSince(ctx, p.OrgID, parent, time.Now().AddDate(0, 0, -7*9))
	if err != nil {
		t.Fatal(err)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	weeks := journal.Weekly(entries, 8, time.Now(), london)
	first, last := weeks[0], weeks[len(weeks)-2] // this week may have only begun
	fa, _ := first.AverageIntensity()
	la, _ := last.AverageIntensity()
	if first.HardMoments <= last.HardMoments || fa <= la || first.Gestures >= last.Gestures {
		t.Errorf("the demo journal does not get calmer: first week %+v, last full week %+v", first, last)
	}
	users, err := db.ListUsers(ctx, p.OrgID, 500, 0)
	if err != nil {
		t.Fatal(err)
	}
	open := map[string]int{}
	for _, u := range users.Users {
		if u.Role != access.Parent {
			continue
		}
		alerts, err := db.FamilyJournalAlerts(ctx, p.OrgID, u.FamilyID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range alerts {
			if a.AcknowledgedAt == nil {
				open[u.FamilyID]++
			}
		}
	}
	if len(open) != 1 || open[parent] != 0 {
		t.Errorf("open alerts by family = %v; want one, in another family than the demo parent's", open)
	}
}
