package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func onDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sampleRecord is a record of avoidance and confrontation, with two actions
// and a spare blank row, as the form sends it.
func sampleRecord(familyID, authorID string) engagement.Record {
	return engagement.Record{
		FamilyID: familyID, AuthorID: authorID, RecordedOn: onDay(2026, 3, 9),
		Patterns: []engagement.ObservedPattern{
			{Pattern: engagement.Confrontation, Seen: "Dad shouted that we had lied in the report and asked me to leave.  "},
			{Pattern: engagement.Avoidance, Seen: "No one answered at the visits on 2 and 9 March."},
		},
		HardAreas:  "Seeing Jay on his own: he is always out when we visit.",
		Hypotheses: []engagement.Hypothesis{{Reason: engagement.Removal}, {Reason: engagement.OtherReason, Text: " Mum works nights "}},
		FamilyView: `"You only come to find fault," Dad said.`,
		ForChild:   "We have not seen Jay for three weeks and do not know how he is.",
		Feelings:   "Anxious before visits.",
		Risk:       engagement.NotAtRisk,
		Actions: []engagement.Action{
			{What: "Offer an evening visit by letter", Owner: "Me", DueOn: onDay(2026, 3, 13)},
			{},
			{What: "Ask school how Jay is", Owner: "Me", DueOn: onDay(2026, 3, 11)},
		},
		ReviewOn: onDay(2026, 4, 6),
	}
}

func TestEngagementRecords(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		saved, err := db.SaveEngagementRecord(ctx, a.id, sampleRecord(a.family.ID, a.prac.ID))
		if err != nil {
			t.Fatal(err)
		}
		if len(saved.Actions) != 2 || saved.Flag != nil {
			t.Fatalf("saved = %+v; want the two actions typed and no safety flag", saved)
		}
		got, err := db.EngagementRecord(ctx, a.id, a.family.ID, saved.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.AuthorName != "prac" || !got.RecordedOn.Equal(onDay(2026, 3, 9)) || !got.ReviewOn.Equal(onDay(2026, 4, 6)) ||
			got.Risk != engagement.NotAtRisk || got.FamilyView != `"You only come to find fault," Dad said.` || got.CreatedAt.IsZero() {
			t.Errorf("record = %+v", got)
		}
		if len(got.Patterns) != 2 || got.Patterns[0].Pattern != engagement.Avoidance || got.Patterns[1].Seen != "Dad shouted that we had lied in the report and asked me to leave." {
			t.Errorf("patterns = %+v; want avoidance then confrontation, as typed but trimmed", got.Patterns)
		}
		if len(got.Hypotheses) != 2 || got.Hypotheses[0].Reason != engagement.Removal || got.Hypotheses[1].Text != "Mum works nights" ||
			got.Hypotheses[1].Status != engagement.Held || len(got.Hypotheses[1].History) != 1 || got.Hypotheses[1].History[0].By != "prac" {
			t.Errorf("hypotheses = %+v; want both held, each with its first status as history", got.Hypotheses)
		}
		if len(got.Actions) != 2 || got.Actions[0].What != "Offer an evening visit by letter" || got.Actions[1].Status != engagement.Open ||
			len(got.Actions[1].History) != 1 || !got.Actions[1].DueOn.Equal(onDay(2026, 3, 11)) {
			t.Errorf("actions = %+v", got.Actions)
		}

		later := sampleRecord(a.family.ID, a.other.ID)
		later.RecordedOn, later.Patterns = onDay(2026, 3, 20), []engagement.ObservedPattern{{Pattern: engagement.Ambivalence, Seen: "Agreed a visit, then was out."}}
		if _, err := db.SaveEngagementRecord(ctx, a.id, later); err != nil {
			t.Fatal(err)
		}
		list, err := db.EngagementRecords(ctx, a.id, a.family.ID, 10)
		if err != nil || len(list) != 2 || list[0].AuthorName != "other" || list[1].ID != saved.ID || len(list[1].Patterns) != 2 || list[1].ForChild != "" {
			t.Errorf("records = %+v, %v; want the newer first, with patterns and without the longer text", list, err)
		}
		hyps, err := db.EngagementHypotheses(ctx, a.id, a.family.ID)
		if err != nil || len(hyps) != 4 || !hyps[0].RecordedOn.Equal(onDay(2026, 3, 20)) {
			t.Errorf("hypotheses = %+v, %v; want four, newest record first", hyps, err)
		}
		open, err := db.OpenEngagementActions(ctx, a.id, a.family.ID)
		if err != nil || len(open) != 4 || !open[0].DueOn.Equal(onDay(2026, 3, 11)) {
			t.Errorf("open actions = %+v, %v; want four, soonest due first", open, err)
		}

		// Another organisation can neither read nor write the family's records.
		if _, err := db.EngagementRecord(ctx, b.id, a.family.ID, saved.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation read the record: %v", err)
		}
		if list, _ := db.EngagementRecords(ctx, b.id, a.family.ID, 10); len(list) != 0 {
			t.Error("another organisation listed the records")
		}
		if _, err := db.SaveEngagementRecord(ctx, b.id, sampleRecord(a.family.ID, b.prac.ID)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation wrote a record: %v", err)
		}
		if _, err := db.SaveEngagementRecord(ctx, a.id, sampleRecord(a.family.ID, b.prac.ID)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation's worker wrote a record: %v", err)
		}
		if _, err := db.EngagementRecord(ctx, a.id, a.otherFamily.ID, saved.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the record was read through another family: %v", err)
		}
	})
}

func TestEngagementStatusHistory(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		rec, err := db.SaveEngagementRecord(ctx, a.id, sampleRecord(a.family.ID, a.prac.ID))
		if err != nil {
			t.Fatal(err)
		}
		act, hyp := rec.Actions[0], rec.Hypotheses[0]
		if changed, err := db.SetActionStatus(ctx, a.id, a.family.ID, rec.ID, act.ID, engagement.Done, "", a.prac.ID); err != nil || !changed {
			t.Fatalf("mark done: %v, %v", changed, err)
		}
		if changed, err := db.SetActionStatus(ctx, a.id, a.family.ID, rec.ID, act.ID, engagement.Done, "", a.prac.ID); err != nil || changed {
			t.Errorf("marking done again: %v, %v; want nothing changed", changed, err)
		}
		if _, err := db.SetHypothesisStatus(ctx, a.id, a.family.ID, rec.ID, hyp.ID, engagement.Tested, "Asked mum: she is frightened Jay will be taken into care", a.super.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetHypothesisStatus(ctx, a.id, a.family.ID, rec.ID, hyp.ID, engagement.SetAside, "", a.prac.ID); err != nil {
			t.Fatal(err)
		}
		got, err := db.EngagementRecord(ctx, a.id, a.family.ID, rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		if h := got.Actions[0].History; got.Actions[0].Status != engagement.Done || len(h) != 2 || h[0].Status != "open" || h[1].Status != "done" {
			t.Errorf("action = %+v; want done, with open then done in its history", got.Actions[0])
		}
		if h := got.Hypotheses[0].History; got.Hypotheses[0].Status != engagement.SetAside || len(h) != 3 ||
			h[1].Status != "tested" || h[1].By != "super" || h[1].Note != "Asked mum: she is frightened Jay will be taken into care" {
			t.Errorf("hypothesis = %+v; want held, tested (with the note, by the supervisor), set aside", got.Hypotheses[0])
		}
		if open, _ := db.OpenEngagementActions(ctx, a.id, a.family.ID); len(open) != 1 {
			t.Errorf("open actions = %d, want 1 once the other is done", len(open))
		}
		for name, err := range map[string]error{
			"another organisation's action": func() error {
				_, err := db.SetActionStatus(ctx, b.id, a.family.ID, rec.ID, act.ID, engagement.Open, "", b.prac.ID)
				return err
			}(),
			"another organisation's worker": func() error {
				_, err := db.SetActionStatus(ctx, a.id, a.family.ID, rec.ID, act.ID, engagement.Open, "", b.prac.ID)
				return err
			}(),
			"the action through another family": func() error {
				_, err := db.SetActionStatus(ctx, a.id, a.otherFamily.ID, rec.ID, act.ID, engagement.Open, "", a.prac.ID)
				return err
			}(),
			"another organisation's hypothesis": func() error {
				_, err := db.SetHypothesisStatus(ctx, b.id, a.family.ID, rec.ID, hyp.ID, engagement.Held, "", b.prac.ID)
				return err
			}(),
			"the hypothesis through another record": func() error {
				_, err := db.SetHypothesisStatus(ctx, a.id, a.family.ID, act.ID, hyp.ID, engagement.Held, "", a.prac.ID)
				return err
			}(),
		} {
			if !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s: %v, want not found", name, err)
			}
		}
		if _, err := db.SetActionStatus(ctx, a.id, a.family.ID, rec.ID, act.ID, "finished", "", a.prac.ID); err == nil {
			t.Error("an unknown status was accepted")
		}
	})
}

func TestSafetyFlags(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		risky := sampleRecord(a.family.ID, a.prac.ID)
		risky.Risk, risky.Safety = engagement.AtRisk, engagement.JointVisit
		first, err := db.SaveEngagementRecord(ctx, a.id, risky)
		if err != nil {
			t.Fatal(err)
		}
		if first.Flag == nil || first.Flag.Step != engagement.JointVisit {
			t.Fatalf("flag = %+v; want a joint-visit flag", first.Flag)
		}
		flags, err := db.ActiveSafetyFlags(ctx, a.id, a.family.ID)
		if err != nil || len(flags) != 1 || flags[0].WorkerName != "prac" || flags[0].RecordID != first.ID || flags[0].Text() != "Joint visits" {
			t.Fatalf("flags = %+v, %v", flags, err)
		}
		alerts, err := db.TeamSafetyAlerts(ctx, a.id, a.super.ID)
		if err != nil || len(alerts) != 1 || alerts[0].FamilyName != "Family A" || alerts[0].WorkerName != "prac" {
			t.Errorf("alerts = %+v, %v; want the practitioner's flag with the family's name", alerts, err)
		}
		if other, _ := db.TeamSafetyAlerts(ctx, b.id, a.super.ID); len(other) != 0 {
			t.Error("another organisation saw the alert")
		}

		// A later record saying they still feel at risk replaces the step.
		risky.Safety, risky.SafetyText = engagement.OtherStep, "Phone first, and meet at the children's centre"
		second, err := db.SaveEngagementRecord(ctx, a.id, risky)
		if err != nil {
			t.Fatal(err)
		}
		flags, _ = db.ActiveSafetyFlags(ctx, a.id, a.family.ID)
		if len(flags) != 1 || flags[0].RecordID != second.ID || flags[0].Text() != "Safety step: Phone first, and meet at the children's centre" {
			t.Errorf("flags = %+v; want only the newer step", flags)
		}
		old, _ := db.EngagementRecord(ctx, a.id, a.family.ID, first.ID)
		if old.Flag == nil || old.Flag.Active() || old.Flag.EndReason != engagement.EndedReplaced {
			t.Errorf("the first record's flag = %+v; want it ended as replaced", old.Flag)
		}

		// Another worker not feeling at risk ends nothing of this worker's.
		calm := sampleRecord(a.family.ID, a.other.ID)
		if _, err := db.SaveEngagementRecord(ctx, a.id, calm); err != nil {
			t.Fatal(err)
		}
		if flags, _ = db.ActiveSafetyFlags(ctx, a.id, a.family.ID); len(flags) != 1 {
			t.Errorf("another worker's record ended the flag: %+v", flags)
		}
		// The same worker's later record saying they no longer feel at risk ends it.
		if _, err := db.SaveEngagementRecord(ctx, a.id, sampleRecord(a.family.ID, a.prac.ID)); err != nil {
			t.Fatal(err)
		}
		if flags, _ = db.ActiveSafetyFlags(ctx, a.id, a.family.ID); len(flags) != 0 {
			t.Errorf("flags = %+v; want none once the worker says they no longer feel at risk", flags)
		}
		ended, _ := db.EngagementRecord(ctx, a.id, a.family.ID, second.ID)
		if ended.Flag == nil || ended.Flag.EndReason != engagement.EndedNoLongerAtRisk || ended.Flag.EndedBy != "prac" {
			t.Errorf("flag = %+v; want it ended by the worker's later record", ended.Flag)
		}

		// An explicit end, with a reason; only once; never from another organisation.
		risky.Safety = engagement.CheckIn
		third, err := db.SaveEngagementRecord(ctx, a.id, risky)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.EndSafetyFlag(ctx, b.id, a.family.ID, third.ID, b.super.ID, "Not our family"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation ended the flag: %v", err)
		}
		if err := db.EndSafetyFlag(ctx, a.id, a.family.ID, third.ID, a.super.ID, "Dad has moved out; we talked it through in supervision"); err != nil {
			t.Fatal(err)
		}
		if err := db.EndSafetyFlag(ctx, a.id, a.family.ID, third.ID, a.super.ID, "again"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("ending an ended flag: %v", err)
		}
		if alerts, _ := db.TeamSafetyAlerts(ctx, a.id, a.super.ID); len(alerts) != 0 {
			t.Errorf("alerts = %+v after the flag ended", alerts)
		}
		done, _ := db.EngagementRecord(ctx, a.id, a.family.ID, third.ID)
		if done.Flag.EndedBy != "super" || done.Flag.EndReason != "Dad has moved out; we talked it through in supervision" {
			t.Errorf("flag = %+v", done.Flag)
		}
	})
}

func TestCaseloadEngagementSignals(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		older := sampleRecord(a.family.ID, a.prac.ID)
		older.RecordedOn, older.ReviewOn = onDay(2026, 1, 5), onDay(2026, 2, 5)
		older.Actions = []engagement.Action{{What: "An older action, done", Owner: "Me", DueOn: onDay(2026, 1, 6)}}
		rec, err := db.SaveEngagementRecord(ctx, a.id, older)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetActionStatus(ctx, a.id, a.family.ID, rec.ID, rec.Actions[0].ID, engagement.Done, "", a.prac.ID); err != nil {
			t.Fatal(err)
		}
		newer := sampleRecord(a.family.ID, a.prac.ID)
		newer.Risk, newer.Safety = engagement.AtRisk, engagement.JointVisit
		if _, err := db.SaveEngagementRecord(ctx, a.id, newer); err != nil {
			t.Fatal(err)
		}
		theirs := sampleRecord(b.family.ID, b.prac.ID)
		if _, err := db.SaveEngagementRecord(ctx, b.id, theirs); err != nil {
			t.Fatal(err)
		}

		got, err := db.CaseloadSignals(ctx, a.id, []string{a.family.ID, a.otherFamily.ID, b.family.ID}, db.Now())
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got[b.family.ID]; ok {
			t.Error("another organisation's family was read")
		}
		s := got[a.family.ID]
		if s.Engagement.Patterns != "Avoidance and confrontation" || !s.Engagement.On.Equal(onDay(2026, 3, 9)) {
			t.Errorf("engagement = %+v; want the newer record's patterns and date", s.Engagement)
		}
		if !slices.Equal(s.SafetySteps, []string{"Joint visits"}) {
			t.Errorf("safety steps = %v", s.SafetySteps)
		}
		var whats []string
		for _, d := range s.Dues {
			whats = append(whats, d.What+" "+d.By.Format(time.DateOnly))
		}
		slices.Sort(whats)
		want := []string{"Plan action: Ask school how Jay is 2026-03-11", "Review the engagement record 2026-04-06"}
		if !slices.Equal(whats, want) {
			t.Errorf("dues = %q, want %q: the earliest open action and the newest record's review", whats, want)
		}
		if next, ok := s.NextDue(); !ok || next.What != "Plan action: Ask school how Jay is" {
			t.Errorf("next due = %+v", next)
		}
		if o := got[a.otherFamily.ID]; !o.Engagement.On.IsZero() || len(o.Dues) != 0 || len(o.SafetySteps) != 0 {
			t.Errorf("the family with no record has engagement signals: %+v", o)
		}

		overdue, err := db.OverdueEngagementActions(ctx, a.id, []string{a.family.ID, b.family.ID}, onDay(2026, 3, 12), 50)
		if err != nil || len(overdue) != 1 || overdue[0].What != "Ask school how Jay is" {
			t.Errorf("overdue = %+v, %v; want only the open action due on 11 March", overdue, err)
		}
		latest, err := db.LatestEngagement(ctx, a.id, []string{a.family.ID, b.family.ID})
		if err != nil || len(latest) != 1 || latest[a.family.ID].Labels() != "Avoidance and confrontation" {
			t.Errorf("latest = %+v, %v", latest, err)
		}
		names, err := db.AllocatedNames(ctx, a.id, []string{a.family.ID})
		if err != nil || len(names) != 0 {
			t.Errorf("names = %v, %v; no one is allocated", names, err)
		}
		if err := db.Allocate(ctx, a.id, a.family.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if names, _ = db.AllocatedNames(ctx, a.id, []string{a.family.ID, b.family.ID}); !slices.Equal(names[a.family.ID], []string{"prac"}) || len(names) != 1 {
			t.Errorf("names = %v", names)
		}
	})
}
