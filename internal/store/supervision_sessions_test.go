package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

func TestSupervisionSessions(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if err := db.Allocate(ctx, a.id, a.family.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		// Only a supervisor and a practitioner they supervise meet.
		for name, s := range map[string]supervision.Session{
			"an unlinked practitioner": {SupervisorID: a.super.ID, PractitionerID: a.other.ID},
			"the wrong way round":      {SupervisorID: a.prac.ID, PractitionerID: a.super.ID},
		} {
			s.PlannedFor, s.CreatedBy = db.Now(), a.super.ID
			if _, err := db.PlanSupervision(ctx, a.id, s); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("planning with %s = %v; want ErrNotFound", name, err)
			}
		}
		if _, err := db.PlanSupervision(ctx, b.id, supervision.Session{SupervisorID: a.super.ID, PractitionerID: a.prac.ID, PlannedFor: db.Now(), CreatedBy: a.super.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("planning in another organisation = %v; want ErrNotFound", err)
		}
		ses, err := db.PlanSupervision(ctx, a.id, supervision.Session{SupervisorID: a.super.ID, PractitionerID: a.prac.ID,
			PlannedFor: db.Now().Add(time.Hour), CreatedBy: a.super.ID})
		if err != nil {
			t.Fatal(err)
		}
		for who, want := range map[string]access.Relationship{a.super.ID: access.Own, a.prac.ID: access.Own, a.admin.ID: access.None, a.other.ID: access.None} {
			rel, err := db.SupervisionRelationship(ctx, access.Actor{UserID: who, OrgID: a.id}, ses.ID)
			if err != nil || rel != want {
				t.Errorf("relationship of %s = %s, %v; want %s", who, rel, err, want)
			}
		}
		if _, err := db.SupervisionRelationship(ctx, access.Actor{UserID: b.super.ID, OrgID: b.id}, ses.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's relationship = %v; want ErrNotFound", err)
		}
		if _, err := db.SupervisionSession(ctx, b.id, ses.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation reads the session: %v", err)
		}

		// The agenda: a debrief sent from the work and a note added by hand.
		plan, _, err := db.SavePlan(ctx, a.id, conversation.Plan{FamilyID: a.family.ID, AuthorID: a.prac.ID, Purpose: "Talk about school", Worries: "w", Opening: "o"})
		if err != nil {
			t.Fatal(err)
		}
		sent, err := db.SendToSupervision(ctx, a.id, supervision.Item{PractitionerID: a.prac.ID, FamilyID: a.family.ID, Kind: supervision.ConversationDebrief, ItemID: plan.ID})
		if err != nil {
			t.Fatal(err)
		}
		kept, err := db.AddAgendaNote(ctx, a.id, supervision.AgendaNote{PractitionerID: a.prac.ID, Text: " How the week felt ", AddedBy: a.prac.ID})
		if err != nil || kept.Text != "How the week felt" {
			t.Fatalf("AddAgendaNote = %+v, %v", kept, err)
		}
		if _, err := db.AddAgendaNote(ctx, a.id, supervision.AgendaNote{PractitionerID: a.prac.ID, FamilyID: b.family.ID, Text: "x", AddedBy: a.prac.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an agenda note about another organisation's family = %v", err)
		}
		items, err := db.WaitingSupervisionItems(ctx, a.id, a.prac.ID)
		if err != nil || len(items) != 1 || items[0].FamilyName != "Family A" || items[0].Path() != "/families/"+a.family.ID+"/conversations/"+plan.ID {
			t.Fatalf("waiting items = %+v, %v", items, err)
		}

		// Case direction only for the practitioner's own families, with an owner in the session.
		d := supervision.Direction{SessionID: ses.ID, FamilyID: a.family.ID, Decision: "Visit jointly", Action: "Book it", OwnerID: a.prac.ID,
			DueOn: "2027-01-04", RecordedBy: a.super.ID}
		for name, bad := range map[string]func(supervision.Direction) supervision.Direction{
			"a family not in the caseload": func(d supervision.Direction) supervision.Direction { d.FamilyID = a.otherFamily.ID; return d },
			"an owner outside the session": func(d supervision.Direction) supervision.Direction { d.OwnerID = a.admin.ID; return d },
		} {
			if _, err := db.RecordDirection(ctx, a.id, bad(d)); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("direction for %s = %v; want ErrNotFound", name, err)
			}
		}
		saved, err := db.RecordDirection(ctx, a.id, d)
		if err != nil || saved.OwnerName != "prac" {
			t.Fatalf("RecordDirection = %+v, %v", saved, err)
		}
		tl, err := db.Timeline(ctx, a.id, a.family.ID, "direction", time.Time{}, time.Time{}, 10, 0)
		if err != nil || tl.Total != 1 || tl.Items[0].Kind != "direction" || tl.Items[0].Text != "Decision: Visit jointly\nAction: Book it (prac, by 4 January 2027)" {
			t.Errorf("timeline = %+v, %v", tl, err)
		}

		// The reflective part, written and replaced.
		if _, err := db.SaveReflection(ctx, b.id, supervision.Reflection{SessionID: ses.ID, Noticed: "x", UpdatedBy: b.super.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation writes the reflection: %v", err)
		}
		empty, err := db.Reflection(ctx, a.id, ses.ID)
		if err != nil || !empty.Empty() {
			t.Errorf("unwritten reflection = %+v, %v", empty, err)
		}
		for _, noticed := range []string{"first", " Tense after the visit "} {
			if _, err := db.SaveReflection(ctx, a.id, supervision.Reflection{SessionID: ses.ID, Noticed: noticed, HowIAm: "Tired", UpdatedBy: a.prac.ID}); err != nil {
				t.Fatal(err)
			}
		}
		refl, err := db.Reflection(ctx, a.id, ses.ID)
		if err != nil || refl.Noticed != "Tense after the visit" || refl.HowIAm != "Tired" {
			t.Errorf("reflection = %+v, %v", refl, err)
		}
		if other, err := db.Reflection(ctx, b.id, ses.ID); err != nil || !other.Empty() {
			t.Errorf("another organisation's read of the reflection = %+v, %v", other, err)
		}

		// Held: the debrief was discussed, the note waits; the next session is planned.
		next, err := db.RecordSupervisionHeld(ctx, a.id, ses.ID, store.Held{At: db.Now(), Items: []string{sent.ID}, Next: db.Now().Add(28 * 24 * time.Hour), RecordedBy: a.super.ID})
		if err != nil || next.ID == "" || next.PractitionerID != a.prac.ID || next.SupervisorID != a.super.ID {
			t.Fatalf("RecordSupervisionHeld = %+v, %v", next, err)
		}
		if _, err := db.RecordSupervisionHeld(ctx, a.id, ses.ID, store.Held{At: db.Now(), RecordedBy: a.super.ID}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("holding a session twice = %v; want ErrConflict", err)
		}
		discussed, err := db.DiscussedSupervisionItems(ctx, a.id, ses.ID)
		if err != nil || len(discussed) != 1 || discussed[0].ID != sent.ID {
			t.Errorf("discussed = %+v, %v", discussed, err)
		}
		waiting, err := db.WaitingAgendaNotes(ctx, a.id, a.prac.ID)
		if err != nil || len(waiting) != 1 || waiting[0].ID != kept.ID {
			t.Errorf("waiting notes = %+v, %v", waiting, err)
		}
		if left, err := db.WaitingSupervisionItems(ctx, a.id, a.prac.ID); err != nil || len(left) != 0 {
			t.Errorf("items still waiting = %+v, %v", left, err)
		}
		up, err := db.UpcomingSupervision(ctx, a.id, a.prac.ID)
		if err != nil || len(up) != 1 || up[0].ID != next.ID || up[0].SupervisorName != "super" {
			t.Errorf("upcoming = %+v, %v", up, err)
		}
		held, err := db.HeldSupervision(ctx, a.id, a.super.ID, 10, 0)
		if err != nil || held.Total != 1 || held.Sessions[0].ID != ses.ID || !held.Sessions[0].Held() {
			t.Errorf("held = %+v, %v", held, err)
		}

		// The next session is moved, then called off: it is kept, but no
		// longer to come; a held session can be neither.
		later := db.Now().Add(35 * 24 * time.Hour)
		if err := db.MoveSupervision(ctx, a.id, next.ID, later); err != nil {
			t.Fatal(err)
		}
		if moved, err := db.SupervisionSession(ctx, a.id, next.ID); err != nil || !moved.PlannedFor.Equal(later.UTC().Truncate(time.Microsecond)) || !moved.Open() {
			t.Errorf("moved session = %+v, %v", moved, err)
		}
		if err := db.MoveSupervision(ctx, b.id, next.ID, later); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation moves the session: %v; want ErrNotFound", err)
		}
		for name, change := range map[string]func() error{
			"moving a held session":      func() error { return db.MoveSupervision(ctx, a.id, ses.ID, later) },
			"calling off a held session": func() error { return db.CancelSupervision(ctx, a.id, ses.ID) },
		} {
			if err := change(); !errors.Is(err, store.ErrConflict) {
				t.Errorf("%s: %v; want ErrConflict", name, err)
			}
		}
		if err := db.CancelSupervision(ctx, a.id, next.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.CancelSupervision(ctx, a.id, next.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("calling off twice: %v; want ErrConflict", err)
		}
		if up, err := db.UpcomingSupervision(ctx, a.id, a.prac.ID); err != nil || len(up) != 0 {
			t.Errorf("upcoming after calling off = %+v, %v; want none", up, err)
		}
		if _, err := db.RecordSupervisionHeld(ctx, a.id, next.ID, store.Held{At: db.Now(), RecordedBy: a.super.ID}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("holding a session called off = %v; want ErrConflict", err)
		}
		if off, err := db.SupervisionSession(ctx, a.id, next.ID); err != nil || !off.Cancelled() || off.Open() {
			t.Errorf("called-off session = %+v, %v", off, err)
		}
		next, err = db.PlanSupervision(ctx, a.id, supervision.Session{SupervisorID: a.super.ID, PractitionerID: a.prac.ID, PlannedFor: later, CreatedBy: a.super.ID})
		if err != nil {
			t.Fatal(err)
		}

		// A supervisor who no longer supervises the practitioner keeps the
		// sessions they held, but not the one to come.
		if err := db.UnlinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		supervisor := access.Actor{UserID: a.super.ID, OrgID: a.id}
		if rel, err := db.SupervisionRelationship(ctx, supervisor, next.ID); err != nil || rel != access.None {
			t.Errorf("an unlinked supervisor's planned session = %s, %v; want none", rel, err)
		}
		if rel, err := db.SupervisionRelationship(ctx, supervisor, ses.ID); err != nil || rel != access.Own {
			t.Errorf("an unlinked supervisor's held session = %s, %v; want own", rel, err)
		}
		if rel, err := db.SupervisionRelationship(ctx, access.Actor{UserID: a.prac.ID, OrgID: a.id}, next.ID); err != nil || rel != access.Own {
			t.Errorf("the practitioner's planned session after the unlinking = %s, %v; want own", rel, err)
		}

		// Only its author takes a waiting note off the agenda.
		if err := db.RemoveAgendaNote(ctx, a.id, a.prac.ID, kept.ID, a.super.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("the supervisor takes the practitioner's note off: %v; want ErrConflict", err)
		}
		if err := db.RemoveAgendaNote(ctx, b.id, a.prac.ID, kept.ID, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation takes the note off: %v; want ErrNotFound", err)
		}
		if n, err := db.AgendaNoteOf(ctx, a.id, a.prac.ID, kept.ID); err != nil || n.Text != "How the week felt" || n.AddedByName != "prac" {
			t.Errorf("AgendaNoteOf = %+v, %v", n, err)
		}
		if err := db.RemoveAgendaNote(ctx, a.id, a.prac.ID, kept.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AgendaNoteOf(ctx, a.id, a.prac.ID, kept.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the note taken off is still there: %v", err)
		}

		// A legal export reads every session's notes and is recorded first.
		e, out, err := db.ExportReflections(ctx, a.id, supervision.LegalExport{PractitionerID: a.prac.ID, ExportedBy: a.admin.ID, Reason: "Court order C1/2026 for the family court"})
		if err != nil || e.Sessions != 1 || len(out) != 1 || out[0].Reflection.Noticed != "Tense after the visit" {
			t.Fatalf("ExportReflections = %+v, %+v, %v", e, out, err)
		}
		if _, _, err := db.ExportReflections(ctx, b.id, supervision.LegalExport{PractitionerID: a.prac.ID, ExportedBy: b.admin.ID, Reason: "Court order"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's export = %v; want ErrNotFound", err)
		}
		exports, err := db.LegalExportsOf(ctx, a.id, a.prac.ID)
		if err != nil || len(exports) != 1 || exports[0].ExportedByName != "admin" || !strings.HasPrefix(exports[0].Reason, "Court order C1") {
			t.Errorf("legal exports = %+v, %v", exports, err)
		}
	})
}

// TestSupervisionRecordsThroughTheStore checks the supervision record the
// store works out against figures worked out by hand, with the clock
// pinned: people join on Monday 5 January 2026, and the record is read at
// noon on Monday 16 November 2026, expecting supervision every 4 weeks.
func TestSupervisionRecordsThroughTheStore(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			ctx := context.Background()
			clock := storetest.NewClockAt(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
			db := storetest.OpenWithClock(t, engine, clock.Now)
			a := newOrg(t, db, "a")
			for _, p := range []string{a.prac.ID, a.other.ID} {
				if err := db.LinkSupervisor(ctx, a.id, a.super.ID, p); err != nil {
					t.Fatal(err)
				}
			}
			unlinked, err := db.CreateUser(ctx, store.NewUser{OrgID: a.id, Email: "unlinked@a.example", Name: "unlinked", Role: access.Practitioner, PasswordHash: "h"})
			if err != nil {
				t.Fatal(err)
			}
			clock.Advance(time.Until(time.Date(2026, 11, 16, 12, 0, 0, 0, time.UTC)) - time.Until(clock.Now()))
			at := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 10, 0, 0, 0, time.UTC) }
			for _, h := range []time.Time{at(5, 11), at(6, 8), at(7, 6), at(8, 3), at(9, 14)} {
				if _, err := db.PlanSupervision(ctx, a.id, supervision.Session{SupervisorID: a.super.ID, PractitionerID: a.prac.ID, PlannedFor: h, HeldAt: h, CreatedBy: a.super.ID}); err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range []time.Time{at(11, 27), at(11, 20)} {
				if _, err := db.PlanSupervision(ctx, a.id, supervision.Session{SupervisorID: a.super.ID, PractitionerID: a.other.ID, PlannedFor: p, CreatedBy: a.super.ID}); err != nil {
					t.Fatal(err)
				}
			}
			records, err := db.SupervisionRecords(ctx, access.Actor{UserID: a.super.ID, OrgID: a.id, Role: access.Supervisor}, 4)
			if err != nil || len(records) != 2 {
				t.Fatalf("supervisor's records = %+v, %v", records, err)
			}
			now := db.Now()
			byName := map[string]supervision.Record{}
			for _, r := range records {
				byName[r.PractitionerName] = r
			}
			// prac: 11 May is before the window (from 18 May, 12:00), so 4 of
			// 6 held; the last, 14 September, made the next due 12 October.
			p := byName["prac"]
			if p.Held != 4 || p.Expected != 6 || !p.Last.Equal(at(9, 14)) || !p.DueBy.Equal(at(10, 12)) || p.Status(now) != "Overdue by 35 days" || !p.Next.IsZero() {
				t.Errorf("prac's record = %+v, %q", p, p.Status(now))
			}
			// other: none held; the sooner of the two planned is next.
			o := byName["other"]
			if o.Held != 0 || o.Expected != 6 || !o.Last.IsZero() || !o.Next.Equal(at(11, 20)) || o.Status(now) != "No supervision recorded; one is due" {
				t.Errorf("other's record = %+v, %q", o, o.Status(now))
			}
			all, err := db.SupervisionRecords(ctx, access.Actor{UserID: a.admin.ID, OrgID: a.id, Role: access.Admin}, 4)
			if err != nil || len(all) != 3 {
				t.Fatalf("administrator's records = %+v, %v", all, err)
			}
			for _, r := range all {
				if r.PractitionerID == unlinked.ID && (r.Held != 0 || r.Expected != 6) {
					t.Errorf("unlinked's record = %+v", r)
				}
			}
		})
	}
}

func TestSupervisionSettings(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if s, err := db.SupervisionSettings(ctx, a.id); err != nil || s != supervision.DefaultSettings() {
			t.Errorf("default settings = %+v, %v", s, err)
		}
		want := supervision.Settings{EveryWeeks: 6, NotSeenWeeks: 3}
		if err := db.SaveSupervisionSettings(ctx, a.id, a.admin.ID, want); err != nil {
			t.Fatal(err)
		}
		if s, err := db.SupervisionSettings(ctx, a.id); err != nil || s != want {
			t.Errorf("saved settings = %+v, %v", s, err)
		}
		if s, err := db.SupervisionSettings(ctx, b.id); err != nil || s != supervision.DefaultSettings() {
			t.Errorf("another organisation's settings = %+v, %v", s, err)
		}
	})
}
