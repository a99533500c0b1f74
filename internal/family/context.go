package family

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ContextKind is the statutory or service context a family is in.
type ContextKind string

// The contexts a family's record can show, with their dates.
const (
	EarlyHelp       ContextKind = "early-help"
	ChildInNeed     ContextKind = "child-in-need"
	ChildProtection ContextKind = "child-protection"
	LookedAfter     ContextKind = "looked-after"
	OtherContext    ContextKind = "other"
)

// ContextKinds lists every context, in the order forms offer them.
func ContextKinds() []ContextKind {
	return []ContextKind{EarlyHelp, ChildInNeed, ChildProtection, LookedAfter, OtherContext}
}

// Label is the context's plain name.
func (k ContextKind) Label() string {
	switch k {
	case EarlyHelp:
		return "Early help"
	case ChildInNeed:
		return "Child in need"
	case ChildProtection:
		return "Child protection plan"
	case LookedAfter:
		return "Looked after"
	case OtherContext:
		return "Other"
	}
	return string(k)
}

// Context is one period of a family's context, such as a child protection
// plan, from its start to its end ("" while it continues).
type Context struct {
	ID         string
	FamilyID   string
	Kind       ContextKind
	Detail     string
	StartedOn  string // YYYY-MM-DD
	EndedOn    string // YYYY-MM-DD, or "" while it continues
	RecordedBy string
	RecordedAt time.Time
}

// Current reports whether the context continues.
func (c Context) Current() bool { return c.EndedOn == "" }

// Problems returns what is wrong with a context, by form field.
func (c Context) Problems(today time.Time) map[string]string {
	p := map[string]string{}
	valid := false
	for _, k := range ContextKinds() {
		valid = valid || k == c.Kind
	}
	if !valid {
		p["kind"] = "Choose the context"
	}
	if c.Kind == OtherContext && strings.TrimSpace(c.Detail) == "" {
		p["detail"] = "Say what the context is"
	}
	if utf8.RuneCountInString(c.Detail) > 500 {
		p["detail"] = "Keep this to 500 characters or fewer"
	}
	start, err := ParseDate(c.StartedOn)
	switch {
	case c.StartedOn == "" || err != nil:
		p["started"] = "Enter the date it started, for example 3 9 2026"
	case start.After(today):
		p["started"] = "The start date must be today or in the past"
	}
	if c.EndedOn != "" && err == nil {
		if end, eerr := ParseDate(c.EndedOn); eerr != nil || end.Before(start) {
			p["ended"] = "The end date must be on or after the start date"
		}
	}
	return p
}
