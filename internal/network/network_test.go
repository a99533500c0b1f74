package network

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSupporterProblems(t *testing.T) {
	ok := Supporter{Name: "Auntie Jo", Relationship: "My sister", Contact: "07700 900123", Roles: []Role{TelephoneRound, SitIn}, Agreement: Agreed}
	for _, tc := range []struct {
		name string
		edit func(*Supporter)
		want []string
	}{
		{"complete", func(*Supporter) {}, nil},
		{"only a name and an answer", func(s *Supporter) { *s = Supporter{Name: "Jo", Agreement: NotAsked} }, nil},
		{"said no is not a problem", func(s *Supporter) { s.Agreement = SaidNo }, nil},
		{"no name", func(s *Supporter) { s.Name = "  " }, []string{FieldName}},
		{"long name", func(s *Supporter) { s.Name = strings.Repeat("a", maxName+1) }, []string{FieldName}},
		{"name at the limit", func(s *Supporter) { s.Name = strings.Repeat("é", maxName) }, nil},
		{"long relationship", func(s *Supporter) { s.Relationship = strings.Repeat("a", maxName+1) }, []string{FieldRelationship}},
		{"long contact", func(s *Supporter) { s.Contact = strings.Repeat("1", maxContact+1) }, []string{FieldContact}},
		{"unknown role", func(s *Supporter) { s.Roles = []Role{"boss"} }, []string{FieldRoles}},
		{"a role twice", func(s *Supporter) { s.Roles = []Role{SitIn, SitIn} }, []string{FieldRoles}},
		{"no answer", func(s *Supporter) { s.Agreement = "" }, []string{FieldAgreement}},
		{"unknown answer", func(s *Supporter) { s.Agreement = "refused" }, []string{FieldAgreement}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := ok
			tc.edit(&s)
			got := slices.Sorted(maps.Keys(s.Problems()))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Problems() fields = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSupporterTrimmed(t *testing.T) {
	s := Supporter{Name: " Jo ", Relationship: " sister\n", Contact: " jo@example.org ", Roles: []Role{Supervision, TelephoneRound}}.Trimmed()
	if s.Name != "Jo" || s.Relationship != "sister" || s.Contact != "jo@example.org" || !slices.Equal(s.Roles, []Role{TelephoneRound, Supervision}) {
		t.Errorf("Trimmed() = %+v", s)
	}
	if !s.Has(Supervision) || s.Has(SitIn) {
		t.Error("Has() is wrong")
	}
}

func TestContactProblems(t *testing.T) {
	const today = "2026-11-03"
	for _, tc := range []struct {
		on, about string
		want      []string
	}{
		{"2026-11-03", "Told her about Tuesday", nil},
		{"2026-01-30", "Asked if she could come on Friday", nil},
		{"2026-11-04", "Tomorrow", []string{FieldOn}},
		{"", "No date", []string{FieldOn}},
		{"2026-02-30", "Not a day", []string{FieldOn}},
		{"0026-02-03", "Too long ago", []string{FieldOn}},
		{"2026-11-01", " ", []string{FieldAbout}},
		{"2026-11-01", strings.Repeat("a", maxAbout+1), []string{FieldAbout}},
	} {
		got := slices.Sorted(maps.Keys(Contact{On: tc.on, About: tc.about}.Problems(today)))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Contact{%q, %q}.Problems() fields = %q, want %q", tc.on, tc.about, got, tc.want)
		}
	}
}

func TestRoundProblems(t *testing.T) {
	now := time.Date(2026, 11, 3, 22, 0, 0, 0, time.UTC)
	ok := Round{At: now.Add(-time.Hour), Why: "Sam had not come home by ten", Calls: []Call{
		{SupporterID: "s1", Name: "Auntie Jo", Outcome: ReachedHelped},
		{Name: "Kai's mum", Outcome: NoAnswer},
		{}, // a spare row
	}}
	for _, tc := range []struct {
		name string
		edit func(*Round)
		want []string
	}{
		{"complete", func(*Round) {}, nil},
		{"started just now", func(r *Round) { r.At = now }, nil},
		{"no time", func(r *Round) { r.At = time.Time{} }, []string{FieldWhen}},
		{"in the future", func(r *Round) { r.At = now.Add(time.Minute) }, []string{FieldWhen}},
		{"no reason", func(r *Round) { r.Why = "\n" }, []string{FieldWhy}},
		{"long reason", func(r *Round) { r.Why = strings.Repeat("a", maxWhy+1) }, []string{FieldWhy}},
		{"no calls", func(r *Round) { r.Calls = nil }, []string{"call-1-who"}},
		{"only blank calls", func(r *Round) { r.Calls = []Call{{}, {}} }, []string{"call-1-who"}},
		{"a call to no one", func(r *Round) { r.Calls[1].Name = " " }, []string{"call-2-who"}},
		{"a call with no outcome", func(r *Round) { r.Calls[0].Outcome = "" }, []string{"call-1-outcome"}},
		{"an unknown outcome", func(r *Round) { r.Calls[0].Outcome = "hung-up" }, []string{"call-1-outcome"}},
		{"something else, unsaid", func(r *Round) { r.Calls[1].Outcome = OtherOutcome }, []string{"call-2-note"}},
		{"something else, said", func(r *Round) { r.Calls[1].Outcome, r.Calls[1].Note = OtherOutcome, "Said to try her brother" }, nil},
		{"a note with no answer is fine", func(r *Round) { r.Calls[1].Note = "Left a message" }, nil},
		{"a long note", func(r *Round) { r.Calls[0].Note = strings.Repeat("a", maxNote+1) }, []string{"call-1-note"}},
		{"a long name", func(r *Round) { r.Calls[1].Name = strings.Repeat("a", maxName+1) }, []string{"call-2-name"}},
		{"a spare row first", func(r *Round) { r.Calls = append([]Call{{}}, r.Calls...) }, nil},
		{"too many calls", func(r *Round) {
			r.Calls = slices.Repeat([]Call{{Name: "Jo", Outcome: NoAnswer}}, MaxCalls+1)
		}, []string{"call-21-who"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			r.Calls = slices.Clone(ok.Calls)
			tc.edit(&r)
			got := slices.Sorted(maps.Keys(r.Problems(now)))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Problems() fields = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRoundTrimmed(t *testing.T) {
	r := Round{Why: " Late home \n", Calls: []Call{{}, {Name: " Jo ", Outcome: NoAnswer, Note: " left a message "}, {Note: " "}}}.Trimmed()
	if r.Why != "Late home" || len(r.Calls) != 1 || r.Calls[0].Name != "Jo" || r.Calls[0].Note != "left a message" {
		t.Errorf("Trimmed() = %+v", r)
	}
	r.Calls = append(r.Calls, Call{Name: "Nan", Outcome: ReachedHelped}, Call{Name: "Kai", Outcome: ReachedHelped})
	if r.Reached() != 2 {
		t.Errorf("Reached() = %d, want 2", r.Reached())
	}
}

// TestLabels checks every option has plain words of its own, and that a
// "no" is never shown in a colour that reads as a fault.
func TestLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Roles() {
		if !r.Valid() || r.Label() == string(r) || r.Short() == string(r) || seen[r.Label()] {
			t.Errorf("role %q has no label of its own", r)
		}
		seen[r.Label()] = true
	}
	for _, a := range Agreements() {
		if !a.Valid() || a.Label() == string(a) || a.Tag() == string(a) {
			t.Errorf("answer %q has no label", a)
		}
		if a.Colour() == "red" || a.Colour() == "orange" {
			t.Errorf("answer %q is shown in %s", a, a.Colour())
		}
	}
	for _, o := range Outcomes() {
		if !o.Valid() || o.Label() == string(o) {
			t.Errorf("outcome %q has no label", o)
		}
	}
	if Role("x").Valid() || Agreement("x").Valid() || Outcome("x").Valid() {
		t.Error("unknown values are valid")
	}
}
