package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// addConversations gives the first practitioner's first two families a
// courageous-conversation plan each: one held, debriefed and taken to
// supervision, and one still to come. They are written as Steadfast
// teaches: worries plain and specific, patterns described as behaviour,
// the family's words in their own words. workers holds each family's
// allocated practitioner, as relate returns it.
func addConversations(ctx context.Context, db *store.DB, orgID string, families []string, households []household, workers []string, today time.Time) error {
	if len(families) == 0 || workers[0] == "" {
		return nil
	}
	var theirs []int
	for i, w := range workers {
		// The plans are written to a mum who is the children's main carer.
		if w == workers[0] && households[i].adults[0].spec.relationship == "Mum" && !households[i].adults[0].spec.man {
			theirs = append(theirs, i)
		}
	}
	for n, i := range theirs[:min(2, len(theirs))] {
		familyID, carer := families[i], households[i].adults[0].first
		members, err := db.Members(ctx, orgID, familyID)
		if err != nil {
			return fmt.Errorf("demo: conversation plan: %w", err)
		}
		child := "the children"
		for _, m := range members {
			if m.Kind == family.Child {
				child = strings.Fields(m.Name)[0]
				break
			}
		}
		words := strings.NewReplacer("{c}", child, "{p}", carer)
		plan := demoPlans[n]
		plan.FamilyID, plan.AuthorID = familyID, workers[i]
		plan.With, plan.Purpose, plan.Worries = words.Replace(plan.With), words.Replace(plan.Purpose), words.Replace(plan.Worries)
		plan.WorkingWell, plan.NeedsToHappen = words.Replace(plan.WorkingWell), words.Replace(plan.NeedsToHappen)
		plan.Opening, plan.Support = words.Replace(plan.Opening), words.Replace(plan.Support)
		plan.Responses = append([]conversation.Response(nil), plan.Responses...)
		for j := range plan.Responses {
			plan.Responses[j].TheyMight, plan.Responses[j].IWill = words.Replace(plan.Responses[j].TheyMight), words.Replace(plan.Responses[j].IWill)
		}
		if n == 0 {
			plan.PlannedFor = today.Format("2006-01-02")
		} else {
			plan.PlannedFor = today.AddDate(0, 0, 7).Format("2006-01-02")
		}
		saved, _, err := db.SavePlan(ctx, orgID, plan)
		if err != nil {
			return fmt.Errorf("demo: conversation plan: %w", err)
		}
		if n > 0 {
			continue
		}
		d := demoDebrief
		d.PlanID, d.AuthorID, d.HeldOn = saved.ID, workers[i], plan.PlannedFor
		d.HowItWent, d.FamilySaid, d.HowIFelt, d.NextSteps = words.Replace(d.HowItWent), words.Replace(d.FamilySaid), words.Replace(d.HowIFelt), words.Replace(d.NextSteps)
		if _, _, err := db.SaveDebrief(ctx, orgID, familyID, d); err != nil {
			return fmt.Errorf("demo: conversation debrief: %w", err)
		}
		if _, err := db.SendToSupervision(ctx, orgID, supervision.Item{PractitionerID: workers[i], FamilyID: familyID,
			Kind: supervision.ConversationDebrief, ItemID: saved.ID, Note: "How to keep visits going without Mum feeling watched"}); err != nil {
			return fmt.Errorf("demo: conversation debrief to supervision: %w", err)
		}
	}
	return nil
}

// demoPlans are the demo's conversation plans, with {c} for the eldest
// child's first name and {p} for the parent's.
var demoPlans = []conversation.Plan{
	{
		With:    "{p} (Mum)",
		Purpose: "Talk with {p} about the three home visits this month that did not happen, and agree a way of meeting that works for her.",
		Worries: "We agreed three home visits this month. Each time nobody answered the door, and I have not seen {c} for four weeks. " +
			"School say {c} has missed four days since then. We do not know how {c} is, and that worries me.",
		WorkingWell: "{p} rang back the same day after two of the visits and said sorry. {c} is at school most days, and the form tutor says {c} is settled.",
		NeedsToHappen: "{c} is seen within the next week, on their own if they want to be. {p} and I agree visit times she can keep, " +
			"and she tells me when one stops working.",
		Opening: "{p}, thank you for making time. I want to talk about the visits this month, because I have not seen {c} for a few weeks " +
			"and I am worried. I would like us to find a way of meeting that works for you.",
		Responses: []conversation.Response{
			{Pattern: conversation.Avoidance, TheyMight: "Says she forgot, or that the times were bad, and changes the subject.",
				IWill: "Say that is OK, and ask which times would work. Offer to meet after school or at her mum's flat."},
			{Pattern: conversation.Confrontation, TheyMight: "Says we only come to find fault, and that other families get left alone.",
				IWill: "Stay calm, and say that visits can feel intrusive. Say plainly that my worry is not seeing {c}, and name what is going well."},
			{Pattern: conversation.Ambivalence, TheyMight: "Agrees to everything quickly, to bring the conversation to an end.",
				IWill: "Slow down. Agree one small, specific step together, and say I will ring on Friday to see how it is going."},
		},
		Support: "Ten minutes with my supervisor before I go, and a call to check in afterwards, as I am visiting on my own.",
	},
	{
		With:    "{p} (Mum)",
		Purpose: "Talk with {p} about Saturday nights, when {c} has been coming home after midnight, and agree a plan for weekends together.",
		Worries: "{c} has come home after midnight on the last three Saturdays, and twice smelt of cannabis. {p} does not know where {c} goes " +
			"or who with. We are worried that older young people could be drawing {c} into harm.",
		WorkingWell:   "{p} told us about Saturdays herself and asked for help. {c} still comes home, and talks to their uncle about football most weeks.",
		NeedsToHappen: "{p} knows where {c} is on Saturday nights, and has people she can ring. {c} has a chance to talk with someone on their own.",
		Opening: "{p}, you told me about Saturday nights, and I am glad you did. I would like us to think together about what might help, " +
			"and about who you could ring when {c} is not home.",
		Responses: []conversation.Response{
			{Pattern: conversation.Confrontation, TheyMight: "Says the real problem is school, and that we are blaming her.",
				IWill: "Agree that school matters too, say I am not here to blame her, and come back to keeping {c} safe on Saturdays."},
			{Pattern: conversation.OtherPattern, TheyMight: "Gets upset and says she has tried everything.",
				IWill: "Say how tiring this sounds. Ask what she has tried, and what worked even a little."},
		},
		Support: "A joint visit with the youth worker, who knows {c}.",
	},
}

// demoDebrief is the debrief of the first demo plan.
var demoDebrief = conversation.Debrief{
	HowItWent: "Harder at the start than I expected: {p} was upset and said she felt checked up on. Once I said what worried me, and that I had " +
		"noticed her ringing back, she talked more. We agreed visits on Thursday afternoons at her mum's flat, where she feels less watched. I saw {c}, who showed me their art homework.",
	FamilySaid: "“Every time you come it feels like you're looking for something wrong. I'm not hiding anything. Some mornings I just can't face someone at the door.”",
	HowIFelt:   "Anxious beforehand and relieved afterwards. I noticed I wanted to rush to the plan when she got upset; slowing down helped.",
	NextSteps: "I will visit on Thursday at 4pm at her mum's flat and see {c}. I will ring school on Monday about the missed days. " +
		"{p} will text me if Thursday stops working for her.",
}
