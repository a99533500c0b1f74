package nvr

import (
	"strings"
	"testing"
)

func validTemplate() Template {
	return Template{Name: "Our group", Kind: Group, Sessions: []Session{{
		Title:    "Welcome",
		Elements: []Element{LookingAfterYourself},
		Aims:     []string{"Meet each other"},
		Plan:     []Activity{{Minutes: 20, What: "Check-in round"}, {Minutes: 100, What: "The week's idea"}},
		Handout:  "Welcome to the group.",
	}}}
}

func TestTemplateProblems(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Template)
		want   map[string]string // field -> part of the message
	}{
		{"valid", func(*Template) {}, nil},
		{"no name", func(t *Template) { t.Name = "  " }, map[string]string{FieldName: "Enter a name"}},
		{"long name", func(t *Template) { t.Name = strings.Repeat("a", 121) }, map[string]string{FieldName: "120 characters"}},
		{"unknown kind", func(t *Template) { t.Kind = "class" }, map[string]string{FieldKind: "parent group or one to one"}},
		{"no sessions", func(t *Template) { t.Sessions = nil }, map[string]string{FieldSessions: "at least one session"}},
		{"too many sessions", func(t *Template) {
			for len(t.Sessions) <= MaxSessions {
				t.Sessions = append(t.Sessions, t.Sessions[0])
			}
		}, map[string]string{FieldSessions: "up to 24"}},
		{"untitled session", func(t *Template) { t.Sessions[0].Title = "" }, map[string]string{"session-1-title": "title for session 1"}},
		{"unknown element", func(t *Template) { t.Sessions[0].Elements = []Element{"shouting"} }, map[string]string{"session-1-elements": "from the list"}},
		{"zero minutes", func(t *Template) { t.Sessions[0].Plan[1].Minutes = 0 }, map[string]string{"session-1-activity-2-minutes": "above 0"}},
		{"negative minutes", func(t *Template) { t.Sessions[0].Plan[0].Minutes = -5 }, map[string]string{"session-1-activity-1-minutes": "above 0"}},
		{"minutes without words", func(t *Template) { t.Sessions[0].Plan[0].What = " " }, map[string]string{"session-1-activity-1-what": "what happens"}},
		{"blank row is fine", func(t *Template) { t.Sessions[0].Plan = append(t.Sessions[0].Plan, Activity{}) }, nil},
		{"too long a plan", func(t *Template) { t.Sessions[0].Plan[1].Minutes = 161 }, map[string]string{"session-1-plan": "181 minutes"}},
		{"exactly three hours", func(t *Template) { t.Sessions[0].Plan[1].Minutes = 160 }, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := validTemplate()
			c.change(&tpl)
			got := tpl.Problems()
			if len(got) != len(c.want) {
				t.Fatalf("Problems() = %v; want %d problems", got, len(c.want))
			}
			for field, part := range c.want {
				if !strings.Contains(got[field], part) {
					t.Errorf("Problems()[%q] = %q; want it to say %q", field, got[field], part)
				}
			}
		})
	}
}

func TestTrimmedAndSameContent(t *testing.T) {
	a := validTemplate()
	b := validTemplate()
	b.Name = "  Our group "
	b.Sessions[0].Aims = append(b.Sessions[0].Aims, " ")
	b.Sessions[0].Plan = append(b.Sessions[0].Plan, Activity{})
	if !a.SameContent(b) {
		t.Error("spaces and blank rows should not count as a change")
	}
	if got := b.Trimmed().Sessions[0]; len(got.Plan) != 2 || len(got.Aims) != 1 {
		t.Errorf("Trimmed kept blank rows: %+v", got)
	}
	b.Sessions[0].Plan[0].Minutes = 25
	if a.SameContent(b) {
		t.Error("a changed timing should count as a change")
	}
	c := validTemplate()
	c.Sessions[0].Elements = []Element{DeEscalation}
	if a.SameContent(c) {
		t.Error("changed elements should count as a change")
	}
}

func TestTotalsAndParagraphs(t *testing.T) {
	tpl := validTemplate()
	if got := tpl.Sessions[0].TotalMinutes(); got != 120 {
		t.Errorf("TotalMinutes = %d; want 120", got)
	}
	if got := tpl.TotalMinutes(); got != 120 {
		t.Errorf("template TotalMinutes = %d; want 120", got)
	}
	s := Session{Handout: "First line\nstill first.\n\n\nSecond.\r\n\r\nThird."}
	got := s.HandoutParagraphs()
	if len(got) != 3 || got[0] != "First line still first." || got[2] != "Third." {
		t.Errorf("HandoutParagraphs = %q", got)
	}
	s.Handout = "Try these:\n\n- one\n- two\n\n- a list item\nthat is a paragraph"
	b := s.HandoutBlocks()
	if len(b) != 3 || b[0].Text != "Try these:" || len(b[1].Items) != 2 || b[1].Items[1] != "two" || b[2].Text == "" {
		t.Errorf("HandoutBlocks = %+v", b)
	}
}

func TestElements(t *testing.T) {
	all := Elements()
	if len(all) != 14 {
		t.Fatalf("the NVR map has 14 elements; got %d", len(all))
	}
	seen := map[string]bool{}
	for _, e := range all {
		if e.Label() == string(e) || e.What() == "" {
			t.Errorf("%s has no plain label or description", e)
		}
		if seen[e.Label()] {
			t.Errorf("label %q used twice", e.Label())
		}
		seen[e.Label()] = true
		if got, err := ParseElement(string(e)); err != nil || got != e {
			t.Errorf("ParseElement(%q) = %q, %v", e, got, err)
		}
	}
	if _, err := ParseElement("control"); err == nil {
		t.Error("ParseElement accepted an unknown element")
	}
}

func TestKinds(t *testing.T) {
	for _, k := range Kinds() {
		if !k.Valid() || k.Label() == string(k) {
			t.Errorf("kind %q: valid %v, label %q", k, k.Valid(), k.Label())
		}
	}
	if Kind("class").Valid() {
		t.Error("an unknown kind is valid")
	}
}

func TestFieldNames(t *testing.T) {
	if got := SessionField(0, PartTitle); got != "session-1-title" {
		t.Errorf("SessionField = %q", got)
	}
	if got := ActivityField(2, 3, PartMinutes); got != "session-3-activity-4-minutes" {
		t.Errorf("ActivityField = %q", got)
	}
}
