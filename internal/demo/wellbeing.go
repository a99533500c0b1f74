package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// The demo's team wellbeing check-ins. Four practitioners join the first
// team ("North locality") after relate has run, so every allocation stays
// as it was and that team can reach the 5 answers a week needs to be
// shown. Eight practitioners (the six of North and one each from the other
// teams) answer over the 12 weeks before this one: most weeks all six of
// North answer, in two weeks only four do (so the page shows those weeks
// hidden), and in one exactly five. The whole team dips in a hard spell
// and recovers. The first practitioner shares their trend with their
// supervisor and keeps a self-care plan.

// wellbeingJoiners is how many practitioners join the first team.
const wellbeingJoiners = 4

// wellbeingHistory is how many weeks of check-ins the demo holds.
const wellbeingHistory = 12

// northAway gives, by week (oldest first), which of North's six
// practitioners did not answer: none, mostly.
func northAway() map[int][]int { return map[int][]int{2: {4, 5}, 5: {5}, 8: {1, 3}} }

// wellbeingDip lowers everyone's score in the hard spell, weeks 5 to 8.
func wellbeingDip() map[int]int { return map[int]int{5: 2, 6: 3, 7: 3, 8: 1} }

// wellbeingNotes returns the first practitioner's private notes, by week.
func wellbeingNotes() map[int]string {
	return map[int]string{
		6: "Two hard visits in a row. Talked them through in supervision, which helped.",
		9: "Took the Friday afternoon off. Feeling more like myself.",
	}
}

// addWellbeing adds the joiners and the check-ins, and counts the joiners
// in res.
func addWellbeing(ctx context.Context, db *store.DB, hasher Hasher, rng *rand.Rand, names *namer, orgID string, made map[access.Role][]string, res *Result, today time.Time) error {
	sups, pracs := made[access.Supervisor], made[access.Practitioner]
	if len(sups) == 0 || len(pracs) < 6 {
		return nil
	}
	teams, err := db.ListTeams(ctx, orgID)
	if err != nil {
		return fmt.Errorf("demo: wellbeing: %w", err)
	}
	north := ""
	for _, t := range teams {
		if t.Name == teamNames[0] {
			north = t.ID
		}
	}
	// North's practitioners: the two relate gave the first supervisor, then
	// the joiners.
	team := []string{pracs[0], pracs[1]}
	for range wellbeingJoiners {
		first, last := names.next()
		hash, err := hasher.Hash(ctx, passphrase(rng))
		if err != nil {
			return fmt.Errorf("demo: hash password: %w", err)
		}
		u, err := db.CreateUser(ctx, store.NewUser{OrgID: orgID, Email: emailFor(first, last, access.Practitioner), Name: first + " " + last,
			Role: access.Practitioner, PasswordHash: hash, TeamID: north})
		if err != nil {
			return fmt.Errorf("demo: create practitioner: %w", err)
		}
		if err := db.LinkSupervisor(ctx, orgID, sups[0], u.ID); err != nil {
			return fmt.Errorf("demo: supervision: %w", err)
		}
		team = append(team, u.ID)
		res.People[access.Practitioner]++
	}
	zone, err := time.LoadLocation("Europe/London")
	if err != nil {
		zone = time.UTC
	}
	weeks := wellbeing.LastWeeks(wellbeingHistory+1, today, zone)[:wellbeingHistory] // this week is still to answer
	everyone := append(append([]string{}, team...), pracs[2], pracs[4])
	for p, userID := range everyone {
		usual := 5 + rng.IntN(3)
		for i, w := range weeks {
			if p < len(team) && away(i, p) {
				continue
			}
			score := min(max(usual-wellbeingDip()[i]+rng.IntN(3)-1, wellbeing.MinScore), wellbeing.MaxScore)
			c := wellbeing.CheckIn{Week: w, Score: score, AnsweredAt: answeredIn(w, rng, zone)}
			if p == 0 {
				c.Note = wellbeingNotes()[i]
			}
			if err := db.SaveCheckIn(ctx, orgID, userID, c); err != nil {
				return fmt.Errorf("demo: check-in: %w", err)
			}
		}
	}
	if err := db.SetTrendSharing(ctx, orgID, pracs[0], true); err != nil {
		return fmt.Errorf("demo: trend sharing: %w", err)
	}
	if _, err := db.SaveSelfCare(ctx, orgID, pracs[0], wellbeing.SelfCare{
		Helps:      "A walk at lunchtime. Writing up a hard visit before going home, not after.",
		EarlySigns: "Working through breaks. Going over visits in my head at night.",
		TalkTo:     "My supervisor, and the duty senior on the day.",
	}); err != nil {
		return fmt.Errorf("demo: self-care plan: %w", err)
	}
	return nil
}

// away reports whether North's practitioner p did not answer in week i.
func away(i, p int) bool { return slices.Contains(northAway()[i], p) }

// answeredIn is a working time in week w: Monday to Friday, 9am to 5pm.
func answeredIn(w wellbeing.Week, rng *rand.Rand, zone *time.Location) time.Time {
	m := w.Monday()
	return time.Date(m.Year(), m.Month(), m.Day()+rng.IntN(5), 9+rng.IntN(8), rng.IntN(60), 0, 0, zone)
}
