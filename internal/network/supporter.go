package network

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Supporter is someone a parent has told, or means to tell, about what is
// happening at home, and who may help.
type Supporter struct {
	ID       string
	FamilyID string
	Name     string
	// Relationship is who they are to the family, in the parent's words:
	// "my sister", "Sam's football coach".
	Relationship string
	// Contact is how to reach them: a phone number or an email address,
	// as typed.
	Contact   string
	Roles     []Role
	Agreement Agreement
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Has reports whether the supporter has role among their roles.
func (s Supporter) Has(role Role) bool {
	for _, r := range s.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Limits on what a supporter holds.
const (
	maxName    = 200
	maxContact = 300
	// MaxSupporters bounds one family's list, so every page of it stays
	// small.
	MaxSupporters = 100
)

// Form field names of a supporter. Problems are keyed by them, and the web
// form uses them, so an error links to its field.
const (
	FieldName         = "name"
	FieldRelationship = "relationship"
	FieldContact      = "contact"
	FieldRoles        = "roles"
	FieldAgreement    = "agreement"
)

// Problems returns what is wrong with a supporter, by form field.
func (s Supporter) Problems() map[string]string {
	pr := map[string]string{}
	required(pr, FieldName, s.Name, "Enter their name")
	tooLong(pr, FieldName, s.Name, maxName)
	tooLong(pr, FieldRelationship, s.Relationship, maxName)
	tooLong(pr, FieldContact, s.Contact, maxContact)
	seen := map[Role]bool{}
	for _, r := range s.Roles {
		if !r.Valid() || seen[r] {
			pr[FieldRoles] = "Choose from the list how they might help"
		}
		seen[r] = true
	}
	if !s.Agreement.Valid() {
		pr[FieldAgreement] = "Say whether you have asked them yet"
	}
	return pr
}

// Trimmed returns the supporter with spaces trimmed from the ends of its
// words and its roles in the order forms offer them, as it is saved.
func (s Supporter) Trimmed() Supporter {
	s.Name, s.Relationship, s.Contact = strings.TrimSpace(s.Name), strings.TrimSpace(s.Relationship), strings.TrimSpace(s.Contact)
	var roles []Role
	for _, r := range Roles() {
		if s.Has(r) {
			roles = append(roles, r)
		}
	}
	s.Roles = roles
	return s
}

// required adds problem for field when v holds nothing but spaces.
func required(pr map[string]string, field, v, problem string) {
	if strings.TrimSpace(v) == "" {
		pr[field] = problem
	}
}

// tooLong adds a problem for field when v is longer than limit characters.
func tooLong(pr map[string]string, field, v string, limit int) {
	if utf8.RuneCountInString(strings.TrimSpace(v)) > limit {
		pr[field] = fmt.Sprintf("Keep this to %d characters or fewer", limit)
	}
}
