package supervision

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
)

// AgendaNote is something either person added to the agenda by hand,
// waiting for the practitioner's next supervision until it is discussed.
type AgendaNote struct {
	ID             string
	PractitionerID string
	// FamilyID is the family it is about, or "" for something about the
	// practitioner's work in general.
	FamilyID    string
	FamilyName  string
	Text        string
	AddedBy     string
	AddedByName string
	AddedAt     time.Time
	DiscussedAt time.Time
}

// FieldAgendaText and FieldAgendaFamily are the add-to-agenda form's fields.
const (
	FieldAgendaText   = "text"
	FieldAgendaFamily = "family"
)

// RemovableBy reports whether userID may take the note off the agenda:
// the person who added it, while it is still waiting.
func (n AgendaNote) RemovableBy(userID string) bool {
	return userID != "" && n.AddedBy == userID && n.DiscussedAt.IsZero()
}

// Problems explains what is wrong with the note, by form field.
func (n AgendaNote) Problems() map[string]string {
	p := map[string]string{}
	switch text := strings.TrimSpace(n.Text); {
	case text == "":
		p[FieldAgendaText] = "Enter what you want to talk about"
	case tooLong(text):
		p[FieldAgendaText] = fmt.Sprintf("Keep this to %d characters or fewer", MaxText)
	}
	return p
}

// FamilyFacts is what the practitioner's caseload knows about one family,
// for gathering the agenda.
type FamilyFacts struct {
	FamilyID string
	Name     string
	Signals  family.Signals
}

// Gathered is one family the agenda brings up by itself, with the reasons
// in plain words.
type Gathered struct {
	FamilyID string
	Name     string
	Reasons  []string
}

// Gather works out which of a practitioner's families the next supervision
// should talk about, and why: work that is overdue (plan actions, reviews
// and visits), safety steps a worker asked for while they stand, recent
// alerts on the record, a parent's journal alerts waiting, and no child
// seen for notSeenWeeks weeks or more (or never, on record). Families with
// nothing to raise are left out; the rest keep the caseload's order. Dates
// of alerts are written in loc (UK time on pages); due dates are dates.
func Gather(facts []FamilyFacts, today time.Time, notSeenWeeks int, loc *time.Location) []Gathered {
	var out []Gathered
	for _, f := range facts {
		var reasons []string
		dues := slices.Clone(f.Signals.Dues)
		if visit, ok := family.NextVisit(f.Signals.Contexts, f.Signals.LastSeen); ok {
			dues = append(dues, visit)
		}
		for _, d := range dues {
			if d.Overdue(today) {
				reasons = append(reasons, fmt.Sprintf("Overdue: %s (was due %s)", d.What, d.By.Format("2 January 2006")))
			}
		}
		if len(f.Signals.SafetySteps) > 0 {
			reasons = append(reasons, "A worker feels at risk: "+strings.Join(f.Signals.SafetySteps, ", "))
		}
		for _, a := range f.Signals.Alerts(today) {
			reasons = append(reasons, fmt.Sprintf("%s on %s", a.Text, a.At.In(loc).Format("2 January 2006")))
		}
		switch n := f.Signals.OpenJournalAlerts; {
		case n == 1:
			reasons = append(reasons, "A safety alert from a parent's journal is waiting")
		case n > 1:
			reasons = append(reasons, fmt.Sprintf("%d safety alerts from a parent's journal are waiting", n))
		}
		if r := notSeen(f.Signals.LastSeen, today, notSeenWeeks); r != "" {
			reasons = append(reasons, r)
		}
		if len(reasons) > 0 {
			out = append(out, Gathered{FamilyID: f.FamilyID, Name: f.Name, Reasons: reasons})
		}
	}
	return out
}

// notSeen says how long it is since a child was seen, when that is at
// least weeks whole weeks, or that no visit is recorded.
func notSeen(lastSeen, today time.Time, weeks int) string {
	if weeks <= 0 {
		return ""
	}
	if lastSeen.IsZero() {
		return "No visit recorded where a child was seen"
	}
	gone := int(today.Sub(lastSeen).Hours() / 24 / 7)
	if gone < weeks {
		return ""
	}
	return fmt.Sprintf("No child seen for %d weeks", gone)
}
