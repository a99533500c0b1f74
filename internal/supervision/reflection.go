package supervision

import (
	"fmt"
	"strings"
	"time"
)

// Reflection is the reflective part of a session: what the practitioner
// noticed in themselves, their triggers, how they are and what helped. It
// is private to the session's two people. No one else reads it, whatever
// their role, and break-glass does not open it; the only way out is an
// export for a legal request, which is recorded (see LegalExport).
type Reflection struct {
	SessionID  string
	Noticed    string
	Triggers   string
	HowIAm     string
	WhatHelped string
	UpdatedBy  string
	UpdatedAt  time.Time
}

// The reflection form's fields.
const (
	FieldNoticed    = "noticed"
	FieldTriggers   = "triggers"
	FieldHowIAm     = "how-i-am"
	FieldWhatHelped = "what-helped"
)

// ReflectionFields lists the reflection's fields in the order pages show them.
func ReflectionFields() []string {
	return []string{FieldNoticed, FieldTriggers, FieldHowIAm, FieldWhatHelped}
}

// Empty reports whether nothing has been written.
func (r Reflection) Empty() bool {
	return strings.TrimSpace(r.Noticed+r.Triggers+r.HowIAm+r.WhatHelped) == ""
}

// Problems explains what is wrong with the reflection, by form field. Every
// part is optional; each is limited in length.
func (r Reflection) Problems() map[string]string {
	p := map[string]string{}
	for field, v := range map[string]string{FieldNoticed: r.Noticed, FieldTriggers: r.Triggers, FieldHowIAm: r.HowIAm, FieldWhatHelped: r.WhatHelped} {
		if tooLong(v) {
			p[field] = fmt.Sprintf("Keep this to %d characters or fewer", MaxText)
		}
	}
	return p
}

// LegalExport records that an administrator exported a practitioner's
// reflective notes for a legal request, with the request it answers. The
// two people in each session are shown that it happened.
type LegalExport struct {
	ID             string
	PractitionerID string
	ExportedBy     string
	ExportedByName string
	Reason         string
	ExportedAt     time.Time
	// Sessions counts the sessions whose reflections the export held.
	Sessions int
}

// FieldLegalReason and FieldLegalPractitioner are the legal export form's fields.
const (
	FieldLegalReason       = "reason"
	FieldLegalPractitioner = "practitioner"
	FieldLegalConfirm      = "confirm"
)

// minLegalReason is the shortest reason accepted: enough for a court or
// request reference and who asked.
const minLegalReason = 20

// Problems explains what is wrong with the export request, by form field.
// confirmed is whether the administrator ticked that it answers a legal
// request.
func (e LegalExport) Problems(confirmed bool) map[string]string {
	p := map[string]string{}
	if e.PractitionerID == "" {
		p[FieldLegalPractitioner] = "Choose whose reflective notes the request is for"
	}
	switch reason := strings.TrimSpace(e.Reason); {
	case len([]rune(reason)) < minLegalReason:
		p[FieldLegalReason] = fmt.Sprintf("Say which legal request this answers, with its reference, in at least %d characters", minLegalReason)
	case tooLong(reason):
		p[FieldLegalReason] = fmt.Sprintf("Keep this to %d characters or fewer", MaxText)
	}
	if !confirmed {
		p[FieldLegalConfirm] = "Confirm that this export answers a legal request"
	}
	return p
}
