package engagement

// Pattern is one of the four patterns of hard engagement a practitioner can
// describe. It is always recorded with the behaviour actually seen.
type Pattern string

// The four patterns, in the order forms, charts and tables show them.
const (
	Ambivalence   Pattern = "ambivalence"
	Avoidance     Pattern = "avoidance"
	Confrontation Pattern = "confrontation"
	Violence      Pattern = "violence"
)

// Patterns lists the four patterns in order.
func Patterns() []Pattern { return []Pattern{Ambivalence, Avoidance, Confrontation, Violence} }

// Valid reports whether p is one of the four patterns.
func (p Pattern) Valid() bool {
	for _, q := range Patterns() {
		if p == q {
			return true
		}
	}
	return false
}

// Label is the pattern's plain name.
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
	}
	return string(p)
}

// Description says in one line what behaviour the pattern covers, for the
// form's hint text.
func (p Pattern) Description() string {
	switch p {
	case Ambivalence:
		return "Engaging on and off, or agreeing to things that then do not happen."
	case Avoidance:
		return "Missed visits, not being at home when we call, or keeping the child away from us."
	case Confrontation:
		return "Arguing with us or challenging us. Disagreeing with an assessment is not, on its own, resistance."
	case Violence:
		return "Threats or aggression towards workers."
	}
	return ""
}

// index is the pattern's place in Patterns, or -1.
func (p Pattern) index() int {
	for i, q := range Patterns() {
		if p == q {
			return i
		}
	}
	return -1
}
