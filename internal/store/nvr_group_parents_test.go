package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// TestParentsSeeTheirOwnGroups enrols one family of two in a group and
// checks that its parent, and only its parent, owns the group, has it in
// their list with the right next session, and reads only their own
// family's attendance.
func TestParentsSeeTheirOwnGroups(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		otherParent, err := db.CreateUser(ctx, store.NewUser{OrgID: a.id, Email: "parent-b@a.example", Name: "Ali Smith", Role: access.Parent,
			PasswordHash: "h", FamilyID: a.otherFamily.ID})
		if err != nil {
			t.Fatal(err)
		}
		g, err := db.CreateGroup(ctx, a.id, a.prac.ID, store.NewGroup{Course: newCourse(a.prac.ID), Template: shippedGroup(t), Zone: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		relationship := func(who access.User) access.Relationship {
			t.Helper()
			rel, err := db.GroupRelationship(ctx, who.Actor(), g.ID)
			if err != nil {
				t.Fatalf("%s: GroupRelationship: %v", who.Email, err)
			}
			return rel
		}
		if rel := relationship(a.parent); rel != access.None {
			t.Errorf("a parent before enrolment: %q; want none", rel)
		}
		before := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
		if list, err := db.ParentGroups(ctx, a.parent.Actor(), before); err != nil || len(list) != 0 {
			t.Errorf("ParentGroups before enrolment = %+v, %v; want none", list, err)
		}

		enrolments := map[string]string{} // by family
		for _, f := range []struct{ id, carer string }{{a.family.ID, "Sam Okafor"}, {a.otherFamily.ID, "Ali Smith"}} {
			m, err := db.AddMember(ctx, a.id, family.Member{FamilyID: f.id, Kind: family.Carer, Name: f.carer})
			if err != nil {
				t.Fatal(err)
			}
			e, err := db.Enrol(ctx, a.id, g.ID, f.id, m.ID, a.prac.ID)
			if err != nil {
				t.Fatal(err)
			}
			enrolments[f.id] = e.ID
		}
		if rel := relationship(a.parent); rel != access.Own {
			t.Errorf("an enrolled family's parent: %q; want own", rel)
		}
		if rel := relationship(a.prac); rel != access.Attached {
			t.Errorf("the facilitator after enrolment: %q; want attached", rel)
		}
		if rel := relationship(a.other); rel != access.None {
			t.Errorf("an unrelated practitioner: %q; want none", rel)
		}
		if _, err := db.GroupRelationship(ctx, b.parent.Actor(), g.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a parent of another organisation: %v; want ErrNotFound", err)
		}

		// The next session moves on as sessions start; week two is skipped.
		for _, tc := range []struct {
			at   time.Time
			want int // 0: no next session
		}{
			{before, 1},
			{time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC), 2},
			{time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), 2},
			{time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC), 0},
		} {
			list, err := db.ParentGroups(ctx, a.parent.Actor(), tc.at)
			if err != nil || len(list) != 1 || list[0].Group.ID != g.ID || list[0].Group.Name != "Monday group" || list[0].EnrolmentID != enrolments[a.family.ID] {
				t.Fatalf("ParentGroups at %v = %+v, %v; want the group", tc.at, list, err)
			}
			next := list[0].Next
			switch {
			case tc.want == 0 && next != nil:
				t.Errorf("at %v: next session %+v; want none", tc.at, next)
			case tc.want != 0 && (next == nil || next.Number != tc.want || next.Title == ""):
				t.Errorf("at %v: next session %+v; want session %d", tc.at, next, tc.want)
			case tc.want == 2 && !next.StartsAt.Equal(time.Date(2026, 12, 7, 18, 30, 0, 0, time.UTC)):
				t.Errorf("session 2 starts %v; want 7 December, after the skipped week", next.StartsAt)
			}
		}
		for _, who := range []access.User{a.prac, a.admin, b.parent} {
			if list, err := db.ParentGroups(ctx, who.Actor(), before); err != nil || len(list) != 0 {
				t.Errorf("%s of %s: ParentGroups = %+v, %v; want none", who.Role, who.OrgID, list, err)
			}
		}

		if err := db.RecordAttendance(ctx, a.id, g.ID, 1, a.prac.ID, []store.AttendanceEntry{
			{EnrolmentID: enrolments[a.family.ID], Value: nvr.Apologies}, {EnrolmentID: enrolments[a.otherFamily.ID], Value: nvr.Present}}); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordAttendance(ctx, a.id, g.ID, 2, a.prac.ID, []store.AttendanceEntry{{EnrolmentID: enrolments[a.otherFamily.ID], Value: nvr.Late}}); err != nil {
			t.Fatal(err)
		}
		own, err := db.ParentAttendance(ctx, a.parent.Actor(), g.ID)
		if err != nil || len(own) != 1 || own[1] != nvr.Apologies {
			t.Errorf("ParentAttendance = %v, %v; want only their own apologies for session 1", own, err)
		}
		other, err := db.ParentAttendance(ctx, otherParent.Actor(), g.ID)
		if err != nil || len(other) != 2 || other[1] != nvr.Present || other[2] != nvr.Late {
			t.Errorf("the other parent's ParentAttendance = %v, %v", other, err)
		}
		for _, who := range []access.User{a.prac, b.parent} {
			if got, err := db.ParentAttendance(ctx, who.Actor(), g.ID); err != nil || len(got) != 0 {
				t.Errorf("%s of %s: ParentAttendance = %v, %v; want nothing", who.Role, who.OrgID, got, err)
			}
		}
	})
}
