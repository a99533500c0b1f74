// Package supervision holds reflective supervision between a supervisor and
// a practitioner they supervise. For now it holds the agenda items that
// practitioners send from their work ("take this to supervision"); the
// supervision issue adds the sessions that read them.
package supervision

import "time"

// ItemKind is what was sent to supervision.
type ItemKind string

// The things a practitioner can send to supervision.
const (
	EngagementRecord    ItemKind = "engagement"
	ConversationPlan    ItemKind = "conversation-plan"
	ConversationDebrief ItemKind = "conversation-debrief"
)

// Label names the kind in plain words.
func (k ItemKind) Label() string {
	switch k {
	case EngagementRecord:
		return "Engagement record"
	case ConversationPlan:
		return "Conversation plan"
	case ConversationDebrief:
		return "Conversation debrief"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k ItemKind) Valid() bool {
	return k == EngagementRecord || k == ConversationPlan || k == ConversationDebrief
}

// Item is one thing a practitioner has sent to their supervision agenda,
// linked to the family and the record it came from.
type Item struct {
	ID             string
	PractitionerID string
	FamilyID       string
	Kind           ItemKind
	ItemID         string
	// FamilyName is the family's name, for pages.
	FamilyName string
	// Note is what the practitioner wants to talk about, if they said.
	Note        string
	SentAt      time.Time
	DiscussedAt time.Time // zero while waiting
}

// Path is the address of the record the item came from.
func (it Item) Path() string {
	if it.Kind == EngagementRecord {
		return "/families/" + it.FamilyID + "/engagement/" + it.ItemID
	}
	return "/families/" + it.FamilyID + "/conversations/" + it.ItemID
}
