package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// groupWithParent starts a group run by o.prac (capacity 2) and enrols
// o.family's carer Sam, with consent to share with the group.
func groupWithParent(t *testing.T, db *store.DB, o org) (nvr.Course, store.Enrolment) {
	t.Helper()
	ctx := context.Background()
	g, err := db.CreateGroup(ctx, o.id, o.prac.ID, store.NewGroup{Course: newCourse(o.prac.ID), Template: shippedGroup(t), Zone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	sam, err := db.AddMember(ctx, o.id, family.Member{FamilyID: o.family.ID, Kind: family.Carer, Name: "Sam Okafor"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.RecordConsent(ctx, o.id, o.prac.ID, family.Consent{FamilyID: o.family.ID, Kind: family.ShareWithGroup, How: family.Spoken, GivenBy: "Sam"}); err != nil {
		t.Fatal(err)
	}
	e, err := db.Enrol(ctx, o.id, g.ID, o.family.ID, sam.ID, o.prac.ID)
	if err != nil {
		t.Fatal(err)
	}
	return g, e
}

func TestWithdrawingAParentKeepsTheirRecord(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		g, e := groupWithParent(t, db, a)
		if err := db.RecordAttendance(ctx, a.id, g.ID, 1, a.prac.ID, []store.AttendanceEntry{{EnrolmentID: e.ID, Value: nvr.Present}}); err != nil {
			t.Fatal(err)
		}
		if err := db.WithdrawEnrolment(ctx, b.id, g.ID, e.ID, b.prac.ID, "Moved away"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("withdrawing from another organisation: %v; want ErrNotFound", err)
		}
		if err := db.WithdrawEnrolment(ctx, a.id, g.ID, e.ID, a.prac.ID, " Moved to another county "); err != nil {
			t.Fatal(err)
		}
		if err := db.WithdrawEnrolment(ctx, a.id, g.ID, e.ID, a.prac.ID, "Again"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("withdrawing twice: %v; want ErrNotFound", err)
		}
		all, err := db.Enrolments(ctx, a.id, g.ID)
		if err != nil || len(all) != 1 || all[0].Active() || all[0].WithdrawnReason != "Moved to another county" || all[0].WithdrawnByName != "prac" {
			t.Fatalf("Enrolments after withdrawing = %+v, %v", all, err)
		}
		if len(store.ActiveEnrolments(all)) != 0 {
			t.Error("a withdrawn parent is still active")
		}
		if att, _ := db.Attendance(ctx, a.id, g.ID, 1); att[e.ID].Value != nvr.Present {
			t.Errorf("attendance after withdrawing = %+v; want it kept", att)
		}
		// Enrolling the family again brings back the same place, with its
		// attendance.
		again, err := db.Enrol(ctx, a.id, g.ID, a.family.ID, e.MemberID, a.prac.ID)
		if err != nil || again.ID != e.ID {
			t.Fatalf("enrolling again = %+v, %v; want the same enrolment %s", again, err, e.ID)
		}
		all, _ = db.Enrolments(ctx, a.id, g.ID)
		if len(all) != 1 || !all[0].Active() || all[0].WithdrawnReason != "" {
			t.Errorf("after enrolling again = %+v", all)
		}
		if _, err := db.Enrol(ctx, a.id, g.ID, a.family.ID, e.MemberID, a.prac.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("enrolling an active family twice: %v; want ErrConflict", err)
		}
	})
}

func TestWithdrawnConsentTakesAFamilyOutOfItsGroups(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		g, e := groupWithParent(t, db, a)
		// A second consent to share: withdrawing one of the two leaves the
		// family in the group.
		second, err := db.RecordConsent(ctx, a.id, a.prac.ID, family.Consent{FamilyID: a.family.ID, Kind: family.ShareWithGroup, How: family.Written, GivenBy: "Sam"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.WithdrawConsent(ctx, a.id, a.family.ID, second.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if all, _ := db.Enrolments(ctx, a.id, g.ID); len(all) != 1 || !all[0].Active() {
			t.Fatalf("with one consent still held: %+v", all)
		}
		consents, _ := db.Consents(ctx, a.id, a.family.ID)
		for _, c := range consents {
			if c.Active() {
				if err := db.WithdrawConsent(ctx, a.id, a.family.ID, c.ID, a.prac.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		all, _ := db.Enrolments(ctx, a.id, g.ID)
		if len(all) != 1 || all[0].ID != e.ID || all[0].Active() || all[0].WithdrawnReason != nvr.ConsentWithdrawnReason {
			t.Errorf("after the last consent was withdrawn: %+v", all)
		}
	})
}

func TestMovingASessionKeepsTheMove(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		g, e := groupWithParent(t, db, a)
		if _, err := db.AddParentNote(ctx, a.id, g.ID, 2, e.ID, a.prac.ID, "Sam spoke about the week."); err != nil {
			t.Fatal(err)
		}
		sessions, _ := db.GroupSessions(ctx, a.id, g.ID)
		from, to := sessions[1].StartsAt, sessions[1].StartsAt.AddDate(0, 0, 2)
		if err := db.MoveSession(ctx, b.id, g.ID, 2, to, b.prac.ID, "Nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("moving another organisation's session: %v; want ErrNotFound", err)
		}
		if err := db.MoveSession(ctx, a.id, g.ID, 2, to, a.prac.ID, "The centre is closed"); err != nil {
			t.Fatal(err)
		}
		moved, err := db.GroupSession(ctx, a.id, g.ID, 2)
		if err != nil || !moved.StartsAt.Equal(to) {
			t.Errorf("session 2 = %+v, %v; want it at %s", moved, err, to)
		}
		moves, err := db.SessionMoves(ctx, a.id, g.ID, 2)
		if err != nil || len(moves) != 1 || !moves[0].From.Equal(from) || !moves[0].To.Equal(to) || moves[0].Reason != "The centre is closed" || moves[0].MovedByName != "prac" {
			t.Errorf("SessionMoves = %+v, %v", moves, err)
		}
		page, err := db.Timeline(ctx, a.id, a.family.ID, "group", time.Time{}, time.Time{}, 10, 0)
		if err != nil || len(page.Items) != 1 || !page.Items[0].At.Equal(to) {
			t.Errorf("the parent note's time after the move = %+v, %v; want %s", page.Items, err, to)
		}
	})
}

func TestSupportersSessions(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		g, _ := groupWithParent(t, db, a)
		sessions, _ := db.GroupSessions(ctx, a.id, g.ID)
		// Between sessions 6 and 7.
		at := sessions[5].StartsAt.AddDate(0, 0, 3)
		if _, err := db.AddSupportersSession(ctx, b.id, g.ID, at, "Supporters' session"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("adding to another organisation's group: %v; want ErrNotFound", err)
		}
		n, err := db.AddSupportersSession(ctx, a.id, g.ID, at, "Supporters' session")
		if err != nil || n != 13 {
			t.Fatalf("AddSupportersSession = %d, %v; want 13", n, err)
		}
		after, _ := db.GroupSessions(ctx, a.id, g.ID)
		if len(after) != 13 || after[6].Number != 13 || !after[6].Supporters() || after[5].Supporters() || after[7].Number != 7 {
			t.Errorf("sessions in order = %+v", after)
		}
		for i := 1; i < nvr.MaxExtraSessions; i++ {
			if _, err := db.AddSupportersSession(ctx, a.id, g.ID, at.AddDate(0, 0, i), "Supporters' session"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.AddSupportersSession(ctx, a.id, g.ID, at, "Supporters' session"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("one supporters' session too many: %v; want ErrConflict", err)
		}
	})
}

func TestGroupStaffChanges(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		g, _ := groupWithParent(t, db, a)
		cands, err := db.GroupStaffCandidates(ctx, a.id, g.ID)
		if err != nil || len(cands) != 2 || cands[0].ID != a.cofac.ID || cands[1].ID != a.other.ID {
			t.Errorf("GroupStaffCandidates = %+v, %v; want cofac and other", cands, err)
		}
		if err := db.RemoveGroupStaff(ctx, a.id, g.ID, a.prac.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("taking off the only facilitator: %v; want ErrConflict", err)
		}
		if err := db.AddGroupStaff(ctx, a.id, g.ID, b.prac.ID, nvr.Facilitator); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("adding another organisation's practitioner: %v; want ErrNotFound", err)
		}
		if err := db.AddGroupStaff(ctx, a.id, g.ID, a.other.ID, nvr.Facilitator); err != nil {
			t.Fatal(err)
		}
		if err := db.AddGroupStaff(ctx, a.id, g.ID, a.other.ID, nvr.Facilitator); !errors.Is(err, store.ErrConflict) {
			t.Errorf("adding someone twice: %v; want ErrConflict", err)
		}
		if err := db.AddGroupStaff(ctx, a.id, g.ID, a.cofac.ID, nvr.CoFacilitator); err != nil {
			t.Fatal(err)
		}
		if err := db.RemoveGroupStaff(ctx, a.id, g.ID, a.prac.ID); err != nil {
			t.Errorf("taking off one of two facilitators: %v", err)
		}
		got, _ := db.Group(ctx, a.id, g.ID)
		if len(got.Facilitators) != 1 || got.Facilitators[0] != a.other.ID || len(got.CoFacilitators) != 1 || got.CoFacilitators[0] != a.cofac.ID {
			t.Errorf("staff = %v and %v", got.Facilitators, got.CoFacilitators)
		}
		if err := db.RemoveGroupStaff(ctx, a.id, g.ID, a.cofac.ID); err != nil {
			t.Errorf("taking off the co-facilitator: %v", err)
		}
	})
}

func TestCatchUpsReachTheTimeline(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		g, e := groupWithParent(t, db, a)
		if err := db.RecordAttendance(ctx, a.id, g.ID, 1, a.prac.ID, []store.AttendanceEntry{{EnrolmentID: e.ID, Value: nvr.Apologies}}); err != nil {
			t.Fatal(err)
		}
		planned := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
		if err := db.ArrangeCatchUp(ctx, b.id, g.ID, 1, e.ID, nvr.ByPhone, planned, b.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("arranging in another organisation: %v; want ErrNotFound", err)
		}
		if err := db.ArrangeCatchUp(ctx, a.id, g.ID, 1, e.ID, nvr.ByPhone, planned, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.ArrangeCatchUp(ctx, a.id, g.ID, 1, e.ID, nvr.ByVideo, planned.Add(time.Hour), a.prac.ID); err != nil {
			t.Fatal(err)
		}
		all, err := db.GroupCatchUps(ctx, a.id, g.ID)
		c, ok := all.For(e.ID, 1)
		if err != nil || !ok || c.How != nvr.ByVideo || !c.PlannedAt.Equal(planned.Add(time.Hour)) || c.Done() || c.ArrangedByName != "prac" {
			t.Fatalf("after re-arranging: %+v, %v, %v", c, ok, err)
		}
		done := planned.Add(26 * time.Hour)
		if err := db.RecordCatchUp(ctx, a.id, g.ID, 1, e.ID, nvr.ByVideo, done, a.prac.ID, "We went through the handout on looking after yourself."); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordCatchUp(ctx, a.id, g.ID, 1, e.ID, nvr.ByVideo, done, a.prac.ID, "Twice"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("recording twice: %v; want ErrConflict", err)
		}
		if err := db.ArrangeCatchUp(ctx, a.id, g.ID, 1, e.ID, nvr.ByPhone, planned, a.prac.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("re-arranging a catch-up that happened: %v; want ErrConflict", err)
		}
		all, _ = db.GroupCatchUps(ctx, a.id, g.ID)
		if c, _ := all.For(e.ID, 1); !c.Done() || !c.DoneAt.Equal(done) || !strings.Contains(c.Note, "looking after yourself") {
			t.Errorf("after recording: %+v", c)
		}
		page, err := db.Timeline(ctx, a.id, a.family.ID, "group", time.Time{}, time.Time{}, 10, 0)
		if err != nil || len(page.Items) != 1 || !page.Items[0].At.Equal(done) || !strings.Contains(page.Items[0].Title, "catch-up for session 1") ||
			!strings.Contains(page.Items[0].Title, "by video call") {
			t.Errorf("timeline = %+v, %v", page.Items, err)
		}
		// A catch-up can also be recorded without being arranged first.
		if err := db.RecordAttendance(ctx, a.id, g.ID, 2, a.prac.ID, []store.AttendanceEntry{{EnrolmentID: e.ID, Value: nvr.Absent}}); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordCatchUp(ctx, a.id, g.ID, 2, e.ID, nvr.InPerson, done, a.prac.ID, "A short visit."); err != nil {
			t.Errorf("recording a catch-up not arranged: %v", err)
		}
		att, err := db.GroupAttendance(ctx, a.id, g.ID)
		if err != nil || att[e.ID][1] != nvr.Apologies || att[e.ID][2] != nvr.Absent || len(att[e.ID]) != 2 {
			t.Errorf("GroupAttendance = %+v, %v", att, err)
		}
	})
}

func TestReferrals(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		g, _ := groupWithParent(t, db, a) // a.family is enrolled
		kim, err := db.AddMember(ctx, a.id, family.Member{FamilyID: a.otherFamily.ID, Kind: family.Carer, Name: "Kim Lee"})
		if err != nil {
			t.Fatal(err)
		}
		before := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) // the group's sessions are all to come
		open, err := db.OpenGroups(ctx, a.id, a.otherFamily.ID, before)
		if err != nil || len(open) != 1 || open[0].Course.ID != g.ID || open[0].PlacesLeft != 1 || open[0].Referred || open[0].Enrolled {
			t.Fatalf("OpenGroups = %+v, %v", open, err)
		}
		if open, _ := db.OpenGroups(ctx, a.id, a.family.ID, before); len(open) != 1 || !open[0].Enrolled {
			t.Errorf("the enrolled family's open groups = %+v", open)
		}
		if open, _ := db.OpenGroups(ctx, a.id, a.otherFamily.ID, time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)); len(open) != 0 {
			t.Errorf("a group whose sessions are all past is still open: %+v", open)
		}
		if open, _ := db.OpenGroups(ctx, b.id, "", before); len(open) != 0 {
			t.Errorf("another organisation's open groups = %+v", open)
		}
		if err := db.ReferToGroup(ctx, b.id, g.ID, a.otherFamily.ID, kim.ID, b.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("referring to another organisation's group: %v; want ErrNotFound", err)
		}
		if err := db.ReferToGroup(ctx, a.id, g.ID, a.family.ID, kim.ID, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("referring with another family's carer: %v; want ErrNotFound", err)
		}
		if err := db.ReferToGroup(ctx, a.id, g.ID, a.otherFamily.ID, kim.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.ReferToGroup(ctx, a.id, g.ID, a.otherFamily.ID, kim.ID, a.prac.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("referring twice: %v; want ErrConflict", err)
		}
		if ok, err := db.ReferredTo(ctx, a.id, g.ID, a.otherFamily.ID); err != nil || !ok {
			t.Errorf("ReferredTo = %v, %v", ok, err)
		}
		// The other practitioner runs no group and has no allocation: the
		// referral alone puts the family among the facilitator's candidates.
		cands, err := db.EnrolCandidates(ctx, a.other.Actor(), g.ID)
		if err != nil || len(cands) != 1 || cands[0].FamilyID != a.otherFamily.ID {
			t.Errorf("candidates through the referral = %+v, %v", cands, err)
		}
	})
}
