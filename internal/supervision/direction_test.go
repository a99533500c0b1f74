package supervision_test

import (
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/supervision"
)

func TestDirectionProblems(t *testing.T) {
	owners := []string{"sup", "prac"}
	today := "2026-11-16"
	cases := []struct {
		name  string
		d     supervision.Direction
		field string // "" when nothing is wrong
	}{
		{"decision only", supervision.Direction{FamilyID: "f", Decision: "Keep visiting weekly"}, ""},
		{"with an action", supervision.Direction{FamilyID: "f", Decision: "Ask for a joint visit", Action: "Book it with the school nurse", OwnerID: "prac", DueOn: today}, ""},
		{"no family", supervision.Direction{Decision: "Keep going"}, supervision.FieldDirectionFamily},
		{"no decision", supervision.Direction{FamilyID: "f"}, supervision.FieldDirectionDecision},
		{"owner outside the session", supervision.Direction{FamilyID: "f", Decision: "d", Action: "a", OwnerID: "someone", DueOn: today}, supervision.FieldDirectionOwner},
		{"no due date", supervision.Direction{FamilyID: "f", Decision: "d", Action: "a", OwnerID: "sup"}, supervision.FieldDirectionDue},
		{"due in the past", supervision.Direction{FamilyID: "f", Decision: "d", Action: "a", OwnerID: "sup", DueOn: "2026-11-15"}, supervision.FieldDirectionDue},
		{"owner without an action", supervision.Direction{FamilyID: "f", Decision: "d", OwnerID: "sup"}, supervision.FieldDirectionAction},
		{"too long", supervision.Direction{FamilyID: "f", Decision: strings.Repeat("a", supervision.MaxText+1)}, supervision.FieldDirectionDecision},
	}
	for _, c := range cases {
		p := c.d.Problems(owners, today)
		if c.field == "" && len(p) != 0 {
			t.Errorf("%s: refused: %v", c.name, p)
		}
		if c.field != "" && p[c.field] == "" {
			t.Errorf("%s: no problem with %s: %v", c.name, c.field, p)
		}
	}
}

func TestDirectionSummary(t *testing.T) {
	d := supervision.Direction{Decision: "Ask for a joint visit", Action: "Book it", OwnerName: "Sam Patel", DueOn: "2026-12-03"}
	if got, want := d.Summary(), "Decision: Ask for a joint visit\nAction: Book it (Sam Patel, by 3 December 2026)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if got := (supervision.Direction{Decision: "Carry on"}).Summary(); got != "Decision: Carry on" {
		t.Errorf("summary %q", got)
	}
}

func TestLegalExportProblems(t *testing.T) {
	ok := supervision.LegalExport{PractitionerID: "p", Reason: "Court order C123/2026 from the family court"}
	if p := ok.Problems(true); len(p) != 0 {
		t.Errorf("a proper request was refused: %v", p)
	}
	if p := ok.Problems(false); p[supervision.FieldLegalConfirm] == "" {
		t.Error("an unconfirmed export was accepted")
	}
	if p := (supervision.LegalExport{PractitionerID: "p", Reason: "asked"}).Problems(true); p[supervision.FieldLegalReason] == "" {
		t.Error("a reason too short to name a request was accepted")
	}
}
