package nvr

import "fmt"

// EnrolmentCheck holds the facts that decide whether a family may join a
// course. The store and the policy find them; CanEnrol only reads them.
type EnrolmentCheck struct {
	Kind     Kind
	Capacity int
	Enrolled int // families enrolled already
	// InScope is true when the family is allocated to the enrolling
	// facilitator, or to a practitioner they supervise.
	InScope bool
	// AlreadyEnrolled is true when the family is in the course already.
	AlreadyEnrolled bool
	// Consent is true when the family holds a current consent to share
	// with the group (family.ShareWithGroup).
	Consent bool
}

// CanEnrol says whether a family may be enrolled, and if not, why, in
// plain words a facilitator can act on.
func CanEnrol(c EnrolmentCheck) (ok bool, reason string) {
	switch {
	case !c.InScope:
		return false, "You can only enrol families you work with or whose practitioners you supervise"
	case c.AlreadyEnrolled:
		return false, "This family is already enrolled"
	case !c.Consent:
		return false, "Record the family's consent to share with the group first"
	case c.Kind == OneToOne && c.Enrolled >= 1:
		return false, "One-to-one work is with one family, and a family is already enrolled"
	case c.Enrolled >= c.Capacity:
		return false, fmt.Sprintf("The group is full: it takes %d families", c.Capacity)
	}
	return true, ""
}

// Attendance is whether a parent came to a session.
type Attendance string

// The attendance values.
const (
	Present   Attendance = "present"
	Late      Attendance = "late"
	Apologies Attendance = "apologies"
	Absent    Attendance = "absent"
)

// Attendances lists the values in the order forms offer them.
func Attendances() []Attendance { return []Attendance{Present, Late, Apologies, Absent} }

// Valid reports whether a is a known value.
func (a Attendance) Valid() bool {
	return a == Present || a == Late || a == Apologies || a == Absent
}

// Came reports whether the parent was at the session, on time or late.
func (a Attendance) Came() bool { return a == Present || a == Late }

// Missed reports whether the parent was recorded as not at the session,
// with apologies or without: they are offered a catch-up.
func (a Attendance) Missed() bool { return a == Apologies || a == Absent }

// Label names the value in plain words.
func (a Attendance) Label() string {
	switch a {
	case Present:
		return "Present"
	case Late:
		return "Came late"
	case Apologies:
		return "Sent apologies"
	case Absent:
		return "Did not come"
	}
	return string(a)
}
