package access

import "testing"

// TestReflectionIsPrivateToTheTwo walks every role, action and relationship
// and checks that a session's reflective part opens only to its two people
// (Own, supervisor or practitioner, read or update), and is otherwise only
// exported by an administrator for a legal request. Break-glass (Granted),
// supervising (Supervised) and every other relationship open nothing.
func TestReflectionIsPrivateToTheTwo(t *testing.T) {
	for _, role := range Roles() {
		for _, action := range allActions {
			for _, rel := range allRelationships {
				d := Can(actorFor(role), action, Resource{Kind: KindReflection, ID: "s1", OrgID: "org-a", Relationship: rel})
				want := (rel == Own && (role == Supervisor || role == Practitioner) && (action == Read || action == Update)) ||
					(role == Admin && action == Export)
				if d.Allowed != want {
					t.Errorf("%s %s reflection as %s: allowed %v, want %v (%s)", role, action, rel, d.Allowed, want, d.Rule)
				}
				if d.CanBreakGlass {
					t.Errorf("%s %s reflection as %s: offered break-glass", role, action, rel)
				}
			}
		}
	}
	other := Can(actorFor(Admin), Export, Resource{Kind: KindReflection, OrgID: "org-b"})
	if other.Allowed {
		t.Error("an administrator exported another organisation's reflections")
	}
}

func TestSupervisionSessionPolicy(t *testing.T) {
	session := func(rel Relationship) Resource {
		return Resource{Kind: KindSupervision, ID: "s1", OrgID: "org-a", Relationship: rel}
	}
	cases := []struct {
		role   Role
		action Action
		res    Resource
		allow  bool
	}{
		{Supervisor, Read, session(Own), true},
		{Practitioner, Read, session(Own), true},
		{Practitioner, Update, session(Own), true},
		{Supervisor, Read, session(Supervised), false},
		{Supervisor, Read, session(Granted), false},
		{Admin, Read, session(None), false},
		{Admin, Read, session(Granted), false},
		{CoFacilitator, Read, session(Own), false},
		{Parent, Read, session(Own), false},
		{Supervisor, Create, Resource{Kind: KindSupervision, OrgID: "org-a", Relationship: Supervised}, true},
		{Supervisor, Create, Resource{Kind: KindSupervision, OrgID: "org-a", Relationship: None}, false},
		{Practitioner, Create, Resource{Kind: KindSupervision, OrgID: "org-a", Relationship: Supervised}, false},
		{Supervisor, Delete, session(Own), false},
		{Supervisor, Create, Resource{Kind: KindCaseDirection, OrgID: "org-a", Relationship: Own}, true},
		{Practitioner, Create, Resource{Kind: KindCaseDirection, OrgID: "org-a", Relationship: Own}, false},
		{Supervisor, Create, Resource{Kind: KindCaseDirection, OrgID: "org-a", Relationship: Supervised}, false},
		{Admin, Read, Resource{Kind: KindSupervisionRecord, OrgID: "org-a"}, true},
		{Supervisor, Read, Resource{Kind: KindSupervisionRecord, OrgID: "org-a"}, true},
		{Practitioner, Read, Resource{Kind: KindSupervisionRecord, OrgID: "org-a"}, false},
		{Admin, Update, Resource{Kind: KindSupervisionRecord, OrgID: "org-a"}, true},
		{Supervisor, Update, Resource{Kind: KindSupervisionRecord, OrgID: "org-a"}, false},
	}
	for _, c := range cases {
		if d := Can(actorFor(c.role), c.action, c.res); d.Allowed != c.allow {
			t.Errorf("%s %s %s (%s): allowed %v, want %v (%s)", c.role, c.action, c.res.Kind, c.res.Relationship, d.Allowed, c.allow, d.Rule)
		}
	}
}
