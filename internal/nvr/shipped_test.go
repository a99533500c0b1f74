package nvr

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/steadfast-care/steadfast/internal/language"
)

// TestShippedTemplatesParse parses every shipped file: a shipped template
// that is incomplete, or a file that cannot be read, fails here.
func TestShippedTemplatesParse(t *testing.T) {
	all, err := ShippedTemplates()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Fatalf("ShippedTemplates() gave %d templates; want the group and the one-to-one", len(all))
	}
	ids := map[string]bool{}
	for _, tpl := range all {
		if ids[tpl.ID] {
			t.Errorf("template ID %q used twice", tpl.ID)
		}
		ids[tpl.ID] = true
		if !tpl.Shipped() || tpl.Version != 1 || tpl.Description == "" || tpl.Name == "" {
			t.Errorf("%s: want a shipped version 1 with a name and description; got %+v", tpl.ID, tpl)
		}
		if got, ok, err := ShippedTemplate(tpl.ID); err != nil || !ok || got.Name != tpl.Name {
			t.Errorf("ShippedTemplate(%q) = %v, %v, %v", tpl.ID, got.Name, ok, err)
		}
	}
	if _, ok, err := ShippedTemplate("steadfast-nothing"); ok || err != nil {
		t.Errorf("ShippedTemplate found a template that is not shipped (%v, %v)", ok, err)
	}
}

// TestDefaultGroupFollowsDomain checks the 12-week group template follows
// DOMAIN.md's sequence, session by session.
func TestDefaultGroupFollowsDomain(t *testing.T) {
	tpl, ok, err := ShippedTemplate("steadfast-group-12-week")
	if err != nil || !ok {
		t.Fatalf("the default group template is missing: %v", err)
	}
	if tpl.Kind != Group {
		t.Errorf("kind = %q; want group", tpl.Kind)
	}
	want := []struct {
		title string
		first Element
	}{
		{"Welcome", LookingAfterYourself},
		{"Escalation and de-escalation", DeEscalation},
		{"Delayed response", DelayedResponse},
		{"triggers", LookingAfterYourself},
		{"presence and vigilant care", ParentalPresence},
		{"Baskets", Baskets},
		{"Reconciliation gestures", ReconciliationGestures},
		{"Supporters", Supporters},
		{"announcement", Announcement},
		{"sit-in and active resistance", SitIn},
		{"Brothers and sisters, timing, tone and talk", HelpingOthers},
		{"Review", LookingAfterYourself},
	}
	if len(tpl.Sessions) != len(want) {
		t.Fatalf("%d sessions; want %d", len(tpl.Sessions), len(want))
	}
	for i, w := range want {
		s := tpl.Sessions[i]
		if !strings.Contains(s.Title, w.title) || s.Elements[0] != w.first {
			t.Errorf("session %d is %q covering %v; want %q first covering %s", i+1, s.Title, s.Elements, w.title, w.first)
		}
		if total := s.TotalMinutes(); total < 105 || total > 135 {
			t.Errorf("session %d's plan takes %d minutes; want about two hours", i+1, total)
		}
		if !hasBreak(s) {
			t.Errorf("session %d's plan has no break", i+1)
		}
	}
	// Every element of the map is covered somewhere.
	covered := map[Element]bool{}
	for _, s := range tpl.Sessions {
		for _, e := range s.Elements {
			covered[e] = true
		}
	}
	for _, e := range Elements() {
		if !covered[e] {
			t.Errorf("no session covers %s", e.Label())
		}
	}
}

func hasBreak(s Session) bool {
	for _, a := range s.Plan {
		if strings.HasPrefix(a.What, "Break") {
			return true
		}
	}
	return false
}

// TestOneToOneIsShort checks the one-to-one template is bite-sized.
func TestOneToOneIsShort(t *testing.T) {
	tpl, ok, err := ShippedTemplate("steadfast-one-to-one")
	if err != nil || !ok {
		t.Fatalf("the one-to-one template is missing: %v", err)
	}
	if tpl.Kind != OneToOne || len(tpl.Sessions) < 5 || len(tpl.Sessions) > 8 {
		t.Errorf("kind %q with %d sessions; want one to one with about six", tpl.Kind, len(tpl.Sessions))
	}
	for i, s := range tpl.Sessions {
		if total := s.TotalMinutes(); total < 30 || total > 75 {
			t.Errorf("session %d's plan takes %d minutes; want about an hour at most", i+1, total)
		}
	}
}

// TestShippedSessionsComplete checks every shipped session has everything
// a facilitator and a parent need, in plain words of a sensible length.
func TestShippedSessionsComplete(t *testing.T) {
	all, err := ShippedTemplates()
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range all {
		minWords, maxWords := 200, 420
		if tpl.Kind == OneToOne {
			minWords = 170
		}
		for i, s := range tpl.Sessions {
			name := fmt.Sprintf("%s session %d", tpl.ID, i+1)
			if len(s.Elements) == 0 || len(s.Aims) < 2 || len(s.Aims) > 4 || len(s.Plan) < 4 {
				t.Errorf("%s: %d elements, %d aims, %d activities; want elements, 2 to 4 aims and a full plan", name, len(s.Elements), len(s.Aims), len(s.Plan))
			}
			if words := len(strings.Fields(s.Handout)); words < minWords || words > maxWords {
				t.Errorf("%s: the handout has %d words; want %d to %d", name, words, minWords, maxWords)
			}
			if !strings.Contains(s.Handout, "you") || !strings.Contains(s.Handout, "Things to try this week") {
				t.Errorf("%s: the handout should speak to the parent and end with things to try", name)
			}
			if strings.Contains(s.Handout, "behavior") || strings.Contains(s.Handout, "color") {
				t.Errorf("%s: write in UK English", name)
			}
		}
	}
}

// TestShippedWordingIsRespectful runs Steadfast's own language checker
// over every plan, aim and handout we ship.
func TestShippedWordingIsRespectful(t *testing.T) {
	all, err := ShippedTemplates()
	if err != nil {
		t.Fatal(err)
	}
	checker := language.NewChecker(language.Base(), nil, nil)
	check := func(where, text string) {
		for _, f := range checker.Check(text) {
			t.Errorf("%s: %q is flagged (%s)", where, f.Text, f.TermID)
		}
	}
	supporters, err := SupportersPlan()
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, Template{ID: "supporters", Sessions: []Session{supporters}})
	for _, tpl := range all {
		check(tpl.ID+" name", tpl.Name)
		check(tpl.ID+" description", tpl.Description)
		for _, s := range tpl.Sessions {
			where := tpl.ID + " session " + s.Title
			check(where+" title", s.Title)
			check(where+" handout", s.Handout)
			for _, a := range s.Aims {
				check(where+" aim", a)
			}
			for _, a := range s.Plan {
				check(where+" plan", a.What)
			}
		}
	}
}

func TestParseSessionErrors(t *testing.T) {
	cases := map[string]string{
		"no header":        "Just a handout.",
		"unclosed header":  "---\ntitle: A\n",
		"no title":         "---\nelements: baskets\n---\nText",
		"unknown element":  "---\ntitle: A\nelements: shouting\n---\nText",
		"plan without bar": "---\ntitle: A\nelements: baskets\nplan:\n- 10 check-in\n---\nText",
		"bad minutes":      "---\ntitle: A\nelements: baskets\nplan:\n- ten | check-in\n---\nText",
		"stray item":       "---\n- item\ntitle: A\n---\nText",
		"duplicate key":    "---\ntitle: A\ntitle: B\n---\nText",
	}
	for name, text := range cases {
		if _, err := parseSession(text); err == nil {
			t.Errorf("%s: parseSession accepted %q", name, text)
		}
	}
	s, err := parseSession("---\ntitle: Baskets: sorting\nelements: baskets, sit-in\naims:\n- One\n- Two\nplan:\n- 10 | Check-in | round\n---\nFirst.\n\nSecond.\n")
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Baskets: sorting" || len(s.Elements) != 2 || len(s.Aims) != 2 || s.Plan[0] != (Activity{10, "Check-in | round"}) || len(s.HandoutParagraphs()) != 2 {
		t.Errorf("parseSession = %+v", s)
	}
}

func TestParseShippedRejectsIncomplete(t *testing.T) {
	fsys := fstest.MapFS{
		"t/a/template.md": {Data: []byte("---\nid: steadfast-a\nname: A\nkind: group\n---\nAbout A.")},
		"t/a/01.md":       {Data: []byte("---\ntitle: One\nelements: baskets\nplan:\n- 200 | Too long\n---\nText")},
	}
	if _, err := parseShipped(fsys, "t"); err == nil || !strings.Contains(err.Error(), "not a complete template") {
		t.Errorf("parseShipped accepted a 200-minute session: %v", err)
	}
	fsys["t/a/01.md"] = &fstest.MapFile{Data: []byte("---\ntitle: One\nelements: baskets\nplan:\n- 20 | Fine\n---\nText")}
	fsys["t/a/template.md"] = &fstest.MapFile{Data: []byte("---\nid: a\nname: A\nkind: group\n---\nAbout A.")}
	if _, err := parseShipped(fsys, "t"); err == nil || !strings.Contains(err.Error(), "must begin") {
		t.Errorf("parseShipped accepted an ID without the prefix: %v", err)
	}
}
