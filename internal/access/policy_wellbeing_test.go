package access

import "testing"

var wellbeingKinds = []Kind{KindWellbeing, KindSelfCare, KindWellbeingTrend, KindTeamWellbeing, KindOrganisationWellbeing}

// TestWellbeingPolicyTable pins who reaches practitioners' wellbeing.
func TestWellbeingPolicyTable(t *testing.T) {
	res := func(kind Kind, rel Relationship) Resource {
		return Resource{Kind: kind, ID: "x", OrgID: "org-a", Relationship: rel}
	}
	cases := []struct {
		role   Role
		action Action
		res    Resource
		allow  bool
	}{
		// One's own space: read by staff who are not co-facilitators;
		// check-ins and the sharing choice are practitioners'.
		{Practitioner, Read, res(KindWellbeing, Own), true},
		{Practitioner, Create, res(KindWellbeing, Own), true},
		{Practitioner, Update, res(KindWellbeing, Own), true},
		{Practitioner, Delete, res(KindWellbeing, Own), false},
		{Supervisor, Read, res(KindWellbeing, Own), true},
		{Supervisor, Create, res(KindWellbeing, Own), false},
		{Admin, Read, res(KindWellbeing, Own), true},
		{Admin, Create, res(KindWellbeing, Own), false},
		{CoFacilitator, Read, res(KindWellbeing, Own), false},
		{Parent, Read, res(KindWellbeing, Own), false},
		{Supervisor, Read, res(KindWellbeing, Supervised), false},
		{Practitioner, Read, res(KindWellbeing, Granted), false},
		// Self-care plans: practitioners' and supervisors' own, for no one else.
		{Practitioner, Read, res(KindSelfCare, Own), true},
		{Practitioner, Update, res(KindSelfCare, Own), true},
		{Supervisor, Create, res(KindSelfCare, Own), true},
		{Supervisor, Read, res(KindSelfCare, Supervised), false},
		{Admin, Read, res(KindSelfCare, Own), false},
		{Admin, Read, res(KindSelfCare, None), false},
		{CoFacilitator, Read, res(KindSelfCare, Own), false},
		{Parent, Read, res(KindSelfCare, Own), false},
		{Practitioner, Export, res(KindSelfCare, Own), false},
		// A person's trend: their own, or their supervisor's when shared.
		{Practitioner, Read, res(KindWellbeingTrend, Own), true},
		{Supervisor, Read, res(KindWellbeingTrend, Supervised), true},
		{Supervisor, Read, res(KindWellbeingTrend, None), false},
		{Supervisor, Read, res(KindWellbeingTrend, Granted), false},
		{Supervisor, Export, res(KindWellbeingTrend, Supervised), false},
		{Practitioner, Read, res(KindWellbeingTrend, Supervised), false},
		{Practitioner, Read, res(KindWellbeingTrend, None), false},
		{Admin, Read, res(KindWellbeingTrend, None), false},
		{Admin, Read, res(KindWellbeingTrend, Supervised), false},
		{CoFacilitator, Read, res(KindWellbeingTrend, Own), false},
		// Figures: a supervisor's own team; the organisation's for administrators.
		{Supervisor, Read, res(KindTeamWellbeing, Own), true},
		{Supervisor, Read, res(KindTeamWellbeing, None), false},
		{Practitioner, Read, res(KindTeamWellbeing, Own), false},
		{Admin, Read, res(KindTeamWellbeing, Own), false},
		{Supervisor, Export, res(KindTeamWellbeing, Own), false},
		{Admin, Read, res(KindOrganisationWellbeing, Own), true},
		{Admin, Read, res(KindOrganisationWellbeing, None), false},
		{Admin, Read, res(KindOrganisationWellbeing, Granted), false},
		{Admin, Export, res(KindOrganisationWellbeing, Own), false},
		{Supervisor, Read, res(KindOrganisationWellbeing, Own), false},
		{Practitioner, Read, res(KindOrganisationWellbeing, Own), false},
		{Parent, Read, res(KindOrganisationWellbeing, Own), false},
	}
	for _, c := range cases {
		d := Can(actorFor(c.role), c.action, c.res)
		if d.Allowed != c.allow || d.CanBreakGlass {
			t.Errorf("Can(%s, %s, %s/%s) = %+v; want allowed=%v and no break-glass", c.role, c.action, c.res.Kind, c.res.Relationship, d, c.allow)
		}
		if d.Rule == "" {
			t.Errorf("Can(%s, %s, %s/%s) gave no rule name", c.role, c.action, c.res.Kind, c.res.Relationship)
		}
	}
}

// TestWellbeingPolicyInvariants checks, for every combination, that
// wellbeing is never reached through break-glass, by co-facilitators or
// parents, across organisations, or for anything but reading and writing
// one's own; and that another person's trend needs supervision and their
// choice to share.
func TestWellbeingPolicyInvariants(t *testing.T) {
	for _, role := range Roles() {
		for _, action := range allActions {
			for _, kind := range wellbeingKinds {
				for _, rel := range allRelationships {
					res := Resource{Kind: kind, ID: "x", OrgID: "org-a", Relationship: rel}
					d := Can(actorFor(role), action, res)
					name := string(role) + " " + string(action) + " " + string(kind) + "/" + string(rel)
					if d.CanBreakGlass {
						t.Errorf("%s: offered break-glass", name)
					}
					if !d.Allowed {
						continue
					}
					other := res
					other.OrgID = "org-b"
					switch {
					case Can(actorFor(role), action, other).Allowed:
						t.Errorf("%s: allowed across organisations", name)
					case rel == Granted || rel == Allocated || rel == Attached:
						t.Errorf("%s: opened by a family or group relationship", name)
					case role == CoFacilitator || role == Parent:
						t.Errorf("%s: reached by a co-facilitator or parent", name)
					case action != Read && action != Create && action != Update:
						t.Errorf("%s: exported, deleted or otherwise handled", name)
					case kind != KindWellbeing && kind != KindSelfCare && action != Read:
						t.Errorf("%s: trends and figures are read only", name)
					case kind == KindSelfCare && rel != Own:
						t.Errorf("%s: someone else's self-care plan", name)
					case kind == KindWellbeing && rel != Own:
						t.Errorf("%s: someone else's check-ins", name)
					case kind == KindWellbeingTrend && rel != Own && !(role == Supervisor && rel == Supervised):
						t.Errorf("%s: a trend read by someone who is neither its owner nor the supervisor it is shared with", name)
					case kind == KindOrganisationWellbeing && role != Admin:
						t.Errorf("%s: organisation figures for someone who is not an administrator", name)
					}
				}
			}
		}
	}
}
