package conversation

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/language"
)

// goodPlan is a complete plan, written as Steadfast teaches.
func goodPlan() Plan {
	return Plan{
		FamilyID: "f", AuthorID: "u", PlannedFor: "2026-12-03", With: "Mum and Nan",
		Purpose:       "Talk with Mum about the three missed health visits and agree what happens next.",
		Worries:       "Amy (2) has missed three health visits since September. We do not know her weight, and the nursery has seen a rash twice.",
		WorkingWell:   "Mum takes Amy to nursery every day, and Nan helps with pick-ups.",
		NeedsToHappen: "Amy is seen by the health visitor this month.",
		Opening:       "I want to talk about Amy's health visits, because I'm worried we haven't seen her weighed since the summer.",
		Responses: []Response{
			{Pattern: Avoidance, TheyMight: "Says she is too busy and ends the call.", IWill: "Offer a visit at Nan's, at a time that suits her."},
		},
		Support: "A joint visit with the health visitor.",
	}
}

func TestPlanProblems(t *testing.T) {
	long := strings.Repeat("a", maxText+1)
	tests := []struct {
		name   string
		change func(*Plan)
		want   []string // fields with a problem
	}{
		{"complete", func(*Plan) {}, nil},
		{"nothing", func(p *Plan) { *p = Plan{} }, []string{"opening", "purpose", "worries"}},
		{"spaces only", func(p *Plan) { p.Purpose, p.Worries, p.Opening = "  ", "\n", "\t" }, []string{"opening", "purpose", "worries"}},
		{"working well and support are optional", func(p *Plan) { p.WorkingWell, p.NeedsToHappen, p.Support, p.With, p.PlannedFor = "", "", "", "", "" }, nil},
		{"not a date", func(p *Plan) { p.PlannedFor = "2026-02-31" }, []string{"planned"}},
		{"too long", func(p *Plan) { p.Worries = long }, []string{"worries"}},
		{"names too long", func(p *Plan) { p.With = strings.Repeat("Nan ", 200) }, []string{"with"}},
		{"a blank spare response", func(p *Plan) { p.Responses = append(p.Responses, Response{}) }, nil},
		{"a response without my answer", func(p *Plan) {
			p.Responses = append(p.Responses, Response{Pattern: Confrontation, TheyMight: "Shouts that we always blame her."})
		}, []string{"response-2-me"}},
		{"a response without what they might do", func(p *Plan) {
			p.Responses = append(p.Responses, Response{Pattern: Ambivalence, IWill: "Agree one small step together."})
		}, []string{"response-2-they"}},
		{"a response with no pattern", func(p *Plan) {
			p.Responses[0].Pattern = ""
		}, []string{"response-1-pattern"}},
		{"a response with an unknown pattern", func(p *Plan) {
			p.Responses[0].Pattern = "difficult"
		}, []string{"response-1-pattern"}},
		{"only a pattern chosen", func(p *Plan) {
			p.Responses = []Response{{Pattern: Violence}}
		}, []string{"response-1-me", "response-1-they"}},
		{"too many responses", func(p *Plan) {
			for len(p.Responses) <= MaxResponses {
				p.Responses = append(p.Responses, p.Responses[0])
			}
		}, []string{"response-11-pattern"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := goodPlan()
			tt.change(&p)
			got := slices.Sorted(maps.Keys(p.Problems()))
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems with %v, want %v: %v", got, tt.want, p.Problems())
			}
		})
	}
}

func TestResponseField(t *testing.T) {
	if got := ResponseField(0, PartTheyMight); got != "response-1-they" {
		t.Errorf("ResponseField(0, they) = %q", got)
	}
	if got := ResponseField(9, PartPattern); got != "response-10-pattern" {
		t.Errorf("ResponseField(9, pattern) = %q", got)
	}
}

func TestTrimmedAndSame(t *testing.T) {
	p := goodPlan()
	p.Responses = []Response{{}, p.Responses[0], {TheyMight: "  "}}
	if got := p.Trimmed().Responses; len(got) != 1 || got[0].Pattern != Avoidance {
		t.Errorf("Trimmed kept %+v", got)
	}
	o := goodPlan()
	o.Purpose += "  "
	if !p.Same(o) {
		t.Error("spaces at the end and blank responses made the plans differ")
	}
	o.Responses[0].IWill = "Ring Nan first."
	if p.Same(o) {
		t.Error("a changed response was not noticed")
	}
	o = goodPlan()
	o.Responses = append(o.Responses, Response{Pattern: OtherPattern, TheyMight: "x", IWill: "y"})
	if p.Same(o) {
		t.Error("an added response was not noticed")
	}
	o = goodPlan()
	o.PlannedFor = "2026-12-04"
	if p.Same(o) {
		t.Error("a new date was not noticed")
	}
}

func TestState(t *testing.T) {
	p := goodPlan()
	if p.State() != Planned || p.State().Label() != "Planned" {
		t.Errorf("a plan without a debrief is %q", p.State())
	}
	p.Debrief = &Debrief{HeldOn: "2026-12-03"}
	if p.State() != Debriefed || p.State().Label() != "Debriefed" {
		t.Errorf("a debriefed plan is %q", p.State())
	}
}

func TestDebriefProblems(t *testing.T) {
	today := time.Date(2026, 12, 5, 23, 30, 0, 0, time.UTC)
	good := Debrief{HeldOn: "2026-12-05", HowItWent: "Calmer than I expected.", FamilySaid: "“I just want people to stop turning up unannounced.”",
		HowIFelt: "Nervous at the start.", NextSteps: "I will book the health visit with Mum by Friday."}
	tests := []struct {
		name   string
		change func(*Debrief)
		want   []string
	}{
		{"complete", func(*Debrief) {}, nil},
		{"nothing", func(d *Debrief) { *d = Debrief{} }, []string{"held", "how-it-went", "next-steps"}},
		{"what they said and my feelings are optional", func(d *Debrief) { d.FamilySaid, d.HowIFelt = "", "" }, nil},
		{"tomorrow", func(d *Debrief) { d.HeldOn = "2026-12-06" }, []string{"held"}},
		{"not a date", func(d *Debrief) { d.HeldOn = "yesterday" }, []string{"held"}},
		{"too long", func(d *Debrief) { d.FamilySaid = strings.Repeat("a", maxText+1) }, []string{"family-said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good
			tt.change(&d)
			got := slices.Sorted(maps.Keys(d.Problems(today)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems with %v, want %v: %v", got, tt.want, d.Problems(today))
			}
		})
	}
	o := good
	o.NextSteps += "\n"
	if !good.Same(o) {
		t.Error("a trailing newline made the debriefs differ")
	}
	o.HowIFelt = "Relieved."
	if good.Same(o) {
		t.Error("a changed feeling was not noticed")
	}
}

func TestPatterns(t *testing.T) {
	checker := language.NewChecker(language.Base(), nil, nil)
	for _, p := range Patterns() {
		if !p.Valid() || p.Label() == string(p) || p.Description() == "" {
			t.Errorf("pattern %q lacks a label or description", p)
		}
		// The descriptions are help text Steadfast shows: they must
		// describe behaviour, as Steadfast asks people to.
		for _, f := range checker.Check(p.Label() + ". " + p.Description()) {
			t.Errorf("pattern %q's description says %q: %s", p, f.Text, f.Why)
		}
	}
	if Pattern("uncooperative").Valid() || Pattern("").Valid() {
		t.Error("an unknown pattern is valid")
	}
}
