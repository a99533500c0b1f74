package journal

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the UK zone, even where the system has no zone files
)

// TestWeeklyFiguresByHand checks the weekly figures against a fixture
// worked out by hand (acceptance 5): three weeks in London, across the
// clocks going back on Sunday 25 October 2026.
func TestWeeklyFiguresByHand(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	at := func(day, hour int) time.Time { return time.Date(2026, 10, day, hour, 0, 0, 0, london) }
	n := func(v int) *int { return &v }
	entries := []Entry{
		// Week of Monday 12 October: two hard moments (8 and 5), one met calmly; a gesture.
		{Kind: HardMoment, OccurredAt: at(12, 19), Intensity: n(8), Responses: []Response{Shouted}},
		{Kind: HardMoment, OccurredAt: at(18, 23), Intensity: n(5), Responses: []Response{LeftTheRoom}},
		{Kind: Gesture, OccurredAt: at(14, 8), Did: "Made pancakes"},
		// Week of Monday 19 October: three hard moments (6, 3, unrated), two
		// met calmly (one by a delayed response alone); two self-care, one
		// presence. Sunday 25 October 23:30 is still this week.
		{Kind: HardMoment, OccurredAt: at(19, 7), Intensity: n(6), Delayed: true},
		{Kind: HardMoment, OccurredAt: at(21, 18), Intensity: n(3), Responses: []Response{CalmedMyself, Lectured}},
		{Kind: HardMoment, OccurredAt: time.Date(2026, 10, 25, 23, 30, 0, 0, london), Responses: []Response{GaveIn}},
		{Kind: SelfCare, OccurredAt: at(20, 12), Did: "A walk"},
		{Kind: SelfCare, OccurredAt: at(24, 9), Did: "Coffee with my sister"},
		{Kind: Presence, OccurredAt: at(22, 16), Did: "Watched the match together"},
		// Week of Monday 26 October: nothing but a gesture, at 00:30 on the Monday.
		{Kind: Gesture, OccurredAt: time.Date(2026, 10, 26, 0, 30, 0, 0, london), Did: "A note in the lunchbox"},
		// Outside the three weeks: left out.
		{Kind: HardMoment, OccurredAt: at(11, 20), Intensity: n(10)},
	}
	weeks := Weekly(entries, 3, time.Date(2026, 10, 28, 12, 0, 0, 0, london), london)
	want := []Week{
		{Start: at(12, 0), HardMoments: 2, IntensityTotal: 13, Rated: 2, MetCalmly: 1, Gestures: 1},
		{Start: at(19, 0), HardMoments: 3, IntensityTotal: 9, Rated: 2, MetCalmly: 2, SelfCare: 2, Presence: 1},
		{Start: at(26, 0), Gestures: 1},
	}
	for i, w := range want {
		if !weeks[i].Start.Equal(w.Start) || weeks[i] != (Week{Start: weeks[i].Start, HardMoments: w.HardMoments, IntensityTotal: w.IntensityTotal,
			Rated: w.Rated, MetCalmly: w.MetCalmly, Gestures: w.Gestures, SelfCare: w.SelfCare, Presence: w.Presence}) {
			t.Errorf("week %d = %+v; want %+v", i, weeks[i], w)
		}
	}
	// 13/2 = 6.5; 9/2 = 4.5; 1 of 2 is 50%; 2 of 3 is 67%.
	if avg, ok := weeks[0].AverageIntensity(); !ok || avg != 6.5 {
		t.Errorf("week 1 average = %v, %v; want 6.5", avg, ok)
	}
	if avg, ok := weeks[1].AverageIntensity(); !ok || avg != 4.5 {
		t.Errorf("week 2 average = %v, %v; want 4.5", avg, ok)
	}
	if share, ok := weeks[0].CalmShare(); !ok || share != 50 {
		t.Errorf("week 1 calm share = %d, %v; want 50", share, ok)
	}
	if share, ok := weeks[1].CalmShare(); !ok || share != 67 {
		t.Errorf("week 2 calm share = %d, %v; want 67", share, ok)
	}
	if _, ok := weeks[2].AverageIntensity(); ok {
		t.Error("a week with no hard moment has an average")
	}
	if _, ok := weeks[2].CalmShare(); ok {
		t.Error("a week with no hard moment has a calm share")
	}
}

func TestSummaryIsHonest(t *testing.T) {
	week := func(hard, intensity, calm, gestures int) Week {
		return Week{HardMoments: hard, IntensityTotal: hard * intensity, Rated: hard, MetCalmly: calm, Gestures: gestures}
	}
	better := []Week{week(5, 8, 1, 0), week(4, 8, 1, 0), week(5, 7, 2, 1), week(4, 7, 1, 0), week(3, 6, 2, 1), week(2, 5, 2, 2), week(2, 5, 1, 1), week(1, 4, 1, 2)}
	got := strings.Join(Summary(better), " ")
	for _, want := range []string{"Fewer hard moments in the last four weeks (8) than in the four weeks before (18).", "less intense", "You made 6 reconciliation gestures"} {
		if !strings.Contains(got, want) {
			t.Errorf("better weeks: %q lacks %q", got, want)
		}
	}
	worse := []Week{week(1, 4, 1, 0), week(1, 4, 1, 0), week(1, 4, 1, 0), week(1, 4, 1, 0), week(3, 7, 0, 0), week(2, 7, 0, 0), week(2, 7, 0, 0), week(2, 7, 0, 0)}
	got = strings.Join(Summary(worse), " ")
	if !strings.Contains(got, "More hard moments") || !strings.Contains(got, "more intense") || strings.Contains(got, "Fewer") || strings.Contains(got, "gesture") {
		t.Errorf("worse weeks: %q", got)
	}
	if got := Summary(better[:3]); len(got) != 1 || !strings.Contains(got[0], "After a few weeks") {
		t.Errorf("three weeks: %q", got)
	}
}
