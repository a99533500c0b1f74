package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Level is how closely a parent is watching over one concern about their
// child, in NVR's vigilant care: open attention, focused attention, or
// protective action.
type Level string

// The three levels of vigilant care, from the lightest to the closest.
const (
	OpenAttention    Level = "open"
	FocusedAttention Level = "focused"
	ProtectiveAction Level = "protective"
)

// Levels lists the levels from the lightest to the closest, in the order
// forms offer them.
func Levels() []Level { return []Level{OpenAttention, FocusedAttention, ProtectiveAction} }

// Valid reports whether l is a known level.
func (l Level) Valid() bool {
	return l == OpenAttention || l == FocusedAttention || l == ProtectiveAction
}

// Label names the level.
func (l Level) Label() string {
	switch l {
	case OpenAttention:
		return "Open attention"
	case FocusedAttention:
		return "Focused attention"
	case ProtectiveAction:
		return "Protective action"
	}
	return string(l)
}

// Explain says in plain words, for a parent, what the level means.
func (l Level) Explain() string {
	switch l {
	case OpenAttention:
		return "Taking a friendly interest in your child's life: chatting, noticing how they are, and letting them know you care."
	case FocusedAttention:
		return "Something has worried you, so you ask more: where they are going, who with, what they are doing, and when they will be back."
	case ProtectiveAction:
		return "You act to keep your child safe, with your supporters if you can: you step in, find out, or stop something, calmly and without violence."
	}
	return ""
}

// Colour is the GOV.UK tag colour shown beside the level.
func (l Level) Colour() string {
	switch l {
	case FocusedAttention:
		return "yellow"
	case ProtectiveAction:
		return "orange"
	}
	return "blue"
}

// Concern is one thing a parent is watching over, in their own words, with
// its current level and every change of level.
type Concern struct {
	ID       string
	FamilyID string
	// About is the concern in the parent's words: "staying out late".
	About string
	Level Level
	// Settled is when the parent said it is no longer a worry; zero while
	// it is still one. A settled concern is kept and shown apart.
	Settled   time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
	// History holds every level the concern has had, oldest first; the
	// first change has no From.
	History []LevelChange
}

// IsSettled reports whether the parent said the concern is no longer a
// worry.
func (c Concern) IsSettled() bool { return !c.Settled.IsZero() }

// LevelChange is one change of a concern's level: from what, to what, the
// warning sign behind it in the parent's words, and when.
type LevelChange struct {
	From Level // empty for the level the concern started at
	To   Level
	Sign string
	At   time.Time
}

// Limits on what a concern holds.
const (
	maxConcernAbout = 200
	maxWarningSign  = 1000
	// MaxConcerns bounds one family's list of concerns, settled ones
	// included, so the page stays short.
	MaxConcerns = 50
)

// Form field names of a concern and a change of level. Problems are keyed
// by them.
const (
	FieldConcernAbout = "about"
	FieldLevel        = "level"
	FieldWarningSign  = "sign"
)

// NewConcernProblems returns what is wrong with a new concern, by form
// field: its words and the level it starts at are needed, and what the
// parent noticed (sign) is optional.
func NewConcernProblems(about string, level Level, sign string) map[string]string {
	pr := map[string]string{}
	if strings.TrimSpace(about) == "" {
		pr[FieldConcernAbout] = "Say in a few words what you are keeping an eye on"
	}
	tooLong(pr, FieldConcernAbout, about, maxConcernAbout)
	if !level.Valid() {
		pr[FieldLevel] = "Choose how closely you are watching this now"
	}
	tooLong(pr, FieldWarningSign, sign, maxWarningSign)
	return pr
}

// ChangeProblems returns what is wrong with moving a concern at level from
// to level to, by form field: the new level must be another known level,
// the concern must still be a worry, and the warning sign behind the change
// is needed.
func ChangeProblems(c Concern, to Level, sign string) map[string]string {
	pr := map[string]string{}
	switch {
	case c.IsSettled():
		pr[FieldLevel] = "You said this is no longer a worry, so its level stays as it was"
	case !to.Valid():
		pr[FieldLevel] = "Choose the level you are moving to"
	case to == c.Level:
		pr[FieldLevel] = "Choose a different level from the one it is at now"
	}
	if strings.TrimSpace(sign) == "" {
		pr[FieldWarningSign] = "Say what you noticed that made you change the level"
	}
	tooLong(pr, FieldWarningSign, sign, maxWarningSign)
	return pr
}

// tooLong adds a problem for field when v is longer than limit characters.
func tooLong(pr map[string]string, field, v string, limit int) {
	if utf8.RuneCountInString(strings.TrimSpace(v)) > limit {
		pr[field] = fmt.Sprintf("Keep this to %d characters or fewer", limit)
	}
}

// NewestFirst returns the concern's changes of level, the latest first.
func (c Concern) NewestFirst() []LevelChange {
	out := make([]LevelChange, len(c.History))
	for i, ch := range c.History {
		out[len(c.History)-1-i] = ch
	}
	return out
}

// Since is when the concern came to its current level: its latest change,
// or when it was added.
func (c Concern) Since() time.Time {
	if n := len(c.History); n > 0 {
		return c.History[n-1].At
	}
	return c.CreatedAt
}
