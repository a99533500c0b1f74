package demo

import "github.com/steadfast-care/steadfast/internal/family"

// situation is one demo family's circumstances: who looks after the
// children, the family's background, the history of its contexts, what it
// has agreed to share, and whether the children have gone unseen for too
// long. Names, ages and dates are drawn from the seed; situations are not.
type situation struct {
	culture  int          // index into cultures
	people   []personSpec // the adults; the first is the main carer, who holds the parent account when there is one
	eldest   [2]int       // the eldest child's age range, in years
	children int          // how many children; 0 draws one to three
	contexts []contextStep
	consents []consentSpec
	// unseen is how many working days ago the children were last seen, for
	// the families whose visits are overdue; 0 means seen recently.
	unseen int
}

// personSpec is an adult in a demo family.
type personSpec struct {
	kind         family.Kind // Carer, Household or Outside
	relationship string      // as the record shows it
	called       string      // what the children call them; "" for their first name
	man          bool
	culture      int    // familyCulture for the family's own
	surname      int    // familySurname, ownSurname or sharedSurname
	languages    string // "" for their culture's
	interpreter  bool
	access       string // accessibility needs
}

// Where an adult's surname comes from.
const (
	familySurname = iota // the children's
	ownSurname           // one of their own, from their culture
	sharedSurname        // the same as the adult listed before them
)

// contextStep is one period in a family's context history. It lasts from
// about from days ago until the next step starts; the last step continues.
type contextStep struct {
	kind   family.ContextKind
	detail string // may hold the placeholders voice fills, for the eldest child and the main carer
	from   int    // about how many days ago it started
	// carer is the adult, by index into people, whom the notes of the
	// period are mostly with: before a child came to live with kinship or
	// foster carers, that was their parent.
	carer int
	// topic picks the notes that fit the period; "" derives it from kind.
	topic string
}

// consentSpec is a consent a family gave, by the adult at index by.
type consentSpec struct {
	kind      family.ConsentKind
	how       family.ConsentHow
	by        int
	withdrawn bool
}

// The people the situations share.
var (
	mum      = personSpec{kind: family.Carer, relationship: "Mum", called: "Mum"}
	dad      = personSpec{kind: family.Carer, relationship: "Dad", called: "Dad", man: true}
	partner  = personSpec{kind: family.Carer, relationship: "Mum", called: "Mum", surname: ownSurname}
	stepDad  = personSpec{kind: family.Carer, relationship: "Step-dad; has lived with the family for four years", man: true, culture: english, surname: ownSurname}
	stepMum  = personSpec{kind: family.Carer, relationship: "Step-mum; Dad's partner, lives with the family", surname: ownSurname}
	birthMum = personSpec{kind: family.Outside, called: "Mum"}
)

// with returns p with its relationship replaced.
func (p personSpec) with(relationship string) personSpec {
	p.relationship = relationship
	return p
}

// situations are the demo's fourteen families, in the order they are
// made: the first eight have a parent's account, and the last two wait for
// a worker. Family i is allocated to practitioner i mod 6, so the first
// practitioner holds families 0 and 6 and the first supervisor's team holds
// families 0, 1, 6 and 7.
var situations = []situation{
	{ // 0: the printed parent's family; stepped up from early help to child in need.
		culture: english, eldest: [2]int{9, 13},
		people: []personSpec{mum, {kind: family.Outside, relationship: "Nan; lives ten minutes away and helps most days", called: "Nan", culture: english}},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 700, detail: "Early help: NVR parent group, and support with mornings and school attendance"},
			{kind: family.ChildInNeed, from: 560, detail: "Child in need plan: {c}'s violence towards {p} at home"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Written, 0, false}, {family.ShareWithSupporters, family.Spoken, 0, false}, {family.UseInEvaluation, family.Written, 0, false}},
	},
	{ // 1: a single dad; stepped up from child in need to a child protection plan.
		culture: polish, eldest: [2]int{6, 11},
		people: []personSpec{dad, birthMum.with("Mum; moved back to Poland last year, video calls on Sundays")},
		contexts: []contextStep{
			{kind: family.ChildInNeed, from: 650, detail: "Child in need plan: support for {p} as a single parent, and {c}'s school attendance"},
			{kind: family.ChildProtection, from: 230, detail: "Category: emotional abuse. Review conference every six months; core group meets monthly"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Spoken, 0, false}, {family.ShareWithSupporters, family.Spoken, 0, false}, {family.UseInEvaluation, family.Written, 0, false}},
	},
	{ // 2: a grandmother who became the children's special guardian.
		culture: pakistani, eldest: [2]int{7, 12}, children: 2,
		people: []personSpec{
			{kind: family.Carer, relationship: "Grandmother (Mum's mum); kinship carer, now special guardian", called: "Nani"},
			birthMum.with("Mum; sees the children at Nani's house on Saturdays"),
		},
		contexts: []contextStep{
			{kind: family.ChildProtection, from: 760, detail: "Category: neglect", carer: 1},
			{kind: family.LookedAfter, from: 620, detail: "Kinship foster care: the children live with their grandmother"},
			{kind: family.OtherContext, from: 290, detail: "Special guardianship order to {p}; support plan reviewed yearly"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Written, 0, false}, {family.ShareWithSupporters, family.Written, 0, false}, {family.UseInEvaluation, family.Spoken, 0, false}},
	},
	{ // 3: two mums; stepped down from a child protection plan to early help.
		culture: english, eldest: [2]int{6, 10},
		people: []personSpec{mum, partner.with("Mum; the children call her Mama")},
		contexts: []contextStep{
			{kind: family.ChildProtection, from: 780, detail: "Category: neglect"},
			{kind: family.ChildInNeed, from: 470, detail: "Stepped down from a child protection plan at the review conference"},
			{kind: family.EarlyHelp, from: 130, detail: "Stepped down from child in need: family support worker visits monthly"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Written, 0, false}, {family.ShareWithSupporters, family.Written, 1, false}, {family.UseInEvaluation, family.Written, 0, false}},
	},
	{ // 4: mum and step-dad; a teenager on a referral order.
		culture: westAfrican, eldest: [2]int{13, 16},
		people: []personSpec{mum, stepDad},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 720, detail: "Early help: school attendance, and NVR sessions for {p}"},
			{kind: family.OtherContext, from: 230, detail: "Youth justice: referral order, 12 months; the youth justice service leads", topic: "youth-justice"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Spoken, 0, false}, {family.ShareWithSupporters, family.Spoken, 1, false}, {family.UseInEvaluation, family.Written, 0, true}},
	},
	{ // 5: mum and grandmother, who speaks Somali.
		culture: somali, eldest: [2]int{8, 13},
		people: []personSpec{mum, {kind: family.Household, relationship: "Grandmother; lives with the family", called: "Ayeeyo", languages: "Somali", interpreter: true}},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 730, detail: "Early help: school nurse referral about sleep and mornings"},
			{kind: family.ChildInNeed, from: 540, detail: "Child in need plan: {c} is waiting for an autism assessment and hits out at home when routines change"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Spoken, 0, false}, {family.UseInEvaluation, family.Written, 0, false}},
	},
	{ // 6: a mum who needs an interpreter; on a plan, and the children not seen for too long.
		culture: romanian, eldest: [2]int{6, 10}, children: 2, unseen: 17,
		people: []personSpec{{kind: family.Carer, relationship: "Mum", called: "Mama", interpreter: true},
			{kind: family.Outside, relationship: "Dad; lives in Leicester and phones on Sundays", called: "Tata", man: true}},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 720, detail: "Early help: registering with a GP, and a school place for {c}"},
			{kind: family.ChildProtection, from: 160, detail: "Category: neglect. Review conference every six months; core group meets monthly"},
		},
		consents: []consentSpec{{family.ShareWithSupporters, family.Spoken, 0, false}, {family.UseInEvaluation, family.Spoken, 0, false}},
	},
	{ // 7: a child looked after by foster carers, who hold the parent account.
		culture: english, eldest: [2]int{6, 12}, children: 1,
		people: []personSpec{
			{kind: family.Carer, relationship: "Foster carer", culture: westAfrican, surname: ownSurname},
			{kind: family.Carer, relationship: "Foster carer", man: true, culture: westAfrican, surname: sharedSurname},
			birthMum.with("Mum; family time every other Saturday"),
		},
		contexts: []contextStep{
			{kind: family.ChildProtection, from: 760, detail: "Category: neglect", carer: 2},
			{kind: family.LookedAfter, from: 470, detail: "Care order: {c} lives with foster carers"},
		},
		consents: []consentSpec{{family.ShareWithSupporters, family.Written, 0, false}, {family.UseInEvaluation, family.Written, 0, false}},
	},
	{ // 8: mum and dad; privately fostered by a friend while mum was in hospital.
		culture: arabic, eldest: [2]int{6, 11},
		people: []personSpec{
			{kind: family.Carer, relationship: "Mum", called: "Mama", surname: ownSurname},
			{kind: family.Carer, relationship: "Dad", called: "Baba", man: true},
			{kind: family.Outside, relationship: "Family friend; looked after the children while Mum was in hospital", surname: ownSurname},
		},
		contexts: []contextStep{
			{kind: family.OtherContext, from: 700, detail: "Private fostering assessment: {c} lived with a family friend while {p} was in hospital", carer: 2},
			{kind: family.ChildInNeed, from: 610, detail: "Child in need plan: support for {p} after a long stay in hospital"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Written, 0, false}, {family.ShareWithSupporters, family.Spoken, 1, false}, {family.UseInEvaluation, family.Spoken, 0, false}},
	},
	{ // 9: mum and dad; left the NVR group and withdrew that consent.
		culture: pakistani, eldest: [2]int{10, 15},
		people: []personSpec{mum, dad},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 740, detail: "Early help: NVR parent group"},
			{kind: family.ChildInNeed, from: 500, detail: "Child in need plan: {c}'s violence at home, and missed school"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Written, 0, true}, {family.UseInEvaluation, family.Spoken, 1, false}},
	},
	{ // 10: brothers and sisters living with foster carers with Mum's agreement.
		culture: english, eldest: [2]int{10, 15}, children: 2,
		people: []personSpec{
			{kind: family.Carer, relationship: "Foster carer", man: true, culture: english, surname: ownSurname},
			{kind: family.Carer, relationship: "Foster carer", culture: english, surname: sharedSurname},
			birthMum.with("Mum; family time on Wednesdays after school"),
		},
		contexts: []contextStep{
			{kind: family.ChildInNeed, from: 800, detail: "Child in need plan: support for Mum's mental health, and the children's school attendance", carer: 2},
			{kind: family.LookedAfter, from: 600, detail: "Section 20: living with foster carers with Mum's agreement"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Written, 0, false}, {family.ShareWithSupporters, family.Spoken, 0, false}},
	},
	{ // 11: dad and step-mum; the children not seen for too long.
		culture: english, eldest: [2]int{6, 10}, unseen: 28,
		people: []personSpec{
			{kind: family.Carer, relationship: "Dad", called: "Dad", man: true, access: "Dyslexia: prefers a phone call to letters, and plans read aloud"},
			stepMum,
		},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 730, detail: "Early help: bedtimes, and {c} hitting out at nursery"},
			{kind: family.ChildInNeed, from: 420, detail: "Child in need plan: {c}'s violence at home, and {p}'s own health"},
		},
		consents: []consentSpec{{family.ShareWithGroup, family.Spoken, 0, false}, {family.UseInEvaluation, family.Spoken, 0, false}},
	},
	{ // 12: waiting for a worker.
		culture: english, eldest: [2]int{11, 15},
		people: []personSpec{mum},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 18, detail: "Referred by school: attendance, and worries about violence at home; waiting for a family support worker"},
		},
	},
	{ // 13: waiting for a worker.
		culture: westAfrican, eldest: [2]int{2, 5},
		people: []personSpec{dad, partner},
		contexts: []contextStep{
			{kind: family.EarlyHelp, from: 8, detail: "Referred by the health visitor: {p} asked for help with bedtimes and {c}'s hitting"},
		},
	},
}
