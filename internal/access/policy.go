package access

// Action is something an actor wants to do to a resource.
type Action string

// The actions the policy decides.
const (
	Read        Action = "read"
	Create      Action = "create"
	Update      Action = "update"
	Delete      Action = "delete"
	Export      Action = "export"
	BreakGlass  Action = "break-glass"
	ManageUsers Action = "manage-users"
	ViewAudit   Action = "view-audit"
)

// Kind names a type of resource.
type Kind string

// The kinds of resource the policy knows.
const (
	KindOrganisation Kind = "organisation"
	KindUser         Kind = "user"
	KindTeam         Kind = "team"
	// KindFamily is a family's case record, for staff.
	KindFamily Kind = "family"
	// KindFamilyShared is what a family shares with its workers: a parent's
	// journal, plans and support network.
	KindFamilyShared Kind = "family-shared"
	KindGroup        Kind = "group"
	KindAudit        Kind = "audit"
	// KindFamilyAudit is the list of who has looked at one family's record,
	// shown to that family's own workers. Administrators use the
	// organisation's audit trail instead.
	KindFamilyAudit Kind = "family-audit"
	// KindFamilyList is a caseload or a search for families by name, which
	// shows only enough of a family outside one's work to recognise it.
	KindFamilyList Kind = "family-list"
	// KindAllocation is which practitioners work with a family. Allocating
	// is a management task: it shows family names, never case content.
	KindAllocation Kind = "allocation"
	// KindProgramme is an NVR programme template: session plans and parent
	// handouts, with no personal data. Practitioners, supervisors and
	// administrators read them; supervisors and administrators copy and
	// edit them. Co-facilitators see session plans only through the groups
	// they are attached to (KindGroup), not the library; parents see
	// handouts through their own group.
	KindProgramme Kind = "programme"
	// KindGroupReport is the report across the groups an actor works
	// with: groups run and completion rates, counts only, with no names.
	// Administrators, supervisors and practitioners read and export it,
	// each for the groups in their own scope.
	KindGroupReport Kind = "group-report"
	// KindParentInvite is a parent's or carer's account in a family's
	// record: inviting them to their own space, and making them a new
	// one-time link. Only the family's own workers do it (its allocated
	// practitioner and their supervisor), never through break-glass: making
	// an account is never urgent, and whoever makes the link could use it.
	KindParentInvite Kind = "parent-invite"
	// KindHelpContacts is the organisation's list of where a parent can
	// get help now. Everyone signed in reads it (parents see it after a
	// hard moment); administrators change it.
	KindHelpContacts Kind = "help-contacts"
)

// Relationship is how the actor stands to the resource. The store works it
// out from allocations, supervision links, group attachments, family
// membership and break-glass grants; the policy only reads it.
type Relationship string

// The relationships, from closest to none.
const (
	// Own: a parent's own family; a user's own account.
	Own Relationship = "own"
	// Allocated: a practitioner allocated to the family.
	Allocated Relationship = "allocated"
	// Supervised: the family is allocated to a practitioner the actor supervises;
	// for a user resource, the user is one the actor supervises.
	Supervised Relationship = "supervised"
	// Attached: a co-facilitator or facilitator attached to the group.
	Attached Relationship = "attached"
	// Granted: the actor opened the family through break-glass in this session.
	Granted Relationship = "granted"
	// None: no relationship within the organisation.
	None Relationship = "none"
)

// Resource is what an action is aimed at, with the facts the policy needs.
type Resource struct {
	Kind         Kind
	ID           string
	OrgID        string
	Relationship Relationship
}

// Decision is the policy's answer. Rule names the rule that decided, for the
// audit log.
type Decision struct {
	Allowed bool
	Rule    string
	// CanBreakGlass is true when the answer is no, but the actor may open the
	// resource by giving a reason.
	CanBreakGlass bool
}

func allow(rule string) Decision { return Decision{Allowed: true, Rule: rule} }
func deny(rule string) Decision  { return Decision{Rule: rule} }

// Can is the only place Steadfast decides a permission. It is a pure
// function: every fact it needs is in its arguments, so it is tested as a table.
// Anything not explicitly allowed is denied.
func Can(actor Actor, action Action, res Resource) Decision {
	if actor.UserID == "" || actor.OrgID == "" {
		return deny("not-signed-in")
	}
	if res.OrgID != actor.OrgID {
		return deny("other-organisation")
	}
	switch res.Kind {
	case KindOrganisation, KindTeam:
		return canOrganisation(actor, action)
	case KindUser:
		return canUser(actor, action, res)
	case KindAudit:
		return canAudit(actor, action, res)
	case KindFamilyAudit:
		return canFamilyAudit(actor, action, res)
	case KindAllocation:
		return canAllocate(actor, action, res)
	case KindFamilyList:
		if action == Read && (actor.Role == Admin || actor.Role == Supervisor || actor.Role == Practitioner) {
			return allow("staff-find-families")
		}
		return deny("family-list-staff-only")
	case KindFamily, KindFamilyShared:
		return canFamily(actor, action, res)
	case KindGroup:
		return canGroup(actor, action, res)
	case KindProgramme:
		return canProgramme(actor, action)
	case KindParentInvite:
		return canInviteParent(actor, action, res)
	case KindHelpContacts:
		return canHelpContacts(actor, action)
	case KindSupervision:
		return canSupervision(actor, action, res)
	case KindReflection:
		return canReflection(actor, action, res)
	case KindCaseDirection:
		return canCaseDirection(actor, action, res)
	case KindSupervisionRecord:
		return canSupervisionRecord(actor, action)
	case KindWellbeing, KindSelfCare, KindWellbeingTrend, KindTeamWellbeing, KindOrganisationWellbeing:
		return canWellbeing(actor, action, res)
	case KindGroupReport:
		if (action == Read || action == Export) && (actor.Role == Admin || actor.Role == Supervisor || actor.Role == Practitioner) {
			return allow("staff-report-on-groups")
		}
		return deny("group-report-staff-only")
	}
	return deny("unknown-resource")
}

func canOrganisation(actor Actor, action Action) Decision {
	switch {
	case actor.Role == Admin && (action == Read || action == Update || action == ManageUsers):
		return allow("admin-manages-organisation")
	case action == Read && actor.Role.IsStaff():
		return allow("staff-read-organisation")
	}
	return deny("organisation-admin-only")
}

func canUser(actor Actor, action Action, res Resource) Decision {
	switch {
	case res.Relationship == Own && (action == Read || action == Update):
		return allow("own-account")
	case actor.Role == Admin && (action == Read || action == ManageUsers):
		return allow("admin-manages-users")
	case actor.Role == Supervisor && res.Relationship == Supervised && action == Read:
		return allow("supervisor-reads-supervisee")
	}
	return deny("user-not-in-scope")
}

func canAudit(actor Actor, action Action, res Resource) Decision {
	if action != ViewAudit {
		return deny("audit-is-read-only")
	}
	switch {
	case actor.Role == Admin:
		return allow("admin-views-audit")
	case actor.Role == Supervisor && (res.Relationship == Supervised || res.Relationship == Own):
		return allow("supervisor-views-team-audit")
	}
	return deny("audit-not-in-scope")
}

// casework reports whether action is ordinary work on a record: reading it,
// adding to it and changing it. Deleting and exporting are never casework.
func casework(action Action) bool { return action == Read || action == Create || action == Update }

func canAllocate(actor Actor, action Action, res Resource) Decision {
	switch {
	case actor.Role == Admin && (action == Read || action == Create):
		// Administrators allocate waiting families; changing a family's
		// allocation is for the supervisor of the practitioners doing the work.
		return allow("admin-allocates")
	case actor.Role == Supervisor && (action == Read || action == Create):
		return allow("supervisor-allocates-to-team")
	case actor.Role == Supervisor && action == Update && res.Relationship == Supervised:
		return allow("supervisor-changes-team-allocation")
	}
	return deny("allocation-managers-only")
}

func canFamilyAudit(actor Actor, action Action, res Resource) Decision {
	switch {
	case action != ViewAudit:
		return deny("audit-is-read-only")
	case actor.Role == Practitioner && res.Relationship == Allocated:
		return allow("allocated-practitioner-views-family-audit")
	case actor.Role == Supervisor && res.Relationship == Supervised:
		return allow("supervisor-views-family-audit")
	}
	return deny("family-audit-not-in-scope")
}

func canFamily(actor Actor, action Action, res Resource) Decision {
	switch actor.Role {
	case Parent:
		if res.Kind == KindFamilyShared && res.Relationship == Own && casework(action) {
			return allow("parent-own-family")
		}
		return deny("parent-not-case-record")
	case CoFacilitator:
		return deny("cofacilitator-no-family-records")
	case Practitioner:
		if res.Relationship == Allocated && casework(action) {
			return allow("practitioner-allocated")
		}
	case Supervisor:
		if res.Relationship == Supervised && casework(action) {
			return allow("supervisor-of-allocated-practitioner")
		}
	case Admin:
		// Administrators run the service; they do not read case content
		// without a stated reason.
	}
	mayBreakGlass := actor.Role.IsStaff() && actor.Role != CoFacilitator
	switch {
	case res.Relationship == Granted && casework(action):
		return allow("break-glass-grant")
	case action == BreakGlass && mayBreakGlass:
		return allow("staff-may-break-glass")
	case casework(action) && mayBreakGlass && res.Relationship != Allocated && res.Relationship != Supervised:
		d := deny("family-not-in-scope")
		d.CanBreakGlass = true
		return d
	}
	return deny("family-action-not-allowed")
}

// canGroup decides for NVR groups and one-to-one work. Facilitators (the
// practitioners attached to a group) read it and change it: enrolments,
// attendance and notes. Supervisors of a facilitator read it. Administrators
// read it, and are shown names only. Co-facilitators attached to it read it,
// and are shown first names and attendance only. Any practitioner may start
// a new group (a resource with no ID yet). Parents read their own group:
// one their family is enrolled in (what the parent's view shows of it is
// the web layer's parent view). Groups are never deleted. A group's
// attendance is exported (as CSV, with names) only by those who may see
// its families: its facilitators and their supervisors. Co-facilitators
// and administrators read the report on the page but take no copy away.
func canGroup(actor Actor, action Action, res Resource) Decision {
	switch {
	case res.Relationship == Attached && actor.Role == Practitioner && casework(action):
		return allow("facilitator-attached-group")
	case res.Relationship == Attached && actor.Role == Practitioner && action == Export:
		return allow("facilitator-exports-group")
	case actor.Role == Supervisor && res.Relationship == Supervised && action == Export:
		return allow("supervisor-exports-team-group")
	case res.Relationship == Attached && actor.Role == CoFacilitator && action == Read:
		return allow("cofacilitator-attached-group")
	case actor.Role == Supervisor && res.Relationship == Supervised && action == Read:
		return allow("supervisor-reads-team-group")
	case actor.Role == Admin && action == Read:
		return allow("admin-reads-group-names")
	case actor.Role == Practitioner && action == Create && res.ID == "":
		return allow("practitioner-starts-group")
	case res.Relationship == Own && actor.Role == Parent && action == Read:
		return allow("parent-own-group")
	}
	return deny("group-not-in-scope")
}

func canProgramme(actor Actor, action Action) Decision {
	switch {
	case action == Read && (actor.Role == Admin || actor.Role == Supervisor || actor.Role == Practitioner):
		return allow("staff-read-programmes")
	case (action == Create || action == Update) && (actor.Role == Admin || actor.Role == Supervisor):
		return allow("managers-edit-programmes")
	}
	return deny("programme-not-allowed")
}

// canInviteParent decides who may make a parent's account for a person in
// a family's record, or a new link for it: the family's allocated
// practitioner and their supervisor, not staff who opened the record
// through break-glass.
func canInviteParent(actor Actor, action Action, res Resource) Decision {
	if action != Create && action != Update {
		return deny("parent-invite-create-or-update-only")
	}
	switch {
	case actor.Role == Practitioner && res.Relationship == Allocated:
		return allow("allocated-practitioner-invites-parent")
	case actor.Role == Supervisor && res.Relationship == Supervised:
		return allow("supervisor-invites-parent")
	}
	return deny("parent-invite-family-workers-only")
}

// canHelpContacts lets everyone in the organisation read where to get
// help, and administrators change it.
func canHelpContacts(actor Actor, action Action) Decision {
	switch {
	case action == Read:
		return allow("everyone-reads-help-contacts")
	case actor.Role == Admin && (action == Create || action == Update || action == Delete):
		return allow("admin-manages-help-contacts")
	}
	return deny("help-contacts-admin-only")
}
