package demo

import "strings"

// voice fills the placeholders in demo text for one family at one time:
//
//	{c}, {c.he}, {c.He}, {c.him}, {c.his}, {c.His}  the eldest child
//	{p}, {p.he}, {p.He}, {p.him}, {p.his}, {p.His}  the adult the note is with
//	{call}    what the child calls that adult: Mum, Dad, Nani, or their name
//	{school}  the eldest child's school or nursery
//	{via}     how a conversation with the adult was interpreted, or ""
type voice struct {
	child, carer        string // first names
	childMan, carerMan  bool
	call, school        string
	interpreterLanguage string // "" when the adult needs no interpreter
}

// replacer returns a strings.Replacer filling v's placeholders.
func (v voice) replacer() *strings.Replacer {
	call := v.call
	if call == "" {
		call = v.carer
	}
	school := v.school
	if school == "" {
		school = "school"
	}
	via := ""
	if v.interpreterLanguage != "" {
		via = ", with a " + v.interpreterLanguage + " interpreter"
	}
	pairs := []string{"{c}", v.child, "{p}", v.carer, "{call}", call, "{school}", school, "{via}", via}
	pairs = append(pairs, pronouns("{c.", v.childMan)...)
	pairs = append(pairs, pronouns("{p.", v.carerMan)...)
	return strings.NewReplacer(pairs...)
}

// pronouns returns placeholder and pronoun pairs for prefix, such as "{c.".
func pronouns(prefix string, man bool) []string {
	he, him, his := "she", "her", "her"
	if man {
		he, him, his = "he", "him", "his"
	}
	return []string{
		prefix + "he}", he, prefix + "He}", strings.ToUpper(he[:1]) + he[1:],
		prefix + "him}", him, prefix + "his}", his, prefix + "His}", strings.ToUpper(his[:1]) + his[1:],
	}
}
