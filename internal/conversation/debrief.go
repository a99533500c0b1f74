package conversation

import (
	"strings"
	"time"
)

// Debrief is what a practitioner records after the conversation. A changed
// debrief keeps every earlier version.
type Debrief struct {
	PlanID     string
	HeldOn     string // the day the conversation was held, YYYY-MM-DD
	HowItWent  string
	FamilySaid string // what the family said, in their own words
	HowIFelt   string
	NextSteps  string
	AuthorID   string // who saved this version
	AuthorName string
	Version    int // 1 for the first debrief, then 2, 3, …
	RecordedAt time.Time
}

// Form field names for the parts of a debrief.
const (
	FieldHeldOn     = "held"
	FieldHowItWent  = "how-it-went"
	FieldFamilySaid = "family-said"
	FieldHowIFelt   = "how-i-felt"
	FieldNextSteps  = "next-steps"
)

// Problems returns what is wrong with a debrief, by form field. today is
// the practitioner's date: a conversation cannot be held after it.
func (d Debrief) Problems(today time.Time) map[string]string {
	pr := map[string]string{}
	held, err := time.Parse("2006-01-02", d.HeldOn)
	switch {
	case d.HeldOn == "" || err != nil:
		pr[FieldHeldOn] = "Enter the date the conversation was held, for example 3 12 2026"
	case held.After(time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)):
		pr[FieldHeldOn] = "The date the conversation was held must be today or in the past"
	}
	required(pr, FieldHowItWent, d.HowItWent, "Say how the conversation went")
	required(pr, FieldNextSteps, d.NextSteps, "Say what happens next, and who will do it")
	for field, v := range map[string]string{FieldHowItWent: d.HowItWent, FieldFamilySaid: d.FamilySaid,
		FieldHowIFelt: d.HowIFelt, FieldNextSteps: d.NextSteps} {
		tooLong(pr, field, v, maxText)
	}
	return pr
}

// Same reports whether two debriefs say the same thing, ignoring spaces at
// the ends, so that saving an unchanged debrief adds no version.
func (d Debrief) Same(o Debrief) bool {
	t := strings.TrimSpace
	return d.HeldOn == o.HeldOn && t(d.HowItWent) == t(o.HowItWent) && t(d.FamilySaid) == t(o.FamilySaid) &&
		t(d.HowIFelt) == t(o.HowIFelt) && t(d.NextSteps) == t(o.NextSteps)
}
