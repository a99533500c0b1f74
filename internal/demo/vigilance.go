package demo

import (
	"context"
	"fmt"

	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// demoConcern is a concern of the demo parent's and the changes of level
// it went through, each with the warning sign behind it.
type demoConcern struct {
	about, sign string
	level       journal.Level
	changes     []demoLevelChange
	settled     bool
}

type demoLevelChange struct {
	to   journal.Level
	sign string
}

var demoConcerns = []demoConcern{
	{about: "Staying out late at weekends", level: journal.OpenAttention, sign: "Coming in later than we agreed",
		changes: []demoLevelChange{
			{journal.FocusedAttention, "Came home after midnight twice and would not say where they had been"},
			{journal.ProtectiveAction, "Phone switched off all evening; my sister and I went to find them at the park"},
			{journal.FocusedAttention, "Home by ten for three weekends running, and texting me where they are"},
		}},
	{about: "Who they are talking to online", level: journal.OpenAttention,
		changes: []demoLevelChange{{journal.FocusedAttention, "A new friend from a game asked them for photos"}}},
	{about: "Not eating with us", level: journal.FocusedAttention, sign: "Skipping tea most days", settled: true,
		changes: []demoLevelChange{{journal.OpenAttention, "Eating with us most evenings again"}}},
}

// demoBehaviours are the demo parent's baskets as first sorted, then the
// moves they made since.
var demoBehaviours = []struct {
	what   string
	basket journal.Basket
}{
	{"Hitting or pushing me", journal.MustResist},
	{"Breaking things when told no", journal.MustResist},
	{"Staying out past midnight", journal.MustResist},
	{"Swearing at me", journal.Negotiable},
	{"Screen time after ten", journal.Negotiable},
	{"Untidy bedroom", journal.LetGo},
	{"What they wear to school", journal.LetGo},
}

var demoMoves = []struct {
	what string
	to   journal.Basket
}{
	{"Swearing at me", journal.LetGo},
	{"Screen time after ten", journal.MustResist},
	{"Screen time after ten", journal.Negotiable},
}

// addVigilance gives the demo parent their concerns with a history of
// levels, one no longer a worry, and their child's behaviours in baskets
// with a few moves.
func addVigilance(ctx context.Context, db *store.DB, orgID, familyID, parentID string) error {
	for _, dc := range demoConcerns {
		c, err := db.AddConcern(ctx, orgID, parentID, journal.Concern{FamilyID: familyID, About: dc.about, Level: dc.level}, dc.sign)
		if err != nil {
			return fmt.Errorf("demo: concern: %w", err)
		}
		for _, ch := range dc.changes {
			if err := db.ChangeLevel(ctx, orgID, familyID, parentID, c.ID, ch.to, ch.sign); err != nil {
				return fmt.Errorf("demo: concern level: %w", err)
			}
		}
		if dc.settled {
			if err := db.SettleConcern(ctx, orgID, familyID, c.ID); err != nil {
				return fmt.Errorf("demo: settle concern: %w", err)
			}
		}
	}
	ids := map[string]string{}
	for _, b := range demoBehaviours {
		saved, err := db.AddBehaviour(ctx, orgID, parentID, journal.Behaviour{FamilyID: familyID, What: b.what, Basket: b.basket})
		if err != nil {
			return fmt.Errorf("demo: behaviour: %w", err)
		}
		ids[b.what] = saved.ID
	}
	for _, m := range demoMoves {
		if err := db.MoveBehaviour(ctx, orgID, familyID, parentID, ids[m.what], m.to); err != nil {
			return fmt.Errorf("demo: move behaviour: %w", err)
		}
	}
	return nil
}
