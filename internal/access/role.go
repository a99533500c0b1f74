// Package access decides who may do what in Steadfast: roles, actors,
// passwords and, as it grows, the single policy function every handler asks.
package access

import "fmt"

// Role is what a person does in their organisation. Relationships (allocation,
// supervision, group membership, family membership) refine what a role reaches.
type Role string

// The five roles.
const (
	Admin         Role = "admin"
	Supervisor    Role = "supervisor"
	Practitioner  Role = "practitioner"
	CoFacilitator Role = "cofacilitator"
	Parent        Role = "parent"
)

// Roles lists every role, in the order Steadfast shows them.
func Roles() []Role { return []Role{Admin, Supervisor, Practitioner, CoFacilitator, Parent} }

// ParseRole turns stored or typed text into a Role.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles() {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("access: unknown role %q", s)
}

// Label is the role's name as people say it.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "Administrator"
	case Supervisor:
		return "Supervisor"
	case Practitioner:
		return "Practitioner"
	case CoFacilitator:
		return "Co-facilitator"
	case Parent:
		return "Parent or carer"
	}
	return string(r)
}

// IsStaff reports whether the role belongs to the service rather than a family.
func (r Role) IsStaff() bool { return r != Parent }

// StaffRoles lists the roles an administrator can invite. Parents join
// through their family's record instead.
func StaffRoles() []Role { return []Role{Admin, Supervisor, Practitioner, CoFacilitator} }

// ParseStaffRole turns typed text into a staff role.
func ParseStaffRole(s string) (Role, error) {
	r, err := ParseRole(s)
	if err != nil || !r.IsStaff() {
		return "", fmt.Errorf("access: %q is not a staff role", s)
	}
	return r, nil
}
