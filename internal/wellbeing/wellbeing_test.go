package wellbeing

import (
	"strings"
	"testing"
	"time"
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestWeekOf(t *testing.T) {
	loc := london(t)
	cases := []struct {
		at   time.Time
		want Week
	}{
		{time.Date(2026, 3, 2, 0, 0, 0, 0, loc), "2026-03-02"},         // Monday midnight
		{time.Date(2026, 3, 8, 23, 59, 0, 0, loc), "2026-03-02"},       // Sunday night
		{time.Date(2026, 3, 9, 0, 0, 0, 0, loc), "2026-03-09"},         // the next Monday
		{time.Date(2026, 6, 28, 23, 30, 0, 0, time.UTC), "2026-06-29"}, // Sunday 23:30 UTC is Monday 00:30 in London (BST)
		{time.Date(2026, 3, 29, 12, 0, 0, 0, loc), "2026-03-23"},       // the day the clocks go forward
		{time.Date(2026, 10, 25, 1, 30, 0, 0, loc), "2026-10-19"},      // the day the clocks go back
	}
	for _, c := range cases {
		if got := WeekOf(c.at, loc); got != c.want {
			t.Errorf("WeekOf(%v) = %s; want %s", c.at, got, c.want)
		}
	}
}

func TestCompletedWeeks(t *testing.T) {
	loc := london(t)
	now := time.Date(2026, 4, 1, 9, 0, 0, 0, loc) // Wednesday of the week of 30 March
	got := CompletedWeeks(12, now, loc)
	if len(got) != 12 || got[11] != "2026-03-23" || got[0] != "2026-01-05" {
		t.Errorf("CompletedWeeks = %v; want the twelve weeks before 30 March", got)
	}
	if CompletedWeeks(0, now, loc) != nil {
		t.Error("CompletedWeeks(0) is not empty")
	}
}

func TestLastWeeks(t *testing.T) {
	loc := london(t)
	now := time.Date(2026, 4, 1, 9, 0, 0, 0, loc) // Wednesday, after the clocks went forward
	got := LastWeeks(12, now, loc)
	if len(got) != 12 || got[11] != "2026-03-30" || got[10] != "2026-03-23" || got[0] != "2026-01-12" {
		t.Errorf("LastWeeks = %v", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Errorf("weeks out of order: %v", got)
		}
	}
	if LastWeeks(0, now, loc) != nil {
		t.Error("LastWeeks(0) is not empty")
	}
}

func TestParseWeek(t *testing.T) {
	if w, err := ParseWeek("2026-03-02"); err != nil || w != "2026-03-02" || w.Label() != "Week of 2 March 2026" || w.Short() != "2 Mar" {
		t.Errorf("ParseWeek = %q, %v", w, err)
	}
	for _, s := range []string{"2026-03-03", "", "next week"} {
		if _, err := ParseWeek(s); err == nil {
			t.Errorf("ParseWeek(%q) was accepted", s)
		}
	}
}

// TestFiguresHideSmallWeeks is the rule that keeps anyone from being
// singled out: a week is shown only with at least MinAnswers answers, and
// a hidden week carries neither its count nor its average.
func TestFiguresHideSmallWeeks(t *testing.T) {
	if MinAnswers != 5 {
		t.Fatalf("MinAnswers = %d; the agreed minimum is 5", MinAnswers)
	}
	weeks := []Week{"2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"}
	totals := []Total{
		{Week: "2026-03-02", Answers: 4, Sum: 30, Unseen: 4}, // exactly 4: hidden
		{Week: "2026-03-09", Answers: 5, Sum: 32, Unseen: 5}, // exactly 5: shown
		{Week: "2026-03-16", Answers: 1, Sum: 2, Unseen: 1},  // one person: hidden
		{Week: "2026-03-23", Answers: 8, Sum: 51, Unseen: 8}, // shown
		{Week: "2026-02-23", Answers: 9, Sum: 60, Unseen: 9}, // outside the weeks asked for
	}
	got := Figures(totals, weeks)
	want := []Figure{
		{Week: "2026-03-02"},
		{Week: "2026-03-09", Shown: true, Answers: 5, Average: 6.4},
		{Week: "2026-03-16"},
		{Week: "2026-03-23", Shown: true, Answers: 8, Average: 6.4},
		{Week: "2026-03-30"}, // nobody answered
	}
	if len(got) != len(want) {
		t.Fatalf("Figures = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("week %s: %+v; want %+v", weeks[i], got[i], want[i])
		}
	}
}

// TestShownToHidesOneUnseenAnswer: a viewer who can see some people's own
// trends must not be shown a week in which all but one answer are theirs,
// since the sum less what they can see is the last person's score.
func TestShownToHidesOneUnseenAnswer(t *testing.T) {
	for _, c := range []struct {
		t    Total
		want bool
	}{
		{Total{Answers: 5, Unseen: 5}, true},
		{Total{Answers: 5, Unseen: 2}, true},
		{Total{Answers: 5, Unseen: 1}, false},
		{Total{Answers: 5, Unseen: 0}, true}, // the viewer already sees every score
		{Total{Answers: 4, Unseen: 4}, false},
	} {
		if got := ShownTo(c.t); got != c.want {
			t.Errorf("ShownTo(%+v) = %v; want %v", c.t, got, c.want)
		}
	}
}

func TestShown(t *testing.T) {
	for n, want := range map[int]bool{0: false, 1: false, 4: false, 5: true, 6: true, 40: true} {
		if Shown(n) != want {
			t.Errorf("Shown(%d) = %v; want %v", n, !want, want)
		}
	}
}

func TestAverage(t *testing.T) {
	cases := []struct {
		t    Total
		want float64
	}{
		{Total{Answers: 5, Sum: 32}, 6.4},
		{Total{Answers: 6, Sum: 37}, 6.2},   // 6.1666… rounds to 6.2
		{Total{Answers: 20, Sum: 129}, 6.5}, // 6.45 rounds half up
		{Total{Answers: 5, Sum: 0}, 0},
		{Total{Answers: 5, Sum: 50}, 10},
		{Total{}, 0},
	}
	for _, c := range cases {
		if got := Average(c.t); got != c.want {
			t.Errorf("Average(%+v) = %v; want %v", c.t, got, c.want)
		}
	}
}

func TestTrend(t *testing.T) {
	weeks := []Week{"2026-03-02", "2026-03-09", "2026-03-16"}
	got := Trend([]Score{{"2026-03-16", 3}, {"2026-03-02", 0}, {"2026-02-23", 9}}, weeks)
	want := []Point{{"2026-03-02", true, 0}, {"2026-03-09", false, 0}, {"2026-03-16", true, 3}}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Trend[%d] = %+v; want %+v", i, got[i], want[i])
		}
	}
}

func TestCheckInProblems(t *testing.T) {
	cases := []struct {
		score, note string
		want        int
		problems    []string
	}{
		{"7", "", 7, nil},
		{"0", "A hard week", 0, nil},
		{"10", "", 10, nil},
		{"", "", 0, []string{FieldScore}},
		{"11", "", 11, []string{FieldScore}},
		{"-1", "", -1, []string{FieldScore}},
		{"seven", "", 0, []string{FieldScore}},
		{"5", strings.Repeat("a", MaxText), 5, nil},
		{"5", strings.Repeat("é", MaxText+1), 5, []string{FieldNote}},
	}
	for _, c := range cases {
		n, p := CheckInProblems(c.score, c.note)
		if len(p) != len(c.problems) {
			t.Errorf("CheckInProblems(%q) = %v; want problems with %v", c.score, p, c.problems)
		}
		for _, f := range c.problems {
			if p[f] == "" {
				t.Errorf("CheckInProblems(%q): no problem with %s", c.score, f)
			}
		}
		if len(p) == 0 && n != c.want {
			t.Errorf("CheckInProblems(%q) = %d; want %d", c.score, n, c.want)
		}
	}
	if ScoreLabel(0) != "0 – really struggling" || ScoreLabel(10) != "10 – really well" || ScoreLabel(4) != "4" {
		t.Error("ScoreLabel does not say what the ends mean")
	}
}

func TestSelfCareProblems(t *testing.T) {
	if p := SelfCareProblems(SelfCare{}); p[FieldHelps] == "" || len(p) != 1 {
		t.Errorf("an empty plan: %v", p)
	}
	if p := SelfCareProblems(SelfCare{TalkTo: "My supervisor, Sam"}); len(p) != 0 {
		t.Errorf("a plan with one part: %v", p)
	}
	long := strings.Repeat("x", MaxText+1)
	if p := SelfCareProblems(SelfCare{Helps: "Walks", EarlySigns: long}); p[FieldEarlySigns] == "" || len(p) != 1 {
		t.Errorf("a plan with a long part: %v", p)
	}
	if !(SelfCare{Helps: "  "}).Empty() {
		t.Error("a plan of spaces is not empty")
	}
}
