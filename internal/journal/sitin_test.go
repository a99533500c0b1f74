package journal

import (
	"strings"
	"testing"
	"time"
)

func TestSitInPlanProblems(t *testing.T) {
	now := time.Date(2026, 11, 22, 18, 0, 0, 0, time.UTC)
	moment := &Entry{ID: "m1", FamilyID: "f1", Kind: HardMoment, OccurredAt: now.Add(-48 * time.Hour)}
	good := SitIn{FamilyID: "f1", Status: SitInPlanned, EntryID: "m1", PlannedFor: now.Add(24 * time.Hour), With: "Nan", WillSay: DefaultWillSay}
	cases := []struct {
		name   string
		change func(*SitIn) *Entry
		field  string // "" for no problems
	}{
		{"a good plan", func(*SitIn) *Entry { return moment }, ""},
		{"planned for later today", func(s *SitIn) *Entry { s.PlannedFor = now.Add(time.Hour); return moment }, ""},
		{"planned on the evening of the hard moment's day", func(s *SitIn) *Entry { s.PlannedFor = moment.OccurredAt.Add(time.Hour); return moment }, ""},
		{"no hard moment chosen", func(s *SitIn) *Entry { s.EntryID = ""; return nil }, FieldSitInEntry},
		{"a hard moment not found", func(*SitIn) *Entry { return nil }, FieldSitInEntry},
		{"another family's hard moment", func(*SitIn) *Entry { m := *moment; m.FamilyID = "f2"; return &m }, FieldSitInEntry},
		{"an entry that is not a hard moment", func(*SitIn) *Entry { m := *moment; m.Kind = Gesture; return &m }, FieldSitInEntry},
		{"a different entry than chosen", func(*SitIn) *Entry { m := *moment; m.ID = "m2"; return &m }, FieldSitInEntry},
		{"no date", func(s *SitIn) *Entry { s.PlannedFor = time.Time{}; return moment }, FieldSitInWhen},
		{"too far ahead", func(s *SitIn) *Entry { s.PlannedFor = now.AddDate(0, 4, 0); return moment }, FieldSitInWhen},
		{"before the hard moment", func(s *SitIn) *Entry { s.PlannedFor = moment.OccurredAt.AddDate(0, 0, -2); return moment }, FieldSitInWhen},
		{"no one with them", func(s *SitIn) *Entry { s.With = "  "; return moment }, FieldSitInWith},
		{"nothing to say", func(s *SitIn) *Entry { s.WillSay = ""; return moment }, FieldSitInWillSay},
		{"far too much to say", func(s *SitIn) *Entry { s.WillSay = strings.Repeat("a", 2001); return moment }, FieldSitInWillSay},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := good
			m := c.change(&s)
			p := s.PlanProblems(now, m)
			if c.field == "" && len(p) != 0 {
				t.Fatalf("problems %v; want none", p)
			}
			if c.field != "" && (p[c.field] == "" || len(p) != 1) {
				t.Fatalf("problems %v; want one at %q", p, c.field)
			}
		})
	}
}

func TestSitInDoneProblems(t *testing.T) {
	now := time.Date(2026, 11, 22, 18, 0, 0, 0, time.UTC)
	moment := &Entry{ID: "m1", FamilyID: "f1", Kind: HardMoment, OccurredAt: now.Add(-72 * time.Hour)}
	good := SitIn{FamilyID: "f1", Status: SitInDone, EntryID: "m1", DoneAt: now.Add(-24 * time.Hour), Minutes: 40, Said: "We are here."}
	cases := []struct {
		name   string
		change func(*SitIn)
		field  string
	}{
		{"a good record with no proposal", func(*SitIn) {}, ""},
		{"with the child's proposal", func(s *SitIn) { s.Proposal = "They will pay for the door from their pocket money" }, ""},
		{"one minute", func(s *SitIn) { s.Minutes = 1 }, ""},
		{"the longest", func(s *SitIn) { s.Minutes = MaxSitInMinutes }, ""},
		{"no date", func(s *SitIn) { s.DoneAt = time.Time{} }, FieldSitInWhen},
		{"in the future", func(s *SitIn) { s.DoneAt = now.Add(time.Hour) }, FieldSitInWhen},
		{"before the hard moment", func(s *SitIn) { s.DoneAt = now.AddDate(0, 0, -5) }, FieldSitInWhen},
		{"no minutes", func(s *SitIn) { s.Minutes = 0 }, FieldSitInMinutes},
		{"too long", func(s *SitIn) { s.Minutes = MaxSitInMinutes + 1 }, FieldSitInMinutes},
		{"nothing said", func(s *SitIn) { s.Said = " " }, FieldSitInSaid},
		{"a proposal far too long", func(s *SitIn) { s.Proposal = strings.Repeat("b", 2001) }, FieldSitInProposal},
		{"another family's hard moment", func(s *SitIn) { s.FamilyID = "f2" }, FieldSitInEntry},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := good
			c.change(&s)
			p := s.DoneProblems(now, moment)
			if c.field == "" && len(p) != 0 {
				t.Fatalf("problems %v; want none", p)
			}
			if c.field != "" && (p[c.field] == "" || len(p) != 1) {
				t.Fatalf("problems %v; want one at %q", p, c.field)
			}
		})
	}
}

func TestSitInStatusAndSummary(t *testing.T) {
	for _, c := range []struct {
		status SitInStatus
		valid  bool
		change string // "" when it can change
	}{
		{SitInPlanned, true, ""},
		{SitInDone, true, "kept"},
		{"cancelled", false, ""},
	} {
		if c.status.Valid() != c.valid {
			t.Errorf("%q.Valid() = %v", c.status, !c.valid)
		}
		if why := (SitIn{Status: c.status}).CanChange(); (why == "") != (c.change == "") || !strings.Contains(why, c.change) {
			t.Errorf("%q.CanChange() = %q", c.status, why)
		}
	}
	done := SitIn{Status: SitInDone, Minutes: 30, Said: "We are here."}
	if got := done.Summary(); !strings.HasPrefix(got, "30 minutes") || !strings.Contains(got, "No proposal") {
		t.Errorf("Summary = %q", got)
	}
	done.Proposal = "Fix the door"
	if got := done.Summary(); !strings.Contains(got, "proposal: Fix the door") {
		t.Errorf("Summary = %q", got)
	}
}
