package journal

import (
	"strings"
	"time"
)

// Basket is where a parent has put one of their child's behaviours, in
// NVR's baskets: what they must resist, what is open to negotiation, and
// what they let go for now so they can focus.
type Basket string

// The three baskets, from the one that matters most.
const (
	MustResist Basket = "must-resist"
	Negotiable Basket = "negotiable"
	LetGo      Basket = "let-go"
)

// Baskets lists the baskets in the order forms and pages show them.
func Baskets() []Basket { return []Basket{MustResist, Negotiable, LetGo} }

// Valid reports whether b is a known basket.
func (b Basket) Valid() bool { return b == MustResist || b == Negotiable || b == LetGo }

// Label names the basket.
func (b Basket) Label() string {
	switch b {
	case MustResist:
		return "Must resist"
	case Negotiable:
		return "Negotiable"
	case LetGo:
		return "Let go for now"
	}
	return string(b)
}

// Explain says in plain words, for a parent, what goes in the basket.
func (b Basket) Explain() string {
	switch b {
	case MustResist:
		return "Things you will always stand up to, calmly: anything that puts someone's safety at risk, and violence."
	case Negotiable:
		return "Things that matter to you, where you can talk it over and find a middle way together."
	case LetGo:
		return "Things you choose not to take on for now, so you have the energy for what matters most."
	}
	return ""
}

// Behaviour is one of the child's behaviours, in the parent's words, and
// the basket it is in. A behaviour is in exactly one basket.
type Behaviour struct {
	ID        string
	FamilyID  string
	What      string
	Basket    Basket
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Move is one change to the baskets: a behaviour put in a basket (no From),
// moved from one to another, or taken off (no To). It keeps the words of
// the behaviour as they were, so it still reads true after it is taken off.
type Move struct {
	BehaviourID string
	What        string
	From        Basket
	To          Basket
	At          time.Time
}

// Limits on the baskets.
const (
	maxBehaviour = 200
	// MaxBehaviours bounds how many behaviours one family sorts.
	MaxBehaviours = 60
)

// Form field names of a behaviour. Problems are keyed by them.
const (
	FieldBehaviour = "what"
	FieldBasket    = "basket"
)

// BehaviourKey is the form of a behaviour's words used to tell whether it
// is already in a basket: lower case, with runs of spaces made one.
func BehaviourKey(what string) string {
	return strings.ToLower(strings.Join(strings.Fields(what), " "))
}

// NewBehaviourProblems returns what is wrong with putting what in basket,
// by form field, given the behaviours already sorted: the words and a
// basket are needed, and a behaviour already in a basket cannot go in a
// second one (the parent moves it instead).
func NewBehaviourProblems(what string, basket Basket, sorted []Behaviour) map[string]string {
	pr := map[string]string{}
	if strings.TrimSpace(what) == "" {
		pr[FieldBehaviour] = "Say in a few words what your child does"
	}
	tooLong(pr, FieldBehaviour, what, maxBehaviour)
	if b, ok := InBasket(sorted, what); ok && pr[FieldBehaviour] == "" {
		pr[FieldBehaviour] = "This is already in “" + b.Basket.Label() + "”. You can move it from the baskets page"
	}
	if !basket.Valid() {
		pr[FieldBasket] = "Choose a basket"
	}
	return pr
}

// MoveProblems returns what is wrong with moving b to basket to, by form
// field.
func MoveProblems(b Behaviour, to Basket) map[string]string {
	pr := map[string]string{}
	switch {
	case !to.Valid():
		pr[FieldBasket] = "Choose the basket to move it to"
	case to == b.Basket:
		pr[FieldBasket] = "It is in “" + to.Label() + "” already. Choose another basket"
	}
	return pr
}

// InBasket finds the behaviour among sorted with the same words as what,
// whatever its case and spacing.
func InBasket(sorted []Behaviour, what string) (Behaviour, bool) {
	key := BehaviourKey(what)
	if key == "" {
		return Behaviour{}, false
	}
	for _, b := range sorted {
		if BehaviourKey(b.What) == key {
			return b, true
		}
	}
	return Behaviour{}, false
}

// Sorted groups behaviours by basket, in the order Baskets gives, keeping
// their order within each basket.
func Sorted(behaviours []Behaviour) map[Basket][]Behaviour {
	out := map[Basket][]Behaviour{}
	for _, b := range behaviours {
		out[b.Basket] = append(out[b.Basket], b)
	}
	return out
}
