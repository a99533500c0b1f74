package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Fictional detail for the demo families, written to show the respectful,
// specific recording Steadfast encourages.
var (
	nurseries = []string{"Hill Top Nursery", "Little Acorns Pre-school"}
	primaries = []string{"Riverside Primary", "St Anne's C of E Primary", "Oakfield Primary", "Meadowbank Special School"}
	secondary = []string{"Castle Academy", "Brook Lane Secondary", "Meadowbank Special School"}
	// mattersToThem are what matters to children, in their own words;
	// cultures add their own.
	mattersToThem = []string{
		"Football with my cousins on Sundays", "My cat, Biscuit", "Drawing, and Minecraft with my friend Kai",
		"Swimming lessons on Saturdays", "Looking after our dog, Pip", "Music: I am teaching myself the keyboard",
		"Dinosaurs, and knowing what happens next", "My bike, and my Nan's dog", "Dance club after school",
		"Choosing my own clothes", "Baking with my auntie", "Gaming online with my friends from school",
	}
	languages = []string{"English", "English", "English", "Polish and English", "Urdu and English", "Romanian", "Arabic and English", "Somali and English"}
	worries   = []string{
		"{c} has missed 9 days of school this half-term; {p} says mornings end in shouting, with {c} still not dressed when the bus goes.",
		"{p} told us {c} pushed {p.him} against the kitchen door last week when {p.he} took {c}'s phone. {p.He} was bruised and frightened.",
		"{p} says {c} breaks things when asked to stop gaming, and that {p.he} has started to feel afraid in {p.his} own kitchen.",
		"{c} hits and kicks {p} when it is time for bed; {p} says bedtime takes two hours and {p.he} is exhausted.",
	}
	// olderWorries fit only children of olderAge or more.
	olderWorries = []string{
		"{c} has been staying out past midnight and twice came home smelling of cannabis. {p} does not know where {c.he} goes.",
		"{c} was missing overnight twice this month; {p} called the police both times and {c} came home the next morning.",
	}
	goingWell = []string{
		"{p} came to every NVR session so far and says {p.he} now leaves the room instead of arguing back.",
		"Nan walks {c} to school on Mondays and Wednesdays, and those are the days {c} arrives on time.",
		"{c} told us {c.he} likes {c.his} form tutor and has joined the art club.",
		"{p} has rung the school to ask for a meeting; {p.he} says {p.he} wants to understand what {c} finds hard.",
	}
	nextSteps = []string{
		"{p} and the family support worker to plan what {p.he} will do the next time {c} becomes violent, including whom {p.he} can call.",
		"School to arrange a meeting with {p} about a shorter timetable for {c}; the worker to go with {p.him}.",
		"The worker to visit weekly until the half-term holiday and to see {c} on {c.his} own at least once.",
		"{p} to write {p.his} first announcement with the group's help before session 9.",
	}
)

// fillFamily adds a demo family's people and, when it has a worker, its
// three columns, safety scale answers and contact notes.
func fillFamily(ctx context.Context, db *store.DB, rng *rand.Rand, ch *chooser, orgID, familyID, workerID string, h household,
	spans []contextSpan, today time.Time) error {
	for _, m := range h.members(familyID) {
		if p := m.Problems(today); len(p) > 0 {
			return fmt.Errorf("demo: member %q: %v", m.Name, p)
		}
		if _, err := db.AddMember(ctx, orgID, m); err != nil {
			return fmt.Errorf("demo: %s: %w", m.Kind, err)
		}
	}
	if workerID == "" {
		return nil
	}
	name := h.voiceWith(0).replacer()
	worried := worriesFor(yearsOld(h.children[0].dob, today) >= olderAge)
	_, err := db.SaveSummary(ctx, orgID, family.Summary{
		FamilyID:      familyID,
		Worried:       name.Replace(worried[rng.IntN(len(worried))]),
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
	return writeNotes(ctx, db, rng, ch, orgID, familyID, workerID, h, spans, today)
}

// worriesFor lists the worries that may fit a family whose eldest child is
// older (olderAge or more) or not.
func worriesFor(older bool) []string {
	if older {
		return append(append([]string{}, worries...), olderWorries...)
	}
	return worries
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

// schoolFor picks a setting that fits a child's age.
func schoolFor(age int, rng *rand.Rand) string {
	list := schoolsFor(age)
	return list[rng.IntN(len(list))]
}

// schoolsFor lists the settings that fit a child's age.
func schoolsFor(age int) []string {
	switch {
	case age < 4:
		return nurseries
	case age < 11:
		return primaries
	}
	return secondary
}
