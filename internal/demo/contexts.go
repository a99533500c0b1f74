package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
)

// contextSpan is a step of a family's context history with its dates. end
// is the zero time while the context continues.
type contextSpan struct {
	step       contextStep
	start, end time.Time
}

// The topics that pick notes for a period; notes with no topic fit any.
const (
	topicAny          = ""
	topicProtection   = "child-protection"
	topicLookedAfter  = "looked-after"
	topicYouthJustice = "youth-justice"
	// topicAtHome marks notes that fit any period except one in which the
	// child is looked after: a parent's money worries, say.
	topicAtHome = "at-home"
)

// topic is the kind of notes that fit the period.
func (s contextSpan) topic() string {
	switch {
	case s.step.topic != "":
		return s.step.topic
	case s.step.kind == family.ChildProtection:
		return topicProtection
	case s.step.kind == family.LookedAfter:
		return topicLookedAfter
	}
	return topicAny
}

// planContexts dates a situation's context steps: each starts on a weekday
// about its from days before today, and ends the day the next one starts.
func planContexts(rng *rand.Rand, sit *situation, today time.Time) []contextSpan {
	day := dateOf(today)
	spans := make([]contextSpan, len(sit.contexts))
	for i, step := range sit.contexts {
		ago := step.from + rng.IntN(15) - 7 // steps are months apart, so this keeps their order
		if step.from <= 30 {
			ago = step.from + rng.IntN(5)
		}
		spans[i] = contextSpan{step: step, start: weekdayOnOrBefore(day.AddDate(0, 0, -ago))}
		if i > 0 {
			spans[i-1].end = spans[i].start
		}
	}
	return spans
}

// spanAt returns the span covering t, or the first when t comes before them all.
func spanAt(spans []contextSpan, t time.Time) contextSpan {
	for i := len(spans) - 1; i > 0; i-- {
		if !t.Before(spans[i].start) {
			return spans[i]
		}
	}
	return spans[0]
}

// writeContexts stores a family's context history, recorded by recordedBy.
func writeContexts(ctx context.Context, db *store.DB, orgID, familyID, recordedBy string, h household, spans []contextSpan, today time.Time) error {
	fill := h.voiceWith(0).replacer()
	for _, s := range spans {
		c := family.Context{FamilyID: familyID, Kind: s.step.kind, Detail: fill.Replace(s.step.detail),
			StartedOn: s.start.Format("2006-01-02"), RecordedBy: recordedBy}
		if !s.end.IsZero() {
			c.EndedOn = s.end.Format("2006-01-02")
		}
		if p := c.Problems(today); len(p) > 0 {
			return fmt.Errorf("demo: context %+v: %v", c, p)
		}
		if _, err := db.AddContext(ctx, orgID, c); err != nil {
			return fmt.Errorf("demo: context: %w", err)
		}
	}
	return nil
}

// dateOf is t's date, at midnight UTC.
func dateOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// weekdayOnOrBefore moves a Saturday or Sunday back to the Friday before.
func weekdayOnOrBefore(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return t.AddDate(0, 0, -1)
	case time.Sunday:
		return t.AddDate(0, 0, -2)
	}
	return t
}

// workingDaysBefore is the date n working days (Monday to Friday) before
// today's date.
func workingDaysBefore(today time.Time, n int) time.Time {
	t := dateOf(today)
	for n > 0 {
		t = t.AddDate(0, 0, -1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}
