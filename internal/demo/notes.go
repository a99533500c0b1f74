package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// noteGap is the range of days between a family's notes in a period of
// the given context: about fortnightly visits with calls between them
// under a child protection plan, every three to four weeks in need, and
// about monthly for children looked after.
func noteGap(kind family.ContextKind) (lo, hi int) {
	switch kind {
	case family.ChildProtection:
		return 7, 13
	case family.ChildInNeed:
		return 16, 32
	case family.LookedAfter:
		return 28, 42
	}
	return 21, 40
}

// plannedNote is a note's date and what it must be.
type plannedNote struct {
	day  time.Time
	need need
}

// planNotes dates a family's notes over the last two years, newest first,
// at the rhythm of the context each falls in, starting no earlier than the
// first context. The newest note is a visit a few days ago at which the
// children were seen, unless the situation says the children have not been
// seen for some working days: then that visit is that long ago, and only
// calls and missed visits follow it.
func planNotes(rng *rand.Rand, sit *situation, spans []contextSpan, today time.Time) []plannedNote {
	day := dateOf(today)
	earliest := day.AddDate(-2, 0, 0)
	if spans[0].start.After(earliest) {
		earliest = spans[0].start
	}
	var plan []plannedNote
	var t time.Time
	if sit.unseen > 0 {
		seen := workingDaysBefore(today, sit.unseen)
		for d := day.AddDate(0, 0, -1-rng.IntN(4)); d.After(seen.AddDate(0, 0, 3)); d = d.AddDate(0, 0, -4-rng.IntN(5)) {
			plan = append(plan, plannedNote{day: weekdayOnOrBefore(d), need: notSeen})
		}
		t = seen
	} else {
		t = weekdayOnOrBefore(day.AddDate(0, 0, -2-rng.IntN(7)))
	}
	plan = append(plan, plannedNote{day: t, need: seenVisit})
	for {
		lo, hi := noteGap(spanAt(spans, t).step.kind)
		t = t.AddDate(0, 0, -lo-rng.IntN(hi-lo+1))
		if t.Before(earliest) {
			return plan
		}
		plan = append(plan, plannedNote{day: weekdayOnOrBefore(t), need: anyNote})
	}
}

// noteHours is the range of hours in which each kind of contact starts:
// home visits after school, when the children are in.
var noteHours = map[family.NoteKind][2]int{
	family.HomeVisit: {15, 17}, family.School: {9, 14}, family.Phone: {9, 17},
	family.Video: {16, 18}, family.Office: {10, 15}, family.OtherKind: {14, 17},
}

// writeNotes writes a family's contact notes, oldest first, all by its
// allocated worker.
func writeNotes(ctx context.Context, db *store.DB, rng *rand.Rand, ch *chooser, orgID, familyID, workerID string, h household,
	spans []contextSpan, today time.Time) error {
	plan := planNotes(rng, h.sit, spans, today)
	slices.Reverse(plan)
	eldest, deck := h.children[0], ch.dealer()
	for _, p := range plan {
		span := spanAt(spans, p.day)
		older := !p.day.Before(eldest.dob.AddDate(olderAge, 0, 0))
		t := deck.deal(rng, span.topic(), p.need, older)
		hours := noteHours[t.kind]
		when := p.day.Add(time.Duration(hours[0]+rng.IntN(hours[1]-hours[0]+1))*time.Hour + time.Duration(15*rng.IntN(4))*time.Minute)
		fill := h.voiceWith(span.step.carer).replacer()
		n := family.Note{FamilyID: familyID, AuthorID: workerID, OccurredAt: when, Kind: t.kind, ChildSeen: t.seen,
			Present: fill.Replace(t.present), ChildWords: fill.Replace(t.said), Body: fill.Replace(t.body)}
		if p := n.Problems(today); len(p) > 0 {
			return fmt.Errorf("demo: note %+v: %v", n, p)
		}
		if _, err := db.SaveNote(ctx, orgID, n); err != nil {
			return fmt.Errorf("demo: note: %w", err)
		}
	}
	return nil
}
