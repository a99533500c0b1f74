package nvr

import (
	"testing"
	"time"
)

func TestHeldFromTheStart(t *testing.T) {
	starts := time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{
		{starts.Add(-time.Minute), false},
		{starts, true},
		{starts.Add(time.Hour), true},
	} {
		if got := Held(starts, tc.now); got != tc.want {
			t.Errorf("Held(%v, %v) = %v; want %v", starts, tc.now, got, tc.want)
		}
	}
}

func TestBreaksInsideTheCourse(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	first := time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC)
	last := time.Date(2027, 2, 1, 18, 30, 0, 0, time.UTC)
	skip := []time.Time{day(12, 28), day(11, 16), day(12, 21), time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}
	got := Breaks(skip, first, last)
	if len(got) != 2 || !got[0].Equal(day(12, 21)) || !got[1].Equal(day(12, 28)) {
		t.Errorf("Breaks = %v; want 21 and 28 December, in order", got)
	}
	if got := Breaks(nil, first, last); len(got) != 0 {
		t.Errorf("Breaks with nothing skipped = %v", got)
	}
}

func TestAttendanceForParent(t *testing.T) {
	want := map[Attendance]string{Present: "You came", Late: "You came", Apologies: "You sent apologies", Absent: "We missed you", "": ""}
	for a, w := range want {
		if got := a.ForParent(); got != w {
			t.Errorf("%q.ForParent() = %q; want %q", a, got, w)
		}
	}
}
