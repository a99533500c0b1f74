package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// TestGroupReports reads what a group's report and the report across
// groups are drawn from, and checks each actor sees only their groups.
func TestGroupReports(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		sam, err := db.AddMember(ctx, a.id, family.Member{FamilyID: a.family.ID, Kind: family.Carer, Name: "Sam Okafor"})
		if err != nil {
			t.Fatal(err)
		}
		ali, err := db.AddMember(ctx, a.id, family.Member{FamilyID: a.otherFamily.ID, Kind: family.Carer, Name: "Ali Smith"})
		if err != nil {
			t.Fatal(err)
		}
		mine, err := db.CreateGroup(ctx, a.id, a.prac.ID, store.NewGroup{Course: newCourse(a.prac.ID), Template: shippedGroup(t), Zone: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		theirs := newCourse(a.other.ID)
		theirs.Name = "Another practitioner's group"
		other, err := db.CreateGroup(ctx, a.id, a.other.ID, store.NewGroup{Course: theirs, Template: shippedGroup(t), Zone: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		es, err := db.Enrol(ctx, a.id, mine.ID, a.family.ID, sam.ID, a.prac.ID)
		if err != nil {
			t.Fatal(err)
		}
		ea, err := db.Enrol(ctx, a.id, mine.ID, a.otherFamily.ID, ali.ID, a.prac.ID)
		if err != nil {
			t.Fatal(err)
		}
		eo, err := db.Enrol(ctx, a.id, other.ID, a.family.ID, sam.ID, a.other.ID)
		if err != nil {
			t.Fatal(err)
		}
		for n, entries := range map[int][]store.AttendanceEntry{
			1: {{EnrolmentID: es.ID, Value: nvr.Present}, {EnrolmentID: ea.ID, Value: nvr.Late}},
			2: {{EnrolmentID: es.ID, Value: nvr.Apologies}},
		} {
			if err := db.RecordAttendance(ctx, a.id, mine.ID, n, a.prac.ID, entries); err != nil {
				t.Fatal(err)
			}
		}

		rep, err := db.GroupReport(ctx, a.id, mine.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Course.Name != "Monday group" || len(rep.Sessions) != 12 || len(rep.Enrolments) != 2 || rep.Course.Facilitators[0] != a.prac.ID {
			t.Fatalf("GroupReport = %s, %d sessions, %d enrolments", rep.Course.Name, len(rep.Sessions), len(rep.Enrolments))
		}
		wantAtt := map[string]map[int]nvr.Attendance{es.ID: {1: nvr.Present, 2: nvr.Apologies}, ea.ID: {1: nvr.Late}}
		if !reflect.DeepEqual(rep.Attendance, wantAtt) {
			t.Errorf("attendance = %v; want %v", rep.Attendance, wantAtt)
		}
		in := rep.Input()
		// Enrolments come by first name: Ali, then Sam.
		if len(in.Sessions) != 12 || in.Sessions[1].StartsAt != rep.Sessions[1].StartsAt || len(in.Parents) != 2 ||
			in.Parents[0].EnrolmentID != ea.ID || in.Parents[1].Attendance[2] != nvr.Apologies {
			t.Errorf("Input = %+v", in)
		}
		// Three sessions held (the second week is skipped): both came to
		// the first; Sam sent apologies to the second; nothing is recorded
		// for the third.
		r := in.Report(rep.Sessions[2].StartsAt.Add(time.Hour))
		if r.Held != 3 || r.Funnel.CameToFirst != 2 || r.BySession[2].NotRecorded != 2 {
			t.Errorf("report = %+v", r)
		}
		if _, err := db.GroupReport(ctx, b.id, mine.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's group report: %v; want ErrNotFound", err)
		}

		for _, tc := range []struct {
			who  access.User
			want []string // group names, newest start first (then by ID)
		}{
			{a.prac, []string{"Monday group"}},
			{a.super, []string{"Monday group"}},
			{a.other, []string{"Another practitioner's group"}},
			{a.cofac, nil},
			{a.parent, nil},
			{b.admin, nil},
		} {
			reps, err := db.GroupReports(ctx, tc.who.Actor())
			if err != nil {
				t.Fatalf("%s: %v", tc.who.Role, err)
			}
			var names []string
			for _, cr := range reps {
				names = append(names, cr.Course.Name)
			}
			if !reflect.DeepEqual(names, tc.want) {
				t.Errorf("%s of %s: GroupReports = %q; want %q", tc.who.Name, tc.who.OrgID, names, tc.want)
			}
		}
		all, err := db.GroupReports(ctx, a.admin.Actor())
		if err != nil || len(all) != 2 {
			t.Fatalf("the administrator's GroupReports = %d, %v; want both groups", len(all), err)
		}
		byID := map[string]store.CourseReport{}
		for _, cr := range all {
			byID[cr.Course.ID] = cr
		}
		got := byID[mine.ID].Input
		if len(got.Sessions) != 12 || got.Sessions[0].Number != 1 || !got.Sessions[0].StartsAt.Equal(rep.Sessions[0].StartsAt) {
			t.Errorf("sessions across groups = %+v", got.Sessions)
		}
		parents := map[string]map[int]nvr.Attendance{}
		for _, p := range got.Parents {
			parents[p.EnrolmentID] = p.Attendance
		}
		if !reflect.DeepEqual(parents, wantAtt) {
			t.Errorf("parents across groups = %v; want %v", parents, wantAtt)
		}
		if o := byID[other.ID].Input; len(o.Sessions) != 12 || len(o.Parents) != 1 || o.Parents[0].EnrolmentID != eo.ID || len(o.Parents[0].Attendance) != 0 {
			t.Errorf("the other group = %+v; want one parent with nothing recorded", o)
		}
	})
}
