package demo

import (
	"math/rand/v2"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
)

// household is a demo family's people, drawn from its situation.
type household struct {
	sit      *situation
	surname  string // the children's, which names the family
	adults   []adult
	children []child // the eldest first
}

// adult is a grown-up in a household, with the spec it was drawn from.
type adult struct {
	first, last string
	spec        personSpec
}

// child is a child in a household.
type child struct {
	first, school, whatMatters string
	man                        bool
	dob                        time.Time
}

// name is the adult's full name.
func (a adult) name() string { return a.first + " " + a.last }

// languages are the languages the adult speaks, by their culture unless
// their spec says otherwise.
func (a adult) languages(familyCulture int) string {
	if a.spec.languages != "" {
		return a.spec.languages
	}
	return cultures[cultureOf(a.spec, familyCulture)].languages
}

// cultureOf is the culture a person's names come from.
func cultureOf(p personSpec, familyCulture int) int {
	if p.culture == 0 {
		return familyCulture
	}
	return p.culture
}

// drawHouseholds draws every situation's people, giving each family, and
// each adult with a surname of their own, a surname no other has.
func drawHouseholds(rng *rand.Rand, names *namer, today time.Time) []household {
	taken := map[string]bool{}
	out := make([]household, len(situations))
	for i := range situations {
		out[i] = drawHousehold(rng, names, &situations[i], taken, today)
	}
	return out
}

func drawHousehold(rng *rand.Rand, names *namer, sit *situation, taken map[string]bool, today time.Time) household {
	c := cultures[sit.culture]
	h := household{sit: sit}
	for h.surname == "" || taken[h.surname] {
		h.surname = c.surnames[rng.IntN(len(c.surnames))]
	}
	taken[h.surname] = true
	for _, p := range sit.people {
		pc := cultures[cultureOf(p, sit.culture)]
		firsts := pc.women
		if p.man {
			firsts = pc.men
		}
		a := adult{spec: p}
		switch p.surname {
		case familySurname:
			a.first, a.last = names.firstFor(firsts, h.surname), h.surname
		case sharedSurname:
			a.last = h.adults[len(h.adults)-1].last
			a.first = names.firstFor(firsts, a.last)
		default:
			for a.last == "" || taken[a.last] {
				a.first, a.last = names.from(firsts, pc.surnames)
			}
			taken[a.last] = true
		}
		h.adults = append(h.adults, a)
	}
	n := sit.children
	if n == 0 {
		n = 1 + rng.IntN(3)
	}
	age := sit.eldest[0] + rng.IntN(sit.eldest[1]-sit.eldest[0]+1)
	dob := today.AddDate(-age, -rng.IntN(12), -rng.IntN(28))
	schools := map[string]string{} // brothers and sisters of an age go to the same school, by the first of its kind
	for i := 0; i < n && dob.Before(today.AddDate(-1, 0, 0)); i++ {
		ch := child{man: rng.IntN(2) == 0, dob: dob}
		pool := c.girls
		if ch.man {
			pool = c.boys
		}
		ch.first = names.firstFor(pool, h.surname)
		kind := schoolsFor(yearsOld(dob, today))
		if schools[kind[0]] == "" {
			schools[kind[0]] = kind[rng.IntN(len(kind))]
		}
		ch.school = schools[kind[0]]
		matters := append(append([]string{}, mattersToThem...), c.matters...)
		ch.whatMatters = matters[rng.IntN(len(matters))]
		h.children = append(h.children, ch)
		dob = dob.AddDate(0, 15+rng.IntN(34), rng.IntN(28)) // the next is 15 months to four years younger
	}
	return h
}

// members lists the household as the family's record holds it.
func (h household) members(familyID string) []family.Member {
	var out []family.Member
	for _, ch := range h.children {
		out = append(out, family.Member{FamilyID: familyID, Kind: family.Child, Name: ch.first + " " + h.surname,
			DateOfBirth: ch.dob.Format("2006-01-02"), School: ch.school, WhatMatters: ch.whatMatters})
	}
	for _, a := range h.adults {
		out = append(out, family.Member{FamilyID: familyID, Kind: a.spec.kind, Name: a.name(), Relationship: a.spec.relationship,
			Languages: a.languages(h.sit.culture), Interpreter: a.spec.interpreter, Access: a.spec.access})
	}
	return out
}

// voiceWith is the voice of a note with the adult at index i, about the
// eldest child.
func (h household) voiceWith(i int) voice {
	a, eldest := h.adults[i], h.children[0]
	v := voice{child: eldest.first, childMan: eldest.man, carer: a.first, carerMan: a.spec.man, call: a.spec.called, school: eldest.school}
	if a.spec.interpreter {
		v.interpreterLanguage, _, _ = strings.Cut(a.languages(h.sit.culture), " ")
		v.interpreterLanguage = strings.TrimSuffix(v.interpreterLanguage, ";")
	}
	return v
}

// yearsOld is the age in whole years of someone born on dob.
func yearsOld(dob, today time.Time) int {
	years := today.Year() - dob.Year()
	if today.YearDay() < dob.YearDay() {
		years--
	}
	return years
}
