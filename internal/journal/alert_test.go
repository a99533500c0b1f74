package journal

import (
	"reflect"
	"testing"
)

func intensity(n int) *int { return &n }

// TestAlertReasons covers each trigger of the safety rule and its near
// misses.
func TestAlertReasons(t *testing.T) {
	hard := func(e Entry) Entry { e.Kind = HardMoment; return e }
	cases := []struct {
		name  string
		entry Entry
		want  []Reason
	}{
		{"someone was hurt", hard(Entry{Hurt: true, Intensity: intensity(3)}), []Reason{SomeoneHurt}},
		{"no one hurt", hard(Entry{Hurt: false, What: []What{VerbalAbuse}, Intensity: intensity(6)}), nil},
		{"the parent hit", hard(Entry{Responses: []Response{Shouted, PushedOrHit}, Intensity: intensity(5)}), []Reason{ParentHit}},
		{"the parent shouted and threatened, no hitting", hard(Entry{Responses: []Response{Shouted, Threatened, GaveIn}, Intensity: intensity(8)}), nil},
		{"self-harm", hard(Entry{What: []What{SelfHarm}, Intensity: intensity(2)}), []Reason{SelfHarmRecorded}},
		{"running off, not self-harm", hard(Entry{What: []What{RunningOff}, Intensity: intensity(7)}), nil},
		{"violence at 9", hard(Entry{What: []What{PhysicalViolence}, Intensity: intensity(9)}), []Reason{SevereViolence}},
		{"violence at 10", hard(Entry{What: []What{PhysicalViolence}, Intensity: intensity(10)}), []Reason{SevereViolence}},
		{"violence at 8", hard(Entry{What: []What{PhysicalViolence}, Intensity: intensity(8)}), nil},
		{"damage at 10, no violence to a person", hard(Entry{What: []What{Damage}, Intensity: intensity(10)}), nil},
		{"violence with no intensity", hard(Entry{What: []What{PhysicalViolence}}), nil},
		{"everything at once", hard(Entry{Hurt: true, Responses: []Response{PushedOrHit}, What: []What{SelfHarm, PhysicalViolence}, Intensity: intensity(9)}),
			[]Reason{SomeoneHurt, ParentHit, SelfHarmRecorded, SevereViolence}},
		{"a gesture never alerts", Entry{Kind: Gesture, Hurt: true, Did: "Made hot chocolate"}, nil},
		{"looking after myself never alerts", Entry{Kind: SelfCare, What: []What{SelfHarm}, Did: "A walk"}, nil},
	}
	for _, c := range cases {
		if got := AlertReasons(c.entry); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: AlertReasons = %v; want %v", c.name, got, c.want)
		}
	}
	for _, r := range []Reason{SomeoneHurt, ParentHit, SelfHarmRecorded, SevereViolence} {
		if r.Label() == string(r) {
			t.Errorf("%s has no label", r)
		}
	}
}

func TestSummaryReadsAsSentences(t *testing.T) {
	seven := 7
	e := Entry{Kind: SelfCare, Did: "Coffee with a friend", Feeling: &seven}
	if got := e.Summary(); got != "Coffee with a friend. How I feel: 7 out of 10." {
		t.Errorf("Summary = %q", got)
	}
	g := Entry{Kind: Gesture, Did: "Made pancakes!", ChildResponse: "Ate them"}
	if got := g.Summary(); got != "Made pancakes! How my child responded: Ate them." {
		t.Errorf("Summary = %q", got)
	}
}
