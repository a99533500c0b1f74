package supervision_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

func TestGatherBringsUpWhatNeedsTalkingAbout(t *testing.T) {
	today := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	recently := today.AddDate(0, 0, -3)
	facts := []supervision.FamilyFacts{
		{FamilyID: "calm", Name: "The Calm family", Signals: family.Signals{LastSeen: today.AddDate(0, 0, -10),
			Dues: []family.Due{{What: "Review of the plan", By: today}}}},
		{FamilyID: "late", Name: "The Late family", Signals: family.Signals{LastSeen: today.AddDate(0, 0, -20),
			Dues: []family.Due{{What: "Review of the plan", By: today.AddDate(0, 0, -1)}}}},
		{FamilyID: "risk", Name: "The Risk family", Signals: family.Signals{LastSeen: today.AddDate(0, 0, -1),
			SafetySteps: []string{"Joint visits"}, ConsentWithdrawn: recently, OpenJournalAlerts: 2}},
		{FamilyID: "unseen", Name: "The Unseen family", Signals: family.Signals{LastSeen: today.AddDate(0, 0, -6*7)}},
		{FamilyID: "almost", Name: "The Almost family", Signals: family.Signals{LastSeen: today.AddDate(0, 0, -6*7+1)}},
		{FamilyID: "never", Name: "The Never family"},
	}
	got := supervision.Gather(facts, today, 6, time.UTC)
	want := []supervision.Gathered{
		{FamilyID: "late", Name: "The Late family", Reasons: []string{"Overdue: Review of the plan (was due 15 November 2026)"}},
		{FamilyID: "risk", Name: "The Risk family", Reasons: []string{"A worker feels at risk: Joint visits",
			"A consent was withdrawn on 13 November 2026", "2 safety alerts from a parent's journal are waiting"}},
		{FamilyID: "unseen", Name: "The Unseen family", Reasons: []string{"No child seen for 6 weeks"}},
		{FamilyID: "never", Name: "The Never family", Reasons: []string{"No visit recorded where a child was seen"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gathered\n%#v\nwant\n%#v", got, want)
	}
}

func TestAgendaNoteProblems(t *testing.T) {
	if p := (supervision.AgendaNote{Text: "  "}).Problems(); p[supervision.FieldAgendaText] == "" {
		t.Error("an empty agenda item was accepted")
	}
	if p := (supervision.AgendaNote{Text: "How the Thursday visit felt"}).Problems(); len(p) != 0 {
		t.Errorf("a good agenda item was refused: %v", p)
	}
}

// TestGatherWritesAlertDatesInUKTime: an alert late on a summer evening
// in UTC is the next day in the UK.
func TestGatherWritesAlertDatesInUKTime(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 7, 14, 9, 0, 0, 0, time.UTC)
	facts := []supervision.FamilyFacts{{FamilyID: "f", Name: "The F family",
		Signals: family.Signals{LastSeen: today, ConsentWithdrawn: time.Date(2026, 7, 10, 23, 30, 0, 0, time.UTC)}}}
	got := supervision.Gather(facts, today, 6, london)
	if len(got) != 1 || len(got[0].Reasons) != 1 || got[0].Reasons[0] != "A consent was withdrawn on 11 July 2026" {
		t.Errorf("gathered %+v", got)
	}
}

func TestAgendaNoteRemovableBy(t *testing.T) {
	waiting := supervision.AgendaNote{AddedBy: "prac"}
	discussed := supervision.AgendaNote{AddedBy: "prac", DiscussedAt: time.Date(2026, 11, 3, 11, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		n    supervision.AgendaNote
		by   string
		want bool
	}{
		{waiting, "prac", true},
		{waiting, "sup", false},
		{waiting, "", false},
		{discussed, "prac", false},
	} {
		if got := c.n.RemovableBy(c.by); got != c.want {
			t.Errorf("%+v removable by %q = %v; want %v", c.n, c.by, got, c.want)
		}
	}
}
