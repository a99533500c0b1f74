package nvr

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind says how a programme is delivered: to a group of parents, or to one
// family.
type Kind string

// The kinds of programme.
const (
	Group    Kind = "group"
	OneToOne Kind = "one-to-one"
)

// Kinds lists the kinds of programme, in the order Steadfast shows them.
func Kinds() []Kind { return []Kind{Group, OneToOne} }

// Label names the kind in plain words.
func (k Kind) Label() string {
	switch k {
	case Group:
		return "Parent group"
	case OneToOne:
		return "One to one"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return k == Group || k == OneToOne }

// Activity is one timed part of a facilitator's session plan.
type Activity struct {
	Minutes int    `json:"minutes"`
	What    string `json:"what"`
}

// Blank reports whether nothing of the activity was given: a form's spare
// row, which is dropped rather than refused.
func (a Activity) Blank() bool { return a.Minutes == 0 && strings.TrimSpace(a.What) == "" }

// Session is one session of a programme.
type Session struct {
	Title    string     `json:"title"`
	Elements []Element  `json:"elements"`
	Aims     []string   `json:"aims"`
	Plan     []Activity `json:"plan"`
	// Handout is the parent handout in plain text: paragraphs separated by
	// a blank line.
	Handout string `json:"handout"`
}

// TotalMinutes is how long the session's plan takes.
func (s Session) TotalMinutes() int {
	total := 0
	for _, a := range s.Plan {
		total += a.Minutes
	}
	return total
}

// Block is one block of a handout: a paragraph, or a bulleted list.
type Block struct {
	Text  string   // a paragraph, its lines joined by spaces; "" for a list
	Items []string // the items of a list, written as lines starting "- "
}

// HandoutBlocks splits the handout at blank lines into paragraphs and
// lists. A block whose lines all start with "- " is a list.
func (s Session) HandoutBlocks() []Block {
	var out []Block
	for _, lines := range blocks(s.Handout) {
		list := true
		for _, l := range lines {
			list = list && strings.HasPrefix(l, "- ")
		}
		if !list {
			out = append(out, Block{Text: strings.Join(lines, " ")})
			continue
		}
		b := Block{}
		for _, l := range lines {
			b.Items = append(b.Items, strings.TrimSpace(l[2:]))
		}
		out = append(out, b)
	}
	return out
}

// HandoutParagraphs splits the handout into its blocks as plain text, each
// with its lines joined by spaces.
func (s Session) HandoutParagraphs() []string {
	var out []string
	for _, lines := range blocks(s.Handout) {
		out = append(out, strings.Join(lines, " "))
	}
	return out
}

// blocks splits text at blank lines, returning each block's trimmed lines.
func blocks(text string) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// Template is one version of a programme template: an ordered list of
// sessions. Shipped templates have no organisation.
type Template struct {
	ID          string
	OrgID       string // "" for a template Steadfast ships
	Name        string
	Kind        Kind
	Description string
	Sessions    []Session
	// Version is 1 for a new template, then 2, 3, …; a saved version never
	// changes.
	Version int
	// CopiedFrom names the template this one was copied from, if any, and
	// CopiedFromVersion the version copied.
	CopiedFrom        string
	CopiedFromVersion int
	SavedBy           string // the user who saved this version; "" when shipped
	SavedAt           time.Time
}

// Shipped reports whether the template is one Steadfast ships, which
// organisations copy rather than change.
func (t Template) Shipped() bool { return t.OrgID == "" }

// TotalMinutes is the length of every session's plan together.
func (t Template) TotalMinutes() int {
	total := 0
	for _, s := range t.Sessions {
		total += s.TotalMinutes()
	}
	return total
}

// Limits on what a template holds.
const (
	// MaxSessions bounds the sessions in one template.
	MaxSessions = 24
	// MaxActivities bounds the activities in one session's plan.
	MaxActivities = 16
	// MaxSessionMinutes is the longest a session's plan may run: three hours.
	MaxSessionMinutes = 180
	maxName           = 120
	maxTitle          = 200
	maxDescription    = 2000
	maxAims           = 2000
	maxActivity       = 1000
	maxHandout        = 20000
)

// Form field names for a template's parts. Problems are keyed by them, and
// the web form uses them, so an error links to its field.
const (
	FieldName        = "name"
	FieldKind        = "kind"
	FieldDescription = "description"
	FieldSessions    = "sessions"
)

// The parts of a session, for SessionField.
const (
	PartTitle    = "title"
	PartElements = "elements"
	PartAims     = "aims"
	PartHandout  = "handout"
	PartPlan     = "plan"
)

// SessionField names the form field of one part of the i-th session
// (counting from 0): "session-1-title".
func SessionField(i int, part string) string {
	return fmt.Sprintf("session-%d-%s", i+1, part)
}

// The parts of an activity, for ActivityField.
const (
	PartMinutes = "minutes"
	PartWhat    = "what"
)

// ActivityField names the form field of one part of the j-th activity of
// the i-th session (both counting from 0): "session-1-activity-2-minutes".
func ActivityField(i, j int, part string) string {
	return fmt.Sprintf("session-%d-activity-%d-%s", i+1, j+1, part)
}

// Problems returns what is wrong with the template, by form field. Blank
// activity rows are not problems; Trimmed drops them before saving.
func (t Template) Problems() map[string]string {
	pr := map[string]string{}
	required(pr, FieldName, t.Name, "Enter a name for the programme")
	tooLong(pr, FieldName, t.Name, maxName)
	tooLong(pr, FieldDescription, t.Description, maxDescription)
	if !t.Kind.Valid() {
		pr[FieldKind] = "Choose whether this is for a parent group or one to one"
	}
	switch {
	case len(t.Sessions) == 0:
		pr[FieldSessions] = "Add at least one session"
	case len(t.Sessions) > MaxSessions:
		pr[FieldSessions] = fmt.Sprintf("A programme can have up to %d sessions", MaxSessions)
	}
	for i, s := range t.Sessions {
		s.problems(pr, i)
	}
	return pr
}

// problems adds the i-th session's problems to pr.
func (s Session) problems(pr map[string]string, i int) {
	n := i + 1
	required(pr, SessionField(i, PartTitle), s.Title, fmt.Sprintf("Enter a title for session %d", n))
	tooLong(pr, SessionField(i, PartTitle), s.Title, maxTitle)
	for _, e := range s.Elements {
		if !e.Valid() {
			pr[SessionField(i, PartElements)] = fmt.Sprintf("Choose the NVR map elements session %d covers from the list", n)
		}
	}
	tooLong(pr, SessionField(i, PartAims), strings.Join(s.Aims, "\n"), maxAims)
	tooLong(pr, SessionField(i, PartHandout), s.Handout, maxHandout)
	if len(s.Plan) > MaxActivities {
		pr[ActivityField(i, MaxActivities, PartWhat)] = fmt.Sprintf("Plan up to %d activities for a session", MaxActivities)
	}
	for j, a := range s.Plan {
		if a.Blank() {
			continue
		}
		if a.Minutes <= 0 {
			pr[ActivityField(i, j, PartMinutes)] = fmt.Sprintf("Enter how many minutes activity %d of session %d takes, as a whole number above 0", j+1, n)
		}
		required(pr, ActivityField(i, j, PartWhat), a.What, fmt.Sprintf("Say what happens in activity %d of session %d", j+1, n))
		tooLong(pr, ActivityField(i, j, PartWhat), a.What, maxActivity)
	}
	if total := s.Trimmed().TotalMinutes(); total > MaxSessionMinutes {
		pr[SessionField(i, PartPlan)] = fmt.Sprintf("Session %d's plan adds up to %d minutes; keep it to %d minutes or fewer", n, total, MaxSessionMinutes)
	}
}

// Trimmed returns the session without blank activities and blank aims, with
// spaces trimmed from the ends of its text, as it is saved.
func (s Session) Trimmed() Session {
	out := Session{Title: strings.TrimSpace(s.Title), Handout: strings.TrimSpace(s.Handout)}
	out.Elements = append(out.Elements, s.Elements...)
	for _, a := range s.Aims {
		if a = strings.TrimSpace(a); a != "" {
			out.Aims = append(out.Aims, a)
		}
	}
	for _, a := range s.Plan {
		if !a.Blank() {
			out.Plan = append(out.Plan, Activity{Minutes: a.Minutes, What: strings.TrimSpace(a.What)})
		}
	}
	return out
}

// Trimmed returns the template as it is saved: spaces trimmed, blank
// activities and aims dropped.
func (t Template) Trimmed() Template {
	t.Name, t.Description = strings.TrimSpace(t.Name), strings.TrimSpace(t.Description)
	sessions := make([]Session, len(t.Sessions))
	for i, s := range t.Sessions {
		sessions[i] = s.Trimmed()
	}
	t.Sessions = sessions
	return t
}

// SameContent reports whether two templates say the same thing once
// trimmed, so that saving an unchanged template adds no version.
func (t Template) SameContent(o Template) bool {
	a, b := t.Trimmed(), o.Trimmed()
	if a.Name != b.Name || a.Kind != b.Kind || a.Description != b.Description || len(a.Sessions) != len(b.Sessions) {
		return false
	}
	for i := range a.Sessions {
		if !a.Sessions[i].same(b.Sessions[i]) {
			return false
		}
	}
	return true
}

func (s Session) same(o Session) bool {
	if s.Title != o.Title || s.Handout != o.Handout || len(s.Elements) != len(o.Elements) || len(s.Aims) != len(o.Aims) || len(s.Plan) != len(o.Plan) {
		return false
	}
	for i := range s.Elements {
		if s.Elements[i] != o.Elements[i] {
			return false
		}
	}
	for i := range s.Aims {
		if s.Aims[i] != o.Aims[i] {
			return false
		}
	}
	for i := range s.Plan {
		if s.Plan[i] != o.Plan[i] {
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
