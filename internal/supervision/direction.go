package supervision

import (
	"fmt"
	"strings"
	"time"
)

// Direction is case direction from supervision for one family: a decision,
// and an action with its owner and due date when there is one. It belongs
// to the family's record and is shown on its timeline.
type Direction struct {
	ID         string
	SessionID  string
	FamilyID   string
	FamilyName string
	Decision   string
	Action     string
	// OwnerID is who will do the action: one of the session's two people.
	OwnerID   string
	OwnerName string
	// DueOn is the action's due date, YYYY-MM-DD, or "".
	DueOn          string
	RecordedBy     string
	RecordedByName string
	RecordedAt     time.Time
}

// The case direction form's fields.
const (
	FieldDirectionFamily   = "family"
	FieldDirectionDecision = "decision"
	FieldDirectionAction   = "what-to-do"
	FieldDirectionOwner    = "owner"
	FieldDirectionDue      = "due"
)

// Problems explains what is wrong with the direction, by form field.
// owners are the people who may own an action; today is the local date.
func (d Direction) Problems(owners []string, today string) map[string]string {
	p := map[string]string{}
	if d.FamilyID == "" {
		p[FieldDirectionFamily] = "Choose the family this direction is for"
	}
	switch decision := strings.TrimSpace(d.Decision); {
	case decision == "":
		p[FieldDirectionDecision] = "Enter what was decided"
	case tooLong(decision):
		p[FieldDirectionDecision] = fmt.Sprintf("Keep this to %d characters or fewer", MaxText)
	}
	action := strings.TrimSpace(d.Action)
	if tooLong(action) {
		p[FieldDirectionAction] = fmt.Sprintf("Keep this to %d characters or fewer", MaxText)
	}
	if action == "" {
		if d.OwnerID != "" || d.DueOn != "" {
			p[FieldDirectionAction] = "Enter the action, or leave its owner and date empty"
		}
		return p
	}
	found := false
	for _, o := range owners {
		found = found || o == d.OwnerID
	}
	if !found {
		p[FieldDirectionOwner] = "Choose who will do it"
	}
	switch {
	case d.DueOn == "":
		p[FieldDirectionDue] = "Enter the date it is due by, for example 3 12 2026"
	case d.DueOn < today:
		p[FieldDirectionDue] = "The due date must be today or later"
	}
	return p
}

// Summary is the direction in one paragraph, as the family's timeline
// shows it.
func (d Direction) Summary() string {
	s := "Decision: " + strings.TrimSpace(d.Decision)
	if a := strings.TrimSpace(d.Action); a != "" {
		s += "\nAction: " + a
		if d.OwnerName != "" {
			s += " (" + d.OwnerName
			if t, err := time.Parse("2006-01-02", d.DueOn); err == nil {
				s += ", by " + t.Format("2 January 2006")
			}
			s += ")"
		}
	}
	return s
}
