package family

// InviteProblem explains, in words for the practitioner, why a person in a
// family's record cannot be invited to a parent's space, or returns "".
// Only parents and carers have a space of their own: never a child, and not
// someone else in the home or outside it unless they are recorded as caring
// for the children.
func InviteProblem(m Member) string {
	switch m.Kind {
	case Carer:
		return ""
	case Child:
		return m.Name + " is recorded as a child in this family. Only parents and carers can be invited to a space of their own."
	default:
		return "Only a parent or carer can be invited. If " + m.Name + " cares for the children, change their details to say they are a parent or carer first."
	}
}

// TransparencyVersion is the version of the statement a parent reads before
// using their space: what their practitioner can see, who else can, and
// that other parents in the group cannot. A parent who confirmed an earlier
// version is asked again when the wording changes what it promises.
const TransparencyVersion = 1

// MustConfirmTransparency reports whether a parent who last confirmed
// version confirmed (0 for never) must read the statement and confirm it
// before going on.
func MustConfirmTransparency(confirmed int) bool { return confirmed < TransparencyVersion }
