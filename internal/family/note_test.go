package family

import (
	"testing"
	"time"
	_ "time/tzdata" // the UK zone, even where the system has no zone files
)

func TestNoteProblems(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	good := Note{OccurredAt: now.Add(-time.Hour), Kind: HomeVisit, ChildSeen: SeenAlone, Body: "Visited at 3pm."}
	if p := good.Problems(now); len(p) != 0 {
		t.Errorf("a good note has problems: %v", p)
	}
	cases := map[string]Note{
		"when":       {Kind: Phone, ChildSeen: NotSeen, Body: "x"},
		"kind":       {OccurredAt: now, Kind: "teleport", ChildSeen: NotSeen, Body: "x"},
		"child-seen": {OccurredAt: now, Kind: Phone, Body: "x"},
		"body":       {OccurredAt: now, Kind: Phone, ChildSeen: NotSeen, Body: "  "},
	}
	for field, n := range cases {
		if _, bad := n.Problems(now)[field]; !bad {
			t.Errorf("no problem reported for %s", field)
		}
	}
	future := good
	future.OccurredAt = now.Add(24 * time.Hour)
	if _, bad := future.Problems(now)["when"]; !bad {
		t.Error("a contact in the future was accepted")
	}
}

func TestWhenFromParts(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatalf("time zone database: %v", err)
	}
	got, ok := WhenFromParts("3", "7", "2026", "14:30", london)
	if !ok || !got.Equal(time.Date(2026, 7, 3, 13, 30, 0, 0, time.UTC)) {
		t.Errorf("summer time: %v %v", got, ok)
	}
	got, ok = WhenFromParts("3", "12", "2026", "9.05", london)
	if !ok || !got.Equal(time.Date(2026, 12, 3, 9, 5, 0, 0, time.UTC)) {
		t.Errorf("winter time with a dot: %v %v", got, ok)
	}
	for _, bad := range [][4]string{{"", "", "", "10:00"}, {"31", "2", "2026", "10:00"}, {"1", "1", "2026", "25:00"}} {
		if _, ok := WhenFromParts(bad[0], bad[1], bad[2], bad[3], london); ok {
			t.Errorf("WhenFromParts(%v) accepted", bad)
		}
	}
}
