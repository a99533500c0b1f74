package nvr

import (
	"sort"
	"time"
)

// ReportSession is one session of a course, as a report needs it.
type ReportSession struct {
	Number   int
	StartsAt time.Time
}

// ReportParent is one enrolled parent, as a report needs them: their
// attendance by session number, as recorded. A session with no entry has
// nothing recorded.
type ReportParent struct {
	EnrolmentID string
	// Withdrawn is true for a parent who has left the course. They still
	// count as enrolled in the funnel, but are never listed as having
	// missed sessions: there is no one to reach out to about the group.
	Withdrawn  bool
	Attendance map[int]Attendance
}

// ReportInput is everything a course's report is drawn from: its sessions
// (all of them, held or not) and its parents.
type ReportInput struct {
	Sessions []ReportSession
	Parents  []ReportParent
}

// Report is a course's attendance, its funnel and the parents someone
// might reach out to, as they stand at one moment.
type Report struct {
	// Sessions is how many sessions the programme has; Held how many have
	// started by now; Left how many have not.
	Sessions, Held, Left int
	// Finished is true once the last session has been held.
	Finished bool
	// BySession is the attendance at each session held, in date order.
	BySession []SessionAttendance
	Funnel    Funnel
	// Parents has one row for each parent, in the input's order.
	Parents []ParentAttendance
}

// SessionAttendance counts the parents at one held session by what was
// recorded. NotRecorded counts the parents still on the course with
// nothing recorded for the session; withdrawn parents with nothing
// recorded are not counted anywhere.
type SessionAttendance struct {
	Number                                        int
	StartsAt                                      time.Time
	Present, Late, Apologies, Absent, NotRecorded int
}

// Came is how many parents came, on time or late.
func (s SessionAttendance) Came() int { return s.Present + s.Late }

// ParentAttendance sums up one parent's attendance at the sessions held.
type ParentAttendance struct {
	EnrolmentID string
	Withdrawn   bool
	// Came is how many held sessions they came to, on time or late.
	Came int
	// LastCame is the number of the latest held session they came to, or 0.
	LastCame int
	// MissedLastTwo: see Report.MissedLastTwo.
	MissedLastTwo bool
}

// Funnel follows the parents through a course, from enrolling to
// completing it.
//
//   - Enrolled: every parent enrolled, withdrawn or not.
//   - CameToFirst: came (on time or late) to the first session, once it has
//     been held.
//   - CameToHalf: came to at least HalfNeeds sessions, half of the
//     programme's sessions rounded up, counted as soon as they have.
//   - Completed: came to at least CompleteNeeds sessions, three quarters of
//     the programme's sessions rounded up. It is counted only once the last
//     session has been held (Finished); until then it is 0, which is not a
//     result, and CompleteWithinReach says how many can still complete.
//
// Sessions with nothing recorded count as not coming: the funnel counts
// what was recorded. A withdrawn parent counts in every stage they
// reached before leaving.
type Funnel struct {
	Enrolled, CameToFirst, CameToHalf, Completed int
	// HalfNeeds and CompleteNeeds are how many sessions each stage needs.
	HalfNeeds, CompleteNeeds int
	// HalfWithinReach and CompleteWithinReach count the parents not (yet)
	// counted in that stage who could still reach it by coming to every
	// session left. Withdrawn parents are never within reach.
	HalfWithinReach, CompleteWithinReach int
	// FirstHeld is true once the first session has been held; Finished
	// once the last has.
	FirstHeld, Finished bool
}

// CompletionPercent is the share of enrolled parents who completed a
// finished course, as a whole percentage rounded to the nearest. ok is
// false while the course runs, or when no one was enrolled.
func (f Funnel) CompletionPercent() (percent int, ok bool) {
	if !f.Finished || f.Enrolled == 0 {
		return 0, false
	}
	return Percent(f.Completed, f.Enrolled), true
}

// Percent is part of whole as a whole percentage, rounded half up; 0 when
// whole is 0.
func Percent(part, whole int) int {
	if whole <= 0 {
		return 0
	}
	return (200*part + whole) / (2 * whole)
}

// HalfOf is how many of n sessions make at least half: n/2 rounded up.
func HalfOf(n int) int { return (n + 1) / 2 }

// ThreeQuartersOf is how many of n sessions make at least three quarters:
// 3n/4 rounded up.
func ThreeQuartersOf(n int) int { return (3*n + 3) / 4 }

// Report works out the course's report at now. A session is held once its
// start time is before now.
//
// A parent "missed the last two" (MissedLastTwo) when at least two
// sessions have been held, they are not withdrawn, and what is recorded
// for each of the last two held sessions is apologies or absent. Nothing
// recorded does not count as missing: it may simply not be recorded yet.
func (in ReportInput) Report(now time.Time) Report {
	sessions := append([]ReportSession(nil), in.Sessions...)
	sort.SliceStable(sessions, func(i, j int) bool {
		if !sessions[i].StartsAt.Equal(sessions[j].StartsAt) {
			return sessions[i].StartsAt.Before(sessions[j].StartsAt)
		}
		return sessions[i].Number < sessions[j].Number
	})
	var held []ReportSession
	for _, s := range sessions {
		if s.StartsAt.Before(now) {
			held = append(held, s)
		}
	}
	r := Report{Sessions: len(sessions), Held: len(held), Left: len(sessions) - len(held)}
	r.Finished = r.Sessions > 0 && r.Left == 0
	f := Funnel{Enrolled: len(in.Parents), HalfNeeds: HalfOf(r.Sessions), CompleteNeeds: ThreeQuartersOf(r.Sessions),
		FirstHeld: len(held) > 0, Finished: r.Finished}

	for _, s := range held {
		sa := SessionAttendance{Number: s.Number, StartsAt: s.StartsAt}
		for _, p := range in.Parents {
			switch a, ok := p.Attendance[s.Number]; {
			case !ok && !p.Withdrawn:
				sa.NotRecorded++
			case a == Present:
				sa.Present++
			case a == Late:
				sa.Late++
			case a == Apologies:
				sa.Apologies++
			case a == Absent:
				sa.Absent++
			}
		}
		r.BySession = append(r.BySession, sa)
	}

	for _, p := range in.Parents {
		pa := ParentAttendance{EnrolmentID: p.EnrolmentID, Withdrawn: p.Withdrawn}
		for _, s := range held {
			if p.Attendance[s.Number].Came() {
				pa.Came++
				pa.LastCame = s.Number
			}
		}
		if len(held) >= 2 && !p.Withdrawn {
			pa.MissedLastTwo = missed(p, held[len(held)-1]) && missed(p, held[len(held)-2])
		}
		if len(held) > 0 && p.Attendance[held[0].Number].Came() {
			f.CameToFirst++
		}
		if r.Sessions > 0 {
			switch {
			case pa.Came >= f.HalfNeeds:
				f.CameToHalf++
			case !p.Withdrawn && pa.Came+r.Left >= f.HalfNeeds:
				f.HalfWithinReach++
			}
			switch {
			case r.Finished && pa.Came >= f.CompleteNeeds:
				f.Completed++
			case !r.Finished && !p.Withdrawn && pa.Came+r.Left >= f.CompleteNeeds:
				f.CompleteWithinReach++
			}
		}
		r.Parents = append(r.Parents, pa)
	}
	r.Funnel = f
	return r
}

// missed reports whether apologies or absence is recorded for p at s.
func missed(p ReportParent, s ReportSession) bool {
	a, ok := p.Attendance[s.Number]
	return ok && a.Valid() && !a.Came()
}

// MissedLastTwo lists the parents who missed the last two sessions held,
// in the report's order.
func (r Report) MissedLastTwo() []ParentAttendance {
	var out []ParentAttendance
	for _, p := range r.Parents {
		if p.MissedLastTwo {
			out = append(out, p)
		}
	}
	return out
}

// Summary sums up many courses' reports: how many have not started, are
// running or have finished, and how many parents the finished ones
// enrolled and saw complete.
type Summary struct {
	Courses, NotStarted, Running, Finished int
	// Enrolled and Completed add up the finished courses only, since a
	// running course's completions are not yet known.
	Enrolled, Completed int
}

// Summarise adds up reports.
func Summarise(reports []Report) Summary {
	var s Summary
	for _, r := range reports {
		s.Courses++
		switch {
		case r.Finished:
			s.Finished++
			s.Enrolled += r.Funnel.Enrolled
			s.Completed += r.Funnel.Completed
		case r.Held == 0:
			s.NotStarted++
		default:
			s.Running++
		}
	}
	return s
}

// CompletionPercent is the share of parents enrolled in finished courses
// who completed them, as a whole percentage. ok is false when no finished
// course enrolled anyone.
func (s Summary) CompletionPercent() (percent int, ok bool) {
	if s.Enrolled == 0 {
		return 0, false
	}
	return Percent(s.Completed, s.Enrolled), true
}
