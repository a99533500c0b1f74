package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// addSupervision gives the demo practitioner six months of supervision with
// their supervisor, about every four weeks: reflective notes, agenda items
// discussed, and case direction on their families, which shows on those
// families' timelines. The next session is planned for the Tuesday of the
// week after next. The
// second practitioner of the same supervisor is overdue, so the
// supervision record shows both states.
func addSupervision(ctx context.Context, db *store.DB, orgID string, made map[access.Role][]string, families, workers []string, today time.Time) error {
	sup, prac, late := made[access.Supervisor][0], made[access.Practitioner][0], made[access.Practitioner][1]
	zone, err := time.LoadLocation("Europe/London")
	if err != nil {
		return fmt.Errorf("demo: supervision: %w", err)
	}
	var mine []string
	for i, w := range workers {
		if w == prac {
			mine = append(mine, families[i])
		}
	}
	// Sessions are on the Tuesday of the week, at ten.
	at := func(weeksAgo int) time.Time {
		d := today.In(zone).AddDate(0, 0, -7*weeksAgo)
		d = d.AddDate(0, 0, (int(time.Tuesday)-int(d.Weekday())-7)%7)
		return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, zone)
	}
	agenda, directions := demoAgenda(), demoDirections()
	for i, r := range demoReflections() {
		held := at(26 - 4*i)
		ses, err := db.PlanSupervision(ctx, orgID, supervision.Session{SupervisorID: sup, PractitionerID: prac, PlannedFor: held, CreatedBy: sup})
		if err != nil {
			return fmt.Errorf("demo: supervision: %w", err)
		}
		note, err := db.AddAgendaNote(ctx, orgID, supervision.AgendaNote{PractitionerID: prac, Text: agenda[i%len(agenda)],
			AddedBy: prac, AddedAt: held.AddDate(0, 0, -6)})
		if err != nil {
			return fmt.Errorf("demo: agenda: %w", err)
		}
		if _, err := db.RecordSupervisionHeld(ctx, orgID, ses.ID, store.Held{At: held.Add(75 * time.Minute), Notes: []string{note.ID}, RecordedBy: sup}); err != nil {
			return fmt.Errorf("demo: supervision held: %w", err)
		}
		r.SessionID, r.UpdatedBy, r.UpdatedAt = ses.ID, prac, held.Add(70*time.Minute)
		if _, err := db.SaveReflection(ctx, orgID, r); err != nil {
			return fmt.Errorf("demo: reflection: %w", err)
		}
		if len(mine) == 0 {
			continue
		}
		d := directions[i%len(directions)]
		d.SessionID, d.FamilyID, d.RecordedBy, d.RecordedAt = ses.ID, mine[i%len(mine)], sup, held.Add(60*time.Minute)
		if d.Action != "" {
			d.OwnerID, d.DueOn = prac, held.AddDate(0, 0, 14).Format("2006-01-02")
			if i%3 == 2 {
				d.OwnerID = sup
			}
		}
		if _, err := db.RecordDirection(ctx, orgID, d); err != nil {
			return fmt.Errorf("demo: case direction: %w", err)
		}
	}
	// Something added by hand, waiting for the next session.
	if _, err := db.AddAgendaNote(ctx, orgID, supervision.AgendaNote{PractitionerID: prac, Text: "How I am managing the duty weeks alongside my caseload",
		AddedBy: prac, AddedAt: today.Add(-26 * time.Hour)}); err != nil {
		return fmt.Errorf("demo: agenda: %w", err)
	}
	next := at(-2)
	if _, err := db.PlanSupervision(ctx, orgID, supervision.Session{SupervisorID: sup, PractitionerID: prac, PlannedFor: next, CreatedBy: sup}); err != nil {
		return fmt.Errorf("demo: supervision: %w", err)
	}
	// The second practitioner was last supervised seven weeks ago.
	last := at(7)
	if _, err := db.PlanSupervision(ctx, orgID, supervision.Session{SupervisorID: sup, PractitionerID: late, PlannedFor: last, HeldAt: last.Add(time.Hour), CreatedBy: sup}); err != nil {
		return fmt.Errorf("demo: supervision: %w", err)
	}
	return nil
}

// demoReflections returns the demo practitioner's reflective notes, oldest
// first: a hard spring, a visit that went wrong, and things steadying.
func demoReflections() []supervision.Reflection {
	return []supervision.Reflection{
		{Noticed: "I rushed the visits this month. I was watching the clock more than listening.",
			Triggers: "Being kept on the doorstep again. I felt shut out and a bit foolish.",
			HowIAm:   "Tired. Sleeping badly in the week of the review.", WhatHelped: "Talking it through here, and a walk at lunch."},
		{Noticed: "My voice got louder when Dad raised his. I only saw it afterwards.",
			Triggers: "Shouting in a small kitchen, with the children in the next room.",
			HowIAm:   "Shaken for a day, then better.", WhatHelped: "Naming it. Planning to sit down first next time and to keep my voice low."},
		{Noticed: "I caught myself about to put a label on the family in a note, and wrote down what happened instead.",
			Triggers: "Reading old records that were harsh about the family.",
			HowIAm:   "Steadier.", WhatHelped: "Going back to what I saw and heard, not what others wrote."},
		{Noticed: "I stayed calm during a hard phone call and did not argue back.",
			Triggers: "Being told I was the reason things had got worse.",
			HowIAm:   "Quite well. The joint visits help me feel less alone.", WhatHelped: "Delaying my reply until the next day, as we practised."},
		{Noticed: "I am carrying the worry about one child home with me at weekends.",
			Triggers: "The week the school rang twice.",
			HowIAm:   "A bit stretched.", WhatHelped: "Writing down the plan, so I could put it down on Friday."},
		{Noticed: "I felt proud of Mum for reading out the announcement, and I said so.",
			Triggers: "None this month that I noticed.",
			HowIAm:   "Well.", WhatHelped: "Time with the team on Wednesday."},
		{Noticed: "I was slower to take on a new family, and I said so rather than just saying yes.",
			Triggers: "Being asked for more when the caseload is full.",
			HowIAm:   "Honest about my limits, and all right.", WhatHelped: "Agreeing which work waits."},
	}
}

// demoAgenda returns what the practitioner added to each session's agenda.
func demoAgenda() []string {
	return []string{
		"Doorstep visits that do not get past the door",
		"A visit where voices were raised, and how I responded",
		"Old records and the words they use",
		"Keeping steady on the phone when I am blamed",
		"Taking worry home at weekends",
		"What went well this month",
		"My caseload and what can wait",
	}
}

// demoDirections returns case direction from those sessions.
func demoDirections() []supervision.Direction {
	return []supervision.Direction{
		{Decision: "Keep visiting weekly. Offer visits after school, when the family said it is easier.", Action: "Agree new visit times with the family"},
		{Decision: "Ask the school nurse to join the next visit, so the children are seen by someone they already know.", Action: "Ring the school nurse"},
		{Decision: "Hold off the strategy discussion for now: the children have been seen twice this month and say things are calmer."},
		{Decision: "Go on with joint visits until the review.", Action: "Book the joint visits with the duty worker"},
		{Decision: "Offer Mum a place in the Thursday NVR group, and ask who could come to the supporters' session.", Action: "Send the group leaflet"},
	}
}
