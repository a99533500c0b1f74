package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/engagement"
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
// household they belong to (see situations). Family 6 is on the first
// practitioner's caseload, and its worker feels at risk; families 1, 2 and
// 6 have overdue plans. Family 0's record goes with its conversation plan
// about visits that did not happen. {she} ({She} to begin a sentence),
// {her} and {herobj} stand for the parent's pronouns.
var engagementStories = map[int][]demoRecord{
	0: {
		{
			daysAgo: 20,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Avoidance,
				Seen: "Nobody answered the door at the three home visits we agreed this month. {p} rang back the same day after two of them and said sorry. I have not seen {c} for four weeks."}},
			hardAreas:  "Seeing {c} at home, and on their own.",
			reasons:    []engagement.Reason{engagement.Removal, engagement.Shame, engagement.Commitments},
			familyView: "\"I'm not hiding anything. Some mornings I just can't face someone at the door,\" {p} said on the phone.",
			forChild:   "We do not know how {c} is at home, and school say {c} has missed four days since the visits stopped.",
			feelings:   "Worried, and aware that visits may feel to {p} like checking up on {herobj}.",
			actions: []demoAction{
				{what: "Plan a conversation with {p} about visits that work for {herobj}", owner: "Me", dueIn: 5, done: true},
				{what: "See {c} at school", owner: "Me", dueIn: 10, done: true},
			},
			reviewIn: 28,
			tested: map[engagement.Reason]string{
				engagement.Shame: "{p} said some mornings {she} cannot face anyone; we agreed visits at {her} mum's flat.",
			},
		},
	},
	1: {
		{
			daysAgo: 95,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Confrontation,
				Seen: "At the core group {p} said our report was \"lies\" and asked for a different social worker. {She} stayed for the whole meeting and said what {she} disagreed with: our account of the argument {c} saw at home."}},
			hardAreas:  "Agreeing what happened, so that the plan starts from something we both accept.",
			reasons:    []engagement.Reason{engagement.Authority, engagement.Removal, engagement.MyApproach},
			familyView: "\"You wrote it like I'm the problem. I asked for help,\" {p} said.",
			forChild:   "While we disagree about what happened, {c} has no agreed plan for what happens when arguments start at home.",
			feelings:   "I noticed I felt defensive. {p} has a point about the wording of the report.",
			actions: []demoAction{
				{what: "Share the report with {p} before the next core group, and change the wording {she} disputes where {she} is right", owner: "Me", dueIn: 10, done: true},
			},
			reviewIn: 42,
			tested: map[engagement.Reason]string{
				engagement.Removal: "{p} told me a friend's children were taken into care; it is {her} biggest fear.",
			},
		},
		{
			daysAgo: 35,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Ambivalence,
				Seen: "{p} agreed to join the parenting group but has come to one of the last three sessions. Before the second {she} texted to say {c} was unwell."}},
			reasons:    []engagement.Reason{engagement.Commitments, engagement.ServiceFit},
			other:      "The only group runs on Tuesday mornings, when {she} works.",
			familyView: "\"The group is on a Tuesday and that is my only shift,\" {p} said.",
			forChild:   "{c} has seen two more arguments at home since the group started, and {p} is still managing on {her} own.",
			feelings:   "Hopeful: {p} wants the group, and the barrier is ours to move.",
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
				Seen: "At the last two reviews {p} agreed to take {c} to the GP about their sleep. Neither appointment was booked. When I asked, {p} said {she} would do it that week."}},
			hardAreas:  "Health: the GP appointment about {c}'s sleep. {p} says the surgery's phone line is engaged every morning at 8.",
			reasons:    []engagement.Reason{engagement.Commitments, engagement.Expectations},
			other:      "Booking by phone at 8am clashes with the school run.",
			familyView: "\"I'm not ignoring you, I just can't get through to them,\" {p} said.",
			forChild:   "{c} is still sleeping about five hours a night, and their teacher says {c} falls asleep in lessons.",
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
				Seen: "{c} was at a friend's house for the last two planned visits, and {p} said {she} had forgotten we were coming. Both were arranged by letter."}},
			reasons:    []engagement.Reason{engagement.Expectations, engagement.PastExperience},
			familyView: "\"Letters just make me panic, I put them in the drawer,\" {p} said.",
			forChild:   "{c} has not been seen at home for a month, so we have not heard from {c} how things are there.",
			feelings:   "Relieved that {p} told me about the letters.",
			actions: []demoAction{
				{what: "Arrange visits by text the day before, as {p} asked", owner: "Me", dueIn: 2, done: true},
				{what: "See {c} at home after school", owner: "Me", dueIn: 14, done: true},
			},
			reviewIn: 35,
			tested: map[engagement.Reason]string{
				engagement.PastExperience: "{p} described a worker who turned up unannounced years ago; {she} still dreads the post.",
			},
		},
	},
	6: {
		{
			daysAgo: 40,
			patterns: []engagement.ObservedPattern{{Pattern: engagement.Ambivalence,
				Seen: "{p} asked for help with Saturday nights, then cancelled the next two visits by text, saying {c} would be angry if I came."}},
			reasons:    []engagement.Reason{engagement.Removal, engagement.Shame},
			other:      "{p} may be frightened of how {c} reacts to visits.",
			familyView: "\"If you come, {c} says I am a snitch,\" {p} said, through the interpreter.",
			forChild:   "{c} is out late on Saturdays with older young people and nobody knows where; each cancelled visit is another week without a plan.",
			feelings:   "Concerned for {p}, and wondering whether visits at home are the right way to reach {c}.",
			actions: []demoAction{
				{what: "Ask the youth worker who knows {c} to join the next visit", owner: "Me", dueIn: 7, done: true},
			},
			reviewIn: 28,
		},
		{
			daysAgo: 9,
			patterns: []engagement.ObservedPattern{
				{Pattern: engagement.Confrontation, Seen: "{c} came in during the visit, said I was there to take them away, and argued with {p} and me for about ten minutes."},
				{Pattern: engagement.Violence, Seen: "As I left, {c} followed me to the car, shouted that they would \"sort me out\" if I came back, and kicked the car door."},
			},
			hardAreas:  "Talking with {c} at all, and with {p} without {c} listening.",
			reasons:    []engagement.Reason{engagement.Authority, engagement.Removal},
			other:      "{c} may be under pressure from the older young people not to talk to us.",
			familyView: "\"{c} is not like this with me. It is when people come,\" {p} said afterwards.",
			forChild:   "{c}'s anger at the visit may be fear. We need to reach {c} somewhere {c} feels safer, with the youth worker, and to know where {c} is on Saturdays.",
			feelings:   "Shaken. I did not feel safe walking to the car, and I am anxious about going back on my own.",
			step:       engagement.JointVisit,
			actions: []demoAction{
				{what: "Joint visit with the youth worker to see {p} at home", owner: "Me and the youth worker", dueIn: 3},
				{what: "Ask school whether {c} can meet the youth worker there", owner: "Me", dueIn: 14},
			},
			reviewIn: 21,
		},
	},
}

// writeEngagement writes the demo's engagement stories for the households
// that have one and a worker, oldest record first, then marks the actions
// done and the ideas tested or set aside as each story says. families and
// workers are as relate takes and returns them.
func writeEngagement(ctx context.Context, db *store.DB, orgID string, families []string, households []household, workers []string, today time.Time) error {
	for i, familyID := range families {
		story, ok := engagementStories[i]
		if !ok || workers[i] == "" || len(households[i].adults) == 0 {
			continue
		}
		child := "the children"
		if len(households[i].children) > 0 {
			child = households[i].children[0].first
		}
		carer := households[i].adults[0]
		she, her, herObj := "she", "her", "her"
		if carer.spec.man {
			she, her, herObj = "he", "his", "him"
		}
		words := strings.NewReplacer("{c}", child, "{p}", carer.first, "{she}", she, "{She}", strings.ToUpper(she[:1])+she[1:],
			"{her}", her, "{herobj}", herObj)
		for _, d := range story {
			if err := writeEngagementRecord(ctx, db, orgID, familyID, workers[i], words, d, today); err != nil {
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
