package nvr

import (
	"fmt"
	"strings"
	"time"
)

// Course is a parent group or a piece of one-to-one work: the programme it
// runs, who runs it, where, and when. (It is not called Group because Group
// is already the kind of programme it usually is.)
type Course struct {
	ID    string
	OrgID string
	Name  string
	Kind  Kind
	// TemplateID and TemplateVersion pin the programme the course runs, so
	// a later edit of the template does not change it.
	TemplateID      string
	TemplateVersion int
	// Facilitators are the practitioners running the course;
	// CoFacilitators the experts by experience helping them. User IDs.
	Facilitators   []string
	CoFacilitators []string
	// Venue is an address or an online link.
	Venue    string
	Capacity int
	Schedule Schedule
	// CreatedBy and CreatedAt say who started the course, and when.
	CreatedBy string
	CreatedAt time.Time
}

// DefaultCapacity is how many families a group takes unless told otherwise.
const DefaultCapacity = 12

// MaxCapacity is the most families one group takes.
const MaxCapacity = 30

// Schedule says when a course meets: weekly on one weekday at one time,
// from a start date, skipping the dates given (holidays).
type Schedule struct {
	Start   time.Time // a date, at midnight UTC
	Weekday time.Weekday
	// Time is the local time of day the sessions start, "HH:MM".
	Time string
	Skip []time.Time // dates, at midnight UTC
}

// Form field names for a course. Name and kind share the template's names.
const (
	FieldTemplate = "template"
	FieldStart    = "start"
	FieldWeekday  = "weekday"
	FieldTime     = "time"
	FieldSkip     = "skip"
	FieldVenue    = "venue"
	FieldCapacity = "capacity"
)

const maxVenue = 500

// Date returns the calendar date of t as midnight UTC.
func Date(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ParseClock reads a time of day written "HH:MM" on the 24-hour clock.
func ParseClock(s string) (hour, minute int, err error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil || len(strings.TrimSpace(s)) != 5 {
		return 0, 0, fmt.Errorf("time %q: want HH:MM", s)
	}
	return t.Hour(), t.Minute(), nil
}

// Dates returns the dates of n sessions: session k (counting from 1) falls
// on the k-th week from the start date that is not skipped. The start date
// counts as the first week unless it is skipped itself. Skip dates on other
// weekdays match no session (Problems refuses them).
func (s Schedule) Dates(n int) []time.Time {
	skip := map[time.Time]bool{}
	for _, d := range s.Skip {
		skip[Date(d)] = true
	}
	var out []time.Time
	for d := Date(s.Start); len(out) < n; d = d.AddDate(0, 0, 7) {
		if !skip[d] {
			out = append(out, d)
		}
	}
	return out
}

// Times returns when each of n sessions starts, in loc: each date of Dates
// at the schedule's time of day. A schedule whose time cannot be read
// starts at midnight.
func (s Schedule) Times(n int, loc *time.Location) []time.Time {
	h, m, _ := ParseClock(s.Time)
	var out []time.Time
	for _, d := range s.Dates(n) {
		out = append(out, time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc))
	}
	return out
}

// Problems returns what is wrong with the course, by form field.
func (c Course) Problems() map[string]string {
	pr := map[string]string{}
	required(pr, FieldName, c.Name, "Enter a name for the group")
	tooLong(pr, FieldName, c.Name, maxName)
	if !c.Kind.Valid() {
		pr[FieldKind] = "Choose whether this is a parent group or one to one"
	}
	if c.TemplateID == "" || c.TemplateVersion < 1 {
		pr[FieldTemplate] = "Choose the programme the group follows"
	}
	tooLong(pr, FieldVenue, c.Venue, maxVenue)
	switch {
	case c.Kind == OneToOne && c.Capacity != 1:
		pr[FieldCapacity] = "One-to-one work is with one family"
	case c.Capacity < 1 || c.Capacity > MaxCapacity:
		pr[FieldCapacity] = fmt.Sprintf("Enter how many families the group takes, from 1 to %d", MaxCapacity)
	}
	c.Schedule.problems(pr)
	return pr
}

// problems adds the schedule's problems to pr.
func (s Schedule) problems(pr map[string]string) {
	if s.Weekday < time.Sunday || s.Weekday > time.Saturday {
		pr[FieldWeekday] = "Choose the day of the week the group meets"
	}
	switch {
	case s.Start.IsZero():
		pr[FieldStart] = "Enter the date of the first session"
	case s.Start.Weekday() != s.Weekday:
		pr[FieldStart] = fmt.Sprintf("The first session must be on a %s: %s is a %s", s.Weekday, s.Start.Format("2 January 2006"), s.Start.Weekday())
	}
	if _, _, err := ParseClock(s.Time); err != nil {
		pr[FieldTime] = "Enter the time the sessions start on the 24-hour clock, like 18:30"
	}
	for _, d := range s.Skip {
		if d.IsZero() {
			pr[FieldSkip] = "Enter each date to skip as a real date, like 27/10/2026"
			break
		}
		if !s.Start.IsZero() && Date(d).Before(Date(s.Start)) {
			pr[FieldSkip] = fmt.Sprintf("%s is before the first session; take it out of the dates to skip", d.Format("2 January 2006"))
			break
		}
		if d.Weekday() != s.Weekday {
			pr[FieldSkip] = fmt.Sprintf("%s is a %s, but the group meets on %ss: enter the date of the week's session", d.Format("2 January 2006"), d.Weekday(), s.Weekday)
			break
		}
	}
}

// ParseSkipDates reads dates to skip, one a line, written dd/mm/yyyy or
// yyyy-mm-dd. A line that is not a date gives a zero time, which Problems
// reports; blank lines are dropped.
func ParseSkipDates(text string) []time.Time {
	var out []time.Time
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var d time.Time
		for _, layout := range []string{"2/1/2006", "2006-01-02"} {
			if t, err := time.Parse(layout, line); err == nil {
				d = t
				break
			}
		}
		out = append(out, d)
	}
	return out
}
