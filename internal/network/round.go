package network

import (
	"fmt"
	"strings"
	"time"
)

// Round is a telephone round: the parent calls their supporters and the
// child's contacts, to find the child or to show that many people care.
type Round struct {
	ID       string
	FamilyID string
	At       time.Time // when it started, UTC
	// Why is the reason, in the parent's own words.
	Why       string
	Calls     []Call
	CreatedAt time.Time
}

// Call is one call of a telephone round: who was called and how it went.
type Call struct {
	// SupporterID is the supporter called, or "" for someone not on the
	// parent's list (a friend's parent, say), named in Name.
	SupporterID string
	// Name is who was called. For a supporter it is kept as it was on
	// the day, so the round still reads true if the supporter is removed.
	Name    string
	Outcome Outcome
	// Note says more, in the parent's words; needed for "something else".
	Note string
}

// Blank reports whether nothing of the call was given: a form's spare row,
// which is dropped rather than refused.
func (c Call) Blank() bool {
	return c.SupporterID == "" && strings.TrimSpace(c.Name) == "" && c.Outcome == "" && strings.TrimSpace(c.Note) == ""
}

// Outcome is how one call went.
type Outcome string

// The outcomes of a call, in the order forms offer them.
const (
	ReachedHelped Outcome = "reached"
	NoAnswer      Outcome = "no-answer"
	OtherOutcome  Outcome = "other"
)

// Outcomes lists every outcome, in the order forms offer them.
func Outcomes() []Outcome { return []Outcome{ReachedHelped, NoAnswer, OtherOutcome} }

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool { return o == ReachedHelped || o == NoAnswer || o == OtherOutcome }

// Label says the outcome in plain words.
func (o Outcome) Label() string {
	switch o {
	case ReachedHelped:
		return "Reached them, and they helped"
	case NoAnswer:
		return "No answer"
	case OtherOutcome:
		return "Something else"
	}
	return string(o)
}

// Limits on what a round holds.
const (
	// MaxCalls bounds the calls of one round.
	MaxCalls = 20
	maxWhy   = 2000
	maxNote  = 500
)

// Form field names of a round.
const (
	FieldWhen = "when"
	FieldWhy  = "why"
)

// The parts of a call, for CallField.
const (
	PartWho     = "who"
	PartName    = "name"
	PartOutcome = "outcome"
	PartNote    = "note"
)

// CallField names the form field of one part of the i-th call (counting
// from 0): "call-1-outcome" for the first call's outcome.
func CallField(i int, part string) string { return fmt.Sprintf("call-%d-%s", i+1, part) }

// Problems returns what is wrong with a round, by form field. now is the
// time of saving: a round cannot start in the future. Spare blank calls are
// not problems; Trimmed drops them before saving.
func (r Round) Problems(now time.Time) map[string]string {
	pr := map[string]string{}
	switch {
	case r.At.IsZero():
		pr[FieldWhen] = "Enter the date, for example 3 11 2026, and the time if you know it"
	case r.At.After(now):
		pr[FieldWhen] = "The round must have started by now"
	}
	required(pr, FieldWhy, r.Why, "Say why you made the calls, in your own words")
	tooLong(pr, FieldWhy, r.Why, maxWhy)
	calls := 0
	for i, c := range r.Calls {
		if c.Blank() {
			continue
		}
		calls++
		if i >= MaxCalls {
			pr[CallField(i, PartWho)] = fmt.Sprintf("Record up to %d calls in one round", MaxCalls)
			continue
		}
		if c.SupporterID == "" && strings.TrimSpace(c.Name) == "" {
			pr[CallField(i, PartWho)] = "Choose who you called, or write their name"
		}
		tooLong(pr, CallField(i, PartName), c.Name, maxName)
		if !c.Outcome.Valid() {
			pr[CallField(i, PartOutcome)] = "Choose how the call went"
		}
		if c.Outcome == OtherOutcome {
			required(pr, CallField(i, PartNote), c.Note, "Say in a few words how the call went")
		}
		tooLong(pr, CallField(i, PartNote), c.Note, maxNote)
	}
	if calls == 0 {
		pr[CallField(0, PartWho)] = "Record at least one call: who you called, and how it went"
	}
	return pr
}

// Trimmed returns the round without its blank calls and with spaces
// trimmed from the ends of its words, as it is saved.
func (r Round) Trimmed() Round {
	r.Why = strings.TrimSpace(r.Why)
	var kept []Call
	for _, c := range r.Calls {
		if c.Blank() {
			continue
		}
		c.Name, c.Note = strings.TrimSpace(c.Name), strings.TrimSpace(c.Note)
		kept = append(kept, c)
	}
	r.Calls = kept
	return r
}

// Reached counts the calls that reached someone who helped.
func (r Round) Reached() int {
	n := 0
	for _, c := range r.Calls {
		if c.Outcome == ReachedHelped {
			n++
		}
	}
	return n
}
