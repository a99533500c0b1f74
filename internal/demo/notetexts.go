package demo

import (
	"math/rand/v2"

	"github.com/steadfast-care/steadfast/internal/family"
)

// noteText is a demo contact note before a family's names fill it (see
// voice for the placeholders).
type noteText struct {
	kind    family.NoteKind
	seen    family.ChildSeen
	topic   string // the period it fits; topicAny for any
	flagged bool   // holds a phrase the language checker points out, on purpose
	present string
	body    string
	said    string // the child's own words, when the child was seen
	older   bool   // fits only a child of olderAge or more
}

// olderAge is the age from which notes about staying out late and the like fit.
const olderAge = 11

// noteTexts are the demo's contact notes. Most describe what happened
// plainly and specifically, with the child's own words and what is working;
// a few, marked flagged, keep a phrase the language checker will point out,
// as real records do.
var noteTexts = []noteText{
	// Home visits.
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Home visit. {c} showed me {c.his} room and talked about {c.his} friends. {p} said mornings are still the hardest time; {p.he} has started leaving the room when voices rise, and says it helps.",
		"I like it when it is calm at home", false},
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Visited at teatime. I saw {c} on {c.his} own in the front room while {p} cooked. {c} said {c.he} feels safe at home and that most arguments are about the games console. {c.He} drew me a picture of everyone at the park.",
		"Nobody shouts as much now", false},
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Home visit. {c} and I played Uno at the kitchen table, then talked on our own. {c.He} said the worst part of the week is Sunday night, before school. {p} has made a calm-down box with {c}: headphones, a stress ball and a photo of the dog.",
		"Sunday nights are the worst", false},
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Saw {c} on {c.his} own in {c.his} bedroom with the door open. The room was warm, with clean bedding and a new lamp. {c} said {c.he} is sleeping better since the new bedtime routine and wants to keep it.",
		"I go to bed at half eight now and I read first", false},
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Visit as planned{via}. {c} talked with me on {c.his} own about last Thursday, when {c.he} threw a chair. {c.He} said {c.he} was angry because {c.he} had been left out at school that day, and that {c.he} felt bad afterwards. {p} waited until the next morning to talk about it calmly, as planned in the NVR sessions.",
		"I said sorry to {call} the next day", false},
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Home visit. {c} was quiet at first, then talked about football and {c.his} new boots. Asked about home, {c.he} said things are a bit better. {p} described two good weekends in a row and one hard evening, which {p.he} handled by stepping outside for five minutes.",
		"It's a bit better", false},
	{family.HomeVisit, family.SeenAlone, topicProtection, false, "{p}, {c}",
		"Visit under the child protection plan{via}. I saw {c}'s bedroom and the kitchen; there was fresh food in the fridge. I spoke with {c} on {c.his} own in the garden. {c.He} said there is breakfast every day now and that {p} walks {c.him} to school.",
		"Breakfast is every day now", false},
	{family.HomeVisit, family.SeenAlone, topicProtection, false, "{p}, {c}",
		"Unannounced visit, as agreed in the plan. {p} let me in straight away and was open about a hard week. The house was tidier than last month. I saw {c} on {c.his} own; {c.he} said {c.he} worries when {p} is sad, and we talked about who {c.he} can tell at school.",
		"I worry about {call} when {p.he} cries", false},
	{family.HomeVisit, family.SeenAlone, topicLookedAfter, false, "{p}, {c}",
		"Visited {c} at home with {p}. I saw {c} on {c.his} own in {c.his} room, which {c.he} has decorated with posters. {c.He} says {c.he} likes living here and is looking forward to family time with Mum on Saturday.",
		"I want to stay here till I'm grown up", false},
	{family.HomeVisit, family.SeenAlone, topicLookedAfter, false, "{p}, {c}",
		"Visit to talk about {c}'s review next month. On {c.his} own, {c.he} told me what {c.he} wants the meeting to hear: more time with Mum, and to stay at {school}. We wrote it down together in {c.his} words.",
		"Tell them I want to stay at my school", false},
	{family.HomeVisit, family.SeenAlone, topicYouthJustice, false, "{p}, {c}",
		"Home visit after the youth panel. On {c.his} own, {c} talked about the reparation work at the allotment, which {c.he} says is better than {c.he} expected. {p} said {c} has been home by ten every night this month.",
		"The allotment's all right actually", true},
	{family.HomeVisit, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Home visit. {c} stayed with us in the living room the whole time, so I did not see {c.him} on {c.his} own; we agreed I will see {c.him} at school next week. {p} talked through the plan for the holidays and whom {p.he} can call if an evening becomes unsafe.",
		"Can you come to my school instead", false},
	{family.HomeVisit, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Visited at {p}'s request after a hard weekend. {c} joined us for part of the visit. {p} described Saturday: {c} broke the bathroom door after being asked to come off the console. Nobody was hurt. {p} did not shout back this time, and came back to it on Sunday once everyone was calm.",
		"", false},
	{family.HomeVisit, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Home visit to write down {p}'s support network{via}. {p} named four people, including a neighbour who has offered to sit in if things escalate. {c} suggested {c.his} uncle, and {p} agreed to ask him.",
		"My uncle can come", false},
	{family.HomeVisit, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Visit to plan the announcement with {p}. {c} was at home and in and out of the room. {p} has written a draft and read it aloud to me; it is calm and clear. We agreed {p.he} will deliver it next week with two supporters there.",
		"", false},
	{family.HomeVisit, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Home visit. {p} and {c} showed me the screen-time chart they made together, and {c} was proud of it. {p} says the evenings have been calmer for a fortnight, with one hard night when {c} swore and slammed doors; {p.he} said nothing in the moment and talked about it the next day.",
		"I made the chart", false},
	{family.HomeVisit, family.NotSeen, topicAtHome, false, "No one (visit missed)",
		"Arranged visit; nobody answered the door. {p} texted later to say {p.he} had forgotten and asked for another time. We agreed Thursday at the same time.",
		"", false},
	{family.HomeVisit, family.NotSeen, topicAtHome, false, "{p}",
		"Visited as planned{via}. {p} was in, but {c} was at a friend's house, so I did not see {c.him}. {p} talked about money worries since {p.his} hours were cut, and we made the food bank referral together.",
		"", false},
	{family.HomeVisit, family.NotSeen, topicAtHome, false, "{p}",
		"Called round to drop off the school uniform vouchers. {c} was asleep after a late night, so I did not see {c.him}. {p} said {c} came home at midnight and {p.he} had waited up; they talked about it in the morning, calmly, as {p.he} had planned.",
		"", true},
	{family.HomeVisit, family.NotSeen, topicAtHome, false, "{p}",
		"Visit as planned{via}. {p} said {c} was staying at {c.his} aunt's for the week, so I did not see {c.him}. I have asked to see {c} at school and {p} agreed.",
		"", false},
	{family.HomeVisit, family.NotSeen, topicAny, true, "No one (visit missed)",
		"Arranged home visit; {p} did not answer. This is the third missed visit and {p} has failed to engage with the plan since the review.",
		"", false},

	// At school.
	{family.School, family.SeenAlone, topicAny, false, "{c}, class teacher",
		"Met {c} at {school} with {c.his} teacher, then on {c.his} own. {c} said the walk to school is easier when {call} comes too, and that {c.he} likes {c.his} new form tutor.",
		"It's better when {call} walks me in", false},
	{family.School, family.SeenAlone, topicAny, false, "{c}",
		"Saw {c} at {school}, in the quiet room. {c.He} talked about {c.his} friends and a science project on volcanoes. {c.He} said {c.he} sometimes worries about what is happening at home when {c.he} is not there.",
		"I think about home in maths", false},
	{family.School, family.SeenAlone, topicAny, false, "{c}",
		"Visit to {school} to see {c} on {c.his} own. {c.He} was relaxed and chatty. The best thing this month was the trip to the museum; the worst was being told off for something {c.he} says {c.he} did not do.",
		"I didn't do it", false},
	{family.School, family.SeenAlone, topicProtection, false, "{c}",
		"Saw {c} on {c.his} own at {school}, as the plan sets out. {c.He} said {c.he} has breakfast at home most days and at breakfast club on the others. The class teacher says {c} arrives on time and has been kinder to friends this term.",
		"I like breakfast club", false},
	{family.School, family.SeenWithOthers, topicAny, false, "{p}, {c}, special needs coordinator",
		"Meeting at {school} with {p}, {c} and the special needs coordinator about a shorter timetable. {c} said afternoons are the hardest. School will offer a quiet space after lunch and review in four weeks.",
		"Afternoons are too long", false},
	{family.School, family.NotSeen, topicAny, false, "Designated safeguarding lead",
		"Met the designated safeguarding lead at {school}, without {c}. Attendance is up from 78% to 91% this term. Staff describe {c} as settled in the mornings when {c.he} arrives with {p}.",
		"", false},
	{family.School, family.NotSeen, topicAny, true, "Class teacher",
		"Spoke to the class teacher at {school}. {c} kicked off in the dinner hall again and had to be taken out.",
		"", false},

	// Phone calls: the child is never seen.
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"{p} rang to say last night was difficult: {c} threw a mug at the wall when asked to come off the console. Nobody was hurt. {p.He} waited until the next day to talk about it, as planned.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"Phone call with {p}{via}, checking in after the group session on delayed response. {p.He} tried it on Tuesday: {p.he} told {c} {p.he} would not accept being hit and would come back to it, and came back an hour later, calmer.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"Called {p} to move Thursday's visit because of a training day. {p.He} mentioned {c} has had three good days at school in a row.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"{p} rang the duty line and was put through to me. {c} had not come home by 10pm. {p} rang round {p.his} supporters and {c}'s friends' parents; {c} was at a friend's and came home at 11. We talked about a sit-in tomorrow.",
		"", true},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"Phone call with {p}{via}. {p.He} was tearful and said {p.he} feels worn down. We talked about what helps {p.him} rest, and {p.he} will ask {p.his} GP about the counselling waiting list. I will ring again on Friday.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"Phone call with {p}{via} to arrange a time to see {c}. {p} has had to move the visit twice because of a new job; we agreed an after-school time next week.",
		"", false},
	{family.Phone, family.NotSeen, topicProtection, false, "{p}",
		"Rang {p}{via} after the core group meeting to go over the actions, as {p.he} could not come. {p.He} agreed with two and wants to talk about the third at the next meeting. I will send the notes by text.",
		"", false},
	{family.Phone, family.NotSeen, topicLookedAfter, false, "{p}",
		"Phone call with {p} about the holidays. {c} would like a week at the holiday football camp, and to see Mum on {c.his} birthday. I will ask Mum and come back to {p} by Friday.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, true, "{p}",
		"{p} rang to cancel again; {p.he} was very resistant to any help and says the plan is pointless.",
		"", false},

	// Video calls.
	{family.Video, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Video call with {p} and {c}. {c} was shy when the call started, then joined in once we talked about the dog.",
		"Can the dog be in the call", false},
	{family.Video, family.SeenWithOthers, topicLookedAfter, false, "{p}, {c}",
		"Video call with {c} and {p} to plan the summer. {c} showed me the den {c.he} built in the garden and asked whether Mum can see it.",
		"Can Mum come and see my den", false},
	{family.Video, family.NotSeen, topicAny, false, "{p}",
		"Video call with {p}{via} while {c} was at school. We sorted behaviours into baskets: hitting and going out at night are in the must-resist basket; the state of {c}'s bedroom is in let go for now.",
		"", true},

	// At the office.
	{family.Office, family.NotSeen, topicAny, false, "{p}",
		"Met {p} at the office{via} to go through the assessment before it is shared. {p.He} asked for two changes: that it says {p.he} asked for help first, and that it mentions the good weeks too. Both are fair and I have made them.",
		"", false},
	{family.Office, family.NotSeen, topicProtection, false, "{p}, school, school nurse",
		"Core group meeting{via}. Two actions done and one carried over: the referral for {c}'s hearing test. {p} said {p.he} felt listened to this time.",
		"", false},
	{family.Office, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Family meeting at the office with {p} and {c}. On the 0 to 10 scale, {p} said 6, {c} said 7 and I said 5. We talked about what would make it a 7 for everyone.",
		"Seven, because we had a good weekend", false},
	{family.Office, family.NotSeen, topicAny, true, "{p}",
		"Review meeting. {p} failed to engage with the plan and left early; {p.he} said afterwards the room felt like a court.",
		"", false},
	{family.Office, family.NotSeen, topicAny, true, "{p}",
		"{p} was uncooperative at the review and disputed the minutes.",
		"", false},

	// Elsewhere.
	{family.OtherKind, family.SeenAlone, topicAny, false, "{c}",
		"Took {c} for a milkshake on the way home from school so we could talk away from home. {c.He} talked about wanting a phone like {c.his} friends', and about feeling left out. {c.He} said home is fine, mostly.",
		"It's fine mostly", true},
	{family.OtherKind, family.NotSeen, topicAny, false, "{p}, other parents in the group",
		"NVR group, session 6: baskets. {p} came and shared {p.his} list. Another parent's idea, letting the bedroom go for now, made {p.him} laugh.",
		"", false},
	{family.OtherKind, family.NotSeen, topicAny, false, "{p}, three supporters",
		"Supporters' meeting at the community centre with {p} and three of {p.his} supporters. Each agreed what they will do: ring {c} on Fridays, be on call for a telephone round, and come for a sit-in if needed.",
		"", false},
	{family.OtherKind, family.SeenWithOthers, topicLookedAfter, false, "{c}, Mum, family time worker",
		"Family time at the family centre: {c} and Mum played cards and made a cake. {c} was sad to say goodbye but settled on the way home with {p}.",
		"Can we make a cake next time", false},
	{family.OtherKind, family.SeenWithOthers, topicYouthJustice, false, "{c}, {p}, youth justice worker",
		"Went with {c} and {p} to the referral order panel. {c} spoke up about what {c.he} wants to change, and asked to start the mechanics course in September.",
		"I want to do my mechanics course", true},
	{family.OtherKind, family.NotSeen, topicProtection, false, "{p}, conference chair, school, health",
		"Child protection review conference{via}. The plan continues for another review period. {p} said {p.he} understands why, though {p.he} does not agree with all of it; {p.his} view is recorded in {p.his} own words.",
		"", false},
	// More of each kind, so that a family's notes seldom repeat.
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Home visit. {c} showed me the model {c.he} is building and explained every part of it. On {c.his} own, {c.he} said {c.he} still gets angry when {c.he} loses at games, and that going to {c.his} room to calm down helps.",
		"I go to my room and put my music on", false},
	{family.HomeVisit, family.SeenAlone, topicAny, false, "{p}, {c}",
		"Visit with {p}{via}. I saw {c} on {c.his} own at the kitchen table while {c.he} did homework. {c.He} said {c.he} likes it when {p} sits with {c.him} at bedtime. {p} has started a ten-minute chat before lights out, as a reconciliation gesture, and says {c} looks forward to it.",
		"We talk about my day at bedtime", false},
	{family.HomeVisit, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Home visit{via}. {p} and {c} were baking when I arrived and carried on while we talked. {p} described a sit-in last week after {c} hit {p.his} arm: {p.he} sat in {c}'s room with a supporter and waited, and after twenty minutes {c} said sorry and suggested a signal for when {c.he} is getting cross.",
		"I could do a thumbs down when I'm getting cross", false},
	{family.HomeVisit, family.SeenWithOthers, topicAny, false, "{p}, {c}",
		"Visit to review the baskets with {p}. {c} joined in at the end and asked for swearing to go in the let-go basket. {p} kept hitting and breaking things in the must-resist basket and explained why.",
		"Swearing isn't that bad", false},
	{family.HomeVisit, family.NotSeen, topicAny, false, "{p}",
		"Visit as planned{via}. {c} had gone to the park with a friend, which {p} had agreed to, so I did not see {c.him}. {p} and I went through the plan, and I will see {c} at school next week.",
		"", false},
	{family.School, family.SeenAlone, topicAny, false, "{c}",
		"Saw {c} at {school} at lunchtime, in the library. {c.He} showed me {c.his} reading record and said {c.he} has a new friend in {c.his} class. Home has been calm this week, {c.he} said, apart from one argument about bedtime.",
		"My new friend is called Kai", false},
	{family.School, family.SeenAlone, topicAny, false, "{c}, learning mentor",
		"Met {c} at {school} with {c.his} learning mentor, then on {c.his} own. {c.He} talked about the college taster day and wanting to be a mechanic, and said {c.he} gets on better with {p} since they agreed rules about {c.his} phone.",
		"We made a deal about my phone", true},
	{family.School, family.NotSeen, topicProtection, false, "{p}, school, school nurse",
		"Core group meeting at {school}{via}. {p} said the new morning routine is working; school confirmed {c} has been on time every day for three weeks. The health actions are done.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"{p} rang with good news: {c} got a kindness certificate in assembly. {p} told {c} how proud {p.he} is.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"Phone call with {p}{via} before the group session. {p.He} is nervous about speaking in front of the others; we agreed {p.he} can just listen this week.",
		"", false},
	{family.Phone, family.NotSeen, topicAny, false, "{p}",
		"Rang {p}{via} to ask how the weekend went. Saturday was calm; on Sunday {c} shouted and threw {c.his} shoes when asked to get ready to go out. {p} kept {p.his} voice low and let it pass, and they went out an hour later.",
		"", false},
	{family.Phone, family.NotSeen, topicAtHome, false, "{p}",
		"{p} rang, worried about the gas bill. We talked through the household support fund and I sent {p.him} the form by text.",
		"", false},
	{family.Phone, family.NotSeen, topicLookedAfter, false, "Mum",
		"Phone call with Mum about family time. She would like it moved to Saturday mornings because of her new job; I will talk to {p} and {c} about it.",
		"", false},
	{family.Video, family.NotSeen, topicAny, false, "{p}",
		"Video call with {p}{via} while {c} was at school, to prepare for the review. {p} wants the meeting to hear that mornings are better and that evenings are still hard.",
		"", false},
	{family.Office, family.NotSeen, topicAny, false, "{p}",
		"Met {p} at the office{via} to plan a telephone round: whom {p.he} will call if {c} is not home by the agreed time, in what order, and what {p.he} will say.",
		"", false},
	{family.OtherKind, family.NotSeen, topicAny, false, "{p}, other parents in the group",
		"NVR group, session 3: delayed response. {p} practised the words with another parent: I won't accept this, and I'll come back to you. {p.He} said it felt strange but useful.",
		"", false},
	{family.OtherKind, family.SeenWithOthers, topicAny, false, "{p}, {c}, GP",
		"Went with {p} and {c} to the GP about {c}'s sleep. {c} answered the doctor's questions well. The GP will refer {c} to the sleep clinic; the wait is about four months.",
		"I wake up in the night and can't get back to sleep", false},
}

// need is what a note must be at a point in a family's timeline.
type need int

const (
	anyNote   need = iota
	seenVisit      // a visit at home or school at which the child was seen
	notSeen        // a note at which the child was not seen
)

// fits reports whether t can be used where n is needed, in a period of
// topic, for a child who is older (olderAge or more) or not.
func (t noteText) fits(topic string, n need, older bool) bool {
	switch {
	case t.older && !older:
		return false
	case t.topic == topicAtHome:
		if topic == topicLookedAfter {
			return false
		}
	case t.topic != topicAny && t.topic != topic:
		return false
	}
	switch n {
	case seenVisit:
		return (t.kind == family.HomeVisit || t.kind == family.School) && t.seen != family.NotSeen
	case notSeen:
		return t.seen == family.NotSeen
	}
	return true
}

// flaggedOneIn is how rarely a note keeps a flagged phrase: about one in this many.
const flaggedOneIn = 20

// chooser picks note texts, remembering which fit each need.
type chooser struct {
	fitting map[chooserKey][]int // indexes into noteTexts
}

type chooserKey struct {
	topic          string
	need           need
	flagged, older bool
}

func newChooser() *chooser { return &chooser{fitting: map[chooserKey][]int{}} }

// pick draws a note text for a period of topic about a child who is older
// (olderAge or more) or not, and returns its index in noteTexts. Only notes
// that may be anything keep a flagged phrase, and only about one in
// flaggedOneIn.
func (ch *chooser) pick(rng *rand.Rand, topic string, n need, older bool) int {
	list := ch.list(ch.key(rng, topic, n, older))
	return list[rng.IntN(len(list))]
}

// key draws whether the next note keeps a flagged phrase, and says which
// notes fit.
func (ch *chooser) key(rng *rand.Rand, topic string, n need, older bool) chooserKey {
	return chooserKey{topic: topic, need: n, flagged: n == anyNote && rng.IntN(flaggedOneIn) == 0, older: older}
}

// list returns the indexes of the note texts that fit k.
func (ch *chooser) list(k chooserKey) []int {
	list, ok := ch.fitting[k]
	if !ok {
		for i, t := range noteTexts {
			if t.flagged == k.flagged && t.fits(k.topic, k.need, k.older) {
				list = append(list, i)
			}
		}
		ch.fitting[k] = list
	}
	return list
}

// dealer deals one family's note texts, always one of those it has dealt
// least, so that a family's notes seldom repeat.
type dealer struct {
	ch   *chooser
	used map[int]int // times dealt, by index into noteTexts
}

func (ch *chooser) dealer() *dealer { return &dealer{ch: ch, used: map[int]int{}} }

// deal is pick for one family, returning the text.
func (d *dealer) deal(rng *rand.Rand, topic string, n need, older bool) noteText {
	var fewest []int
	least := -1
	for _, i := range d.ch.list(d.ch.key(rng, topic, n, older)) {
		switch u := d.used[i]; {
		case least < 0 || u < least:
			least, fewest = u, append(fewest[:0], i)
		case u == least:
			fewest = append(fewest, i)
		}
	}
	pick := fewest[rng.IntN(len(fewest))]
	d.used[pick]++
	return noteTexts[pick]
}
