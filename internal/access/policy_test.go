package access

import "testing"

var (
	allActions       = []Action{Read, Create, Update, Delete, Export, BreakGlass, ManageUsers, ViewAudit}
	allKinds         = []Kind{KindOrganisation, KindUser, KindTeam, KindFamily, KindFamilyShared, KindGroup, KindAudit, KindFamilyAudit, KindFamilyList, KindAllocation, KindProgramme, KindGroupReport, KindParentInvite, KindHelpContacts, KindSupervision, KindReflection, KindCaseDirection, KindSupervisionRecord}
	allRelationships = []Relationship{Own, Allocated, Supervised, Attached, Granted, None}
)

func actorFor(role Role) Actor {
	return Actor{UserID: "u-" + string(role), OrgID: "org-a", Role: role}
}

// TestPolicyTable pins the decisions that matter most, one row each.
func TestPolicyTable(t *testing.T) {
	fam := func(rel Relationship) Resource {
		return Resource{Kind: KindFamily, ID: "f1", OrgID: "org-a", Relationship: rel}
	}
	group := func(rel Relationship) Resource {
		return Resource{Kind: KindGroup, ID: "g1", OrgID: "org-a", Relationship: rel}
	}
	invite := func(rel Relationship) Resource {
		return Resource{Kind: KindParentInvite, ID: "f1", OrgID: "org-a", Relationship: rel}
	}
	cases := []struct {
		role   Role
		action Action
		res    Resource
		allow  bool
		glass  bool
	}{
		{Parent, Read, Resource{Kind: KindFamilyShared, OrgID: "org-a", Relationship: Own}, true, false},
		{Parent, Update, Resource{Kind: KindFamilyShared, OrgID: "org-a", Relationship: Own}, true, false},
		{Parent, Delete, Resource{Kind: KindFamilyShared, OrgID: "org-a", Relationship: Own}, false, false},
		{Parent, Read, Resource{Kind: KindFamilyShared, OrgID: "org-a", Relationship: None}, false, false},
		{Parent, Read, fam(Own), false, false},
		{Practitioner, Read, Resource{Kind: KindFamilyShared, OrgID: "org-a", Relationship: Allocated}, true, false},
		{Parent, Read, fam(None), false, false},
		{Parent, BreakGlass, fam(None), false, false},
		{Practitioner, Read, fam(Allocated), true, false},
		{Practitioner, Update, fam(Allocated), true, false},
		{Practitioner, Delete, fam(Allocated), false, false},
		{Practitioner, Read, fam(None), false, true},
		{Practitioner, BreakGlass, fam(None), true, false},
		{Practitioner, Read, fam(Granted), true, false},
		{Supervisor, Read, fam(Supervised), true, false},
		{Supervisor, Read, fam(None), false, true},
		{Admin, Read, fam(None), false, true},
		{Admin, Read, fam(Granted), true, false},
		{CoFacilitator, Read, fam(None), false, false},
		{CoFacilitator, Read, fam(Attached), false, false},
		{CoFacilitator, BreakGlass, fam(None), false, false},
		{CoFacilitator, Read, Resource{Kind: KindGroup, OrgID: "org-a", Relationship: Attached}, true, false},
		{CoFacilitator, Read, Resource{Kind: KindGroup, OrgID: "org-a", Relationship: None}, false, false},
		{Practitioner, Update, Resource{Kind: KindGroup, OrgID: "org-a", Relationship: Attached}, true, false},
		{Admin, ManageUsers, Resource{Kind: KindUser, OrgID: "org-a", Relationship: None}, true, false},
		{Supervisor, ManageUsers, Resource{Kind: KindUser, OrgID: "org-a", Relationship: Supervised}, false, false},
		{Practitioner, Update, Resource{Kind: KindUser, OrgID: "org-a", Relationship: Own}, true, false},
		{Practitioner, Read, Resource{Kind: KindUser, OrgID: "org-a", Relationship: None}, false, false},
		{Admin, ViewAudit, Resource{Kind: KindAudit, OrgID: "org-a", Relationship: None}, true, false},
		{Supervisor, ViewAudit, Resource{Kind: KindAudit, OrgID: "org-a", Relationship: Supervised}, true, false},
		{Supervisor, ViewAudit, Resource{Kind: KindAudit, OrgID: "org-a", Relationship: None}, false, false},
		{Parent, ViewAudit, Resource{Kind: KindAudit, OrgID: "org-a", Relationship: Own}, false, false},
		{Practitioner, ViewAudit, Resource{Kind: KindAudit, OrgID: "org-a", Relationship: Allocated}, false, false},
		{Practitioner, ViewAudit, Resource{Kind: KindFamilyAudit, OrgID: "org-a", Relationship: Allocated}, true, false},
		{Supervisor, ViewAudit, Resource{Kind: KindFamilyAudit, OrgID: "org-a", Relationship: Supervised}, true, false},
		{Admin, ViewAudit, Resource{Kind: KindFamilyAudit, OrgID: "org-a", Relationship: None}, false, false},
		{Practitioner, ViewAudit, Resource{Kind: KindFamilyAudit, OrgID: "org-a", Relationship: Granted}, false, false},
		{Admin, Update, Resource{Kind: KindOrganisation, OrgID: "org-a"}, true, false},
		{Practitioner, Read, Resource{Kind: KindFamilyList, OrgID: "org-a"}, true, false},
		{Supervisor, Create, Resource{Kind: KindAllocation, OrgID: "org-a"}, true, false},
		{Supervisor, Update, Resource{Kind: KindAllocation, OrgID: "org-a", Relationship: None}, false, false},
		{Supervisor, Update, Resource{Kind: KindAllocation, OrgID: "org-a", Relationship: Supervised}, true, false},
		{Practitioner, Create, Resource{Kind: KindAllocation, OrgID: "org-a"}, false, false},
		{Admin, Update, Resource{Kind: KindAllocation, OrgID: "org-a"}, false, false},
		{CoFacilitator, Read, Resource{Kind: KindFamilyList, OrgID: "org-a"}, false, false},
		{Parent, Read, Resource{Kind: KindFamilyList, OrgID: "org-a"}, false, false},
		{Supervisor, Update, Resource{Kind: KindOrganisation, OrgID: "org-a"}, false, false},
		// Programme templates: staff who run programmes read them; supervisors
		// and administrators copy and edit; nobody deletes or exports.
		{Practitioner, Read, Resource{Kind: KindProgramme, OrgID: "org-a"}, true, false},
		{Supervisor, Read, Resource{Kind: KindProgramme, OrgID: "org-a"}, true, false},
		{Admin, Read, Resource{Kind: KindProgramme, OrgID: "org-a"}, true, false},
		{Practitioner, Create, Resource{Kind: KindProgramme, OrgID: "org-a"}, false, false},
		{Practitioner, Update, Resource{Kind: KindProgramme, OrgID: "org-a"}, false, false},
		{Supervisor, Create, Resource{Kind: KindProgramme, OrgID: "org-a"}, true, false},
		{Supervisor, Update, Resource{Kind: KindProgramme, OrgID: "org-a"}, true, false},
		{Admin, Update, Resource{Kind: KindProgramme, OrgID: "org-a"}, true, false},
		{Admin, Delete, Resource{Kind: KindProgramme, OrgID: "org-a"}, false, false},
		{Supervisor, Export, Resource{Kind: KindProgramme, OrgID: "org-a"}, false, false},
		{CoFacilitator, Read, Resource{Kind: KindProgramme, OrgID: "org-a"}, false, false},
		{CoFacilitator, Read, Resource{Kind: KindProgramme, OrgID: "org-a", Relationship: Attached}, false, false},
		{Parent, Read, Resource{Kind: KindProgramme, OrgID: "org-a", Relationship: Own}, false, false},
		{Supervisor, Update, Resource{Kind: KindProgramme, OrgID: "org-b"}, false, false},
		// Groups: facilitators change them; supervisors, administrators and
		// co-facilitators read them; anyone else is refused.
		{Practitioner, Read, group(Attached), true, false},
		{Practitioner, Create, group(Attached), true, false},
		{Practitioner, Read, group(None), false, false},
		{Practitioner, Update, group(None), false, false},
		{Practitioner, Create, group(None), false, false},
		{Practitioner, Create, Resource{Kind: KindGroup, OrgID: "org-a"}, true, false},
		{Practitioner, Delete, group(Attached), false, false},
		{Practitioner, Export, group(Attached), true, false},
		{Practitioner, Export, group(None), false, false},
		{Supervisor, Export, group(Supervised), true, false},
		{Supervisor, Export, group(None), false, false},
		{Admin, Export, group(None), false, false},
		{CoFacilitator, Export, group(Attached), false, false},
		// The report across groups: counts only, for staff who run or
		// oversee groups.
		{Admin, Read, Resource{Kind: KindGroupReport, OrgID: "org-a"}, true, false},
		{Supervisor, Export, Resource{Kind: KindGroupReport, OrgID: "org-a"}, true, false},
		{Practitioner, Read, Resource{Kind: KindGroupReport, OrgID: "org-a"}, true, false},
		{Practitioner, Update, Resource{Kind: KindGroupReport, OrgID: "org-a"}, false, false},
		{CoFacilitator, Read, Resource{Kind: KindGroupReport, OrgID: "org-a"}, false, false},
		{Parent, Read, Resource{Kind: KindGroupReport, OrgID: "org-a"}, false, false},
		{Supervisor, Read, group(Supervised), true, false},
		{Supervisor, Update, group(Supervised), false, false},
		{Supervisor, Read, group(None), false, false},
		{Supervisor, Create, Resource{Kind: KindGroup, OrgID: "org-a"}, false, false},
		{Admin, Read, group(None), true, false},
		{Admin, Update, group(None), false, false},
		{Admin, Create, Resource{Kind: KindGroup, OrgID: "org-a"}, false, false},
		{CoFacilitator, Update, group(Attached), false, false},
		{CoFacilitator, Create, group(Attached), false, false},
		{Parent, Read, group(None), false, false},
		{Parent, Read, Resource{Kind: KindGroup, ID: "g1", OrgID: "org-b", Relationship: Own}, false, false},
		// Inviting a parent: the family's own workers, never through
		// break-glass, and never anyone else.
		{Practitioner, Create, invite(Allocated), true, false},
		{Practitioner, Update, invite(Allocated), true, false},
		{Supervisor, Create, invite(Supervised), true, false},
		{Supervisor, Update, invite(Supervised), true, false},
		{Practitioner, Create, invite(Granted), false, false},
		{Supervisor, Create, invite(Granted), false, false},
		{Admin, Create, invite(Granted), false, false},
		{Admin, Create, invite(None), false, false},
		{Practitioner, Create, invite(None), false, false},
		{Supervisor, Create, invite(Allocated), false, false},
		{Practitioner, Create, invite(Supervised), false, false},
		{CoFacilitator, Create, invite(Attached), false, false},
		{Parent, Create, invite(Own), false, false},
		{Practitioner, Delete, invite(Allocated), false, false},
		{Practitioner, Read, invite(Allocated), false, false},
		// Help contacts: everyone reads, administrators change.
		{Parent, Read, Resource{Kind: KindHelpContacts, OrgID: "org-a"}, true, false},
		{CoFacilitator, Read, Resource{Kind: KindHelpContacts, OrgID: "org-a"}, true, false},
		{Admin, Create, Resource{Kind: KindHelpContacts, OrgID: "org-a"}, true, false},
		{Admin, Update, Resource{Kind: KindHelpContacts, OrgID: "org-a"}, true, false},
		{Admin, Delete, Resource{Kind: KindHelpContacts, OrgID: "org-a"}, true, false},
		{Supervisor, Update, Resource{Kind: KindHelpContacts, OrgID: "org-a"}, false, false},
		{Parent, Update, Resource{Kind: KindHelpContacts, OrgID: "org-a", Relationship: Own}, false, false},
		{Admin, Export, Resource{Kind: KindHelpContacts, OrgID: "org-a"}, false, false},
		{Parent, Read, Resource{Kind: KindHelpContacts, OrgID: "org-b"}, false, false},
	}
	for _, c := range cases {
		d := Can(actorFor(c.role), c.action, c.res)
		if d.Allowed != c.allow || d.CanBreakGlass != c.glass {
			t.Errorf("Can(%s, %s, %s/%s) = %+v; want allowed=%v breakGlass=%v", c.role, c.action, c.res.Kind, c.res.Relationship, d, c.allow, c.glass)
		}
		if d.Rule == "" {
			t.Errorf("Can(%s, %s, %s/%s) gave no rule name", c.role, c.action, c.res.Kind, c.res.Relationship)
		}
	}
}

// TestPolicyInvariants checks rules that must hold for every combination of
// role, action, kind and relationship.
func TestPolicyInvariants(t *testing.T) {
	checked := 0
	for _, role := range Roles() {
		for _, action := range allActions {
			for _, kind := range allKinds {
				for _, rel := range allRelationships {
					checked++
					actor := actorFor(role)
					res := Resource{Kind: kind, ID: "x", OrgID: "org-a", Relationship: rel}
					d := Can(actor, action, res)
					name := string(role) + " " + string(action) + " " + string(kind) + "/" + string(rel)

					other := res
					other.OrgID = "org-b"
					if Can(actor, action, other).Allowed {
						t.Errorf("%s: allowed across organisations", name)
					}
					if Can(Actor{Role: role}, action, res).Allowed {
						t.Errorf("%s: allowed with no signed-in user", name)
					}
					if kind == KindFamily && role == Parent && d.Allowed {
						t.Errorf("%s: a parent read the staff case record", name)
					}
					if kind == KindFamily || kind == KindFamilyShared {
						if role == CoFacilitator && (d.Allowed || d.CanBreakGlass) {
							t.Errorf("%s: a co-facilitator reached a family record", name)
						}
						if role == Admin && d.Allowed && action != BreakGlass && rel != Granted {
							t.Errorf("%s: an administrator read case content without break-glass", name)
						}
						if role == Parent && rel != Own && d.Allowed {
							t.Errorf("%s: a parent reached another family", name)
						}
						if action == Delete && d.Allowed {
							t.Errorf("%s: a family record was deleted", name)
						}
						if d.Allowed && d.CanBreakGlass {
							t.Errorf("%s: allowed and offered break-glass at once", name)
						}
					}
					if (kind == KindAudit || kind == KindFamilyAudit) && action != ViewAudit && d.Allowed {
						t.Errorf("%s: the audit log was changed", name)
					}
					if kind == KindProgramme && d.Allowed && (role == Parent || role == CoFacilitator || action == Delete || action == Export || d.CanBreakGlass) {
						t.Errorf("%s: programme templates are for staff who run programmes, and are never deleted or exported", name)
					}
					if kind == KindParentInvite && d.Allowed && !(role == Practitioner && rel == Allocated) && !(role == Supervisor && rel == Supervised) {
						t.Errorf("%s: someone outside the family's work made a parent's account or link", name)
					}
					if kind == KindHelpContacts && d.Allowed && action != Read && role != Admin {
						t.Errorf("%s: help contacts were changed by someone who is not an administrator", name)
					}
					if kind == KindGroup && d.Allowed {
						if action == Delete || d.CanBreakGlass {
							t.Errorf("%s: a group was deleted or opened by break-glass", name)
						}
						if action == Export && !(role == Practitioner && rel == Attached) && !(role == Supervisor && rel == Supervised) {
							t.Errorf("%s: a group was exported by someone who may not see its families", name)
						}
						if action != Read && action != Export && !(role == Practitioner && rel == Attached) {
							t.Errorf("%s: a group was changed by someone who does not facilitate it", name)
						}
						if role == Parent && rel != Own {
							t.Errorf("%s: a parent reached a group that is not theirs", name)
						}
						if role == CoFacilitator && rel != Attached {
							t.Errorf("%s: a co-facilitator reached a group they are not attached to", name)
						}
					}
					if kind == KindGroupReport && d.Allowed && (role == Parent || role == CoFacilitator || (action != Read && action != Export)) {
						t.Errorf("%s: the report across groups is read or exported by staff only, and never changed", name)
					}
					if action == ManageUsers && role != Admin && d.Allowed {
						t.Errorf("%s: a non-administrator managed users", name)
					}
				}
			}
		}
	}
	if checked != len(Roles())*len(allActions)*len(allKinds)*len(allRelationships) {
		t.Fatalf("checked %d combinations", checked)
	}
}
