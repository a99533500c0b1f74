package family

import (
	"testing"
	"time"
)

func TestVisitRhythmAfterCountsWorkingDays(t *testing.T) {
	tests := []struct {
		name   string
		rhythm VisitRhythm
		seen   string
		want   string
	}{
		// 2026-11-20 is a Friday: ten working days later is Friday 4 December.
		{"ten working days from a Friday", VisitRhythm{Days: 10, WorkingDays: true}, "2026-11-20", "2026-12-04"},
		{"ten working days from a Wednesday", VisitRhythm{Days: 10, WorkingDays: true}, "2026-11-18", "2026-12-02"},
		{"seen on a Saturday counts from the Monday", VisitRhythm{Days: 1, WorkingDays: true}, "2026-11-21", "2026-11-23"},
		{"twenty working days is four weeks", VisitRhythm{Days: 20, WorkingDays: true}, "2026-11-02", "2026-11-30"},
		{"six calendar weeks", VisitRhythm{Days: 42}, "2026-11-02", "2026-12-14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := day(tt.seen).Add(15 * time.Hour) // the time of day does not matter
			if got := tt.rhythm.After(seen).Format(time.DateOnly); got != tt.want {
				t.Errorf("After(%s) = %s, want %s", tt.seen, got, tt.want)
			}
		})
	}
}

func TestVisitRhythmDescribe(t *testing.T) {
	for rhythm, want := range map[VisitRhythm]string{
		{Days: 10, WorkingDays: true}: "every 10 working days",
		{Days: 42}:                    "every 6 weeks",
		{Days: 10}:                    "every 10 days",
	} {
		if got := rhythm.Describe(); got != want {
			t.Errorf("%+v.Describe() = %q, want %q", rhythm, got, want)
		}
	}
}

func TestVisitRhythmForEveryContext(t *testing.T) {
	for _, k := range ContextKinds() {
		r, ok := VisitRhythmFor(k)
		wantRhythm := k == ChildProtection || k == ChildInNeed || k == LookedAfter
		if ok != wantRhythm {
			t.Errorf("VisitRhythmFor(%s) ok = %v, want %v", k, ok, wantRhythm)
		}
		if ok && r.Days <= 0 {
			t.Errorf("VisitRhythmFor(%s) = %+v: a rhythm needs a positive number of days", k, r)
		}
	}
}

func TestNextVisit(t *testing.T) {
	cp := Context{Kind: ChildProtection, StartedOn: "2026-06-01"}
	cin := Context{Kind: ChildInNeed, StartedOn: "2026-01-10"}
	endedCP := Context{Kind: ChildProtection, StartedOn: "2025-01-01", EndedOn: "2025-06-01"}
	early := Context{Kind: EarlyHelp, StartedOn: "2026-01-01"}
	seen := day("2026-11-18")
	tests := []struct {
		name     string
		contexts []Context
		lastSeen time.Time
		want     string // "" when nothing is due
		wantWhy  string
	}{
		{"no contexts", nil, seen, "", ""},
		{"early help has no rhythm", []Context{early}, seen, "", ""},
		{"an ended plan does not count", []Context{endedCP}, seen, "", ""},
		{"child protection plan", []Context{cp}, seen, "2026-12-02", "Child protection plan: every 10 working days"},
		{"the most frequent rhythm wins", []Context{cin, early, cp}, seen, "2026-12-02", "Child protection plan: every 10 working days"},
		{"never seen: counted from the plan's start", []Context{{Kind: ChildProtection, StartedOn: "2026-11-16"}}, time.Time{}, "2026-11-30", "Child protection plan: every 10 working days"},
		{"a plan started after the last visit counts from its start", []Context{{Kind: ChildProtection, StartedOn: "2026-11-20"}}, day("2026-10-01"), "2026-12-04", "Child protection plan: every 10 working days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := NextVisit(tt.contexts, tt.lastSeen)
			if tt.want == "" {
				if ok {
					t.Fatalf("NextVisit = %+v, want nothing due", got)
				}
				return
			}
			if !ok {
				t.Fatalf("NextVisit found nothing due, want %s", tt.want)
			}
			if got.By.Format(time.DateOnly) != tt.want || got.Why != tt.wantWhy {
				t.Errorf("NextVisit = %s (%q), want %s (%q)", got.By.Format(time.DateOnly), got.Why, tt.want, tt.wantWhy)
			}
		})
	}
}

func TestDueOverdueIsByDayNotHour(t *testing.T) {
	d := Due{By: day("2026-11-22")}
	if d.Overdue(day("2026-11-22").Add(23 * time.Hour)) {
		t.Error("a visit due today is not overdue until tomorrow")
	}
	if !d.Overdue(day("2026-11-23")) {
		t.Error("a visit due yesterday is overdue")
	}
}

func TestEarliest(t *testing.T) {
	if _, ok := Earliest(); ok {
		t.Error("Earliest of nothing found something")
	}
	if _, ok := Earliest(Due{}); ok {
		t.Error("a Due without a date is not due")
	}
	got, ok := Earliest(Due{What: "b", By: day("2026-12-02")}, Due{What: "a", By: day("2026-11-30")}, Due{})
	if !ok || got.What != "a" {
		t.Errorf("Earliest = %+v, %v; want a", got, ok)
	}
}

func TestSignalsNextDue(t *testing.T) {
	cp := Context{Kind: ChildProtection, StartedOn: "2026-06-01"}
	s := Signals{LastSeen: day("2026-11-18"), Contexts: []Context{cp}}
	got, ok := s.NextDue()
	if !ok || got.By.Format(time.DateOnly) != "2026-12-02" {
		t.Fatalf("NextDue = %+v, %v; want the visit on 2026-12-02", got, ok)
	}
	s.Dues = []Due{{What: "Review the plan", By: day("2026-11-25")}}
	if got, _ := s.NextDue(); got.What != "Review the plan" {
		t.Errorf("NextDue = %+v; want the sooner review", got)
	}
	if _, ok := (Signals{}).NextDue(); ok {
		t.Error("a family with no contexts and no dated work has nothing due")
	}
}

func TestSignalsAlerts(t *testing.T) {
	today := day("2026-11-22")
	s := Signals{
		ConsentWithdrawn: day("2026-11-10"),
		OpenedWithReason: day("2026-11-20"),
		Contexts:         []Context{{Kind: ChildProtection, StartedOn: "2026-01-01"}},
		LastSeen:         day("2026-09-01"), // a visit is long overdue, which is not an alert
	}
	got := s.Alerts(today)
	if len(got) != 2 {
		t.Fatalf("Alerts = %+v; want the withdrawal and the break-glass", got)
	}
	if got[0].At != day("2026-11-20") || got[1].At != day("2026-11-10") {
		t.Errorf("Alerts = %+v; want newest first", got)
	}
	old := Signals{ConsentWithdrawn: today.Add(-AlertWindow - time.Hour), OpenedWithReason: today.AddDate(0, 0, 1)}
	if got := old.Alerts(today); len(got) != 0 {
		t.Errorf("Alerts = %+v; changes outside the window, or in the future, are not alerts", got)
	}
}
