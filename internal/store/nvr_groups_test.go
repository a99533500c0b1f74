package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the UK zone, even where the system has no zone files

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func newCourse(facilitators ...string) nvr.Course {
	start := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) // a Monday
	return nvr.Course{Name: "Monday group", Kind: nvr.Group, Capacity: 2, Venue: "Family centre", Facilitators: facilitators,
		Schedule: nvr.Schedule{Start: start, Weekday: time.Monday, Time: "18:30", Skip: []time.Time{start.AddDate(0, 0, 7)}}}
}

func TestGroupsStartFromAPinnedCopy(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		london, err := time.LoadLocation("Europe/London")
		if err != nil {
			t.Fatalf("the UK time zone: %v", err)
		}
		shipped := shippedGroup(t)
		c := newCourse(a.prac.ID)
		c.CoFacilitators = []string{a.cofac.ID, b.cofac.ID} // another organisation's user is not added
		g, err := db.CreateGroup(ctx, a.id, a.prac.ID, store.NewGroup{Course: c, Template: shipped, Zone: london})
		if err != nil {
			t.Fatal(err)
		}
		if g.ID == "" || g.TemplateID == shipped.ID || g.TemplateVersion != 1 {
			t.Fatalf("CreateGroup = %+v; want a copy of the shipped template, version 1", g)
		}
		copied, err := db.TemplateAt(ctx, a.id, g.TemplateID, 1)
		if err != nil || copied.CopiedFrom != shipped.ID || len(copied.Sessions) != 12 {
			t.Fatalf("the group's copy = %+v, %v", copied, err)
		}
		got, err := db.Group(ctx, a.id, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Monday group" || got.Kind != nvr.Group || got.Capacity != 2 || got.Venue != "Family centre" ||
			!got.Schedule.Start.Equal(c.Schedule.Start) || got.Schedule.Weekday != time.Monday || got.Schedule.Time != "18:30" ||
			len(got.Schedule.Skip) != 1 || !got.Schedule.Skip[0].Equal(c.Schedule.Skip[0]) ||
			len(got.Facilitators) != 1 || got.Facilitators[0] != a.prac.ID || len(got.CoFacilitators) != 1 || got.CoFacilitators[0] != a.cofac.ID {
			t.Errorf("Group = %+v", got)
		}
		if _, err := db.Group(ctx, b.id, g.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's group: %v; want ErrNotFound", err)
		}

		sessions, err := db.GroupSessions(ctx, a.id, g.ID)
		if err != nil || len(sessions) != 12 {
			t.Fatalf("GroupSessions = %d, %v", len(sessions), err)
		}
		// Session 2 falls after the skipped week; 18:30 in London is 18:30
		// UTC in winter.
		if sessions[0].StartsAt != time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC) ||
			sessions[1].StartsAt != time.Date(2026, 12, 7, 18, 30, 0, 0, time.UTC) ||
			sessions[0].Title != shipped.Sessions[0].Title || sessions[11].Title != shipped.Sessions[11].Title {
			t.Errorf("sessions = %+v", sessions[:2])
		}

		// Acceptance 4: editing the template after the group started does
		// not change the group's sessions.
		edit := copied
		edit.SavedBy = a.super.ID
		edit.Sessions = append([]nvr.Session(nil), copied.Sessions...)
		edit.Sessions[0].Title = "A different first session"
		edit.Sessions[0].Handout = "Changed."
		if _, added, err := db.SaveTemplate(ctx, a.id, edit); err != nil || !added {
			t.Fatalf("SaveTemplate = %v, %v", added, err)
		}
		after, _ := db.GroupSessions(ctx, a.id, g.ID)
		still, _ := db.Group(ctx, a.id, g.ID)
		pinned, err := db.TemplateAt(ctx, a.id, still.TemplateID, still.TemplateVersion)
		if err != nil || after[0].Title != shipped.Sessions[0].Title || still.TemplateVersion != 1 ||
			pinned.Sessions[0].Handout != shipped.Sessions[0].Handout {
			t.Errorf("after an edit: session 1 %q, version %d, handout changed %v, %v", after[0].Title, still.TemplateVersion,
				pinned.Sessions[0].Handout != shipped.Sessions[0].Handout, err)
		}

		// Starting from the organisation's own template pins its latest
		// version without copying; another organisation's is not found.
		own, _ := db.Template(ctx, a.id, copied.ID)
		g2, err := db.CreateGroup(ctx, a.id, a.prac.ID, store.NewGroup{Course: newCourse(a.prac.ID), Template: own, Zone: london})
		if err != nil || g2.TemplateID != own.ID || g2.TemplateVersion != 2 {
			t.Errorf("group from own template = %+v, %v", g2, err)
		}
		if _, err := db.CreateGroup(ctx, b.id, b.prac.ID, store.NewGroup{Course: newCourse(b.prac.ID), Template: own, Zone: london}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("group from another organisation's template: %v; want ErrNotFound", err)
		}
	})
}

func TestGroupRelationshipsAndLists(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		c := newCourse(a.prac.ID)
		c.CoFacilitators = []string{a.cofac.ID}
		g, err := db.CreateGroup(ctx, a.id, a.prac.ID, store.NewGroup{Course: c, Template: shippedGroup(t), Zone: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			who  access.User
			want access.Relationship
		}{
			{a.prac, access.Attached}, {a.cofac, access.Attached}, {a.super, access.Supervised},
			{a.other, access.None}, {a.admin, access.None}, {a.parent, access.None},
		}
		for _, tc := range cases {
			rel, err := db.GroupRelationship(ctx, tc.who.Actor(), g.ID)
			if err != nil || rel != tc.want {
				t.Errorf("%s: GroupRelationship = %q, %v; want %q", tc.who.Role, rel, err, tc.want)
			}
		}
		if _, err := db.GroupRelationship(ctx, b.prac.Actor(), g.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation: %v; want ErrNotFound", err)
		}
		for _, tc := range []struct {
			who  access.User
			want int
		}{{a.prac, 1}, {a.cofac, 1}, {a.super, 1}, {a.admin, 1}, {a.other, 0}, {a.parent, 0}, {b.admin, 0}, {b.prac, 0}} {
			list, err := db.Groups(ctx, tc.who.Actor())
			if err != nil || len(list) != tc.want {
				t.Errorf("%s of %s: Groups = %d, %v; want %d", tc.who.Role, tc.who.OrgID, len(list), err, tc.want)
			}
		}
	})
}

func TestEnrolmentAttendanceAndNotes(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		for _, f := range []string{a.family.ID, a.otherFamily.ID} {
			if err := db.Allocate(ctx, a.id, f, a.prac.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.RecordConsent(ctx, a.id, a.prac.ID, family.Consent{FamilyID: a.family.ID, Kind: family.ShareWithGroup, How: family.Spoken, GivenBy: "Sam"}); err != nil {
			t.Fatal(err)
		}
		sam, err := db.AddMember(ctx, a.id, family.Member{FamilyID: a.family.ID, Kind: family.Carer, Name: "Sam Okafor"})
		if err != nil {
			t.Fatal(err)
		}
		child, _ := db.AddMember(ctx, a.id, family.Member{FamilyID: a.family.ID, Kind: family.Child, Name: "Jo Okafor"})
		ali, _ := db.AddMember(ctx, a.id, family.Member{FamilyID: a.otherFamily.ID, Kind: family.Carer, Name: "Ali Smith"})

		g, err := db.CreateGroup(ctx, a.id, a.prac.ID, store.NewGroup{Course: newCourse(a.prac.ID), Template: shippedGroup(t), Zone: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		cands, err := db.EnrolCandidates(ctx, a.prac.Actor(), g.ID)
		if err != nil || len(cands) != 2 || cands[0].FamilyName != "Family A" || len(cands[0].Carers) != 1 || cands[0].Carers[0].Name != "Sam Okafor" {
			t.Errorf("EnrolCandidates = %+v, %v", cands, err)
		}
		if cands, _ := db.EnrolCandidates(ctx, a.other.Actor(), g.ID); len(cands) != 0 {
			t.Errorf("unallocated practitioner's candidates = %+v", cands)
		}

		if _, err := db.Enrol(ctx, a.id, g.ID, a.family.ID, child.ID, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("enrolling a child: %v; want ErrNotFound", err)
		}
		if _, err := db.Enrol(ctx, a.id, g.ID, a.family.ID, ali.ID, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("enrolling another family's carer: %v; want ErrNotFound", err)
		}
		if _, err := db.Enrol(ctx, b.id, g.ID, a.family.ID, sam.ID, b.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("enrolling from another organisation: %v; want ErrNotFound", err)
		}
		e, err := db.Enrol(ctx, a.id, g.ID, a.family.ID, sam.ID, a.prac.ID)
		if err != nil || e.FirstName != "Sam" {
			t.Fatalf("Enrol = %+v, %v", e, err)
		}
		if _, err := db.Enrol(ctx, a.id, g.ID, a.family.ID, sam.ID, a.prac.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("enrolling twice: %v; want ErrConflict", err)
		}
		e2, err := db.Enrol(ctx, a.id, g.ID, a.otherFamily.ID, ali.ID, a.prac.ID)
		if err != nil {
			t.Fatal(err)
		}
		third, _ := db.CreateFamily(ctx, a.id, "Family C")
		carer, _ := db.AddMember(ctx, a.id, family.Member{FamilyID: third.ID, Kind: family.Carer, Name: "Chris"})
		if _, err := db.Enrol(ctx, a.id, g.ID, third.ID, carer.ID, a.prac.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("enrolling beyond capacity 2: %v; want ErrConflict", err)
		}
		list, err := db.Enrolments(ctx, a.id, g.ID)
		if err != nil || len(list) != 2 || list[0].FirstName != "Ali" || list[1].FirstName != "Sam" || list[1].FamilyName != "Family A" || list[1].EnrolledByName != "prac" {
			t.Errorf("Enrolments = %+v, %v", list, err)
		}
		if list, _ := db.Enrolments(ctx, b.id, g.ID); len(list) != 0 {
			t.Errorf("another organisation sees %d enrolments", len(list))
		}

		// Attendance: a correction replaces the current value and keeps
		// the history.
		if err := db.RecordAttendance(ctx, a.id, g.ID, 1, a.prac.ID, []store.AttendanceEntry{
			{EnrolmentID: e.ID, Value: nvr.Absent}, {EnrolmentID: e2.ID, Value: nvr.Present, Note: " Brought biscuits "}}); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordAttendance(ctx, a.id, g.ID, 1, a.prac.ID, []store.AttendanceEntry{{EnrolmentID: e.ID, Value: nvr.Late, Note: "Bus was late"}}); err != nil {
			t.Fatal(err)
		}
		att, err := db.Attendance(ctx, a.id, g.ID, 1)
		if err != nil || len(att) != 2 || att[e.ID].Value != nvr.Late || att[e.ID].Note != "Bus was late" || att[e2.ID].Note != "Brought biscuits" || att[e.ID].RecordedByName != "prac" {
			t.Errorf("Attendance = %+v, %v", att, err)
		}
		hist, err := db.AttendanceHistory(ctx, a.id, e.ID, 1)
		if err != nil || len(hist) != 2 || hist[0].Value != nvr.Absent || hist[1].Value != nvr.Late {
			t.Errorf("AttendanceHistory = %+v, %v", hist, err)
		}
		if err := db.RecordAttendance(ctx, a.id, g.ID, 13, a.prac.ID, []store.AttendanceEntry{{EnrolmentID: e.ID, Value: nvr.Late}}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("attendance at session 13: %v; want ErrNotFound", err)
		}
		if err := db.RecordAttendance(ctx, b.id, g.ID, 1, b.prac.ID, []store.AttendanceEntry{{EnrolmentID: e.ID, Value: nvr.Late}}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("attendance from another organisation: %v; want ErrNotFound", err)
		}
		if att, _ := db.Attendance(ctx, b.id, g.ID, 1); len(att) != 0 {
			t.Errorf("another organisation sees attendance %+v", att)
		}

		// Notes: the session note stays with the group; the parent note
		// also reaches the family's timeline, at the session's time.
		if _, err := db.AddGroupNote(ctx, a.id, g.ID, 1, a.prac.ID, "A warm first session."); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddGroupNote(ctx, b.id, g.ID, 1, b.prac.ID, "Not mine."); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("note from another organisation: %v; want ErrNotFound", err)
		}
		pn, err := db.AddParentNote(ctx, a.id, g.ID, 1, e.ID, a.prac.ID, "Sam spoke about a calm evening.")
		if err != nil || pn.FamilyID != a.family.ID || !strings.HasPrefix(pn.Title, "Monday group, session 1: ") {
			t.Fatalf("AddParentNote = %+v, %v", pn, err)
		}
		if _, err := db.AddParentNote(ctx, b.id, g.ID, 1, e.ID, b.prac.ID, "x"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("parent note from another organisation: %v; want ErrNotFound", err)
		}
		notes, err := db.GroupNotes(ctx, a.id, g.ID, 1, false)
		if err != nil || len(notes) != 1 || notes[0].Body != "A warm first session." || notes[0].AuthorName != "prac" {
			t.Errorf("GroupNotes = %+v, %v", notes, err)
		}
		if notes, _ := db.GroupNotes(ctx, a.id, g.ID, 1, true); len(notes) != 2 || notes[1].EnrolmentID != e.ID {
			t.Errorf("GroupNotes with parents = %+v", notes)
		}
		page, err := db.Timeline(ctx, a.id, a.family.ID, "", time.Time{}, time.Time{}, 10, 0)
		if err != nil || page.Total != 1 || len(page.Items) != 1 || page.Items[0].Kind != "group" || page.Items[0].Text != "Sam spoke about a calm evening." ||
			page.Items[0].Title != pn.Title || page.Items[0].Author != "prac" || !page.Items[0].At.Equal(time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC)) {
			t.Errorf("Timeline = %+v, %v", page, err)
		}
		if page, _ := db.Timeline(ctx, a.id, a.family.ID, "note", time.Time{}, time.Time{}, 10, 0); page.Total != 0 {
			t.Errorf("notes only: %+v", page)
		}
		if page, _ := db.Timeline(ctx, a.id, a.family.ID, "group", time.Time{}, time.Time{}, 10, 0); page.Total != 1 {
			t.Errorf("group only: %+v", page)
		}
		if page, _ := db.Timeline(ctx, a.id, a.otherFamily.ID, "", time.Time{}, time.Time{}, 10, 0); page.Total != 0 {
			t.Errorf("other family's timeline: %+v", page)
		}
	})
}
