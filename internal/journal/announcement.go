package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// AnnouncementStatus is how far an announcement has come: written and
// rewritten as a draft, made final, then read to the child.
type AnnouncementStatus string

// The statuses of an announcement, in order.
const (
	Draft     AnnouncementStatus = "draft"
	Final     AnnouncementStatus = "final"
	Delivered AnnouncementStatus = "delivered"
)

// Label names the status for a parent.
func (s AnnouncementStatus) Label() string {
	switch s {
	case Draft:
		return "Draft"
	case Final:
		return "Ready to read out"
	case Delivered:
		return "Read out"
	}
	return string(s)
}

// AnnouncementParts are the parts the guided builder asks for, in the
// order the announcement says them (DOMAIN.md: what the parent will no
// longer accept; that they will resist it by every means except violence;
// that they are not trying to win or control; that they are telling
// others), with a caring opening.
type AnnouncementParts struct {
	Care        string `json:"care"`         // why I am saying this: I care about you, about us
	NoLonger    string `json:"no_longer"`    // what I will no longer accept
	Resist      string `json:"resist"`       // I will resist it, by every means except violence
	NotWinning  string `json:"not_winning"`  // I am not trying to win or to control you
	TellingWhom string `json:"telling_whom"` // who I am telling, and why
}

// DefaultParts are the builder's starting words for the parts a parent
// usually keeps as they are: their own words can replace them.
func DefaultParts() AnnouncementParts {
	return AnnouncementParts{
		Resist:     "I will do everything I can to stop this, except hurting you or attacking you. I will not shout, threaten or hit.",
		NotWinning: "I am not trying to win, or to control you. I am doing this because I am your parent and I care what happens to you and to all of us.",
	}
}

// Text puts the parts together as the announcement reads, a paragraph a
// part, leaving out empty ones.
func (p AnnouncementParts) Text() string {
	var out []string
	for _, s := range []string{p.Care, p.NoLonger, p.Resist, p.NotWinning, p.TellingWhom} {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}

// Announcement is a family's NVR announcement.
type Announcement struct {
	ID       string
	FamilyID string
	Status   AnnouncementStatus
	Parts    AnnouncementParts
	// Text is the announcement as it will be read: built from the parts,
	// then edited freely.
	Text string
	// DeliveredOn, Present and SupportersTold record the reading.
	DeliveredOn    string // a date, YYYY-MM-DD
	Present        string
	SupportersTold string
	UpdatedAt      time.Time
}

// Form field names for the announcement.
const (
	FieldCare        = "care"
	FieldNoLonger    = "no-longer"
	FieldResist      = "resist"
	FieldNotWinning  = "not-winning"
	FieldTellingWhom = "telling-whom"
	FieldText        = "text"
	FieldDelivered   = "delivered-on"
	FieldPresent     = "present"
	FieldTold        = "supporters-told"
)

// DraftProblems returns what is wrong with a draft, by form field: it
// needs at least what the parent will no longer accept, and nothing too
// long.
func (a Announcement) DraftProblems() map[string]string {
	p := map[string]string{}
	if strings.TrimSpace(a.Parts.NoLonger) == "" && strings.TrimSpace(a.Text) == "" {
		p[FieldNoLonger] = "Write what you will no longer accept: that is the heart of the announcement"
	}
	for field, v := range map[string]string{FieldCare: a.Parts.Care, FieldNoLonger: a.Parts.NoLonger, FieldResist: a.Parts.Resist,
		FieldNotWinning: a.Parts.NotWinning, FieldTellingWhom: a.Parts.TellingWhom, FieldText: a.Text} {
		if utf8.RuneCountInString(v) > maxText {
			p[field] = fmt.Sprintf("Keep this to %d characters or fewer", maxText)
		}
	}
	return p
}

// CanMoveTo says why the announcement cannot move to status next, or ""
// when it can: a draft becomes final once it has its text, a final one is
// delivered with the date, and a delivered one is kept as it was.
func (a Announcement) CanMoveTo(next AnnouncementStatus) string {
	switch {
	case a.Status == Delivered:
		return "This announcement has been read out, so it is kept as it was"
	case next == Final && strings.TrimSpace(a.Text) == "":
		return "Write the announcement before making it final"
	case next == Delivered && a.Status != Final:
		return "Make the announcement final before recording that you read it out"
	case next == Draft && a.Status == Final:
		return ""
	case next != Final && next != Delivered && next != Draft:
		return "Choose what to do with the announcement"
	}
	return ""
}

// DeliveryProblems returns what is wrong with the record of reading the
// announcement out, by form field. on is the date, YYYY-MM-DD, or "".
func DeliveryProblems(on string, today time.Time, present string) map[string]string {
	p := map[string]string{}
	d, err := time.Parse("2006-01-02", on)
	switch {
	case on == "" || err != nil:
		p[FieldDelivered] = "Enter the date you read it out, like 27 11 2026"
	case d.After(today):
		p[FieldDelivered] = "Enter a date that has already happened"
	}
	if strings.TrimSpace(present) == "" {
		p[FieldPresent] = "Say who was there: your child, and anyone with you"
	}
	return p
}
