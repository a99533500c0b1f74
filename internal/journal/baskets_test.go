package journal

import (
	"strings"
	"testing"
)

func TestBasketsHaveLabelsAndPlainExplanations(t *testing.T) {
	want := map[Basket]string{MustResist: "Must resist", Negotiable: "Negotiable", LetGo: "Let go for now"}
	if len(Baskets()) != 3 {
		t.Fatalf("baskets = %v", Baskets())
	}
	for _, b := range Baskets() {
		if !b.Valid() || b.Label() != want[b] || b.Explain() == "" {
			t.Errorf("%q: valid %v, label %q, explain %q", b, b.Valid(), b.Label(), b.Explain())
		}
	}
	for _, b := range []Basket{"", "must", "let go"} {
		if b.Valid() || b.Explain() != "" {
			t.Errorf("%q is valid", b)
		}
	}
}

func TestNewBehaviourProblems(t *testing.T) {
	sorted := []Behaviour{{ID: "1", What: "Hitting their brother", Basket: MustResist}, {ID: "2", What: "Untidy room", Basket: LetGo}}
	for _, tc := range []struct {
		name, what string
		basket     Basket
		want       []string
	}{
		{"fine", "Swearing at me", Negotiable, nil},
		{"no words", " ", Negotiable, []string{FieldBehaviour}},
		{"too long", strings.Repeat("a", maxBehaviour+1), Negotiable, []string{FieldBehaviour}},
		{"no basket", "Swearing at me", "", []string{FieldBasket}},
		{"unknown basket", "Swearing at me", "maybe", []string{FieldBasket}},
		{"already in a basket", "Untidy room", Negotiable, []string{FieldBehaviour}},
		{"already there, other case and spaces", "  untidy   ROOM ", MustResist, []string{FieldBehaviour}},
		{"already in the same basket", "Hitting their brother", MustResist, []string{FieldBehaviour}},
		{"nothing", "", "", []string{FieldBehaviour, FieldBasket}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFields(t, NewBehaviourProblems(tc.what, tc.basket, sorted), tc.want)
		})
	}
}

func TestMoveProblems(t *testing.T) {
	b := Behaviour{What: "Swearing at me", Basket: Negotiable}
	for _, tc := range []struct {
		name string
		to   Basket
		want []string
	}{
		{"to must resist", MustResist, nil},
		{"to let go", LetGo, nil},
		{"same basket", Negotiable, []string{FieldBasket}},
		{"no basket", "", []string{FieldBasket}},
		{"unknown", "bin", []string{FieldBasket}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFields(t, MoveProblems(b, tc.to), tc.want)
		})
	}
}

func TestABehaviourIsInOneBasketOnly(t *testing.T) {
	behaviours := []Behaviour{{ID: "1", What: "Hitting", Basket: MustResist}, {ID: "2", What: "Swearing", Basket: Negotiable}, {ID: "3", What: "Late up", Basket: LetGo}, {ID: "4", What: "Kicking doors", Basket: MustResist}}
	sorted := Sorted(behaviours)
	n := 0
	seen := map[string]Basket{}
	for _, basket := range Baskets() {
		for _, b := range sorted[basket] {
			if was, ok := seen[b.ID]; ok {
				t.Errorf("%s is in %s and %s", b.What, was, basket)
			}
			seen[b.ID] = basket
			n++
		}
	}
	if n != len(behaviours) || len(sorted[MustResist]) != 2 || sorted[MustResist][1].What != "Kicking doors" {
		t.Errorf("sorted = %v", sorted)
	}
	for _, tc := range []struct {
		what string
		want bool
	}{{"hitting", true}, {" Late  up ", true}, {"Hitting her", false}, {"", false}} {
		if _, ok := InBasket(behaviours, tc.what); ok != tc.want {
			t.Errorf("InBasket(%q) = %v", tc.what, ok)
		}
	}
	if BehaviourKey("  Late   UP\t") != "late up" {
		t.Errorf("key = %q", BehaviourKey("  Late   UP\t"))
	}
}
