package journal

import (
	"strings"
	"testing"
	"time"
)

func TestAnnouncementBuilderAndSteps(t *testing.T) {
	parts := DefaultParts()
	parts.NoLonger = "I will no longer accept you hitting me or breaking things."
	parts.TellingWhom = "I am telling Auntie Grace and Mr Patel at school."
	text := parts.Text()
	if !strings.HasPrefix(text, "I will no longer accept") || strings.Count(text, "\n\n") != 3 || !strings.Contains(text, "except hurting you") {
		t.Errorf("Text = %q; want four paragraphs in order", text)
	}
	if p := (Announcement{}).DraftProblems(); p[FieldNoLonger] == "" {
		t.Error("an empty draft was accepted")
	}
	a := Announcement{Status: Draft, Parts: parts}
	if p := a.DraftProblems(); len(p) != 0 {
		t.Errorf("a draft with its heart: %v", p)
	}
	if a.CanMoveTo(Final) == "" {
		t.Error("a draft with no text became final")
	}
	a.Text = text
	if why := a.CanMoveTo(Final); why != "" {
		t.Errorf("a written draft cannot become final: %s", why)
	}
	if a.CanMoveTo(Delivered) == "" {
		t.Error("a draft was read out before it was final")
	}
	a.Status = Final
	if why := a.CanMoveTo(Delivered); why != "" {
		t.Errorf("a final announcement cannot be read out: %s", why)
	}
	if why := a.CanMoveTo(Draft); why != "" {
		t.Errorf("a final announcement cannot go back to a draft: %s", why)
	}
	a.Status = Delivered
	for _, next := range []AnnouncementStatus{Draft, Final, Delivered} {
		if a.CanMoveTo(next) == "" {
			t.Errorf("a delivered announcement moved to %s", next)
		}
	}
	today := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	if p := DeliveryProblems("2026-11-21", today, "Jay, and my sister"); len(p) != 0 {
		t.Errorf("a delivery yesterday: %v", p)
	}
	if p := DeliveryProblems("2026-11-30", today, ""); p[FieldDelivered] == "" || p[FieldPresent] == "" {
		t.Errorf("a delivery next week with no one there: %v", p)
	}
}
