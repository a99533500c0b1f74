package nvr

import (
	"strings"
	"testing"
	"time"
)

func TestSupportersPlanIsComplete(t *testing.T) {
	s, err := SupportersPlan()
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Supporters' session" || len(s.Aims) < 2 || len(s.Plan) < 4 || s.TotalMinutes() < 60 || len(s.HandoutBlocks()) < 5 {
		t.Errorf("SupportersPlan = %q, %d aims, %d activities over %d minutes, %d handout blocks",
			s.Title, len(s.Aims), len(s.Plan), s.TotalMinutes(), len(s.HandoutBlocks()))
	}
}

func TestWithdrawalNeedsAReason(t *testing.T) {
	if pr := WithdrawalProblems("  "); pr[FieldReason] == "" {
		t.Errorf("an empty reason was accepted")
	}
	if pr := WithdrawalProblems(strings.Repeat("a", maxReason+1)); pr[FieldReason] == "" {
		t.Errorf("a reason over the limit was accepted")
	}
	if pr := WithdrawalProblems("Moved to another county"); len(pr) != 0 {
		t.Errorf("a plain reason: %v", pr)
	}
}

func TestMoveKeepsTheSessionsInOrder(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2026, 12, day, 18, 30, 0, 0, time.UTC) }
	cases := []struct {
		name              string
		to, before, after time.Time
		reason            string
		field             string // the field refused, or "" for none
	}{
		{"between its neighbours", at(10), at(3), at(17), "Venue closed", ""},
		{"the first session, earlier", at(1), time.Time{}, at(17), "Venue closed", ""},
		{"the last session, later", at(30), at(3), time.Time{}, "Venue closed", ""},
		{"onto the session before", at(3), at(3), at(17), "Venue closed", FieldDate},
		{"before the session before", at(2), at(3), at(17), "Venue closed", FieldDate},
		{"onto the session after", at(17), at(3), at(17), "Venue closed", FieldDate},
		{"no date", time.Time{}, at(3), at(17), "Venue closed", FieldDate},
		{"no reason", at(10), at(3), at(17), " ", FieldReason},
	}
	for _, c := range cases {
		pr := MoveProblems(c.to, c.before, c.after, c.reason)
		if c.field == "" && len(pr) != 0 {
			t.Errorf("%s: refused: %v", c.name, pr)
		}
		if c.field != "" && pr[c.field] == "" {
			t.Errorf("%s: %s not refused (%v)", c.name, c.field, pr)
		}
	}
}

func TestAGroupKeepsOneFacilitator(t *testing.T) {
	one := Course{Facilitators: []string{"f1"}, CoFacilitators: []string{"c1"}}
	two := Course{Facilitators: []string{"f1", "f2"}}
	if RemoveStaffProblem(one, "f1") == "" {
		t.Error("the only facilitator could be taken off")
	}
	if p := RemoveStaffProblem(one, "c1"); p != "" {
		t.Errorf("a co-facilitator: %s", p)
	}
	if p := RemoveStaffProblem(two, "f2"); p != "" {
		t.Errorf("one of two facilitators: %s", p)
	}
	if RemoveStaffProblem(one, "stranger") == "" {
		t.Error("someone not on the staff could be taken off")
	}
}

func TestCatchUps(t *testing.T) {
	when := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if pr := CatchUpProblems(ByPhone, when, false, ""); len(pr) != 0 {
		t.Errorf("arranging a phone call: %v", pr)
	}
	if pr := CatchUpProblems(ByVideo, when, true, ""); pr["note"] == "" {
		t.Error("a catch-up was recorded without a note")
	}
	if pr := CatchUpProblems("carrier pigeon", time.Time{}, false, ""); pr[FieldHow] == "" || pr[FieldDate] == "" {
		t.Errorf("an unknown way and no date: %v", pr)
	}
	for _, a := range Attendances() {
		if a.Missed() == a.Came() {
			t.Errorf("%s: missed and came must be opposites", a)
		}
	}
	for _, h := range CatchUpWays() {
		if !h.Valid() || h.Label() == string(h) {
			t.Errorf("%s: not a labelled way", h)
		}
	}
}
