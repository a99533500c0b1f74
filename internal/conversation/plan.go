package conversation

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Plan is a courageous-conversation plan: how a practitioner means to hold
// one hard conversation with a family. A saved plan that is changed keeps
// every earlier version, and so does its debrief.
type Plan struct {
	ID         string
	FamilyID   string
	AuthorID   string // who saved this version
	AuthorName string
	// PlannedFor is the day the conversation is planned for, YYYY-MM-DD,
	// or "" when it is not yet arranged.
	PlannedFor string
	// With says who the conversation is with, such as "Mum and Nan".
	With          string
	Purpose       string
	Worries       string // said plainly and specifically, without blame
	WorkingWell   string
	NeedsToHappen string
	Opening       string // the words I will open with
	Responses     []Response
	Support       string // what support I need
	Version       int    // 1 for a new plan, then 2, 3, …
	RecordedAt    time.Time
	CreatedAt     time.Time
	// Debrief is the current debrief, or nil while the conversation is
	// still planned.
	Debrief *Debrief
}

// Response is one way the family might respond, and how the practitioner
// will respond in turn.
type Response struct {
	Pattern   Pattern `json:"pattern"`
	TheyMight string  `json:"they_might"` // what the family might say or do
	IWill     string  `json:"i_will"`     // how I will respond
}

// Blank reports whether nothing of the response was given: a form's spare
// row, which is dropped rather than refused.
func (r Response) Blank() bool {
	return r.Pattern == "" && strings.TrimSpace(r.TheyMight) == "" && strings.TrimSpace(r.IWill) == ""
}

// State is where a conversation is: planned, or held and debriefed.
type State string

// A plan's states.
const (
	Planned   State = "planned"
	Debriefed State = "debriefed"
)

// Label names the state in plain words.
func (s State) Label() string {
	switch s {
	case Planned:
		return "Planned"
	case Debriefed:
		return "Debriefed"
	}
	return string(s)
}

// State says whether the plan has been debriefed.
func (p Plan) State() State {
	if p.Debrief != nil {
		return Debriefed
	}
	return Planned
}

// Limits on what a plan holds.
const (
	// MaxResponses bounds the anticipated responses in one plan.
	MaxResponses = 10
	// maxText bounds each free-text part of a plan or a debrief.
	maxText = 10000
	// maxWith bounds "who it is with", a short list of names.
	maxWith = 500
)

// Form field names for the parts of a plan. Problems are keyed by them, and
// the web form uses them, so an error links to its field.
const (
	FieldPurpose       = "purpose"
	FieldWorries       = "worries"
	FieldWorkingWell   = "working-well"
	FieldNeedsToHappen = "needs-to-happen"
	FieldOpening       = "opening"
	FieldPlannedFor    = "planned"
	FieldWith          = "with"
	FieldSupport       = "support"
)

// The parts of an anticipated response, for ResponseField.
const (
	PartPattern   = "pattern"
	PartTheyMight = "they"
	PartIWill     = "me"
)

// ResponseField names the form field of one part of the i-th anticipated
// response (counting from 0): "response-1-they" for the first one's "what
// they might say or do".
func ResponseField(i int, part string) string {
	return fmt.Sprintf("response-%d-%s", i+1, part)
}

// Problems returns what is wrong with a plan, by form field. Spare blank
// responses are not problems; Trimmed drops them before saving.
func (p Plan) Problems() map[string]string {
	pr := map[string]string{}
	required(pr, FieldPurpose, p.Purpose, "Say what the conversation is for")
	required(pr, FieldWorries, p.Worries, "Say what we are worried about, plainly and specifically")
	required(pr, FieldOpening, p.Opening, "Write the words you will open with")
	if p.PlannedFor != "" && !isDate(p.PlannedFor) {
		pr[FieldPlannedFor] = "Enter a real date, for example 3 12 2026"
	}
	tooLong(pr, FieldWith, p.With, maxWith)
	for field, v := range map[string]string{FieldPurpose: p.Purpose, FieldWorries: p.Worries, FieldWorkingWell: p.WorkingWell,
		FieldNeedsToHappen: p.NeedsToHappen, FieldOpening: p.Opening, FieldSupport: p.Support} {
		tooLong(pr, field, v, maxText)
	}
	if len(p.Responses) > MaxResponses {
		pr[ResponseField(MaxResponses, PartPattern)] = fmt.Sprintf("Plan for up to %d responses", MaxResponses)
	}
	for i, r := range p.Responses {
		if r.Blank() {
			continue
		}
		if !r.Pattern.Valid() {
			pr[ResponseField(i, PartPattern)] = "Choose the pattern you expect, or something else"
		}
		required(pr, ResponseField(i, PartTheyMight), r.TheyMight, "Say what the family might say or do")
		required(pr, ResponseField(i, PartIWill), r.IWill, "Say how you will respond")
		tooLong(pr, ResponseField(i, PartTheyMight), r.TheyMight, maxText)
		tooLong(pr, ResponseField(i, PartIWill), r.IWill, maxText)
	}
	return pr
}

// Trimmed returns the plan without its blank responses, as it is saved.
func (p Plan) Trimmed() Plan {
	var kept []Response
	for _, r := range p.Responses {
		if !r.Blank() {
			kept = append(kept, r)
		}
	}
	p.Responses = kept
	return p
}

// Same reports whether two plans say the same thing, ignoring spaces at the
// ends and blank responses, so that saving an unchanged plan adds no version.
func (p Plan) Same(o Plan) bool {
	t := strings.TrimSpace
	if t(p.PlannedFor) != t(o.PlannedFor) || t(p.With) != t(o.With) || t(p.Purpose) != t(o.Purpose) || t(p.Worries) != t(o.Worries) ||
		t(p.WorkingWell) != t(o.WorkingWell) || t(p.NeedsToHappen) != t(o.NeedsToHappen) || t(p.Opening) != t(o.Opening) || t(p.Support) != t(o.Support) {
		return false
	}
	a, b := p.Trimmed().Responses, o.Trimmed().Responses
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Pattern != b[i].Pattern || t(a[i].TheyMight) != t(b[i].TheyMight) || t(a[i].IWill) != t(b[i].IWill) {
			return false
		}
	}
	return true
}

// required adds problem for field when v holds nothing but spaces.
func required(pr map[string]string, field, v, problem string) {
	if strings.TrimSpace(v) == "" {
		pr[field] = problem
	}
}

// tooLong adds a problem for field when v is longer than limit characters.
func tooLong(pr map[string]string, field, v string, limit int) {
	if utf8.RuneCountInString(v) > limit {
		pr[field] = fmt.Sprintf("Keep this to %d characters or fewer", limit)
	}
}

// isDate reports whether s is a real date written YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
