package engagement

import (
	"strings"
	"time"
)

// RiskAnswer is the practitioner's answer to "Do I feel at risk?".
type RiskAnswer string

// The answers.
const (
	AtRisk    RiskAnswer = "yes"
	NotAtRisk RiskAnswer = "no"
)

// SafetyStep is what a practitioner who feels at risk asks for, to work
// with the family safely.
type SafetyStep string

// The safety steps, in the order the form offers them.
const (
	JointVisit    SafetyStep = "joint-visit"
	CheckIn       SafetyStep = "check-in"
	MeetElsewhere SafetyStep = "meet-elsewhere"
	OtherStep     SafetyStep = "other"
)

// SafetySteps lists the steps in order.
func SafetySteps() []SafetyStep { return []SafetyStep{JointVisit, CheckIn, MeetElsewhere, OtherStep} }

// Valid reports whether s is a known step.
func (s SafetyStep) Valid() bool {
	return s == JointVisit || s == CheckIn || s == MeetElsewhere || s == OtherStep
}

// Label is the step as the form offers it.
func (s SafetyStep) Label() string {
	switch s {
	case JointVisit:
		return "Joint visits: go with a colleague"
	case CheckIn:
		return "A check-in with the office whenever I work alone with the family"
	case MeetElsewhere:
		return "Meet somewhere else, such as the office or a family centre"
	case OtherStep:
		return "Something else"
	}
	return string(s)
}

// Flag is the step as a short notice for everyone who works with the
// family, such as "Joint visits". other holds the practitioner's words for
// OtherStep.
func (s SafetyStep) Flag(other string) string {
	switch s {
	case JointVisit:
		return "Joint visits"
	case CheckIn:
		return "Check in when working alone"
	case MeetElsewhere:
		return "Meet somewhere else"
	case OtherStep:
		if o := strings.TrimSpace(other); o != "" {
			return "Safety step: " + o
		}
		return "Safety step agreed"
	}
	return string(s)
}

// SafetyFlag is raised when a practitioner records that they feel at risk
// working with a family. It shows on the family's page and caseload rows
// for every member of staff who sees the family, and alerts the
// practitioner's supervisor, until it ends: when the same practitioner
// records that they no longer feel at risk, or when someone says, with a
// reason, that the step is no longer needed.
type SafetyFlag struct {
	ID         string
	FamilyID   string
	RecordID   string // the record that raised it
	WorkerID   string
	WorkerName string
	Step       SafetyStep
	StepOther  string
	RaisedAt   time.Time
	EndedAt    time.Time // zero while it stands
	EndedBy    string    // a name
	EndReason  string
}

// Active reports whether the flag still stands.
func (f SafetyFlag) Active() bool { return f.EndedAt.IsZero() }

// CanEnd reports whether someone may say the flag's safety step is no
// longer needed: the worker who asked for it, or a supervisor of the
// family's work. Nobody else decides for them that they are safe.
func (f SafetyFlag) CanEnd(userID string, supervisesFamily bool) bool {
	return f.Active() && (userID == f.WorkerID || supervisesFamily)
}

// Text is the flag's short notice, such as "Joint visits".
func (f SafetyFlag) Text() string { return f.Step.Flag(f.StepOther) }

// EndReasonProblem explains what is wrong with a reason given for ending a
// safety flag, or returns "".
func EndReasonProblem(reason string) string {
	switch n := len([]rune(strings.TrimSpace(reason))); {
	case n == 0:
		return "Say why this safety step is no longer needed"
	case n < 10:
		return "Say a little more about why this safety step is no longer needed"
	case n > maxShort:
		return "Keep this to 1,000 characters or fewer"
	}
	return ""
}

// Reasons kept with a flag when it ends without someone typing one.
const (
	EndedNoLongerAtRisk = "Said in a later record that they no longer feel at risk"
	EndedReplaced       = "Replaced by the safety step in a later record"
)
