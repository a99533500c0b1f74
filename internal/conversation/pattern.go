package conversation

// Pattern is a pattern of behaviour a practitioner expects or sees when a
// family finds it hard to work with services. It describes behaviour, never
// the family: "the family may avoid the visit", not "an avoidant family".
//
// The four patterns, and their descriptions, also belong to engagement
// records (internal/engagement). This list is defined here so the two
// pieces of work could be built side by side; once both have landed it
// should share the engagement package's list rather than keep its own.
type Pattern string

// The patterns a plan can anticipate, in the order the form offers them.
const (
	Ambivalence   Pattern = "ambivalence"
	Avoidance     Pattern = "avoidance"
	Confrontation Pattern = "confrontation"
	Violence      Pattern = "violence"
	OtherPattern  Pattern = "other"
)

// Patterns lists every pattern a response can have, "other" last.
func Patterns() []Pattern {
	return []Pattern{Ambivalence, Avoidance, Confrontation, Violence, OtherPattern}
}

// Valid reports whether p is a known pattern.
func (p Pattern) Valid() bool {
	for _, q := range Patterns() {
		if p == q {
			return true
		}
	}
	return false
}

// Label names the pattern in plain words.
func (p Pattern) Label() string {
	switch p {
	case Ambivalence:
		return "Ambivalence"
	case Avoidance:
		return "Avoidance"
	case Confrontation:
		return "Confrontation"
	case Violence:
		return "Violence"
	case OtherPattern:
		return "Something else"
	}
	return string(p)
}

// Description says in one line what the pattern looks like, as behaviour,
// with a reminder of what it may mean where that matters.
func (p Pattern) Description() string {
	switch p {
	case Ambivalence:
		return "Engaging on and off, or agreeing to something and then not doing it. It may reflect cultural differences, not knowing what is expected, or past experience of services."
	case Avoidance:
		return "Missed visits, not being at home, or keeping the child away. Changes of worker, worry about what we will find, or resenting interference can all lie behind it."
	case Confrontation:
		return "Arguing with us or challenging us, often out of distrust or fear. Disagreeing with an assessment is not, on its own, resistance."
	case Violence:
		return "Threats or aggression toward workers, often out of fear or anger at authority. Plan for your own safety too."
	case OtherPattern:
		return "Anything else you expect: describe what they might say or do."
	}
	return ""
}
