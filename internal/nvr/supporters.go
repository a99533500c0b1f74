package nvr

import (
	"embed"
	"fmt"
)

// extrasFS holds sessions Steadfast adds to any group on request, written
// in the same format as a shipped session.
//
//go:embed extras
var extrasFS embed.FS

// SessionKind says whether a group's session is one of its programme's or
// an extra session for the parents' supporters.
type SessionKind string

// The kinds of a group's session.
const (
	ProgrammeSession  SessionKind = "programme"
	SupportersSession SessionKind = "supporters"
)

// MaxExtraSessions is how many supporters' sessions one group may add.
const MaxExtraSessions = 4

// SupportersPlan returns the plan and handout of the supporters' session
// that can be added to any group: for the relatives, friends and others a
// parent asks to help them.
func SupportersPlan() (Session, error) {
	b, err := extrasFS.ReadFile("extras/supporters.md")
	if err != nil {
		return Session{}, fmt.Errorf("nvr: reading the supporters' session: %w", err)
	}
	s, err := parseSession(string(b))
	if err != nil {
		return Session{}, fmt.Errorf("nvr: the supporters' session: %w", err)
	}
	return s, nil
}
