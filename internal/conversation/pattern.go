package conversation

import "github.com/steadfast-care/steadfast/internal/engagement"

// Pattern is a pattern of behaviour a practitioner expects when a family
// finds it hard to work with services: one of the four patterns of
// engagement records (internal/engagement, which holds their names and
// descriptions), or something else. It describes behaviour, never the
// family: "the family may avoid the visit", not "an avoidant family".
type Pattern string

// The patterns a plan can anticipate, in the order the form offers them.
const (
	Ambivalence   = Pattern(engagement.Ambivalence)
	Avoidance     = Pattern(engagement.Avoidance)
	Confrontation = Pattern(engagement.Confrontation)
	Violence      = Pattern(engagement.Violence)
	OtherPattern  = Pattern("other")
)

// Patterns lists every pattern a response can have, "other" last.
func Patterns() []Pattern {
	out := make([]Pattern, 0, len(engagement.Patterns())+1)
	for _, p := range engagement.Patterns() {
		out = append(out, Pattern(p))
	}
	return append(out, OtherPattern)
}

// Valid reports whether p is a known pattern.
func (p Pattern) Valid() bool { return p == OtherPattern || engagement.Pattern(p).Valid() }

// Label names the pattern in plain words.
func (p Pattern) Label() string {
	if p == OtherPattern {
		return "Something else"
	}
	return engagement.Pattern(p).Label()
}

// Description says in one line what the pattern looks like, as behaviour.
func (p Pattern) Description() string {
	if p == OtherPattern {
		return "Anything else you expect: describe what they might say or do."
	}
	return engagement.Pattern(p).Description()
}
