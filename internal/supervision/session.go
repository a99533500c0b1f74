package supervision

import (
	"time"
	"unicode/utf8"
)

// Session is one supervision meeting between a supervisor and a
// practitioner they supervise. It is planned for a time, and held once
// either of them records that it took place.
type Session struct {
	ID             string
	SupervisorID   string
	PractitionerID string
	// SupervisorName and PractitionerName are the two people's names, for pages.
	SupervisorName   string
	PractitionerName string
	PlannedFor       time.Time
	// HeldAt is when the session was recorded as held; zero while planned.
	HeldAt time.Time
	// CancelledAt is when the supervisor called a planned session off; zero
	// otherwise.
	CancelledAt time.Time
	CreatedBy   string
	CreatedAt   time.Time
}

// Held reports whether the session has been recorded as held.
func (s Session) Held() bool { return !s.HeldAt.IsZero() }

// Cancelled reports whether the session was called off.
func (s Session) Cancelled() bool { return !s.CancelledAt.IsZero() }

// Open reports whether the session is still to be held: neither held nor
// called off. Only an open session can be moved, called off or recorded as
// held.
func (s Session) Open() bool { return !s.Held() && !s.Cancelled() }

// Participant reports whether userID is one of the session's two people.
func (s Session) Participant(userID string) bool {
	return userID != "" && (userID == s.SupervisorID || userID == s.PractitionerID)
}

// Other returns the name of the session's other person, as seen by userID.
func (s Session) Other(userID string) string {
	if userID == s.SupervisorID {
		return s.PractitionerName
	}
	return s.SupervisorName
}

// FieldWhen is the form field that holds when a session is planned for.
const FieldWhen = "when"

// PlanProblems explains what is wrong with planning a session for when,
// seen at now, by form field. A session can be planned up to a year ahead,
// or recorded up to a year back (supervision that happened before it was
// written down).
func PlanProblems(when, now time.Time) map[string]string {
	p := map[string]string{}
	switch {
	case when.IsZero():
		p[FieldWhen] = "Enter the date and time of the session, for example 3 12 2026 and 10:00"
	case when.After(now.AddDate(1, 0, 0)):
		p[FieldWhen] = "Plan a session no more than a year ahead"
	case when.Before(now.AddDate(-1, 0, 0)):
		p[FieldWhen] = "Enter a date in the last year"
	}
	return p
}

// MaxText is the most characters any free-text part of supervision holds.
const MaxText = 5000

// tooLong reports whether s is longer than MaxText.
func tooLong(s string) bool { return utf8.RuneCountInString(s) > MaxText }

// HeldReport is what recording a session as held says: when it was held
// and, optionally, when the next one is. The Valid fields say whether what
// was typed made a date and time.
type HeldReport struct {
	At        time.Time
	AtValid   bool
	Next      time.Time
	NextGiven bool
	NextValid bool
}

// FieldNextWhen is the form field that holds when the next session is.
const FieldNextWhen = "next-when"

// HeldProblems explains what is wrong with recording s as held, by form
// field, when byUser sends h at now. Either person records a session as
// held; only the supervisor plans the next one.
func (s Session) HeldProblems(h HeldReport, byUser string, now time.Time) map[string]string {
	p := map[string]string{}
	switch {
	case s.Held():
		p[FieldWhen] = "This session is already recorded as held"
	case s.Cancelled():
		p[FieldWhen] = "This session was called off, so it cannot be recorded as held"
	case !h.AtValid:
		p[FieldWhen] = "Enter when the session was held, for example 3 12 2026 and 10:00"
	case h.At.After(now):
		p[FieldWhen] = "A session can only be recorded as held once it has happened"
	}
	if !h.NextGiven {
		return p
	}
	switch {
	case byUser != s.SupervisorID:
		p[FieldNextWhen] = "Your supervisor plans the next session. Leave the date empty."
	case !h.NextValid:
		p[FieldNextWhen] = "Enter the next date, for example 3 12 2026 and 10:00, or leave it empty"
	case PlanProblems(h.Next, now)[FieldWhen] != "":
		p[FieldNextWhen] = PlanProblems(h.Next, now)[FieldWhen]
	case h.AtValid && !h.Next.After(h.At):
		p[FieldNextWhen] = "The next session must come after this one"
	}
	return p
}
