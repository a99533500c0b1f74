package wellbeing

import (
	"fmt"
	"time"
)

// Week names a Monday-to-Sunday week by its Monday's date in the local
// time zone (the UK's), written "2006-01-02". Weeks compare and sort as
// text, in time order.
type Week string

// weekLayout is how a Week writes its Monday.
const weekLayout = "2006-01-02"

// WeekStart is the Monday at midnight, in loc, of the week holding t.
func WeekStart(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	d := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
	back := (int(d.Weekday()) + 6) % 7 // days since Monday
	return d.AddDate(0, 0, -back)
}

// WeekOf is the week holding t, with weeks starting on Monday in loc.
func WeekOf(t time.Time, loc *time.Location) Week {
	return Week(WeekStart(t, loc).Format(weekLayout))
}

// LastWeeks lists the n weeks up to and including the week of now, oldest
// first.
func LastWeeks(n int, now time.Time, loc *time.Location) []Week {
	if n < 1 {
		return nil
	}
	first := WeekStart(now, loc).AddDate(0, 0, -7*(n-1))
	out := make([]Week, n)
	for i := range out {
		out[i] = Week(first.AddDate(0, 0, 7*i).Format(weekLayout))
	}
	return out
}

// CompletedWeeks lists the n weeks before the week of now, oldest first.
// Team and organisation figures show only these: a week still in progress
// changes with each answer, and the change would give that answer away.
func CompletedWeeks(n int, now time.Time, loc *time.Location) []Week {
	if n < 1 {
		return nil
	}
	return LastWeeks(n+1, now, loc)[:n]
}

// ParseWeek reads a week as stored. A date that is not a Monday is refused.
func ParseWeek(s string) (Week, error) {
	d, err := time.Parse(weekLayout, s)
	if err != nil {
		return "", fmt.Errorf("wellbeing: week %q: %w", s, err)
	}
	if d.Weekday() != time.Monday {
		return "", fmt.Errorf("wellbeing: week %q does not start on a Monday", s)
	}
	return Week(s), nil
}

// Monday is the week's first day, as a date (midnight UTC), for labels.
func (w Week) Monday() time.Time {
	d, err := time.Parse(weekLayout, string(w))
	if err != nil {
		return time.Time{}
	}
	return d
}

// Short labels the week in a chart: "2 Mar".
func (w Week) Short() string { return w.Monday().Format("2 Jan") }

// Label names the week in a table or heading: "Week of 2 March 2026".
func (w Week) Label() string { return "Week of " + w.Monday().Format("2 January 2006") }
