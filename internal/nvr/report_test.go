package nvr

import (
	"reflect"
	"testing"
	"time"
)

// weekly returns n sessions a week apart from the first, at 18:30 UTC.
func weekly(first string, n int) []ReportSession {
	start := day(first).Add(18*time.Hour + 30*time.Minute)
	var out []ReportSession
	for i := range n {
		out = append(out, ReportSession{Number: i + 1, StartsAt: start.AddDate(0, 0, 7*i)})
	}
	return out
}

// att reads attendance written one letter a session, from session 1: P
// present, L late, A apologies, N did not come (absent), - nothing recorded.
func att(s string) map[int]Attendance {
	out := map[int]Attendance{}
	for i, c := range s {
		switch c {
		case 'P':
			out[i+1] = Present
		case 'L':
			out[i+1] = Late
		case 'A':
			out[i+1] = Apologies
		case 'N':
			out[i+1] = Absent
		}
	}
	return out
}

func parent(id, attendance string) ReportParent {
	return ReportParent{EnrolmentID: id, Attendance: att(attendance)}
}

func missedIDs(r Report) []string {
	var out []string
	for _, p := range r.MissedLastTwo() {
		out = append(out, p.EnrolmentID)
	}
	return out
}

func TestThresholds(t *testing.T) {
	for _, c := range []struct{ n, half, most int }{{1, 1, 1}, {2, 1, 2}, {5, 3, 4}, {6, 3, 5}, {8, 4, 6}, {10, 5, 8}, {12, 6, 9}} {
		if got := HalfOf(c.n); got != c.half {
			t.Errorf("HalfOf(%d) = %d; want %d", c.n, got, c.half)
		}
		if got := ThreeQuartersOf(c.n); got != c.most {
			t.Errorf("ThreeQuartersOf(%d) = %d; want %d", c.n, got, c.most)
		}
	}
	for _, c := range []struct{ part, whole, want int }{{0, 0, 0}, {0, 5, 0}, {1, 3, 33}, {2, 3, 67}, {1, 8, 13}, {5, 5, 100}} {
		if got := Percent(c.part, c.whole); got != c.want {
			t.Errorf("Percent(%d, %d) = %d; want %d", c.part, c.whole, got, c.want)
		}
	}
}

// TestReport runs a 12-session group through the moments that matter.
func TestReport(t *testing.T) {
	sessions := weekly("2026-01-08", 12) // Thursdays
	// The day before session 6, and the day after the last session.
	week6 := day("2026-02-11").Add(12 * time.Hour)
	after := day("2026-03-27")
	cases := []struct {
		name    string
		parents []ReportParent
		now     time.Time
		held    int
		funnel  Funnel
		missed  []string
		session SessionAttendance // the latest held session's counts
	}{
		{
			name:    "before the first session",
			parents: []ReportParent{parent("a", ""), parent("b", "")},
			now:     day("2026-01-01"),
			funnel:  Funnel{Enrolled: 2, HalfNeeds: 6, CompleteNeeds: 9, HalfWithinReach: 2, CompleteWithinReach: 2},
		},
		{
			name: "week six: one parent has missed the last two",
			parents: []ReportParent{
				parent("a", "PPAPP"), parent("b", "PLPPP"), parent("c", "PPPNA"), parent("d", "PPPPP"),
			},
			now: week6, held: 5,
			funnel:  Funnel{Enrolled: 4, CameToFirst: 4, HalfNeeds: 6, CompleteNeeds: 9, HalfWithinReach: 4, CompleteWithinReach: 4, FirstHeld: true},
			missed:  []string{"c"},
			session: SessionAttendance{Number: 5, StartsAt: sessions[4].StartsAt, Present: 3, Apologies: 1},
		},
		{
			name: "nothing recorded is not missing, and one missed session is not two",
			parents: []ReportParent{
				parent("a", "PPPP-"), parent("b", "PPP-N"), parent("c", "PPPPN"), parent("d", "PPPN-"),
			},
			now: week6, held: 5,
			funnel:  Funnel{Enrolled: 4, CameToFirst: 4, HalfNeeds: 6, CompleteNeeds: 9, HalfWithinReach: 4, CompleteWithinReach: 4, FirstHeld: true},
			session: SessionAttendance{Number: 5, StartsAt: sessions[4].StartsAt, Present: 0, Absent: 2, NotRecorded: 2},
		},
		{
			name: "a withdrawn parent is enrolled but never listed, and cannot still complete",
			parents: []ReportParent{
				{EnrolmentID: "a", Withdrawn: true, Attendance: att("PPPNN")}, parent("b", "NPPNN"),
			},
			now: week6, held: 5,
			funnel:  Funnel{Enrolled: 2, CameToFirst: 1, HalfNeeds: 6, CompleteNeeds: 9, HalfWithinReach: 1, CompleteWithinReach: 1, FirstHeld: true},
			missed:  []string{"b"},
			session: SessionAttendance{Number: 5, StartsAt: sessions[4].StartsAt, Absent: 2},
		},
		{
			name: "late in the course, some can no longer reach a stage",
			parents: []ReportParent{
				parent("a", "PPPPPPPPPP"), parent("b", "PNNNNPNNNP"), parent("c", "PPPPPNNNNN"),
			},
			now: day("2026-03-14"), held: 10,
			// 2 left: b has 3 (can reach 6? 5 < 6 no; 9 no); c has 5 (half yes; 9 no).
			funnel:  Funnel{Enrolled: 3, CameToFirst: 3, CameToHalf: 1, HalfNeeds: 6, CompleteNeeds: 9, HalfWithinReach: 1, CompleteWithinReach: 1, FirstHeld: true},
			missed:  []string{"c"},
			session: SessionAttendance{Number: 10, StartsAt: sessions[9].StartsAt, Present: 2, Absent: 1},
		},
		{
			name: "finished: completed is counted",
			parents: []ReportParent{
				parent("a", "PPPPPPPPPLLL"), parent("b", "PPPPPPPPNNNN"), parent("c", "NPPPPPPPPPNN"),
				{EnrolmentID: "d", Withdrawn: true, Attendance: att("PPPPPPPPP")},
			},
			now: after, held: 12,
			funnel:  Funnel{Enrolled: 4, CameToFirst: 3, CameToHalf: 4, Completed: 3, HalfNeeds: 6, CompleteNeeds: 9, FirstHeld: true, Finished: true},
			missed:  []string{"b", "c"},
			session: SessionAttendance{Number: 12, StartsAt: sessions[11].StartsAt, Late: 1, Absent: 2},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ReportInput{Sessions: sessions, Parents: c.parents}.Report(c.now)
			if r.Held != c.held || r.Left != 12-c.held || r.Sessions != 12 || r.Finished != (c.held == 12) {
				t.Errorf("held %d, left %d of %d, finished %v; want %d held", r.Held, r.Left, r.Sessions, r.Finished, c.held)
			}
			if r.Funnel != c.funnel {
				t.Errorf("funnel\n got %+v\nwant %+v", r.Funnel, c.funnel)
			}
			if got := missedIDs(r); !reflect.DeepEqual(got, c.missed) {
				t.Errorf("missed the last two = %q; want %q", got, c.missed)
			}
			if len(r.BySession) != c.held {
				t.Fatalf("%d sessions in the attendance; want %d", len(r.BySession), c.held)
			}
			if c.held > 0 && r.BySession[c.held-1] != c.session {
				t.Errorf("latest session\n got %+v\nwant %+v", r.BySession[c.held-1], c.session)
			}
		})
	}
}

func TestReportParents(t *testing.T) {
	sessions := weekly("2026-01-08", 6)
	r := ReportInput{Sessions: sessions, Parents: []ReportParent{parent("a", "PLAN"), parent("b", "NNNN")}}.Report(day("2026-02-01"))
	want := []ParentAttendance{{EnrolmentID: "a", Came: 2, LastCame: 2, MissedLastTwo: true}, {EnrolmentID: "b", MissedLastTwo: true}}
	if !reflect.DeepEqual(r.Parents, want) {
		t.Errorf("parents\n got %+v\nwant %+v", r.Parents, want)
	}
	if got := r.BySession[1].Came(); got != 1 {
		t.Errorf("session 2: %d came; want 1 (late counts)", got)
	}
}

// TestReportMovedSession checks that "the last two" are the last two by
// date, when a session has been moved after a later-numbered one.
func TestReportMovedSession(t *testing.T) {
	sessions := weekly("2026-01-08", 4)
	sessions[1].StartsAt = sessions[2].StartsAt.Add(24 * time.Hour) // session 2 moved after session 3
	r := ReportInput{Sessions: sessions, Parents: []ReportParent{parent("a", "PNPN"), parent("b", "PPNP")}}.Report(day("2026-01-25"))
	if r.Held != 3 {
		t.Fatalf("held %d; want 3", r.Held)
	}
	if got := []int{r.BySession[0].Number, r.BySession[1].Number, r.BySession[2].Number}; !reflect.DeepEqual(got, []int{1, 3, 2}) {
		t.Errorf("sessions in date order = %v; want [1 3 2]", got)
	}
	// The last two held are 3 and 2: b missed 3 but came to 2; a came to 3.
	if got := missedIDs(r); got != nil {
		t.Errorf("missed the last two = %q; want none", got)
	}
}

func TestReportOneSessionHeld(t *testing.T) {
	r := ReportInput{Sessions: weekly("2026-01-08", 6), Parents: []ReportParent{parent("a", "N")}}.Report(day("2026-01-09"))
	if got := missedIDs(r); got != nil {
		t.Errorf("after one session, missed the last two = %q; want none", got)
	}
	if r.Funnel.CameToFirst != 0 || !r.Funnel.FirstHeld {
		t.Errorf("funnel %+v; want the first session held, no one at it", r.Funnel)
	}
}

func TestCompletionPercent(t *testing.T) {
	if _, ok := (Funnel{Enrolled: 5, Completed: 0}).CompletionPercent(); ok {
		t.Error("a running course has a completion rate")
	}
	if _, ok := (Funnel{Finished: true}).CompletionPercent(); ok {
		t.Error("a finished course with no one enrolled has a completion rate")
	}
	if p, ok := (Funnel{Finished: true, Enrolled: 8, Completed: 5}).CompletionPercent(); !ok || p != 63 {
		t.Errorf("5 of 8 = %d%%, %v; want 63%%", p, ok)
	}
}

func TestSummarise(t *testing.T) {
	s := Summarise([]Report{
		{Sessions: 12, Held: 12, Finished: true, Funnel: Funnel{Enrolled: 10, Completed: 6, Finished: true}},
		{Sessions: 8, Held: 8, Finished: true, Funnel: Funnel{Enrolled: 6, Completed: 3, Finished: true}},
		{Sessions: 12, Held: 5, Funnel: Funnel{Enrolled: 9}},
		{Sessions: 12, Held: 0, Funnel: Funnel{Enrolled: 4}},
	})
	want := Summary{Courses: 4, NotStarted: 1, Running: 1, Finished: 2, Enrolled: 16, Completed: 9}
	if s != want {
		t.Errorf("summary %+v; want %+v", s, want)
	}
	if p, ok := s.CompletionPercent(); !ok || p != 56 {
		t.Errorf("completion %d%%, %v; want 56%%", p, ok)
	}
	if _, ok := Summarise(nil).CompletionPercent(); ok {
		t.Error("no courses have a completion rate")
	}
}
