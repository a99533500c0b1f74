package demo

import (
	"fmt"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
)

// countyContexts are the contexts county families are in, with how often
// each is a family's current one, in percent, and the details to choose from.
var countyContexts = []struct {
	step    contextStep // its kind, and its topic where the kind does not say
	percent int
	details []string
}{
	{contextStep{kind: family.EarlyHelp}, 20, []string{"Early help: NVR parent sessions", "Early help: school attendance, and mornings at home"}},
	{contextStep{kind: family.ChildInNeed}, 35, []string{"Child in need plan: violence at home towards a parent", "Child in need plan: school attendance and a parent's health"}},
	{contextStep{kind: family.ChildProtection}, 15, []string{"Category: neglect", "Category: emotional abuse", "Category: physical abuse"}},
	{contextStep{kind: family.LookedAfter}, 15, []string{"Section 20: living with foster carers with parents' agreement", "Care order: living with foster carers", "Kinship foster care with grandparents"}},
	{contextStep{kind: family.OtherContext, topic: topicYouthJustice}, 8, []string{"Youth justice: referral order, 12 months"}},
	{contextStep{kind: family.OtherContext}, 7, []string{"Private fostering assessment", "Special guardianship order; support plan reviewed yearly"}},
}

// contexts writes a county family's contexts and returns the topic of the
// current one. An allocated family has one current context, which started
// up to two years ago, and one in three also has a different, past one
// that ended the day the current one started. A family waiting for a
// worker has only early help, from the last two months.
func (g *countyGen) contexts(familyID, recordedBy string, allocated bool) (string, error) {
	rng, day := g.rng, dateOf(g.today)
	current := 0 // early help, for a family waiting for a worker
	started := day.AddDate(0, 0, -1-rng.IntN(60))
	if allocated {
		current = g.drawContext(-1)
		started = day.AddDate(0, 0, -30-rng.IntN(670))
	}
	cur := countyContexts[current]
	write := func(i int, start, end string) error {
		c := countyContexts[i]
		return g.bulk.Context(g.orgID, family.Context{ID: ids.New(), FamilyID: familyID, Kind: c.step.kind,
			Detail: c.details[rng.IntN(len(c.details))], StartedOn: start, EndedOn: end, RecordedBy: recordedBy, RecordedAt: g.today})
	}
	if allocated && rng.IntN(3) == 0 {
		past := g.drawContext(current)
		from := started.AddDate(0, 0, -90-rng.IntN(400))
		if err := write(past, from.Format("2006-01-02"), started.Format("2006-01-02")); err != nil {
			return "", fmt.Errorf("demo: context: %w", err)
		}
	}
	if err := write(current, started.Format("2006-01-02"), ""); err != nil {
		return "", fmt.Errorf("demo: context: %w", err)
	}
	return contextSpan{step: cur.step}.topic(), nil
}

// drawContext draws an index into countyContexts by the percentages, any
// but not.
func (g *countyGen) drawContext(not int) int {
	for {
		r := g.rng.IntN(100)
		for i, c := range countyContexts {
			if r < c.percent {
				if i == not {
					break
				}
				return i
			}
			r -= c.percent
		}
	}
}
