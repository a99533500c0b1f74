package family

import (
	"slices"
	"time"
)

// AlertWindow is how long a change stays on the caseload as an alert.
const AlertWindow = 28 * 24 * time.Hour

// Signals is what a caseload knows about one family, from which the next
// thing due and the alerts are worked out. The store fills it in one read
// for a whole caseload.
type Signals struct {
	// Children holds the family's children, oldest first, with their names
	// and dates of birth only.
	Children []Member
	// LastContact is when the newest contact note says the family was last
	// in contact; zero when none is recorded.
	LastContact time.Time
	// LastSeen is when a contact note last records a child seen; zero when none does.
	LastSeen time.Time
	// Contexts holds the family's current contexts.
	Contexts []Context
	// ConsentWithdrawn is when a consent was last withdrawn, if within the
	// alert window; zero otherwise.
	ConsentWithdrawn time.Time
	// OpenedWithReason is when someone outside the family's work last opened
	// the record with a reason (break-glass), if within the alert window.
	OpenedWithReason time.Time
	// Dues holds other dated work, such as plan actions and reviews.
	Dues []Due
	// Engagement is what the family's last engagement record described;
	// its date is zero when there is none.
	Engagement Described
	// SafetySteps are the safety steps workers who feel at risk have asked
	// for, in plain words such as "Joint visits", while they stand.
	SafetySteps []string
	// OpenJournalAlerts counts the safety alerts from a parent's journal
	// not yet acknowledged.
	OpenJournalAlerts int
}

// Described is the patterns of engagement a record last described, in
// plain words such as "Avoidance and confrontation", and the date it
// describes. It describes behaviour; it never labels the family.
type Described struct {
	Patterns string
	On       time.Time
}

// NextDue returns the soonest thing due for the family: the next visit its
// contexts call for, or other dated work, and false when nothing is due.
func (s Signals) NextDue() (Due, bool) {
	dues := append([]Due(nil), s.Dues...)
	if visit, ok := NextVisit(s.Contexts, s.LastSeen); ok {
		dues = append(dues, visit)
	}
	return Earliest(dues...)
}

// Alert is something a worker should notice about a family on their caseload.
type Alert struct {
	Text string
	At   time.Time
}

// Alerts returns the recent changes the family's workers should notice,
// newest first. Overdue work is not an alert: it shows as overdue where it is due.
func (s Signals) Alerts(today time.Time) []Alert {
	var out []Alert
	if recent(s.ConsentWithdrawn, today) {
		out = append(out, Alert{Text: "A consent was withdrawn", At: s.ConsentWithdrawn})
	}
	if recent(s.OpenedWithReason, today) {
		out = append(out, Alert{Text: "Opened with a reason by someone outside the family's work", At: s.OpenedWithReason})
	}
	slices.SortStableFunc(out, func(a, b Alert) int { return b.At.Compare(a.At) })
	return out
}

func recent(t, today time.Time) bool {
	return !t.IsZero() && !t.After(today) && today.Sub(t) <= AlertWindow
}
