package supervision_test

import (
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/supervision"
)

// TestSupervisionRecordByHand checks the supervision record against
// figures worked out by hand, with the clock fixed at noon on Monday 16
// November 2026 and sessions expected every 4 weeks (28 days).
func TestSupervisionRecordByHand(t *testing.T) {
	now := time.Date(2026, 11, 16, 12, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
	// The window starts 182 days before now: Monday 18 May 2026, 12:00.
	longAgo := day(2024, 1, 8)
	cases := []struct {
		name           string
		joined         time.Time
		held           []time.Time
		every          int
		held26, expect int
		last           time.Time
		dueBy          time.Time
		status         string
	}{{
		// Six sessions about monthly; the one on 11 May is before the
		// window. 182 days hold 6 whole intervals of 28 days (168).
		name:   "on track",
		joined: longAgo,
		held:   []time.Time{day(2026, 5, 11), day(2026, 6, 8), day(2026, 7, 6), day(2026, 8, 3), day(2026, 9, 7), day(2026, 10, 5), day(2026, 11, 2)},
		every:  4, held26: 6, expect: 6,
		last: day(2026, 11, 2), dueBy: day(2026, 11, 30), status: "Due by 30 November 2026",
	}, {
		// Last held 14 September: due 12 October, 35 days and 2 hours ago.
		name:   "overdue",
		joined: longAgo,
		held:   []time.Time{day(2026, 7, 20), day(2026, 9, 14)},
		every:  4, held26: 2, expect: 6,
		last: day(2026, 9, 14), dueBy: day(2026, 10, 12), status: "Overdue by 35 days",
	}, {
		// Joined on Monday 5 October at noon: 42 days, one whole interval
		// of 28; nothing held, so due 28 days after joining (2 November).
		name:   "new starter, never supervised",
		joined: time.Date(2026, 10, 5, 12, 0, 0, 0, time.UTC),
		every:  4, held26: 0, expect: 1,
		dueBy: time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC), status: "No supervision recorded; one is due",
	}, {
		// Fortnightly: 182 days hold 13 whole intervals of 14. A session
		// recorded for later today is not counted yet.
		name:   "fortnightly, one planned later today",
		joined: longAgo,
		held:   []time.Time{day(2026, 11, 9), now.Add(2 * time.Hour)},
		every:  2, held26: 1, expect: 13,
		last: day(2026, 11, 9), dueBy: day(2026, 11, 23), status: "Due by 23 November 2026",
	}, {
		// Joined on 2 November, but supervision from 7 September was
		// recorded (it happened before their account was made): counting
		// begins then. 7 September 10:00 to now is 70 days and 2 hours,
		// 2 whole intervals of 28.
		name:   "history from before the account",
		joined: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC),
		held:   []time.Time{day(2026, 9, 7), day(2026, 10, 5), day(2026, 11, 2)},
		every:  4, held26: 3, expect: 2,
		last: day(2026, 11, 2), dueBy: day(2026, 11, 30), status: "Due by 30 November 2026",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := supervision.RecordFor("p", "Pat", c.joined, c.held, time.Time{}, c.every, now)
			if r.Held != c.held26 || r.Expected != c.expect {
				t.Errorf("held %d of %d expected, want %d of %d", r.Held, r.Expected, c.held26, c.expect)
			}
			if !r.Last.Equal(c.last) || !r.DueBy.Equal(c.dueBy) {
				t.Errorf("last %v due %v, want %v and %v", r.Last, r.DueBy, c.last, c.dueBy)
			}
			if got := r.Status(now); got != c.status {
				t.Errorf("status %q, want %q", got, c.status)
			}
		})
	}
}

// TestSupervisionStatusByTheUKCalendar counts overdue days by UK calendar
// dates, not by 24-hour blocks or UTC dates.
func TestSupervisionStatusByTheUKCalendar(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	// Held at 00:30 on Tuesday 2 June 2026, British Summer Time (23:30 on
	// 1 June in UTC): due 28 days later, at 00:30 on 30 June.
	held := time.Date(2026, 6, 2, 0, 30, 0, 0, london)
	r := supervision.RecordFor("p", "Pat", held.AddDate(-1, 0, 0), []time.Time{held.UTC()}, time.Time{}, 4, held.Add(time.Hour))
	cases := []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 6, 20, 9, 0, 0, 0, london), "Due by 30 June 2026"},
		{time.Date(2026, 6, 30, 23, 0, 0, 0, london), "Due today"},
		{time.Date(2026, 7, 1, 0, 10, 0, 0, london), "Overdue by 1 day"}, // less than 24 hours after
		{time.Date(2026, 7, 3, 8, 0, 0, 0, london), "Overdue by 3 days"},
	}
	for _, c := range cases {
		if got := r.Status(c.now); got != c.want {
			t.Errorf("at %v: %q; want %q", c.now, got, c.want)
		}
		if overdue := r.Overdue(c.now); overdue != (c.want[0] == 'O') {
			t.Errorf("at %v: overdue %v", c.now, overdue)
		}
	}
}

func TestSettingsProblems(t *testing.T) {
	if p := supervision.DefaultSettings().Problems(); len(p) != 0 {
		t.Errorf("the defaults have problems: %v", p)
	}
	p := supervision.Settings{EveryWeeks: 0, NotSeenWeeks: 53}.Problems()
	if p[supervision.FieldEveryWeeks] == "" || p[supervision.FieldNotSeenWeeks] == "" {
		t.Errorf("out-of-range settings accepted: %v", p)
	}
}
