package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// twoYears is the span over which county notes and summaries are spread.
const twoYears = 730 * 24 * time.Hour

// families makes every county family: its people, its allocation, its
// parent's account when it has one, and two years of timeline.
//
// Family j is allocated to practitioner j mod P while j < P × caseload, so
// every practitioner holds the same number of families and the rest wait.
// The first family is the first parent's, allocated to the first
// practitioner, and is the busiest, with three times the average timeline,
// so a load test can find a long timeline from the printed sign-ins.
func (g *countyGen) families(ctx context.Context) error {
	pracs := len(g.practitioners)
	counts := make([]int, g.c.Families)
	avg := g.c.ItemsPerFamily
	for j := range counts {
		counts[j] = avg/4 + g.rng.IntN(avg*3/2+1)
		g.total += counts[j]
	}
	g.total += 3*avg - counts[0]
	counts[0] = 3 * avg
	parentEvery := g.c.Families / g.c.Parents
	parents := 0
	for j := 0; j < g.c.Families; j++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		first, last := firstNames[g.rng.IntN(len(firstNames))], lastNames[g.rng.IntN(len(lastNames))]
		f := store.Family{ID: ids.New(), OrgID: g.orgID, Name: "The " + last + " family", CreatedAt: g.today.Add(-twoYears)}
		if err := g.bulk.Family(f); err != nil {
			return fmt.Errorf("demo: family: %w", err)
		}
		carer := first + " " + last
		if j%parentEvery == 0 && parents < g.c.Parents {
			if _, err := g.account(ctx, access.Parent, parents, "", f.ID, carer); err != nil {
				return err
			}
			parents++
		}
		worker := g.practitioners[j%pracs] // the allocated worker, or a former one
		allocated := j < pracs*g.c.FamiliesPerPractitioner
		recordedBy := worker
		if allocated {
			if err := g.bulk.Allocation(ids.New(), g.orgID, f.ID, worker, g.today.Add(-twoYears)); err != nil {
				return fmt.Errorf("demo: allocation: %w", err)
			}
		} else {
			recordedBy = g.supervisors[j%len(g.supervisors)] // a team manager took the referral
		}
		topic, err := g.contexts(f.ID, recordedBy, allocated)
		if err != nil {
			return err
		}
		if err := g.fill(f.ID, last, carer, worker, topic, counts[j]); err != nil {
			return err
		}
		g.report()
	}
	g.res.TimelineItems = g.items
	return nil
}

// fill writes a county family's people and its timeline of items entries:
// about one summary version for every twenty contact notes, which fit the
// family's current context (topic).
func (g *countyGen) fill(familyID, surname, carer, worker, topic string, items int) error {
	rng := g.rng
	var eldest child
	for i, n := 0, 1+rng.IntN(3); i < n; i++ {
		first := firstNames[rng.IntN(len(firstNames))]
		age := 2 + rng.IntN(15)
		dob := g.today.AddDate(-age, -rng.IntN(12), -rng.IntN(28))
		school := schoolFor(age, rng)
		if err := g.bulk.Member(g.orgID, family.Member{ID: ids.New(), FamilyID: familyID, Kind: family.Child, Name: first + " " + surname,
			DateOfBirth: dob.Format("2006-01-02"), School: school, WhatMatters: mattersToThem[rng.IntN(len(mattersToThem))],
			CreatedAt: g.today}); err != nil {
			return fmt.Errorf("demo: child: %w", err)
		}
		if i == 0 || dob.Before(eldest.dob) {
			eldest = child{first: first, school: school, dob: dob, man: rng.IntN(2) == 0}
		}
	}
	lang := languages[rng.IntN(len(languages))]
	if err := g.bulk.Member(g.orgID, family.Member{ID: ids.New(), FamilyID: familyID, Kind: family.Carer, Name: carer, Relationship: "Mum",
		Languages: lang, Interpreter: lang == "Romanian", CreatedAt: g.today}); err != nil {
		return fmt.Errorf("demo: carer: %w", err)
	}
	v := voice{child: eldest.first, childMan: eldest.man, carer: strings.Fields(carer)[0], call: "Mum", school: eldest.school}
	if lang == "Romanian" {
		v.interpreterLanguage = lang
	}
	name := v.replacer()
	older := !g.today.Before(eldest.dob.AddDate(olderAge, 0, 0))
	worried := worriesFor(older)
	summaries := 1 + items/20
	for i := 0; i < summaries; i++ {
		if err := g.bulk.Summary(g.orgID, family.Summary{ID: ids.New(), FamilyID: familyID, AuthorID: worker, At: g.when(),
			Worried:       name.Replace(worried[rng.IntN(len(worried))]),
			WorkingWell:   name.Replace(goingWell[rng.IntN(len(goingWell))]),
			NeedsToHappen: name.Replace(nextSteps[rng.IntN(len(nextSteps))])}); err != nil {
			return fmt.Errorf("demo: summary: %w", err)
		}
	}
	filled := make([]*noteText, len(noteTexts)) // noteTexts with this family's names, as they are needed
	for i := summaries; i < items; i++ {
		k := g.chooser.pick(rng, topic, anyNote, older)
		if filled[k] == nil {
			t := noteTexts[k]
			t.present, t.body, t.said = name.Replace(t.present), name.Replace(t.body), name.Replace(t.said)
			filled[k] = &t
		}
		t := filled[k]
		n := family.Note{ID: ids.New(), FamilyID: familyID, AuthorID: worker, OccurredAt: g.when(), Kind: t.kind,
			Present: t.present, ChildSeen: t.seen, ChildWords: t.said, Body: t.body}
		n.RecordedAt = g.later(n.OccurredAt, time.Duration(rng.IntN(36*60))*time.Minute)
		versions := []family.Note{n}
		if rng.IntN(20) == 0 { // one note in twenty was corrected the next day
			v2 := n
			v2.Body += " (Corrected the next day: the visit was at 5pm, not 4pm.)"
			v2.RecordedAt = g.later(n.RecordedAt, 24*time.Hour)
			versions = append(versions, v2)
		}
		if err := g.bulk.Note(g.orgID, versions); err != nil {
			return fmt.Errorf("demo: note: %w", err)
		}
	}
	g.items += items
	return nil
}

// when draws a moment in the last two years, to the minute.
func (g *countyGen) when() time.Time {
	return g.today.Add(-time.Duration(g.rng.Int64N(int64(twoYears/time.Minute))) * time.Minute)
}

// later is t plus d, but never after today.
func (g *countyGen) later(t time.Time, d time.Duration) time.Time {
	if t = t.Add(d); t.After(g.today) {
		return g.today
	}
	return t
}
