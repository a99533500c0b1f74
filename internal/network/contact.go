package network

import "time"

// Contact is one time the parent was in touch with a supporter: when, and
// what about, in a few words.
type Contact struct {
	ID          string
	FamilyID    string
	SupporterID string
	// On is the day, YYYY-MM-DD.
	On        string
	About     string
	CreatedAt time.Time
}

// maxAbout bounds "what about": a few words, not a diary.
const maxAbout = 500

// Form field names of a contact.
const (
	FieldOn    = "on"
	FieldAbout = "about"
)

// Problems returns what is wrong with a contact, by form field. today is
// the parent's own date, YYYY-MM-DD: a contact cannot be in the future.
func (c Contact) Problems(today string) map[string]string {
	pr := map[string]string{}
	switch d, err := time.Parse(dateLayout, c.On); {
	case err != nil:
		pr[FieldOn] = "Enter the date, for example 3 11 2026"
	case c.On > today:
		pr[FieldOn] = "The date must be today or before"
	case d.Year() < 1900:
		pr[FieldOn] = "Enter the date, for example 3 11 2026"
	}
	required(pr, FieldAbout, c.About, "Say in a few words what it was about")
	tooLong(pr, FieldAbout, c.About, maxAbout)
	return pr
}

// dateLayout is how a day is written in storage and in a contact.
const dateLayout = "2006-01-02"
