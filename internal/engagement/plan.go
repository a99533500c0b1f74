package engagement

import (
	"time"
	"unicode/utf8"

	"github.com/steadfast-care/steadfast/internal/family"
)

// ActionStatus is where a plan action has got to.
type ActionStatus string

// The statuses of a plan action, in the order forms show them.
const (
	Open      ActionStatus = "open"
	Done      ActionStatus = "done"
	NotNeeded ActionStatus = "not-needed"
)

// ActionStatuses lists the statuses in order.
func ActionStatuses() []ActionStatus { return []ActionStatus{Open, Done, NotNeeded} }

// Valid reports whether s is a known status.
func (s ActionStatus) Valid() bool { return s == Open || s == Done || s == NotNeeded }

// Label is the status in plain words.
func (s ActionStatus) Label() string {
	switch s {
	case Open:
		return "Still to do"
	case Done:
		return "Done"
	case NotNeeded:
		return "No longer needed"
	}
	return string(s)
}

// Action is one step of an engagement record's plan: what, who will do it,
// and by when. Its status changes are kept as history.
type Action struct {
	ID       string
	FamilyID string
	RecordID string
	What     string
	Owner    string    // who will do it, in plain words: "Me", "Mum", "the school nurse"
	DueOn    time.Time // a date, at midnight UTC
	Status   ActionStatus
	// ChangedAt is when the status last changed.
	ChangedAt time.Time
	// History holds every status it has had, oldest first.
	History []Change
}

// Overdue reports whether the action is still to do and its due date has
// passed by today.
func (a Action) Overdue(today time.Time) bool {
	return a.Status == Open && !a.DueOn.IsZero() && Day(a.DueOn).Before(Day(today))
}

// Due is the action as something due on a caseload.
func (a Action) Due() family.Due {
	return family.Due{What: "Plan action: " + clip(a.What, 80), By: a.DueOn, Why: "Engagement plan; who: " + clip(a.Owner, 60)}
}

// Empty reports whether nothing was typed for the action, so a form's
// spare rows can be left blank.
func (a Action) Empty() bool { return blank(a.What) && blank(a.Owner) && a.DueOn.IsZero() }

// ReviewDue is a record's review as something due on a caseload.
func ReviewDue(recordedOn, reviewOn time.Time) family.Due {
	return family.Due{What: "Review the engagement record", By: reviewOn, Why: "Engagement record of " + recordedOn.Format("2 January 2006")}
}

// Day returns t's date at midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// clip shortens s to at most n characters, ending with an ellipsis when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
