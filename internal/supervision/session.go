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
	HeldAt    time.Time
	CreatedBy string
	CreatedAt time.Time
}

// Held reports whether the session has been recorded as held.
func (s Session) Held() bool { return !s.HeldAt.IsZero() }

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
