package supervision_test

import (
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/supervision"
)

func TestHeldProblems(t *testing.T) {
	now := time.Date(2026, 11, 16, 12, 0, 0, 0, time.UTC)
	ses := supervision.Session{SupervisorID: "sup", PractitionerID: "prac", PlannedFor: now.Add(-time.Hour)}
	held := ses
	held.HeldAt = now.Add(-time.Hour)
	before := now.Add(-time.Hour)
	cases := []struct {
		name  string
		s     supervision.Session
		h     supervision.HeldReport
		by    string
		field string // "" when nothing is wrong
	}{
		{"held, no next", ses, supervision.HeldReport{At: before, AtValid: true}, "prac", ""},
		{"held, next planned by the supervisor", ses, supervision.HeldReport{At: before, AtValid: true, Next: now.AddDate(0, 0, 28), NextGiven: true, NextValid: true}, "sup", ""},
		{"already held", held, supervision.HeldReport{At: before, AtValid: true}, "sup", supervision.FieldWhen},
		{"no date", ses, supervision.HeldReport{}, "sup", supervision.FieldWhen},
		{"in the future", ses, supervision.HeldReport{At: now.Add(time.Hour), AtValid: true}, "sup", supervision.FieldWhen},
		{"next planned by the practitioner", ses, supervision.HeldReport{At: before, AtValid: true, Next: now.AddDate(0, 0, 28), NextGiven: true, NextValid: true}, "prac", supervision.FieldNextWhen},
		{"next not a date", ses, supervision.HeldReport{At: before, AtValid: true, NextGiven: true}, "sup", supervision.FieldNextWhen},
		{"next before this one", ses, supervision.HeldReport{At: before, AtValid: true, Next: before.Add(-time.Hour), NextGiven: true, NextValid: true}, "sup", supervision.FieldNextWhen},
		{"next too far ahead", ses, supervision.HeldReport{At: before, AtValid: true, Next: now.AddDate(1, 1, 0), NextGiven: true, NextValid: true}, "sup", supervision.FieldNextWhen},
	}
	for _, c := range cases {
		p := c.s.HeldProblems(c.h, c.by, now)
		if c.field == "" && len(p) != 0 {
			t.Errorf("%s: refused: %v", c.name, p)
		}
		if c.field != "" && p[c.field] == "" {
			t.Errorf("%s: no problem with %s: %v", c.name, c.field, p)
		}
	}
}
