// Package family holds the rules of a family's record: who is in the
// household, children first; how ages are shown; the three plain-word columns
// of worries, strengths and next steps. It imports no storage and no HTTP.
package family

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is how a person stands in a family's record.
type Kind string

// The kinds of people in a family's record, in the order a family page shows them.
const (
	Child     Kind = "child"
	Carer     Kind = "carer"     // a parent or carer
	Household Kind = "household" // someone else living in the home
	Outside   Kind = "outside"   // an important person outside the home
)

// Kinds lists every kind, children first.
func Kinds() []Kind { return []Kind{Child, Carer, Household, Outside} }

// ParseKind turns stored or submitted text into a Kind.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds() {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("family: unknown kind of person %q", s)
}

// Label is the kind's plain name, for headings.
func (k Kind) Label() string {
	switch k {
	case Child:
		return "Child"
	case Carer:
		return "Parent or carer"
	case Household:
		return "Someone else in the home"
	case Outside:
		return "Important person outside the home"
	}
	return string(k)
}

// Member is a person in a family's record.
type Member struct {
	ID           string
	FamilyID     string
	Kind         Kind
	Name         string
	DateOfBirth  string // YYYY-MM-DD, or "" when not known
	School       string // school or setting, for children
	WhatMatters  string // what matters to them, in their words where possible
	Relationship string // their relationship to the children
	Languages    string
	Interpreter  bool
	Access       string // accessibility needs
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Limits on what a member's fields hold.
const (
	maxName = 200
	maxText = 2000
)

// Problems returns what is wrong with a member, by form field, with messages
// that say how to put it right. An empty map means it can be saved.
func (m Member) Problems(today time.Time) map[string]string {
	p := map[string]string{}
	name := strings.TrimSpace(m.Name)
	switch {
	case name == "":
		p["name"] = "Enter their name"
	case utf8.RuneCountInString(name) > maxName:
		p["name"] = fmt.Sprintf("Name must be %d characters or fewer", maxName)
	}
	if m.DateOfBirth != "" {
		dob, err := ParseDate(m.DateOfBirth)
		switch {
		case err != nil:
			p["dob"] = "Enter a real date of birth, for example 27 3 2015"
		case dob.After(today):
			p["dob"] = "Date of birth must be today or in the past"
		case today.Year()-dob.Year() > 120:
			p["dob"] = "Check the year of birth"
		}
	}
	if m.Kind == Child && m.DateOfBirth == "" && p["dob"] == "" {
		p["dob"] = "Enter the child's date of birth. If it is not known, give your best estimate and say so in what matters to them"
	}
	for field, v := range map[string]string{"school": m.School, "what-matters": m.WhatMatters, "relationship": m.Relationship,
		"languages": m.Languages, "access": m.Access} {
		if utf8.RuneCountInString(v) > maxText {
			p[field] = fmt.Sprintf("Keep this to %d characters or fewer", maxText)
		}
	}
	return p
}

// ParseDate reads a date of birth as stored: YYYY-MM-DD.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("family: date %q: %w", s, err)
	}
	return t, nil
}

// DateFromParts builds a stored date from the day, month and year typed into
// a GOV.UK date input, or returns "" and false when they do not make a date.
func DateFromParts(day, month, year string) (string, bool) {
	day, month, year = strings.TrimSpace(day), strings.TrimSpace(month), strings.TrimSpace(year)
	if day == "" && month == "" && year == "" {
		return "", true
	}
	var d, mo, y int
	if _, err := fmt.Sscanf(day+" "+month+" "+year, "%d %d %d", &d, &mo, &y); err != nil || y < 1000 || y > 9999 {
		return "", false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != mo {
		return "", false // 31 February and the like
	}
	return t.Format("2006-01-02"), true
}

// Age describes how old someone born on dob is on today, the way people say
// it: "3 weeks", "10 months", "1 year", "7 years".
func Age(dob, today time.Time) string {
	if today.Before(dob) {
		return "not born yet"
	}
	beforeBirthday := today.Month() < dob.Month() || today.Month() == dob.Month() && today.Day() < dob.Day()
	years := today.Year() - dob.Year()
	if beforeBirthday {
		years--
	}
	if years >= 2 {
		return plural(years, "year")
	}
	months := (today.Year()-dob.Year())*12 + int(today.Month()) - int(dob.Month())
	if today.Day() < dob.Day() {
		months--
	}
	if months >= 1 {
		if months >= 12 && months < 24 {
			return plural(1, "year") + ", " + plural(months-12, "month")
		}
		return plural(months, "month")
	}
	return plural(int(today.Sub(dob).Hours()/24/7), "week")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// Sort orders members as a family page shows them: children first, oldest
// first, then parents and carers, others in the home, and people outside it,
// each by name.
func Sort(members []Member) {
	rank := map[Kind]int{Child: 0, Carer: 1, Household: 2, Outside: 3}
	sort.SliceStable(members, func(i, j int) bool {
		a, b := members[i], members[j]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		if a.Kind == Child && a.DateOfBirth != b.DateOfBirth {
			return a.DateOfBirth < b.DateOfBirth // earlier birth, older child
		}
		return a.Name < b.Name
	})
}
