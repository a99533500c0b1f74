package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is the kind of a journal entry.
type Kind string

// The kinds of entry.
const (
	HardMoment Kind = "incident"
	SelfCare   Kind = "self-care"
	Gesture    Kind = "gesture"
	Presence   Kind = "presence"
)

// Kinds lists the kinds in the order the parent's space offers them.
func Kinds() []Kind { return []Kind{HardMoment, Gesture, SelfCare, Presence} }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	return k == HardMoment || k == SelfCare || k == Gesture || k == Presence
}

// Label names the kind for a parent.
func (k Kind) Label() string {
	switch k {
	case HardMoment:
		return "A hard moment"
	case SelfCare:
		return "Looking after myself"
	case Gesture:
		return "A reconciliation gesture"
	case Presence:
		return "Being there"
	}
	return string(k)
}

// What is something that happened in a hard moment.
type What string

// The things that can happen in a hard moment.
const (
	VerbalAbuse      What = "verbal-abuse"
	Threats          What = "threats"
	PhysicalViolence What = "physical-violence"
	Damage           What = "damage"
	SelfHarm         What = "self-harm"
	RunningOff       What = "running-off"
	Demands          What = "controlling-demands"
	OtherWhat        What = "other"
)

// Whats lists what can happen, in the order the form offers them.
func Whats() []What {
	return []What{VerbalAbuse, Threats, PhysicalViolence, Damage, SelfHarm, RunningOff, Demands, OtherWhat}
}

// Label names what happened in plain words.
func (w What) Label() string {
	switch w {
	case VerbalAbuse:
		return "Shouting, swearing or names"
	case Threats:
		return "Threats"
	case PhysicalViolence:
		return "Hitting, kicking or pushing someone"
	case Damage:
		return "Breaking or damaging things"
	case SelfHarm:
		return "Hurting themselves"
	case RunningOff:
		return "Running off"
	case Demands:
		return "Controlling demands"
	case OtherWhat:
		return "Something else"
	}
	return string(w)
}

// Response is something the parent did in a hard moment.
type Response string

// The things a parent may have done: the first five escalate, the rest
// de-escalate.
const (
	Shouted       Response = "shouted"
	Threatened    Response = "threatened"
	Lectured      Response = "lectured"
	GaveIn        Response = "gave-in"
	PushedOrHit   Response = "pushed-or-hit"
	StayedSilent  Response = "stayed-silent"
	LeftTheRoom   Response = "left-the-room"
	ComeBackLater Response = "come-back-later"
	CalmedMyself  Response = "calmed-myself"
)

// Responses lists what a parent may have done, the calm things first.
func Responses() []Response {
	return []Response{StayedSilent, LeftTheRoom, ComeBackLater, CalmedMyself, Shouted, Threatened, Lectured, GaveIn, PushedOrHit}
}

// DeEscalating reports whether the response calms things down.
func (r Response) DeEscalating() bool {
	return r == StayedSilent || r == LeftTheRoom || r == ComeBackLater || r == CalmedMyself
}

// Label names the response as the parent would say it.
func (r Response) Label() string {
	switch r {
	case Shouted:
		return "I shouted"
	case Threatened:
		return "I threatened"
	case Lectured:
		return "I lectured or argued"
	case GaveIn:
		return "I gave in"
	case PushedOrHit:
		return "I pushed or hit"
	case StayedSilent:
		return "I stayed quiet"
	case LeftTheRoom:
		return "I left the room"
	case ComeBackLater:
		return "I said “I'll come back to you about this”"
	case CalmedMyself:
		return "I calmed myself down"
	}
	return string(r)
}

// Entry is one thing a parent recorded in their journal.
type Entry struct {
	// The facts every entry has are stored as columns, not in its details.
	ID         string    `json:"-"`
	FamilyID   string    `json:"-"`
	AuthorID   string    `json:"-"`
	AuthorName string    `json:"-"`
	Kind       Kind      `json:"-"`
	OccurredAt time.Time `json:"-"`
	CreatedAt  time.Time `json:"-"`

	// A hard moment.
	What       []What     `json:"what,omitempty"`
	Happened   string     `json:"happened,omitempty"` // in the parent's words
	Intensity  *int       `json:"intensity,omitempty"`
	Triggers   string     `json:"triggers,omitempty"`
	Body       *int       `json:"body,omitempty"` // how the parent felt in their body, 0–10
	Responses  []Response `json:"responses,omitempty"`
	Delayed    bool       `json:"delayed,omitempty"`
	FollowUp   string     `json:"follow_up,omitempty"`
	FollowUpOn string     `json:"follow_up_on,omitempty"` // a date, YYYY-MM-DD
	Hurt       bool       `json:"hurt,omitempty"`
	HurtWho    string     `json:"hurt_who,omitempty"`
	CalledFor  string     `json:"called,omitempty"` // who the parent called for support

	// Looking after myself, a gesture, or being there.
	Did           string `json:"did,omitempty"`
	Feeling       *int   `json:"feeling,omitempty"` // looking after myself, 0–10
	ChildResponse string `json:"child_response,omitempty"`
}

// Form field names.
const (
	FieldWhen      = "when"
	FieldWhat      = "what"
	FieldHappened  = "happened"
	FieldIntensity = "intensity"
	FieldTriggers  = "triggers"
	FieldBody      = "body"
	FieldResponses = "responses"
	FieldDelayed   = "delayed"
	FieldFollowUp  = "follow-up"
	FieldHurt      = "hurt"
	FieldHurtWho   = "hurt-who"
	FieldCalled    = "called"
	FieldDid       = "did"
	FieldFeeling   = "feeling"
	FieldChild     = "child-response"
)

// maxText bounds each piece of writing in an entry.
const maxText = 5000

// Problems returns what is wrong with the entry, by form field, in words
// for a parent. now is the time it is saved: an entry cannot be in the
// future.
func (e Entry) Problems(now time.Time) map[string]string {
	p := map[string]string{}
	if !e.Kind.Valid() {
		p["kind"] = "Choose what you would like to write down"
	}
	switch {
	case e.OccurredAt.IsZero():
		p[FieldWhen] = "Enter when it happened, like 27 11 2026 and 18:30"
	case e.OccurredAt.After(now.Add(5 * time.Minute)):
		p[FieldWhen] = "Enter a time that has already happened"
	}
	for field, v := range map[string]*int{FieldIntensity: e.Intensity, FieldBody: e.Body, FieldFeeling: e.Feeling} {
		if v != nil && (*v < 0 || *v > 10) {
			p[field] = "Choose a number from 0 to 10"
		}
	}
	for field, v := range map[string]string{FieldHappened: e.Happened, FieldTriggers: e.Triggers, FieldFollowUp: e.FollowUp, FieldHurtWho: e.HurtWho,
		FieldCalled: e.CalledFor, FieldDid: e.Did, FieldChild: e.ChildResponse} {
		if utf8.RuneCountInString(v) > maxText {
			p[field] = fmt.Sprintf("Keep this to %d characters or fewer", maxText)
		}
	}
	switch e.Kind {
	case HardMoment:
		if len(e.What) == 0 && strings.TrimSpace(e.Happened) == "" {
			p[FieldWhat] = "Choose what happened, or write a few words about it"
		}
		for _, w := range e.What {
			if !validWhat(w) {
				p[FieldWhat] = "Choose what happened from the list"
			}
		}
		if e.Intensity == nil {
			p[FieldIntensity] = "Choose how intense it was, from 0 to 10"
		}
		for _, r := range e.Responses {
			if !validResponse(r) {
				p[FieldResponses] = "Choose what you did from the list"
			}
		}
	case SelfCare, Gesture, Presence:
		if strings.TrimSpace(e.Did) == "" {
			p[FieldDid] = "Write a few words about what you did"
		}
	}
	return p
}

func validWhat(w What) bool {
	for _, x := range Whats() {
		if x == w {
			return true
		}
	}
	return false
}

func validResponse(r Response) bool {
	for _, x := range Responses() {
		if x == r {
			return true
		}
	}
	return false
}

// MetCalmly reports whether a hard moment was met with a de-escalating
// response or a delayed response: what NVR asks of a parent.
func (e Entry) MetCalmly() bool {
	if e.Kind != HardMoment {
		return false
	}
	if e.Delayed {
		return true
	}
	for _, r := range e.Responses {
		if r.DeEscalating() {
			return true
		}
	}
	return false
}

// Has reports whether the hard moment included w.
func (e Entry) Has(w What) bool {
	for _, x := range e.What {
		if x == w {
			return true
		}
	}
	return false
}

// DidRespond reports whether the parent recorded doing r.
func (e Entry) DidRespond(r Response) bool {
	for _, x := range e.Responses {
		if x == r {
			return true
		}
	}
	return false
}

// Summary is the entry in a few words, as the family's timeline shows it.
func (e Entry) Summary() string {
	var parts []string
	switch e.Kind {
	case HardMoment:
		var what []string
		for _, w := range e.What {
			what = append(what, strings.ToLower(w.Label()))
		}
		if len(what) > 0 {
			parts = append(parts, "What happened: "+strings.Join(what, ", ")+".")
		}
		if s := strings.TrimSpace(e.Happened); s != "" {
			parts = append(parts, sentence(s))
		}
		if e.Intensity != nil {
			parts = append(parts, fmt.Sprintf("Intensity %d out of 10.", *e.Intensity))
		}
		var did []string
		for _, r := range e.Responses {
			did = append(did, r.Label())
		}
		if len(did) > 0 {
			parts = append(parts, "What I did: "+strings.Join(did, "; ")+".")
		}
		if e.Delayed {
			parts = append(parts, "I delayed my response.")
		}
		if e.Hurt {
			parts = append(parts, "Someone was hurt.")
		}
	default:
		if s := strings.TrimSpace(e.Did); s != "" {
			parts = append(parts, sentence(s))
		}
		if s := strings.TrimSpace(e.ChildResponse); s != "" {
			parts = append(parts, "How my child responded: "+sentence(s))
		}
		if e.Feeling != nil {
			parts = append(parts, fmt.Sprintf("How I feel: %d out of 10.", *e.Feeling))
		}
	}
	return strings.Join(parts, " ")
}

// sentence ends s with a full stop unless it already ends a sentence.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "”") {
		return s
	}
	return s + "."
}
