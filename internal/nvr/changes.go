package nvr

import (
	"fmt"
	"time"
)

// Form field names for the changes made to a running group.
const (
	FieldReason = "reason"
	FieldDate   = "date"
	FieldStaff  = "user"
	FieldHow    = "how"
)

// maxCatchUpNote bounds the note of a catch-up.
const maxCatchUpNote = 5000

// maxReason bounds the reason given for a withdrawal or a move.
const maxReason = 1000

// WithdrawalProblems returns what is wrong with the reason given for a
// parent no longer coming to a group, by form field. The reason is for the
// other facilitators, so it is required.
func WithdrawalProblems(reason string) map[string]string {
	pr := map[string]string{}
	required(pr, FieldReason, reason, "Say why the parent is no longer coming, so the other facilitators know")
	tooLong(pr, FieldReason, reason, maxReason)
	return pr
}

// ConsentWithdrawnReason is the reason recorded when a family withdraws
// its consent to share with a group, which takes it out of every group.
const ConsentWithdrawnReason = "The family withdrew their consent to share their first name and attendance with the group."

// MoveProblems returns what is wrong with moving a session to a new time,
// by form field. before and after are the start times of the sessions
// either side (zero when there is none): a move keeps the sessions in
// their order, so session 3 is never held before session 2.
func MoveProblems(to, before, after time.Time, reason string) map[string]string {
	pr := map[string]string{}
	switch {
	case to.IsZero():
		pr[FieldDate] = "Enter the new date as a real date, like 27 11 2026"
	case !before.IsZero() && !to.After(before):
		pr[FieldDate] = fmt.Sprintf("The session must come after the one before it, on %s", before.Format("Monday 2 January 2006 at 15:04"))
	case !after.IsZero() && !to.Before(after):
		pr[FieldDate] = fmt.Sprintf("The session must come before the one after it, on %s", after.Format("Monday 2 January 2006 at 15:04"))
	}
	required(pr, FieldReason, reason, "Say why the session is moving, so everyone knows")
	tooLong(pr, FieldReason, reason, maxReason)
	return pr
}

// StaffRole is how someone helps run a group.
type StaffRole string

// The roles in a group's staff.
const (
	Facilitator   StaffRole = "facilitator"
	CoFacilitator StaffRole = "co-facilitator"
)

// RemoveStaffProblem says why someone cannot be taken off a group's staff,
// or "" when they can: a group always keeps one facilitator, who is the
// person the group's families and records answer to.
func RemoveStaffProblem(c Course, userID string) string {
	for _, f := range c.Facilitators {
		if f == userID {
			if len(c.Facilitators) == 1 {
				return "A group needs at least one facilitator. Add another facilitator before taking this one off."
			}
			return ""
		}
	}
	for _, f := range c.CoFacilitators {
		if f == userID {
			return ""
		}
	}
	return "This person is not running the group"
}

// CatchUpHow is how a parent who missed a session is caught up: a short,
// bite-sized conversation.
type CatchUpHow string

// The ways of catching up.
const (
	ByPhone  CatchUpHow = "phone"
	ByVideo  CatchUpHow = "video"
	InPerson CatchUpHow = "in-person"
)

// CatchUpWays lists the ways in the order forms offer them.
func CatchUpWays() []CatchUpHow { return []CatchUpHow{ByPhone, ByVideo, InPerson} }

// Valid reports whether h is a known way.
func (h CatchUpHow) Valid() bool { return h == ByPhone || h == ByVideo || h == InPerson }

// Label names the way in plain words.
func (h CatchUpHow) Label() string {
	switch h {
	case ByPhone:
		return "By phone"
	case ByVideo:
		return "By video call"
	case InPerson:
		return "In person"
	}
	return string(h)
}

// CatchUpProblems returns what is wrong with arranging or recording a
// catch-up, by form field. A recorded catch-up (done) needs a note of what
// was covered, which goes onto the family's timeline.
func CatchUpProblems(how CatchUpHow, at time.Time, done bool, note string) map[string]string {
	pr := map[string]string{}
	if !how.Valid() {
		pr[FieldHow] = "Choose how the catch-up happens: by phone, by video call or in person"
	}
	if at.IsZero() {
		pr[FieldDate] = "Enter the date of the catch-up as a real date, like 27 11 2026"
	}
	if done {
		required(pr, "note", note, "Write a short note of what you covered, for the family's timeline")
		tooLong(pr, "note", note, maxCatchUpNote)
	}
	return pr
}
