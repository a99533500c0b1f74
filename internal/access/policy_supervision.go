package access

// The kinds of resource that supervision adds.
const (
	// KindSupervision is a supervision session: its date, its agenda and
	// what was decided. Only its two people read it and add to it (the
	// relationship is Own for them); a supervisor plans one with a
	// practitioner they supervise (Create, with the relationship Supervised).
	KindSupervision Kind = "supervision"
	// KindReflection is a session's reflective part. It is private to the
	// session's two people: no other role or relationship reads it,
	// including administrators, other supervisors and break-glass. An
	// administrator may only export it for a legal request, which is
	// recorded with its reason and shown to the two people.
	KindReflection Kind = "supervision-reflection"
	// KindCaseDirection is case direction from a session for a family: the
	// session's supervisor records it, and it then belongs to the family's
	// record (read through KindFamily).
	KindCaseDirection Kind = "case-direction"
	// KindSupervisionRecord is how often practitioners are supervised,
	// against the organisation's expected frequency: dates and counts, no
	// content. Supervisors read it for the practitioners they supervise,
	// administrators for everyone, and administrators change the expected
	// frequency (Update).
	KindSupervisionRecord Kind = "supervision-record"
)

// canSupervision decides for supervision sessions.
func canSupervision(actor Actor, action Action, res Resource) Decision {
	participant := actor.Role == Supervisor || actor.Role == Practitioner
	switch {
	case res.Relationship == Own && participant && (action == Read || action == Update):
		return allow("supervision-participant")
	case action == Create && actor.Role == Supervisor && res.Relationship == Supervised:
		return allow("supervisor-plans-supervision")
	}
	return deny("supervision-between-two-people")
}

// canReflection decides for a session's reflective part. Break-glass
// (Granted) opens nothing here, by design.
func canReflection(actor Actor, action Action, res Resource) Decision {
	participant := actor.Role == Supervisor || actor.Role == Practitioner
	switch {
	case res.Relationship == Own && participant && (action == Read || action == Update):
		return allow("reflection-private-to-the-two")
	case action == Export && actor.Role == Admin:
		return allow("reflection-legal-export")
	}
	return deny("reflection-private-to-the-two")
}

// canCaseDirection decides who records case direction: the supervisor in
// the session.
func canCaseDirection(actor Actor, action Action, res Resource) Decision {
	if action == Create && actor.Role == Supervisor && res.Relationship == Own {
		return allow("session-supervisor-directs")
	}
	return deny("case-direction-by-session-supervisor")
}

// canSupervisionRecord decides for the supervision record and its settings.
func canSupervisionRecord(actor Actor, action Action) Decision {
	switch {
	case action == Read && (actor.Role == Admin || actor.Role == Supervisor):
		return allow("managers-read-supervision-record")
	case action == Update && actor.Role == Admin:
		return allow("admin-sets-supervision-frequency")
	}
	return deny("supervision-record-managers-only")
}
