package engagement

import (
	"strings"
	"testing"
	"time"
)

var today = time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// goodRecord is a record with nothing wrong, for the table to break one part at a time.
func goodRecord() Record {
	return Record{
		RecordedOn: day(2026, 3, 9),
		Patterns:   []ObservedPattern{{Avoidance, "No one answered the door at the visits on 2 and 9 March; the curtains were drawn."}},
		Hypotheses: []Hypothesis{{Reason: Removal}, {Reason: OtherReason, Text: "Mum works nights and sleeps in the day"}},
		ForChild:   "Jay has not been seen for three weeks, so we do not know how he is.",
		Risk:       NotAtRisk,
		Actions:    []Action{{What: "Write to mum offering an evening visit", Owner: "Me", DueOn: day(2026, 3, 13)}, {}},
		ReviewOn:   day(2026, 4, 6),
	}
}

func TestRecordProblems(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Record)
		want   map[string]string // field -> part of the message
	}{
		{"a good record", func(*Record) {}, nil},
		{"no pattern", func(r *Record) { r.Patterns = nil }, map[string]string{FieldPatterns: "at least one pattern"}},
		{"an unknown pattern", func(r *Record) { r.Patterns = []ObservedPattern{{"hostility", "x"}} }, map[string]string{FieldPatterns: "four patterns"}},
		{"a pattern twice", func(r *Record) { r.Patterns = append(r.Patterns, r.Patterns[0]) }, map[string]string{FieldPatterns: "once"}},
		{"a pattern with nothing seen", func(r *Record) { r.Patterns = append(r.Patterns, ObservedPattern{Confrontation, "  "}) },
			map[string]string{SeenField(Confrontation): "what you saw or heard that fits confrontation"}},
		{"nothing for the child", func(r *Record) { r.ForChild = " \n " }, map[string]string{FieldForChild: "what this means for the child"}},
		{"risk not answered", func(r *Record) { r.Risk = "" }, map[string]string{FieldRisk: "feel at risk"}},
		{"at risk with no step", func(r *Record) { r.Risk = AtRisk }, map[string]string{FieldSafety: "safely"}},
		{"at risk with a joint visit", func(r *Record) { r.Risk, r.Safety = AtRisk, JointVisit }, nil},
		{"at risk with another step in no words", func(r *Record) { r.Risk, r.Safety = AtRisk, OtherStep },
			map[string]string{FieldSafetyText: "what the safety step is"}},
		{"at risk with another step in words", func(r *Record) { r.Risk, r.Safety, r.SafetyText = AtRisk, OtherStep, "Phone calls only" }, nil},
		{"not at risk ignores a step", func(r *Record) { r.Safety = "nonsense" }, nil},
		{"an action with no owner or date", func(r *Record) { r.Actions[1] = Action{What: "Ask the school how Jay is"} },
			map[string]string{ActionField(2, "owner"): "who will do action 2", ActionField(2, "due"): "when action 2 is due"}},
		{"an action with no what", func(r *Record) { r.Actions[0].What = "" }, map[string]string{ActionField(1, "what"): "what action 1 is"}},
		{"an action due before the record", func(r *Record) { r.Actions[0].DueOn = day(2026, 3, 1) }, map[string]string{ActionField(1, "due"): "on or after"}},
		{"no review date", func(r *Record) { r.ReviewOn = time.Time{} }, map[string]string{FieldReview: "when you will review"}},
		{"a review on the record's own date", func(r *Record) { r.ReviewOn = r.RecordedOn }, map[string]string{FieldReview: "after the date"}},
		{"no date", func(r *Record) { r.RecordedOn = time.Time{} }, map[string]string{FieldRecorded: "Enter the date"}},
		{"a date tomorrow", func(r *Record) { r.RecordedOn = day(2026, 3, 11); r.ReviewOn = day(2026, 4, 11) }, map[string]string{FieldRecorded: "today or in the past"}},
		{"a date today, late in the day", func(r *Record) { r.RecordedOn = day(2026, 3, 10) }, nil},
		{"an unknown reason", func(r *Record) { r.Hypotheses = []Hypothesis{{Reason: "lazy"}} }, map[string]string{"hypotheses": "reasons listed"}},
		{"too much about the child", func(r *Record) { r.ForChild = strings.Repeat("a", maxLong+1) }, map[string]string{FieldForChild: "10,000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := goodRecord()
			tt.change(&r)
			got := r.Problems(today)
			if len(got) != len(tt.want) {
				t.Fatalf("problems = %v, want %d: %v", got, len(tt.want), tt.want)
			}
			for field, part := range tt.want {
				if !strings.Contains(got[field], part) {
					t.Errorf("problem for %s = %q, want it to mention %q", field, got[field], part)
				}
			}
		})
	}
}

func TestOverdue(t *testing.T) {
	due := day(2026, 3, 9)
	tests := []struct {
		name   string
		action Action
		want   bool
	}{
		{"open and past due", Action{Status: Open, DueOn: due}, true},
		{"open and due today", Action{Status: Open, DueOn: day(2026, 3, 10)}, false},
		{"open and due later", Action{Status: Open, DueOn: day(2026, 4, 1)}, false},
		{"done and past due", Action{Status: Done, DueOn: due}, false},
		{"no longer needed and past due", Action{Status: NotNeeded, DueOn: due}, false},
		{"no date", Action{Status: Open}, false},
	}
	for _, tt := range tests {
		if got := tt.action.Overdue(today); got != tt.want {
			t.Errorf("%s: overdue = %v, want %v", tt.name, got, tt.want)
		}
	}
	r := Record{ReviewOn: day(2026, 3, 9)}
	if !r.ReviewOverdue(today) || (Record{ReviewOn: day(2026, 3, 10)}).ReviewOverdue(today) || (Record{}).ReviewOverdue(today) {
		t.Error("a review is overdue only once its date has passed")
	}
	d := Action{What: "Ring mum", Owner: "Me", DueOn: due}.Due()
	if d.What != "Plan action: Ring mum" || !d.By.Equal(due) || !strings.Contains(d.Why, "Me") || !d.Overdue(today) {
		t.Errorf("action as due = %+v", d)
	}
	if rd := ReviewDue(day(2026, 2, 1), due); !strings.Contains(rd.Why, "1 February 2026") || !rd.Overdue(today) {
		t.Errorf("review as due = %+v", rd)
	}
}

func TestStatuses(t *testing.T) {
	for _, s := range ActionStatuses() {
		if !s.Valid() || s.Label() == string(s) {
			t.Errorf("action status %q has no label", s)
		}
	}
	for _, s := range HypothesisStatuses() {
		if !s.Valid() || s.Label() == string(s) || s.Short() == string(s) {
			t.Errorf("hypothesis status %q has no label", s)
		}
	}
	if ActionStatus("closed").Valid() || HypothesisStatus("proven").Valid() || SafetyStep("run").Valid() || Pattern("hostility").Valid() || Reason("lazy").Valid() {
		t.Error("an unknown value was accepted")
	}
	if got := OtherStep.Flag("  Phone only  "); got != "Safety step: Phone only" {
		t.Errorf("other step flag = %q", got)
	}
	if JointVisit.Flag("") != "Joint visits" {
		t.Error("the joint visit flag should say Joint visits")
	}
	for _, tt := range []struct {
		reason string
		ok     bool
	}{{"", false}, {"fine now", false}, {"We met at the office twice and it went well", true}, {strings.Repeat("x", 1001), false}} {
		if got := EndReasonProblem(tt.reason) == ""; got != tt.ok {
			t.Errorf("EndReasonProblem(%q) accepted = %v, want %v", tt.reason, got, tt.ok)
		}
	}
}

func TestWhoCanEndASafetyFlag(t *testing.T) {
	f := SafetyFlag{WorkerID: "worker"}
	if !f.CanEnd("worker", false) || !f.CanEnd("supervisor", true) || f.CanEnd("colleague", false) {
		t.Error("only the worker and a supervisor of the family's work may end a standing flag")
	}
	f.EndedAt = today
	if f.CanEnd("worker", false) {
		t.Error("an ended flag cannot be ended again")
	}
}
