package demo

import "math/rand/v2"

// Fictional names reflecting the mix of people in an English town. Any match
// with a real person is chance. Staff names are drawn from firstNames and
// lastNames; families' names come from the culture that fits their languages.
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

// culture is a family background: the languages spoken at home, one of the
// languages list, and names that fit it.
type culture struct {
	languages  string
	women, men []string // adults' first names
	girls      []string // children's first names
	boys       []string
	surnames   []string
	matters    []string // what may matter to a child, besides mattersToThem
}

// The cultures of the demo families, named by their index in cultures.
// familyCulture, the zero value, means "the same as the family's" where a
// person's culture is given.
const (
	familyCulture = iota
	english
	westAfrican
	polish
	pakistani
	romanian
	arabic
	somali
)

// cultures holds the name pools, indexed by the constants above.
var cultures = []culture{
	familyCulture: {},
	english: {
		languages: "English",
		women:     []string{"Bethan", "Chloe", "Eilidh", "Hannah", "Jade", "Leah", "Niamh", "Rosa", "Shauna", "Zoe", "Kirsty", "Gemma"},
		men:       []string{"Ben", "Callum", "Daniel", "Rhys", "Sam", "Jamie", "Liam", "Connor", "Dean", "Kieran", "Gareth", "Stuart"},
		girls:     []string{"Ella", "Freya", "Isla", "Lily", "Poppy", "Evie", "Ruby", "Millie", "Maisie", "Ava"},
		boys:      []string{"Alfie", "Archie", "Charlie", "Harry", "Jack", "Leo", "Mason", "Noah", "Oscar", "Tyler"},
		surnames:  []string{"Baker", "Davies", "Evans", "Fraser", "Green", "Hughes", "Jones", "Lewis", "Morgan", "O'Brien", "Quinn", "Taylor", "Walsh", "Wright"},
	},
	westAfrican: {
		languages: "English",
		women:     []string{"Abena", "Adaeze", "Blessing", "Funmi", "Grace", "Ama", "Chioma"},
		men:       []string{"Kwame", "Femi", "Olu", "Tunde", "Kofi", "Emeka", "Yaw"},
		girls:     []string{"Esi", "Ife", "Kemi", "Nia", "Zara", "Adwoa"},
		boys:      []string{"Kojo", "Tobi", "Dayo", "Jayden", "Kwabena", "Seun"},
		surnames:  []string{"Adeyemi", "Boateng", "Mensah", "Okafor", "Owusu", "Asante", "Nwosu"},
		matters:   []string{"Singing in the church choir with my aunties"},
	},
	polish: {
		languages: "Polish and English",
		women:     []string{"Agnieszka", "Ewa", "Joanna", "Katarzyna", "Magda", "Monika"},
		men:       []string{"Marek", "Tomasz", "Piotr", "Pawel", "Krzysztof", "Lukasz"},
		girls:     []string{"Zuzanna", "Lena", "Julia", "Oliwia", "Maja", "Hanna"},
		boys:      []string{"Kacper", "Filip", "Szymon", "Jakub", "Antoni", "Igor"},
		surnames:  []string{"Nowak", "Wojcik", "Kowalczyk", "Mazur", "Krawczyk", "Kaczmarek"},
		matters:   []string{"Video calls with my grandparents in Poland", "Polish Saturday school, because my friends go"},
	},
	pakistani: {
		languages: "Urdu and English",
		women:     []string{"Ayesha", "Nadia", "Samina", "Shazia", "Zainab", "Farah"},
		men:       []string{"Imran", "Tariq", "Bilal", "Usman", "Asif", "Kamran"},
		girls:     []string{"Maryam", "Zara", "Aliyah", "Hafsa", "Inaya", "Safa"},
		boys:      []string{"Hamza", "Ibrahim", "Musa", "Rayyan", "Yusuf", "Zayn"},
		surnames:  []string{"Iqbal", "Shah", "Hussain", "Akhtar", "Khan", "Mahmood"},
		matters:   []string{"Going to the mosque with Grandad on Fridays", "Cricket in the park with my cousins"},
	},
	romanian: {
		languages: "Romanian",
		women:     []string{"Ioana", "Elena", "Andreea", "Mihaela", "Alina", "Roxana"},
		men:       []string{"Andrei", "Mihai", "Florin", "Ionut", "Bogdan", "Cristian"},
		girls:     []string{"Ana", "Sofia", "Daria", "Maria", "Bianca", "Irina"},
		boys:      []string{"Luca", "David", "Matei", "Stefan", "Radu", "Vlad"},
		surnames:  []string{"Popescu", "Ionescu", "Dumitru", "Stan", "Munteanu", "Constantin"},
		matters:   []string{"Talking to my grandma in Romania on the phone"},
	},
	arabic: {
		languages: "Arabic and English",
		women:     []string{"Layla", "Rania", "Huda", "Amira", "Salma", "Dalia"},
		men:       []string{"Omar", "Karim", "Yousef", "Sami", "Khaled", "Tarek"},
		girls:     []string{"Yara", "Lina", "Nour", "Jana", "Reem", "Malak"},
		boys:      []string{"Adam", "Zaid", "Ali", "Hadi", "Kareem", "Majd"},
		surnames:  []string{"Haddad", "Mansour", "Khalil", "Saleh", "Nasser", "Darwish"},
		matters:   []string{"Arabic school on Saturdays, and when my cousins visit"},
	},
	somali: {
		languages: "Somali and English",
		women:     []string{"Hodan", "Fadumo", "Ayaan", "Sahra", "Hawa", "Ubah"},
		men:       []string{"Abdi", "Mohamed", "Hassan", "Abdirahman", "Mahad", "Said"},
		girls:     []string{"Amina", "Nasra", "Ilhan", "Hibo", "Ifrah", "Sagal"},
		boys:      []string{"Khadar", "Hamza", "Ayub", "Guled", "Liban", "Ismail"},
		surnames:  []string{"Warsame", "Farah", "Osman", "Jama", "Hussein", "Aden"},
		matters:   []string{"Football at the community centre", "Quran school after school, because my friends are there"},
	},
}

// namer hands out distinct names.
type namer struct {
	rng  *rand.Rand
	used map[string]bool
}

func newNamer(rng *rand.Rand) *namer { return &namer{rng: rng, used: map[string]bool{}} }

// next draws an unused name from the general lists, as staff names are.
func (n *namer) next() (first, last string) {
	return n.from(firstNames, lastNames)
}

// from draws an unused name: a first name from firsts and a surname from lasts.
func (n *namer) from(firsts, lasts []string) (first, last string) {
	for {
		first = firsts[n.rng.IntN(len(firsts))]
		last = lasts[n.rng.IntN(len(lasts))]
		if !n.used[first+" "+last] {
			n.used[first+" "+last] = true
			return first, last
		}
	}
}

// firstFor draws an unused first name from firsts to go with surname, as a
// child's or a partner's does.
func (n *namer) firstFor(firsts []string, surname string) string {
	first, _ := n.from(firsts, []string{surname})
	return first
}
