package family

import (
	"strconv"
	"time"
)

// VisitRhythm is how often the children of a family in a context should be
// seen by their worker: every Days days, counted as working days (Monday to
// Friday) when WorkingDays is set. Bank holidays are not counted out.
type VisitRhythm struct {
	Days        int
	WorkingDays bool
}

// Describe says the rhythm in plain words, such as "every 10 working days".
func (v VisitRhythm) Describe() string {
	switch {
	case v.WorkingDays:
		return "every " + strconv.Itoa(v.Days) + " working days"
	case v.Days%7 == 0:
		return "every " + strconv.Itoa(v.Days/7) + " weeks"
	}
	return "every " + strconv.Itoa(v.Days) + " days"
}

// After returns the date the rhythm falls due after a day the children were seen.
func (v VisitRhythm) After(seen time.Time) time.Time {
	day := dateOnly(seen)
	if !v.WorkingDays {
		return day.AddDate(0, 0, v.Days)
	}
	for left := v.Days; left > 0; {
		day = day.AddDate(0, 0, 1)
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			left--
		}
	}
	return day
}

// VisitRhythmFor returns Steadfast's default visiting rhythm for a context,
// and false for contexts with none (early help and other work are agreed
// with the family). The defaults follow common local practice in England:
// children on a child protection plan seen every 10 working days, children
// in need every 20 working days, and looked-after children every 6 weeks.
func VisitRhythmFor(kind ContextKind) (VisitRhythm, bool) {
	switch kind {
	case ChildProtection:
		return VisitRhythm{Days: 10, WorkingDays: true}, true
	case ChildInNeed:
		return VisitRhythm{Days: 20, WorkingDays: true}, true
	case LookedAfter:
		return VisitRhythm{Days: 42}, true
	}
	return VisitRhythm{}, false
}

// Due is the next thing due for a family: what, by when, and why.
type Due struct {
	What string
	By   time.Time
	// Why says where the date comes from, such as "Child protection plan:
	// every 10 working days".
	Why string
}

// Overdue reports whether the due date has passed by today.
func (d Due) Overdue(today time.Time) bool { return dateOnly(d.By).Before(dateOnly(today)) }

// NextVisit returns when the children are next due to be seen, from the most
// frequent rhythm among the family's current contexts, counted from the last
// time a child was seen or, if later, from the day that context started. It
// returns false when no current context has a rhythm. lastSeen is zero when
// no contact note records a child seen.
func NextVisit(contexts []Context, lastSeen time.Time) (Due, bool) {
	var best Due
	found := false
	for _, c := range contexts {
		if !c.Current() {
			continue
		}
		rhythm, ok := VisitRhythmFor(c.Kind)
		if !ok {
			continue
		}
		from := lastSeen
		if started, err := ParseDate(c.StartedOn); err == nil && started.After(from) {
			from = started
		}
		if from.IsZero() {
			continue
		}
		d := Due{What: "See the children", By: rhythm.After(from), Why: c.Kind.Label() + ": " + rhythm.Describe()}
		if !found || d.By.Before(best.By) {
			best, found = d, true
		}
	}
	return best, found
}

// Earliest returns the soonest of several things due, and false when there are none.
func Earliest(dues ...Due) (Due, bool) {
	var best Due
	found := false
	for _, d := range dues {
		if d.By.IsZero() {
			continue
		}
		if !found || d.By.Before(best.By) {
			best, found = d, true
		}
	}
	return best, found
}

func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
