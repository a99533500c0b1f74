package engagement

import (
	"slices"
	"testing"
	"time"
)

func TestTrendAndLatest(t *testing.T) {
	records := []Record{
		{ID: "c", RecordedOn: day(2026, 3, 2), CreatedAt: day(2026, 3, 2), Patterns: []ObservedPattern{{Ambivalence, "x"}}},
		{ID: "a", RecordedOn: day(2026, 1, 5), CreatedAt: day(2026, 1, 5), Patterns: []ObservedPattern{{Avoidance, "x"}, {Confrontation, "y"}}},
		{ID: "b", RecordedOn: day(2026, 3, 2), CreatedAt: day(2026, 3, 3), Patterns: []ObservedPattern{{Avoidance, "x"}}},
	}
	tr := Trend(records)
	if len(tr) != 3 || tr[0].RecordID != "a" || !slices.Equal(tr[0].Patterns, []Pattern{Avoidance, Confrontation}) {
		t.Errorf("trend = %+v; want oldest first with each record's patterns", tr)
	}
	if got := Counts(tr); !slices.Equal(got, []int{1, 2, 1, 0}) {
		t.Errorf("counts = %v", got)
	}
	latest, ok := LatestOf(records)
	if !ok || latest.ID != "b" {
		t.Errorf("latest = %s, want b: the same date, written later", latest.ID)
	}
	if _, ok := LatestOf(nil); ok {
		t.Error("no records has no latest")
	}
}

func TestOldestFirstAndWords(t *testing.T) {
	list := []Latest{
		{FamilyID: "none"},
		{FamilyID: "new", RecordID: "r1", RecordedOn: day(2026, 3, 1)},
		{FamilyID: "old", RecordID: "r2", RecordedOn: day(2025, 11, 1)},
	}
	OldestFirst(list)
	if list[0].FamilyID != "old" || list[1].FamilyID != "new" || list[2].FamilyID != "none" {
		t.Errorf("order = %v, want old, new, then the family with no record", list)
	}
	if got := JoinLabels([]Pattern{Ambivalence, Avoidance, Violence}); got != "Ambivalence, avoidance and violence" {
		t.Errorf("JoinLabels = %q", got)
	}
	if got := (Latest{Patterns: []Pattern{Confrontation}}).Labels(); got != "Confrontation" {
		t.Errorf("Labels = %q", got)
	}
	for _, tt := range []struct {
		on   time.Time
		want string
	}{
		{day(2026, 3, 10), "today"}, {day(2026, 3, 9), "yesterday"}, {day(2026, 3, 1), "9 days ago"},
		{day(2026, 2, 1), "5 weeks ago"}, {day(2025, 11, 1), "4 months ago"}, {day(2025, 1, 1), "over a year ago"},
		{day(2022, 1, 1), "over 4 years ago"}, {day(2026, 3, 12), "in the future"},
	} {
		if got := Since(tt.on, today); got != tt.want {
			t.Errorf("Since(%s) = %q, want %q", tt.on.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestLatestReviewAndWords(t *testing.T) {
	l := Latest{RecordID: "r", RecordedOn: day(2026, 2, 1), ReviewOn: day(2026, 3, 9)}
	if !l.ReviewOverdue(today) || (Latest{RecordID: "r", ReviewOn: day(2026, 3, 10)}).ReviewOverdue(today) || (Latest{ReviewOn: day(2026, 1, 1)}).ReviewOverdue(today) {
		t.Error("a review is overdue once its date has passed, and only for a family with a record")
	}
	r := Record{Patterns: []ObservedPattern{{Avoidance, "x"}, {Violence, "y"}}}
	if r.PatternsText() != "Avoidance and violence" || !r.Described(Violence) || r.Described(Ambivalence) {
		t.Errorf("PatternsText = %q", r.PatternsText())
	}
	for status, want := range map[string]string{"open": "Still to do", "set-aside": "Set aside", "mystery": "mystery"} {
		if got := (Change{Status: status}).Label(); got != want {
			t.Errorf("Change{%s}.Label() = %q, want %q", status, got, want)
		}
	}
}
