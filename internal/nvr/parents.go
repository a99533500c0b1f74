package nvr

import (
	"slices"
	"time"
)

// What a parent is shown of their own group: its dates, with the weeks off,
// the handouts of the sessions held so far, and their own attendance in
// their own words. The web layer builds the page; these are its rules.

// Held reports whether a session that starts at startsAt has been held by
// now. A session counts as held from the moment it starts, so its handout is
// there for parents to read at the session and after it.
func Held(startsAt, now time.Time) bool { return !now.Before(startsAt) }

// Breaks returns the skipped dates after first and before last, in order:
// the weeks off inside a course that parents see in its schedule. first and
// last are the dates of the first and last sessions; a skipped date outside
// them is not a break in anything.
func Breaks(skip []time.Time, first, last time.Time) []time.Time {
	first, last = Date(first), Date(last)
	var out []time.Time
	for _, d := range skip {
		if d = Date(d); d.After(first) && d.Before(last) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// ForParent says the value to the parent it is about, kindly: coming late
// is coming, and a missed session is missed by the group, not held against
// the parent.
func (a Attendance) ForParent() string {
	switch a {
	case Present, Late:
		return "You came"
	case Apologies:
		return "You sent apologies"
	case Absent:
		return "We missed you"
	}
	return ""
}
