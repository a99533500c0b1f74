package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// demoAction is a plan action in a demo story: due some days after its
// record, and done or still to do.
type demoAction struct {
	what, owner string
	dueIn       int
	done        bool
}

// demoRecord is one engagement record in a demo story, written the way
// Steadfast teaches: the behaviour seen, the family's view in their words,
// ideas held as ideas, and what it means for the child. {c} is the eldest
// child's first name and {p} the parent's.
type demoRecord struct {
	daysAgo    int
	patterns   []engagement.ObservedPattern
	hardAreas  string
	reasons    []engagement.Reason
	other      string
	familyView string
	forChild   string
	feelings   string
	step       engagement.SafetyStep // set when the worker feels at risk
	actions    []demoAction
	reviewIn   int
	// tested holds ideas the worker later checked out, with what they learnt.
	tested map[engagement.Reason]string
	// setAside holds ideas the worker later set aside, with why.
	setAside map[engagement.Reason]string
}

// engagementStories are the demo's engagement records, by the index of the
// family they belong to. Family 6 is on the first practitioner's caseload,
// and its worker feels at risk; families 1 and 2 have overdue plans.
var engagementStories = map[int][]demoRecord{
	1: {
		{
			daysAgo: 95,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Confrontation,
				Seen: "At the review meeting {p} said our assessment was \"lies\" and asked for a different worker. She stayed for the whole meeting and said what she disagreed with: she says {c} pushed her in March, not hit her."}},
			hardAreas:  "Agreeing what happened in March, so that the plan starts from something we both accept.",
			reasons:    []engagement.Reason{engagement.Authority, engagement.Removal, engagement.MyApproach},
			familyView: "\"You wrote it like I'm the problem. I asked for help,\" {p} said.",
			forChild:   "While we disagree about what happened, {c} has no agreed plan for what happens when things get heated at home.",
			feelings:   "I noticed I felt defensive. She has a point about the wording of the assessment.",
			actions: []demoAction{
				{what: "Share the assessment with {p} before the next meeting, and change the wording she disputes where she is right", owner: "Me", dueIn: 10, done: true},
			},
			reviewIn: 42,
			tested: map[engagement.Reason]string{
				engagement.Removal: "{p} told me her sister's children were taken into care; this is her biggest fear.",
			},
		},
		{
			daysAgo: 35,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Ambivalence,
				Seen: "{p} agreed to join the NVR group but has come to one of the last three sessions. Before the second she texted to say {c} was unwell."}},
			reasons:    []engagement.Reason{engagement.Commitments, engagement.ServiceFit},
			other:      "The only group runs on Tuesday mornings, when she works.",
			familyView: "\"The group is on a Tuesday and that is my only shift,\" {p} said.",
			forChild:   "{c} has had two more incidents at home since the group started, and {p} is still managing them on her own.",
			feelings:   "Hopeful: she wants the group, and the barrier is ours to move.",
			actions: []demoAction{
				{what: "Ask the NVR team whether {p} can join the Thursday evening group", owner: "Me", dueIn: 7},
				{what: "Offer individual sessions at home until a place is free", owner: "Family support worker", dueIn: 21},
			},
			reviewIn: 28,
		},
	},
	2: {
		{
			daysAgo: 120,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Ambivalence,
				Seen: "At the last two planning meetings {p} agreed to take {c} to the GP about his sleep. Neither appointment was booked. When I asked, {p} said she would do it that week."}},
			hardAreas:  "Health: the GP appointment about {c}'s sleep. {p} says the surgery's phone line is engaged every morning at 8.",
			reasons:    []engagement.Reason{engagement.Commitments, engagement.Expectations},
			other:      "Booking by phone at 8am clashes with the school run.",
			familyView: "\"I'm not ignoring you, I just can't get through to them,\" {p} said.",
			forChild:   "{c} is still sleeping about five hours a night, and his teacher says he falls asleep in lessons.",
			feelings:   "Frustrated, and aware I may be repeating a plan that has not worked.",
			actions: []demoAction{
				{what: "Book the GP appointment together during a visit, using the surgery's online form", owner: "Me and {p}", dueIn: 7, done: true},
				{what: "Ask school whether {c} can have a quiet space after lunch", owner: "Me", dueIn: 14},
			},
			reviewIn: 30,
			setAside: map[engagement.Reason]string{
				engagement.Expectations: "{p} knew exactly what was asked; the phone line was the barrier.",
			},
		},
	},
	3: {
		{
			daysAgo: 20,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Avoidance,
				Seen: "{c} was at his Nan's for the last two planned visits, and {p} said she had forgotten we were coming. Both were arranged by letter."}},
			reasons:    []engagement.Reason{engagement.Expectations, engagement.PastExperience},
			familyView: "\"Letters just make me panic, I put them in the drawer,\" {p} said.",
			forChild:   "{c} has not been seen at home for a month, so we have not heard from him how things are there.",
			feelings:   "Relieved she told me about the letters.",
			actions: []demoAction{
				{what: "Arrange visits by text the day before, as {p} asked", owner: "Me", dueIn: 2, done: true},
				{what: "See {c} at home after school", owner: "Me", dueIn: 14, done: true},
			},
			reviewIn: 35,
			tested: map[engagement.Reason]string{
				engagement.PastExperience: "{p} described a worker who turned up unannounced years ago; she still dreads the post.",
			},
		},
	},
	6: {
		{
			daysAgo: 45,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Avoidance,
				Seen: "No one answered at the planned visits on the last two Thursdays, though the television was on inside. {c} has not been seen at home for five weeks."}},
			reasons:    []engagement.Reason{engagement.Removal, engagement.StaffChanges, engagement.Shame},
			familyView: "When I rang, {p} said: \"Every new one asks the same questions. I'm tired of telling it.\"",
			forChild:   "We do not know how {c} is at home. School say he is attending but is quiet and tired.",
			feelings:   "Worried, and uneasy about going on my own.",
			actions: []demoAction{
				{what: "Write to {p} offering a visit at a time she chooses", owner: "Me", dueIn: 3, done: true},
			},
			reviewIn: 28,
		},
		{
			daysAgo: 9,
			patterns: []engagement.ObservedPattern{
				{Pattern: engagement.Avoidance, Seen: "{p} cancelled two visits by text, each about an hour before."},
				{Pattern: engagement.Violence, Seen: "On the doorstep on Tuesday, {p}'s partner stood close to me, shouted that I should \"get off the property\", and shut the door against my foot."},
			},
			hardAreas:  "Seeing {c} on his own, and talking with {p} without her partner there.",
			reasons:    []engagement.Reason{engagement.Authority, engagement.Removal},
			other:      "Her partner may be deciding who {p} sees.",
			familyView: "By text afterwards {p} wrote: \"Sorry about him. Not a good time.\"",
			forChild:   "If her partner's anger is turned on visitors, {c} may be living with it too. We need to see {c} on his own, at school if not at home.",
			feelings:   "Shaken. I did not feel safe on the doorstep and I am anxious about going back.",
			step:       engagement.JointVisit,
			actions: []demoAction{
				{what: "See {c} on his own at school", owner: "Me", dueIn: 3},
				{what: "Joint visit with the senior practitioner to talk with {p} about what happened", owner: "Me and the senior practitioner", dueIn: 10},
			},
			reviewIn: 21,
		},
	},
}

// writeEngagement writes the demo's engagement stories for the families
// that have one and a worker, oldest record first, then marks the actions
// done and the ideas tested or set aside as each story says.
func writeEngagement(ctx context.Context, db *store.DB, orgID string, families []demoFamily, workers []string, today time.Time) error {
	for i, f := range families {
		story, ok := engagementStories[i]
		if !ok || workers[i] == "" {
			continue
		}
		members, err := db.Members(ctx, orgID, f.id)
		if err != nil {
			return fmt.Errorf("demo: engagement: %w", err)
		}
		child := "the child"
		for _, m := range members {
			if m.Kind == family.Child {
				child = strings.Fields(m.Name)[0]
				break
			}
		}
		name := strings.NewReplacer("{c}", child, "{p}", strings.Fields(f.carer)[0])
		for _, d := range story {
			if err := writeEngagementRecord(ctx, db, orgID, f.id, workers[i], name, d, today); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeEngagementRecord(ctx context.Context, db *store.DB, orgID, familyID, workerID string, name *strings.Replacer, d demoRecord, today time.Time) error {
	on := engagement.Day(today).AddDate(0, 0, -d.daysAgo)
	rec := engagement.Record{FamilyID: familyID, AuthorID: workerID, RecordedOn: on, HardAreas: name.Replace(d.hardAreas),
		FamilyView: name.Replace(d.familyView), ForChild: name.Replace(d.forChild), Feelings: name.Replace(d.feelings),
		Risk: engagement.NotAtRisk, ReviewOn: on.AddDate(0, 0, d.reviewIn), CreatedAt: on.Add(16 * time.Hour)}
	if d.step != "" {
		rec.Risk, rec.Safety = engagement.AtRisk, d.step
	}
	for _, p := range d.patterns {
		rec.Patterns = append(rec.Patterns, engagement.ObservedPattern{Pattern: p.Pattern, Seen: name.Replace(p.Seen)})
	}
	for _, r := range d.reasons {
		rec.Hypotheses = append(rec.Hypotheses, engagement.Hypothesis{Reason: r})
	}
	if d.other != "" {
		rec.Hypotheses = append(rec.Hypotheses, engagement.Hypothesis{Reason: engagement.OtherReason, Text: name.Replace(d.other)})
	}
	for _, a := range d.actions {
		rec.Actions = append(rec.Actions, engagement.Action{What: name.Replace(a.what), Owner: name.Replace(a.owner), DueOn: on.AddDate(0, 0, a.dueIn)})
	}
	if p := rec.Problems(today); len(p) > 0 {
		return fmt.Errorf("demo: engagement record of %s: %v", on.Format(time.DateOnly), p)
	}
	saved, err := db.SaveEngagementRecord(ctx, orgID, rec)
	if err != nil {
		return fmt.Errorf("demo: engagement: %w", err)
	}
	for i, a := range d.actions {
		if a.done {
			if _, err := db.SetActionStatus(ctx, orgID, familyID, saved.ID, saved.Actions[i].ID, engagement.Done, "", workerID); err != nil {
				return fmt.Errorf("demo: engagement action: %w", err)
			}
		}
	}
	for _, h := range saved.Hypotheses {
		for status, notes := range map[engagement.HypothesisStatus]map[engagement.Reason]string{engagement.Tested: d.tested, engagement.SetAside: d.setAside} {
			if note, ok := notes[h.Reason]; ok {
				if _, err := db.SetHypothesisStatus(ctx, orgID, familyID, saved.ID, h.ID, status, name.Replace(note), workerID); err != nil {
					return fmt.Errorf("demo: engagement idea: %w", err)
				}
			}
		}
	}
	return nil
}
