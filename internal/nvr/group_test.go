package nvr

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the UK zone, even where the system has no zone files
)

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func validCourse() Course {
	return Course{
		Name: "Tuesday evening group", Kind: Group, TemplateID: "tpl", TemplateVersion: 1,
		Capacity: DefaultCapacity, Venue: "Family centre, room 2",
		Schedule: Schedule{Start: day("2026-11-24"), Weekday: time.Tuesday, Time: "18:30"},
	}
}

func TestCourseProblems(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Course)
		want   map[string]string // field -> part of the message
	}{
		{"valid", func(*Course) {}, nil},
		{"no name", func(c *Course) { c.Name = " " }, map[string]string{FieldName: "Enter a name"}},
		{"long name", func(c *Course) { c.Name = strings.Repeat("a", 121) }, map[string]string{FieldName: "120 characters"}},
		{"unknown kind", func(c *Course) { c.Kind = "class" }, map[string]string{FieldKind: "parent group or one to one"}},
		{"no template", func(c *Course) { c.TemplateID = "" }, map[string]string{FieldTemplate: "Choose the programme"}},
		{"no version", func(c *Course) { c.TemplateVersion = 0 }, map[string]string{FieldTemplate: "Choose the programme"}},
		{"no start", func(c *Course) { c.Schedule.Start = time.Time{} }, map[string]string{FieldStart: "Enter the date"}},
		{"start on the wrong day", func(c *Course) { c.Schedule.Start = day("2026-11-23") }, map[string]string{FieldStart: "must be on a Tuesday: 23 November 2026 is a Monday"}},
		{"bad weekday", func(c *Course) { c.Schedule.Weekday = 9 }, map[string]string{FieldWeekday: "day of the week", FieldStart: "must be on a"}},
		{"no time", func(c *Course) { c.Schedule.Time = "" }, map[string]string{FieldTime: "24-hour clock"}},
		{"time without colon", func(c *Course) { c.Schedule.Time = "1830" }, map[string]string{FieldTime: "24-hour clock"}},
		{"time out of range", func(c *Course) { c.Schedule.Time = "25:00" }, map[string]string{FieldTime: "24-hour clock"}},
		{"short time", func(c *Course) { c.Schedule.Time = "9:30" }, map[string]string{FieldTime: "24-hour clock"}},
		{"capacity 0", func(c *Course) { c.Capacity = 0 }, map[string]string{FieldCapacity: "from 1 to 30"}},
		{"capacity 31", func(c *Course) { c.Capacity = 31 }, map[string]string{FieldCapacity: "from 1 to 30"}},
		{"capacity 30", func(c *Course) { c.Capacity = 30 }, nil},
		{"one to one with one", func(c *Course) { c.Kind, c.Capacity = OneToOne, 1 }, nil},
		{"one to one with two", func(c *Course) { c.Kind, c.Capacity = OneToOne, 2 }, map[string]string{FieldCapacity: "one family"}},
		{"skip not a date", func(c *Course) { c.Schedule.Skip = []time.Time{{}} }, map[string]string{FieldSkip: "real date"}},
		{"skip before start", func(c *Course) { c.Schedule.Skip = []time.Time{day("2026-11-17")} }, map[string]string{FieldSkip: "before the first session"}},
		{"skip fine", func(c *Course) { c.Schedule.Skip = []time.Time{day("2026-12-29")} }, nil},
		{"skip on another weekday", func(c *Course) { c.Schedule.Skip = []time.Time{day("2026-12-28")} }, map[string]string{FieldSkip: "28 December 2026 is a Monday, but the group meets on Tuesdays"}},
		{"long venue", func(c *Course) { c.Venue = strings.Repeat("v", 501) }, map[string]string{FieldVenue: "500 characters"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			course := validCourse()
			c.change(&course)
			got := course.Problems()
			if len(got) != len(c.want) {
				t.Fatalf("Problems() = %v; want %d problems", got, len(c.want))
			}
			for field, part := range c.want {
				if !strings.Contains(got[field], part) {
					t.Errorf("Problems()[%q] = %q; want it to say %q", field, got[field], part)
				}
			}
		})
	}
}

func TestScheduleDates(t *testing.T) {
	start := day("2026-11-23") // a Monday
	cases := []struct {
		name string
		skip []time.Time
		n    int
		want []string
	}{
		{"weekly", nil, 3, []string{"2026-11-23", "2026-11-30", "2026-12-07"}},
		{"one week skipped", []time.Time{day("2026-11-30")}, 3, []string{"2026-11-23", "2026-12-07", "2026-12-14"}},
		{"start skipped", []time.Time{day("2026-11-23")}, 2, []string{"2026-11-30", "2026-12-07"}},
		{"holidays", []time.Time{day("2026-12-21"), day("2026-12-28")}, 6, []string{"2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2027-01-04", "2027-01-11"}},
		{"skip on another weekday is ignored", []time.Time{day("2026-11-24")}, 2, []string{"2026-11-23", "2026-11-30"}},
		{"skip with a time of day", []time.Time{day("2026-11-30").Add(18 * time.Hour)}, 2, []string{"2026-11-23", "2026-12-07"}},
		{"none", nil, 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Schedule{Start: start, Weekday: time.Monday, Time: "10:00", Skip: c.skip}
			got := s.Dates(c.n)
			var gotS []string
			for _, d := range got {
				gotS = append(gotS, d.Format("2006-01-02"))
			}
			if strings.Join(gotS, ",") != strings.Join(c.want, ",") {
				t.Errorf("Dates(%d) = %v; want %v", c.n, gotS, c.want)
			}
		})
	}
}

func TestScheduleTimes(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatalf("the UK time zone: %v", err)
	}
	s := Schedule{Start: day("2026-10-19"), Weekday: time.Monday, Time: "18:30"}
	got := s.Times(2, london)
	// The clocks go back on 25 October 2026: the local time stays 18:30.
	if got[0].UTC().Format("15:04") != "17:30" || got[1].UTC().Format("15:04") != "18:30" {
		t.Errorf("Times = %v; want 18:30 London time each week", got)
	}
}

func TestParseSkipDates(t *testing.T) {
	got := ParseSkipDates("30/11/2026\n\n 2026-12-28 \nnext week\n")
	if len(got) != 3 || !got[0].Equal(day("2026-11-30")) || !got[1].Equal(day("2026-12-28")) || !got[2].IsZero() {
		t.Errorf("ParseSkipDates = %v", got)
	}
}

func TestCanEnrol(t *testing.T) {
	ok := EnrolmentCheck{Kind: Group, Capacity: 12, Enrolled: 3, InScope: true, Consent: true}
	cases := []struct {
		name   string
		change func(*EnrolmentCheck)
		want   string // "" when allowed
	}{
		{"allowed", func(*EnrolmentCheck) {}, ""},
		{"no consent", func(c *EnrolmentCheck) { c.Consent = false }, "Record the family's consent to share with the group first"},
		{"not in scope", func(c *EnrolmentCheck) { c.InScope = false }, "families you work with"},
		{"twice", func(c *EnrolmentCheck) { c.AlreadyEnrolled = true }, "already enrolled"},
		{"full", func(c *EnrolmentCheck) { c.Enrolled = 12 }, "The group is full: it takes 12 families"},
		{"last place", func(c *EnrolmentCheck) { c.Enrolled = 11 }, ""},
		{"one to one, first", func(c *EnrolmentCheck) { c.Kind, c.Capacity, c.Enrolled = OneToOne, 1, 0 }, ""},
		{"one to one, second", func(c *EnrolmentCheck) { c.Kind, c.Capacity, c.Enrolled = OneToOne, 5, 1 }, "One-to-one work is with one family"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			check := ok
			c.change(&check)
			allowed, reason := CanEnrol(check)
			if allowed != (c.want == "") || !strings.Contains(reason, c.want) {
				t.Errorf("CanEnrol = %v, %q; want %q", allowed, reason, c.want)
			}
		})
	}
}

func TestAttendance(t *testing.T) {
	for _, a := range Attendances() {
		if !a.Valid() || a.Label() == string(a) {
			t.Errorf("%q: valid %v, label %q", a, a.Valid(), a.Label())
		}
	}
	if Attendance("maybe").Valid() || !Late.Came() || Apologies.Came() || Absent.Came() || !Present.Came() {
		t.Error("attendance rules")
	}
}
