package supervision

import (
	"fmt"
	"time"
)

// Settings are an organisation's choices about supervision.
type Settings struct {
	// EveryWeeks is how often each practitioner is expected to be
	// supervised: 4 means every four weeks, about monthly.
	EveryWeeks int
	// NotSeenWeeks is how many weeks without a child seen bring a family
	// onto the supervision agenda.
	NotSeenWeeks int
}

// DefaultSettings are used until an administrator chooses otherwise.
func DefaultSettings() Settings { return Settings{EveryWeeks: 4, NotSeenWeeks: 6} }

// The settings form's fields.
const (
	FieldEveryWeeks   = "every-weeks"
	FieldNotSeenWeeks = "not-seen-weeks"
)

// Problems explains what is wrong with the settings, by form field.
func (s Settings) Problems() map[string]string {
	p := map[string]string{}
	if s.EveryWeeks < 1 || s.EveryWeeks > 26 {
		p[FieldEveryWeeks] = "Enter a number of weeks from 1 to 26"
	}
	if s.NotSeenWeeks < 1 || s.NotSeenWeeks > 52 {
		p[FieldNotSeenWeeks] = "Enter a number of weeks from 1 to 52"
	}
	return p
}

// Window is how far back the supervision record counts sessions: 26 weeks.
const Window = 26 * 7 * 24 * time.Hour

// Record is how often one practitioner has been supervised, against the
// organisation's expected frequency.
type Record struct {
	PractitionerID   string
	PractitionerName string
	// Last is the last session held; zero when none is.
	Last time.Time
	// DueBy is when the next session is due: EveryWeeks after the last one,
	// or the day counting began when none has been held.
	DueBy time.Time
	// Held counts the sessions held in the window; Expected is how many
	// the expected frequency asks for in the part of the window since the
	// practitioner joined.
	Held, Expected int
	// Next is the next planned session, zero when none is planned.
	Next time.Time
}

// Overdue reports whether the day the next session was due by has passed,
// by the calendar of now's location (UK time on pages).
func (r Record) Overdue(now time.Time) bool { return r.daysOverdue(now) > 0 }

// daysOverdue counts the calendar days from the due date to now's date, in
// now's location: 0 on the day itself, negative before it.
func (r Record) daysOverdue(now time.Time) int {
	due := r.DueBy.In(now.Location())
	dueDay := time.Date(due.Year(), due.Month(), due.Day(), 12, 0, 0, 0, time.UTC)
	today := time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, time.UTC)
	return int(today.Sub(dueDay).Hours() / 24)
}

// Status says in words where the practitioner stands at now, by the
// calendar of now's location.
func (r Record) Status(now time.Time) string {
	days := r.daysOverdue(now)
	switch {
	case r.Last.IsZero() && days > 0:
		return "No supervision recorded; one is due"
	case days == 1:
		return "Overdue by 1 day"
	case days > 1:
		return fmt.Sprintf("Overdue by %d days", days)
	case days == 0:
		return "Due today"
	}
	return "Due by " + r.DueBy.In(now.Location()).Format("2 January 2006")
}

// RecordFor works out a practitioner's supervision record at now, from
// when each of their sessions was held and the next one planned, the day
// they joined, and the expected frequency. Sessions held after now are
// ignored. Counting begins at the later of joining and the start of the
// window (or at an earlier first session in the window), and Expected is
// the whole number of expected intervals that fit in it.
func RecordFor(practitionerID, name string, joined time.Time, held []time.Time, next time.Time, every int, now time.Time) Record {
	if every < 1 {
		every = DefaultSettings().EveryWeeks
	}
	interval := time.Duration(every) * 7 * 24 * time.Hour
	r := Record{PractitionerID: practitionerID, PractitionerName: name, Next: next}
	// Counting begins at the later of the window's start and the day they
	// joined, or at their first session in the window if that came before
	// joining (supervision recorded from before they had an account).
	from := now.Add(-Window)
	start := joined
	for _, h := range held {
		if h.After(now) {
			continue
		}
		if h.After(r.Last) {
			r.Last = h
		}
		if !h.Before(from) && h.Before(start) {
			start = h
		}
	}
	if start.After(from) {
		from = start
	}
	for _, h := range held {
		if !h.After(now) && !h.Before(from) {
			r.Held++
		}
	}
	r.Expected = int(now.Sub(from) / interval)
	if r.Last.IsZero() {
		r.DueBy = from.Add(interval)
	} else {
		r.DueBy = r.Last.Add(interval)
	}
	return r
}
