package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// SitInStatus is where a sit-in is: planned, or done. A planned sit-in
// can be changed or marked done; a done one is kept as it was.
type SitInStatus string

// The statuses of a sit-in.
const (
	SitInPlanned SitInStatus = "planned"
	SitInDone    SitInStatus = "done"
)

// Valid reports whether s is a known status.
func (s SitInStatus) Valid() bool { return s == SitInPlanned || s == SitInDone }

// Label names the status for a parent.
func (s SitInStatus) Label() string {
	switch s {
	case SitInPlanned:
		return "Planned"
	case SitInDone:
		return "Done"
	}
	return string(s)
}

// SitIn is an NVR sit-in (DOMAIN.md): after a serious incident the parent
// sits calmly in the child's room with a supporter or partner and waits
// for the child to suggest a solution. It answers one hard moment of the
// family's own journal.
type SitIn struct {
	ID       string
	FamilyID string
	Status   SitInStatus
	// EntryID is the hard moment the sit-in answers; EntryAt and
	// EntrySummary describe it when read from the store.
	EntryID      string
	EntryAt      time.Time
	EntrySummary string

	// The plan.
	PlannedFor time.Time // when, UTC
	With       string    // who will be there with the parent
	WillSay    string    // what the parent will say

	// CancelledAt is when the parent called a planned sit-in off; zero
	// otherwise.
	CancelledAt time.Time

	// What happened, once done.
	DoneAt   time.Time // when, UTC
	Minutes  int       // how long it lasted
	Said     string    // what was said, in the parent's words
	Proposal string    // the child's proposal, if any, in the parent's words

	CreatedAt, UpdatedAt time.Time
}

// Form field names of a sit-in.
const (
	FieldSitInEntry    = "entry"
	FieldSitInWhen     = "when"
	FieldSitInWith     = "with"
	FieldSitInWillSay  = "will-say"
	FieldSitInMinutes  = "minutes"
	FieldSitInSaid     = "said"
	FieldSitInProposal = "proposal"
)

// Limits of a sit-in.
const (
	// MaxSitInMinutes bounds how long a sit-in is recorded as lasting.
	MaxSitInMinutes = 600
	maxSitInText    = 2000
	// maxPlanAhead bounds how far ahead a sit-in is planned.
	maxPlanAhead = 90 * 24 * time.Hour
)

// DefaultWillSay are the plan's starting words, which the parent makes
// their own.
const DefaultWillSay = "We are here because of what happened. We are not willing to accept it. " +
	"We will sit here and wait to hear your ideas about how to put it right."

// PlanProblems returns what is wrong with the plan of a sit-in, by form
// field. moment is the hard moment chosen, as read from the family's own
// journal, or nil when none was chosen or it could not be found: a hard
// moment of another family, or an entry that is not a hard moment, is
// refused. now is the time of saving.
func (s SitIn) PlanProblems(now time.Time, moment *Entry) map[string]string {
	p := map[string]string{}
	s.momentProblems(p, moment)
	switch {
	case s.PlannedFor.IsZero():
		p[FieldSitInWhen] = "Enter when you plan to do it, for example 3 11 2026 and 19:00"
	case s.PlannedFor.After(now.Add(maxPlanAhead)):
		p[FieldSitInWhen] = "Plan it within the next three months: a sit-in works best soon after the hard moment"
	case moment != nil && s.PlannedFor.Before(dayOf(moment.OccurredAt)):
		p[FieldSitInWhen] = "A sit-in comes after the hard moment it answers: choose a later date"
	}
	if strings.TrimSpace(s.With) == "" {
		p[FieldSitInWith] = "Say who will sit with you: a supporter or your partner"
	}
	if strings.TrimSpace(s.WillSay) == "" {
		p[FieldSitInWillSay] = "Write what you will say, in a few calm words"
	}
	tooLongText(p, map[string]string{FieldSitInWith: s.With, FieldSitInWillSay: s.WillSay})
	return p
}

// DoneProblems returns what is wrong with the record of a sit-in done, by
// form field: when it was (not in the future, and after the hard moment),
// how long it lasted, and what was said. The child's proposal is
// optional: a child may say nothing. moment is as for PlanProblems.
func (s SitIn) DoneProblems(now time.Time, moment *Entry) map[string]string {
	p := map[string]string{}
	s.momentProblems(p, moment)
	switch {
	case s.DoneAt.IsZero():
		p[FieldSitInWhen] = "Enter when you did it, for example 3 11 2026 and 19:00"
	case s.DoneAt.After(now.Add(5 * time.Minute)):
		p[FieldSitInWhen] = "Enter a time that has already happened"
	case moment != nil && s.DoneAt.Before(dayOf(moment.OccurredAt)):
		p[FieldSitInWhen] = "A sit-in comes after the hard moment it answers: check the date"
	}
	if s.Minutes < 1 || s.Minutes > MaxSitInMinutes {
		p[FieldSitInMinutes] = fmt.Sprintf("Enter how long it lasted, in minutes, from 1 to %d", MaxSitInMinutes)
	}
	if strings.TrimSpace(s.Said) == "" {
		p[FieldSitInSaid] = "Write what you said, even a few words"
	}
	tooLongText(p, map[string]string{FieldSitInSaid: s.Said, FieldSitInProposal: s.Proposal})
	return p
}

// CanChange says why the sit-in cannot be changed or marked done, or ""
// when it can: a done sit-in is kept as it was.
func (s SitIn) CanChange() string {
	switch {
	case s.Status == SitInDone:
		return "This sit-in is done, so it is kept as you recorded it"
	case s.Cancelled():
		return "This sit-in was called off, so it is kept as it was planned"
	}
	return ""
}

// Cancelled reports whether the parent called the sit-in off.
func (s SitIn) Cancelled() bool { return !s.CancelledAt.IsZero() }

// StatusLabel names where the sit-in is for a parent: planned, done, or
// called off.
func (s SitIn) StatusLabel() string {
	if s.Cancelled() {
		return "Called off"
	}
	return s.Status.Label()
}

// Summary is the sit-in in a few words, as the family's timeline shows it.
func (s SitIn) Summary() string {
	if s.Status != SitInDone {
		return "Planned with " + strings.TrimSpace(s.With)
	}
	out := fmt.Sprintf("%d minutes. What was said: %s", s.Minutes, strings.TrimSpace(s.Said))
	if p := strings.TrimSpace(s.Proposal); p != "" {
		out += "\nThe child's proposal: " + p
	} else {
		out += "\nNo proposal from the child yet."
	}
	return out
}

// momentProblems checks the hard moment chosen is the family's own.
func (s SitIn) momentProblems(p map[string]string, moment *Entry) {
	switch {
	case s.EntryID == "":
		p[FieldSitInEntry] = "Choose the hard moment this sit-in answers"
	case moment == nil || moment.ID != s.EntryID || moment.FamilyID != s.FamilyID || moment.Kind != HardMoment:
		p[FieldSitInEntry] = "Choose a hard moment from your own journal"
	}
}

// tooLongText refuses any text longer than the sit-in allows.
func tooLongText(p map[string]string, texts map[string]string) {
	for field, v := range texts {
		if utf8.RuneCountInString(v) > maxSitInText {
			p[field] = fmt.Sprintf("Keep this to %d characters or fewer", maxSitInText)
		}
	}
}

// dayOf is the start of t's day, UTC: a sit-in planned for the evening of
// the hard moment's day still answers it.
func dayOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
