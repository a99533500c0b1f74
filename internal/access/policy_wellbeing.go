package access

// Practitioners' own wellbeing (see internal/wellbeing). Every rule here
// needs a relationship the store worked out: Own for one's own check-ins,
// self-care plan and team, and Supervised for a practitioner the actor
// supervises who has chosen to share their trend. Nothing here opens
// through break-glass (Granted), and nothing is ever exported or deleted.
const (
	// KindWellbeing is one's own wellbeing space: reading it (every staff
	// role except co-facilitators), and answering the weekly check-in and
	// choosing whether to share one's trend (practitioners).
	KindWellbeing Kind = "wellbeing"
	// KindSelfCare is one's own self-care plan, for practitioners and
	// supervisors. No one else reads it.
	KindSelfCare Kind = "self-care"
	// KindWellbeingTrend is one person's weekly scores, never their notes:
	// read by the person, and by their supervisor when the person shares it.
	KindWellbeingTrend Kind = "wellbeing-trend"
	// KindTeamWellbeing is the figures of a supervisor's own team (Own),
	// shown only for weeks with enough answers.
	KindTeamWellbeing Kind = "team-wellbeing"
	// KindOrganisationWellbeing is the figures of one's own organisation
	// (Own), for administrators, on the same rule.
	KindOrganisationWellbeing Kind = "organisation-wellbeing"
)

// canWellbeing decides for the wellbeing kinds.
func canWellbeing(actor Actor, action Action, res Resource) Decision {
	switch res.Kind {
	case KindWellbeing:
		switch {
		case res.Relationship != Own:
			return deny("wellbeing-own-only")
		case action == Read && (actor.Role == Practitioner || actor.Role == Supervisor || actor.Role == Admin):
			return allow("staff-own-wellbeing")
		case (action == Create || action == Update) && actor.Role == Practitioner:
			return allow("practitioner-checks-in")
		}
	case KindSelfCare:
		if res.Relationship == Own && casework(action) && (actor.Role == Practitioner || actor.Role == Supervisor) {
			return allow("own-self-care-plan")
		}
	case KindWellbeingTrend:
		switch {
		case action != Read:
			return deny("wellbeing-trend-read-only")
		case res.Relationship == Own && actor.Role == Practitioner:
			return allow("own-wellbeing-trend")
		case res.Relationship == Supervised && actor.Role == Supervisor:
			// The store says Supervised only when the practitioner shares it.
			return allow("supervisor-reads-shared-trend")
		}
	case KindTeamWellbeing:
		if action == Read && actor.Role == Supervisor && res.Relationship == Own {
			return allow("supervisor-reads-own-team-wellbeing")
		}
	case KindOrganisationWellbeing:
		if action == Read && actor.Role == Admin && res.Relationship == Own {
			return allow("admin-reads-organisation-wellbeing")
		}
	}
	return deny("wellbeing-not-in-scope")
}
