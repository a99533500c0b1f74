package family

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAge(t *testing.T) {
	today := day("2026-11-22")
	cases := map[string]string{
		"2026-11-08": "2 weeks",
		"2026-11-22": "0 weeks",
		"2026-10-22": "1 month",
		"2026-01-23": "9 months",
		"2025-11-22": "1 year, 0 months",
		"2025-05-01": "1 year, 6 months",
		"2024-11-22": "2 years",
		"2024-11-23": "1 year, 11 months",
		"2019-02-28": "7 years",
		"2008-11-23": "17 years",
		"2008-11-22": "18 years",
		"2027-01-01": "not born yet",
	}
	for dob, want := range cases {
		if got := Age(day(dob), today); got != want {
			t.Errorf("Age(%s) = %q, want %q", dob, got, want)
		}
	}
}

func TestDateFromParts(t *testing.T) {
	cases := []struct {
		d, m, y string
		want    string
		ok      bool
	}{
		{"27", "3", "2015", "2015-03-27", true},
		{" 1", "01", "2020 ", "2020-01-01", true},
		{"", "", "", "", true},
		{"31", "2", "2015", "", false},
		{"29", "2", "2024", "2024-02-29", true},
		{"29", "2", "2023", "", false},
		{"1", "13", "2015", "", false},
		{"x", "3", "2015", "", false},
		{"1", "3", "15", "", false},
	}
	for _, c := range cases {
		got, ok := DateFromParts(c.d, c.m, c.y)
		if got != c.want || ok != c.ok {
			t.Errorf("DateFromParts(%q,%q,%q) = %q,%v; want %q,%v", c.d, c.m, c.y, got, ok, c.want, c.ok)
		}
	}
}

func TestMemberProblems(t *testing.T) {
	today := day("2026-11-22")
	ok := Member{Kind: Child, Name: "Maya", DateOfBirth: "2016-04-02"}
	if p := ok.Problems(today); len(p) != 0 {
		t.Errorf("a good child has problems: %v", p)
	}
	cases := []struct {
		m     Member
		field string
	}{
		{Member{Kind: Child, Name: " ", DateOfBirth: "2016-04-02"}, "name"},
		{Member{Kind: Child, Name: "Maya"}, "dob"},
		{Member{Kind: Child, Name: "Maya", DateOfBirth: "2027-01-01"}, "dob"},
		{Member{Kind: Child, Name: "Maya", DateOfBirth: "1850-01-01"}, "dob"},
		{Member{Kind: Child, Name: "Maya", DateOfBirth: "not a date"}, "dob"},
	}
	for _, c := range cases {
		if _, bad := c.m.Problems(today)[c.field]; !bad {
			t.Errorf("%+v: no problem with %s", c.m, c.field)
		}
	}
	if p := (Member{Kind: Carer, Name: "Sam"}).Problems(today); len(p) != 0 {
		t.Errorf("a carer without a date of birth has problems: %v", p)
	}
}

func TestSortPutsChildrenFirstOldestFirst(t *testing.T) {
	members := []Member{
		{Kind: Outside, Name: "Nan"},
		{Kind: Carer, Name: "Sam"},
		{Kind: Child, Name: "Ben", DateOfBirth: "2020-01-01"},
		{Kind: Household, Name: "Lodger"},
		{Kind: Child, Name: "Amy", DateOfBirth: "2014-06-01"},
		{Kind: Carer, Name: "Alex"},
	}
	Sort(members)
	var got []string
	for _, m := range members {
		got = append(got, m.Name)
	}
	want := []string{"Amy", "Ben", "Alex", "Sam", "Lodger", "Nan"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}

func TestSummary(t *testing.T) {
	if p := (Summary{}).Problems(); p["worried"] == "" {
		t.Error("an empty summary was accepted")
	}
	a := Summary{Worried: "Maya has missed school.", WorkingWell: "Nan helps every day. "}
	if p := a.Problems(); len(p) != 0 {
		t.Errorf("a good summary has problems: %v", p)
	}
	if !a.Same(Summary{Worried: " Maya has missed school.", WorkingWell: "Nan helps every day."}) {
		t.Error("spaces at the ends made a difference")
	}
	if a.Same(Summary{Worried: "Maya has missed school."}) {
		t.Error("a removed column made no difference")
	}
}
