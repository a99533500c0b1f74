package family

import "time"

// ConsentKind is what a family has agreed to.
type ConsentKind string

// The consents Steadfast records.
const (
	// ShareWithGroup lets the family's first names and attendance be shared
	// with an NVR group's facilitators and co-facilitators.
	ShareWithGroup ConsentKind = "group"
	// ShareWithSupporters lets what the parent chooses be shared with the
	// supporters they name.
	ShareWithSupporters ConsentKind = "supporters"
	// UseInEvaluation lets the family's anonymised answers count in reports
	// on whether the service helps.
	UseInEvaluation ConsentKind = "evaluation"
)

// ConsentKinds lists every consent, in the order forms offer them.
func ConsentKinds() []ConsentKind {
	return []ConsentKind{ShareWithGroup, ShareWithSupporters, UseInEvaluation}
}

// Label says what the consent allows, in plain words.
func (k ConsentKind) Label() string {
	switch k {
	case ShareWithGroup:
		return "Sharing first names and attendance with their NVR group"
	case ShareWithSupporters:
		return "Sharing with the supporters they name"
	case UseInEvaluation:
		return "Using their answers, without names, to see whether the service helps"
	}
	return string(k)
}

// ConsentHow is how consent was given.
type ConsentHow string

// The ways consent is given.
const (
	Spoken  ConsentHow = "spoken"
	Written ConsentHow = "written"
)

// Consent is one recorded consent, and its withdrawal if it was withdrawn.
type Consent struct {
	ID          string
	FamilyID    string
	Kind        ConsentKind
	How         ConsentHow
	GivenBy     string // who in the family gave it
	RecordedBy  string // the worker's name
	RecordedAt  time.Time
	WithdrawnAt *time.Time
}

// Active reports whether the consent holds now.
func (c Consent) Active() bool { return c.WithdrawnAt == nil }

// Holds reports whether the family has an active consent of kind: the one
// check every feature that shares or counts a family's information asks, so
// a withdrawal takes effect everywhere at once.
func Holds(consents []Consent, kind ConsentKind) bool {
	for _, c := range consents {
		if c.Kind == kind && c.Active() {
			return true
		}
	}
	return false
}

// Problems returns what is wrong with a consent to be recorded, by form field.
func (c Consent) Problems() map[string]string {
	p := map[string]string{}
	kindOK := false
	for _, k := range ConsentKinds() {
		kindOK = kindOK || k == c.Kind
	}
	if !kindOK {
		p["kind"] = "Choose what they agreed to"
	}
	if c.How != Spoken && c.How != Written {
		p["how"] = "Say whether they agreed in speech or in writing"
	}
	if c.GivenBy == "" {
		p["given-by"] = "Say who in the family agreed"
	} else if len(c.GivenBy) > 200 {
		p["given-by"] = "Keep this to 200 characters or fewer"
	}
	return p
}
