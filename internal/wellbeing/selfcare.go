package wellbeing

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// The self-care plan form's fields.
const (
	FieldHelps      = "helps"
	FieldEarlySigns = "early-signs"
	FieldTalkTo     = "talk-to"
)

// SelfCare is a member of staff's own self-care plan: what helps them,
// the early signs that they are struggling, and who they can talk to.
// It is theirs alone; no one else reads it.
type SelfCare struct {
	Helps      string
	EarlySigns string
	TalkTo     string
	UpdatedAt  time.Time
}

// Empty reports whether nothing is written in the plan.
func (p SelfCare) Empty() bool {
	return strings.TrimSpace(p.Helps) == "" && strings.TrimSpace(p.EarlySigns) == "" && strings.TrimSpace(p.TalkTo) == ""
}

// SelfCareProblems checks a plan before it is saved: something must be
// written, and nothing may be too long.
func SelfCareProblems(p SelfCare) map[string]string {
	out := map[string]string{}
	if p.Empty() {
		out[FieldHelps] = "Write at least one thing in your plan"
	}
	for field, v := range map[string]string{FieldHelps: p.Helps, FieldEarlySigns: p.EarlySigns, FieldTalkTo: p.TalkTo} {
		if utf8.RuneCountInString(v) > MaxText {
			out[field] = fmt.Sprintf("Keep this to %d characters or fewer", MaxText)
		}
	}
	return out
}
