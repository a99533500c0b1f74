package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Fictional detail for the demo families, written to show the respectful,
// specific recording Steadfast encourages.
var (
	nurseries     = []string{"Hill Top Nursery", "Little Acorns Pre-school"}
	primaries     = []string{"Riverside Primary", "St Anne's C of E Primary", "Oakfield Infants", "Meadowbank Special School"}
	secondary     = []string{"Castle Academy", "Brook Lane Secondary", "Meadowbank Special School"}
	mattersToThem = []string{
		"Football with his cousins on Sundays", "Her cat, Biscuit", "Drawing, and Minecraft with her friend Kai",
		"Going to the mosque with Grandad on Fridays", "Swimming lessons on Saturdays", "Looking after her little brother",
		"Music: she is teaching herself the keyboard", "Dinosaurs, and knowing what happens next", "His bike, and his Nan's dog",
		"Dance club after school", "Being allowed to choose his own clothes", "Skyping her dad in Poland",
	}
	languages = []string{"English", "English", "English", "Polish and English", "Urdu and English", "Romanian", "Arabic and English", "Somali and English"}
	worries   = []string{
		"{c} has missed 9 days of school this half-term; mum says mornings end in shouting and {c} refusing to get dressed.",
		"Mum told us {c} pushed her against the kitchen door last week when she took his phone. She was bruised and frightened.",
		"{c} has been staying out past midnight and twice came home smelling of cannabis. Mum does not know where he goes.",
		"{p} says {c} breaks things when asked to stop gaming, and that she has started to feel afraid in her own kitchen.",
	}
	goingWell = []string{
		"Mum came to every NVR session so far and says she now leaves the room instead of arguing back.",
		"Nan walks {c} to school on Mondays and Wednesdays, and those are the days {c} arrives on time.",
		"{c} told us she likes her form tutor and has joined the art club.",
		"{p} has rung the school herself to ask for a meeting; she says she wants to understand what {c} finds hard.",
	}
	nextSteps = []string{
		"Mum and the family support worker to plan what she will do the next time {c} becomes violent, including who she can call.",
		"School to arrange a meeting with mum about a reduced timetable for {c}; practitioner to go with her.",
		"Practitioner to visit weekly until the half-term holiday and to see {c} on his own at least once.",
		"Mum to write her first announcement with the group's help before session 9.",
	}
)

// fillFamily adds children, a carer and, when the family has a worker, the
// three columns, to a demo family. carer is the name of the parent or carer.
func fillFamily(ctx context.Context, db *store.DB, rng *rand.Rand, names *namer, orgID, familyID, surname, carer, workerID string, today time.Time) error {
	n := 1 + rng.IntN(3)
	var children []string
	for i := 0; i < n; i++ {
		first, _ := names.next()
		age := 2 + rng.IntN(15)
		dob := today.AddDate(-age, -rng.IntN(12), -rng.IntN(28))
		m := family.Member{FamilyID: familyID, Kind: family.Child, Name: first + " " + surname, DateOfBirth: dob.Format("2006-01-02"),
			School: schoolFor(age, rng), WhatMatters: mattersToThem[rng.IntN(len(mattersToThem))]}
		if _, err := db.AddMember(ctx, orgID, m); err != nil {
			return fmt.Errorf("demo: child: %w", err)
		}
		children = append(children, first)
	}
	lang := languages[rng.IntN(len(languages))]
	if _, err := db.AddMember(ctx, orgID, family.Member{FamilyID: familyID, Kind: family.Carer, Name: carer, Relationship: "Mum",
		Languages: lang, Interpreter: lang == "Romanian"}); err != nil {
		return fmt.Errorf("demo: carer: %w", err)
	}
	if rng.IntN(3) == 0 {
		nan, _ := names.next()
		if _, err := db.AddMember(ctx, orgID, family.Member{FamilyID: familyID, Kind: family.Outside, Name: nan + " " + surname,
			Relationship: "Nan; lives ten minutes away and helps most days"}); err != nil {
			return fmt.Errorf("demo: nan: %w", err)
		}
	}
	if workerID == "" {
		return nil
	}
	name := strings.NewReplacer("{c}", children[0], "{p}", strings.Fields(carer)[0])
	_, err := db.SaveSummary(ctx, orgID, family.Summary{
		FamilyID:      familyID,
		Worried:       name.Replace(worries[rng.IntN(len(worries))]),
		WorkingWell:   name.Replace(goingWell[rng.IntN(len(goingWell))]),
		NeedsToHappen: name.Replace(nextSteps[rng.IntN(len(nextSteps))]),
		AuthorID:      workerID,
	})
	if err != nil {
		return fmt.Errorf("demo: summary: %w", err)
	}
	if err := writeRatings(ctx, db, rng, orgID, familyID, workerID, today); err != nil {
		return err
	}
	return writeNotes(ctx, db, rng, orgID, familyID, children[0], carer, workerID, today)
}

// writeRatings adds a few answers to the safety scale from each view,
// drifting upwards as they often do when work is going well.
func writeRatings(ctx context.Context, db *store.DB, rng *rand.Rand, orgID, familyID, workerID string, today time.Time) error {
	for _, view := range family.Views() {
		score := 2 + rng.IntN(3)
		for i := 0; i < 3; i++ {
			when := today.AddDate(0, -2*(2-i), -rng.IntN(20)) // about every two months, the last one recent
			if _, err := db.AddRating(ctx, orgID, workerID, family.Rating{FamilyID: familyID, Score: min(10, score), View: view, RecordedAt: when}); err != nil {
				return fmt.Errorf("demo: rating: %w", err)
			}
			score += rng.IntN(3)
		}
	}
	return nil
}

// noteTexts are demo contact notes. Most describe what happened plainly; a
// few keep a phrase the language checker will point out, as real records do.
var noteTexts = []struct {
	kind family.NoteKind
	seen family.ChildSeen
	body string
	said string
}{
	{family.HomeVisit, family.SeenAlone, "Visited after school. {c} showed me their room and talked about their friends. Mum said mornings are still the hardest time; she has started leaving the room when voices rise.", "I like it when it is calm at home"},
	{family.Phone, family.NotSeen, "Mum rang to say last night was difficult: {c} threw a mug at the wall when asked to come off the console. Nobody was hurt. She waited until the next day to talk about it, as planned.", ""},
	{family.School, family.SeenAlone, "Met {c} at school with the head of year. {c} said the walk to school is easier when Nan comes.", "Nan makes me laugh"},
	{family.HomeVisit, family.SeenWithOthers, "Arranged visit at 4pm; nobody answered the door. Mum texted later to say she had forgotten and asked for another time.", ""},
	{family.Office, family.NotSeen, "Review meeting. Mum failed to engage with the plan and left early; she said afterwards the room felt like a court.", ""},
	{family.Video, family.SeenWithOthers, "Video call with mum and {c}. {c} kicked off when the call started, then joined in once we talked about the dog.", "Can Pip be in the call"},
}

// writeNotes writes a few notes over the last two years.
func writeNotes(ctx context.Context, db *store.DB, rng *rand.Rand, orgID, familyID, child, carer, workerID string, today time.Time) error {
	n := 3 + rng.IntN(4)
	for i := 0; i < n; i++ {
		t := noteTexts[rng.IntN(len(noteTexts))]
		when := today.AddDate(0, 0, -rng.IntN(730)).Add(-time.Duration(rng.IntN(8)) * time.Hour)
		name := strings.NewReplacer("{c}", child)
		if _, err := db.SaveNote(ctx, orgID, family.Note{FamilyID: familyID, AuthorID: workerID, OccurredAt: when, Kind: t.kind,
			Present: carer + ", " + child, ChildSeen: t.seen, ChildWords: t.said, Body: name.Replace(t.body)}); err != nil {
			return fmt.Errorf("demo: note: %w", err)
		}
	}
	return nil
}

// schoolFor picks a setting that fits a child's age.
func schoolFor(age int, rng *rand.Rand) string {
	switch {
	case age < 4:
		return nurseries[rng.IntN(len(nurseries))]
	case age < 11:
		return primaries[rng.IntN(len(primaries))]
	}
	return secondary[rng.IntN(len(secondary))]
}
