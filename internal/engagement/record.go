package engagement

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what a record's fields hold.
const (
	maxLong  = 10000 // descriptions of behaviour, views and feelings
	maxShort = 1000  // an action, an owner, a safety step in words
)

// ObservedPattern is a pattern with the behaviour actually seen or heard.
type ObservedPattern struct {
	Pattern Pattern
	Seen    string
}

// Record is an engagement record: on one date, what a practitioner saw of a
// family's engagement, their ideas about why, the family's own view, what
// it means for the child, how they feel, whether they feel at risk, and
// the plan. A record is never changed once saved; what changes over time
// is kept as history (hypotheses and actions) or in later records.
type Record struct {
	ID         string
	FamilyID   string
	AuthorID   string
	AuthorName string
	// RecordedOn is the date the record describes, at midnight UTC.
	RecordedOn time.Time
	Patterns   []ObservedPattern // in Patterns order
	// HardAreas says which areas of the assessment or plan are hard to
	// achieve, and why.
	HardAreas  string
	Hypotheses []Hypothesis
	// FamilyView is the family's own view, in their words.
	FamilyView string
	// ForChild is what this means for the child. Required.
	ForChild string
	// Feelings is how the practitioner feels about working with the family.
	Feelings   string
	Risk       RiskAnswer
	Safety     SafetyStep // when Risk is AtRisk
	SafetyText string     // the step in words, for OtherStep
	Actions    []Action
	// ReviewOn is when the record is to be reviewed, at midnight UTC.
	ReviewOn  time.Time
	CreatedAt time.Time
	// Flag is the safety flag this record raised, if any, as it stands now.
	Flag *SafetyFlag
}

// Field names used by Problems, matching the form's fields so an error
// summary can link to each.
const (
	FieldRecorded   = "recorded"
	FieldPatterns   = "patterns"
	FieldHardAreas  = "hard-areas"
	FieldHypOther   = "hypothesis-other"
	FieldFamilyView = "family-view"
	FieldForChild   = "for-child"
	FieldFeelings   = "feelings"
	FieldRisk       = "at-risk"
	FieldSafety     = "safety-step"
	FieldSafetyText = "safety-other"
	FieldReview     = "review"
)

// SeenField is the form field for the behaviour seen under a pattern.
func SeenField(p Pattern) string { return "seen-" + string(p) }

// ActionField is the form field for part of the plan's action number n
// (from 1): "what", "owner" or "due".
func ActionField(n int, part string) string { return fmt.Sprintf("action-%d-%s", n, part) }

// Problems returns what is wrong with a record, by form field, with
// messages that say how to put it right. today is the date the record is
// written. An empty map means it can be saved.
func (r Record) Problems(today time.Time) map[string]string {
	p := map[string]string{}
	switch {
	case r.RecordedOn.IsZero():
		p[FieldRecorded] = "Enter the date this record describes, for example 3 11 2026"
	case Day(r.RecordedOn).After(Day(today)):
		p[FieldRecorded] = "The date this record describes must be today or in the past"
	}
	if len(r.Patterns) == 0 {
		p[FieldPatterns] = "Choose at least one pattern that fits what you have seen"
	}
	seen := map[Pattern]bool{}
	for _, o := range r.Patterns {
		switch {
		case !o.Pattern.Valid():
			p[FieldPatterns] = "Choose from the four patterns"
		case seen[o.Pattern]:
			p[FieldPatterns] = "Choose each pattern once"
		case blank(o.Seen):
			p[SeenField(o.Pattern)] = "Describe what you saw or heard that fits " + strings.ToLower(o.Pattern.Label())
		case tooLong(o.Seen, maxLong):
			p[SeenField(o.Pattern)] = limitMessage(maxLong)
		}
		seen[o.Pattern] = true
	}
	for _, h := range r.Hypotheses {
		switch {
		case !h.Reason.Valid():
			p["hypotheses"] = "Choose from the reasons listed, or write your own"
		case h.Reason == OtherReason && tooLong(h.Text, maxLong):
			p[FieldHypOther] = limitMessage(maxLong)
		}
	}
	if blank(r.ForChild) {
		p[FieldForChild] = "Say what this means for the child"
	}
	for field, v := range map[string]string{FieldHardAreas: r.HardAreas, FieldFamilyView: r.FamilyView, FieldForChild: r.ForChild, FieldFeelings: r.Feelings} {
		if tooLong(v, maxLong) {
			p[field] = limitMessage(maxLong)
		}
	}
	switch r.Risk {
	case AtRisk:
		switch {
		case !r.Safety.Valid():
			p[FieldSafety] = "Choose what will help you work with this family safely"
		case r.Safety == OtherStep && blank(r.SafetyText):
			p[FieldSafetyText] = "Say what the safety step is"
		case tooLong(r.SafetyText, maxShort):
			p[FieldSafetyText] = limitMessage(maxShort)
		}
	case NotAtRisk:
	default:
		p[FieldRisk] = "Say whether you feel at risk working with this family"
	}
	for i, a := range r.Actions {
		n := i + 1
		if a.Empty() {
			continue
		}
		switch {
		case blank(a.What):
			p[ActionField(n, "what")] = fmt.Sprintf("Say what action %d is", n)
		case tooLong(a.What, maxShort):
			p[ActionField(n, "what")] = limitMessage(maxShort)
		}
		switch {
		case blank(a.Owner):
			p[ActionField(n, "owner")] = fmt.Sprintf("Say who will do action %d", n)
		case tooLong(a.Owner, maxShort):
			p[ActionField(n, "owner")] = limitMessage(maxShort)
		}
		switch {
		case a.DueOn.IsZero():
			p[ActionField(n, "due")] = fmt.Sprintf("Enter when action %d is due, for example 3 11 2026", n)
		case !r.RecordedOn.IsZero() && Day(a.DueOn).Before(Day(r.RecordedOn)):
			p[ActionField(n, "due")] = fmt.Sprintf("Action %d must be due on or after the date of this record", n)
		}
	}
	switch {
	case r.ReviewOn.IsZero():
		p[FieldReview] = "Enter when you will review this record, for example 3 11 2026"
	case !r.RecordedOn.IsZero() && !Day(r.ReviewOn).After(Day(r.RecordedOn)):
		p[FieldReview] = "The review date must be after the date of this record"
	}
	return p
}

// PatternLabels names the record's patterns in plain words, in order.
func (r Record) PatternLabels() []string {
	out := make([]string, len(r.Patterns))
	for i, o := range r.Patterns {
		out[i] = o.Pattern.Label()
	}
	return out
}

// ReviewOverdue reports whether the record's review date has passed by today.
func (r Record) ReviewOverdue(today time.Time) bool {
	return !r.ReviewOn.IsZero() && Day(r.ReviewOn).Before(Day(today))
}

// Described reports whether the record describes pattern p.
func (r Record) Described(p Pattern) bool {
	for _, o := range r.Patterns {
		if o.Pattern == p {
			return true
		}
	}
	return false
}

// SortPatterns puts observed patterns in Patterns order.
func SortPatterns(list []ObservedPattern) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].Pattern.index() < list[j-1].Pattern.index(); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// ParseDate reads a date as stored, YYYY-MM-DD, at midnight UTC.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("engagement: date %q: %w", s, err)
	}
	return t, nil
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func tooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }

func limitMessage(n int) string {
	if n == maxLong {
		return "Keep this to 10,000 characters or fewer"
	}
	return "Keep this to 1,000 characters or fewer"
}

// PatternsText names the record's patterns as one phrase: "Avoidance and confrontation".
func (r Record) PatternsText() string {
	ps := make([]Pattern, len(r.Patterns))
	for i, o := range r.Patterns {
		ps[i] = o.Pattern
	}
	return JoinLabels(ps)
}
