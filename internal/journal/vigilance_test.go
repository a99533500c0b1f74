package journal

import (
	"strings"
	"testing"
	"time"
)

func TestLevelsHaveLabelsAndPlainExplanations(t *testing.T) {
	want := map[Level]string{OpenAttention: "Open attention", FocusedAttention: "Focused attention", ProtectiveAction: "Protective action"}
	if len(Levels()) != 3 {
		t.Fatalf("levels = %v", Levels())
	}
	for _, l := range Levels() {
		if !l.Valid() || l.Label() != want[l] || l.Explain() == "" || l.Colour() == "" {
			t.Errorf("%q: valid %v, label %q, explain %q", l, l.Valid(), l.Label(), l.Explain())
		}
	}
	for _, l := range []Level{"", "OPEN", "watch"} {
		if l.Valid() || l.Explain() != "" {
			t.Errorf("%q is valid", l)
		}
	}
}

func TestNewConcernProblems(t *testing.T) {
	long := strings.Repeat("a", maxConcernAbout+1)
	for _, tc := range []struct {
		name, about string
		level       Level
		sign        string
		want        []string
	}{
		{"fine without a sign", "Staying out late", OpenAttention, "", nil},
		{"fine with a sign", "Staying out late", FocusedAttention, "Came home at midnight", nil},
		{"no words", "  ", OpenAttention, "", []string{FieldConcernAbout}},
		{"too long", long, OpenAttention, "", []string{FieldConcernAbout}},
		{"at the limit", strings.Repeat("a", maxConcernAbout), OpenAttention, "", nil},
		{"no level", "Staying out late", "", "", []string{FieldLevel}},
		{"unknown level", "Staying out late", "watch", "", []string{FieldLevel}},
		{"sign too long", "Staying out late", OpenAttention, strings.Repeat("b", maxWarningSign+1), []string{FieldWarningSign}},
		{"everything wrong", "", "x", "", []string{FieldConcernAbout, FieldLevel}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFields(t, NewConcernProblems(tc.about, tc.level, tc.sign), tc.want)
		})
	}
}

func TestALevelChangeNeedsItsWarningSign(t *testing.T) {
	open := Concern{About: "Staying out late", Level: OpenAttention}
	settled := Concern{About: "Staying out late", Level: FocusedAttention, Settled: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		name string
		c    Concern
		to   Level
		sign string
		want []string
	}{
		{"up with a sign", open, FocusedAttention, "New friends I have not met", nil},
		{"straight to protective", open, ProtectiveAction, "Found a knife in their bag", nil},
		{"down with a sign", Concern{Level: ProtectiveAction}, OpenAttention, "Calmer for two weeks", nil},
		{"no sign", open, FocusedAttention, "", []string{FieldWarningSign}},
		{"only spaces", open, FocusedAttention, "   ", []string{FieldWarningSign}},
		{"sign too long", open, FocusedAttention, strings.Repeat("b", maxWarningSign+1), []string{FieldWarningSign}},
		{"same level", open, OpenAttention, "Nothing new", []string{FieldLevel}},
		{"no level", open, "", "Something", []string{FieldLevel}},
		{"unknown level", open, "high", "Something", []string{FieldLevel}},
		{"settled", settled, ProtectiveAction, "Something", []string{FieldLevel}},
		{"nothing", open, "", "", []string{FieldLevel, FieldWarningSign}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFields(t, ChangeProblems(tc.c, tc.to, tc.sign), tc.want)
		})
	}
}

// checkFields fails unless problems are for exactly the fields in want.
func checkFields(t *testing.T, problems map[string]string, want []string) {
	t.Helper()
	if len(problems) != len(want) {
		t.Fatalf("problems = %v, want fields %v", problems, want)
	}
	for _, f := range want {
		if problems[f] == "" {
			t.Errorf("no problem for %s: %v", f, problems)
		}
	}
}

func TestConcernHistoryNewestFirst(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	c := Concern{CreatedAt: t0, History: []LevelChange{{To: OpenAttention, At: t0}, {From: OpenAttention, To: FocusedAttention, At: t0.Add(time.Hour)}}}
	if got := c.NewestFirst(); len(got) != 2 || got[0].To != FocusedAttention || got[1].To != OpenAttention {
		t.Errorf("NewestFirst = %+v", got)
	}
	if !c.Since().Equal(t0.Add(time.Hour)) {
		t.Errorf("Since = %v", c.Since())
	}
	if empty := (Concern{CreatedAt: t0}); !empty.Since().Equal(t0) || len(empty.NewestFirst()) != 0 {
		t.Errorf("a concern with no history: %v", empty.Since())
	}
}
