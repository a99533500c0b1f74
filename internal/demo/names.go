package demo

import "math/rand/v2"

// Fictional names reflecting the mix of people in an English town. Any match
// with a real person is chance.
var (
	firstNames = []string{
		"Aisha", "Amira", "Ben", "Bethan", "Callum", "Chloe", "Daniel", "Deepa", "Eilidh", "Femi",
		"Grace", "Hannah", "Imran", "Jade", "Kwame", "Leah", "Marek", "Maya", "Niamh", "Olu",
		"Priya", "Rhys", "Rosa", "Sam", "Shauna", "Tariq", "Tomasz", "Yasmin", "Zainab", "Zoe",
	}
	lastNames = []string{
		"Adeyemi", "Ahmed", "Baker", "Begum", "Campbell", "Chowdhury", "Davies", "Evans", "Fraser", "Green",
		"Hughes", "Iqbal", "Jones", "Kaur", "Kowalski", "Lewis", "Mensah", "Morgan", "Nowak", "O'Brien",
		"Okafor", "Patel", "Quinn", "Rahman", "Shah", "Taylor", "Thomas", "Walsh", "Williams", "Wright",
	}
)

// namer hands out distinct names.
type namer struct {
	rng  *rand.Rand
	used map[string]bool
}

func newNamer(rng *rand.Rand) *namer { return &namer{rng: rng, used: map[string]bool{}} }

func (n *namer) next() (first, last string) {
	for {
		first = firstNames[n.rng.IntN(len(firstNames))]
		last = lastNames[n.rng.IntN(len(lastNames))]
		if !n.used[first+last] {
			n.used[first+last] = true
			return first, last
		}
	}
}
