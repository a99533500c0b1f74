package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/network"
	"github.com/steadfast-care/steadfast/internal/store"
)

// demoSupporters are the demo parent's support network, in the parent's
// words: Nan, who lives nearby (situation 0), their sister, told at the
// announcement, a parent from the group, and the head of year, not asked
// yet.
var demoSupporters = []network.Supporter{
	{Name: "Nan", Relationship: "Lives ten minutes away and helps most days", Contact: "07700 900417",
		Roles: []network.Role{network.TelephoneRound, network.SitIn, network.Supervision}, Agreement: network.Agreed},
	{Name: "Jo", Relationship: "My sister", Contact: "07700 900582",
		Roles: []network.Role{network.TelephoneRound, network.MessageToChild}, Agreement: network.Agreed},
	{Name: "Sam from the group", Relationship: "A parent from my NVR group", Contact: "07700 900733",
		Roles: []network.Role{network.TelephoneRound}, Agreement: network.Agreed},
	{Name: "Mx Okafor", Relationship: "Head of year at school", Contact: "Through the school office, 01632 960 210",
		Roles: []network.Role{network.MessageToChild}, Agreement: network.NotAsked},
}

// addNetwork gives the demo parent their supporters, two contacts with
// them, and a telephone round three weeks ago when their child was not
// home.
func addNetwork(ctx context.Context, db *store.DB, orgID, familyID, parentID string, today time.Time, zone *time.Location) error {
	var saved []network.Supporter
	for _, sp := range demoSupporters {
		sp.FamilyID = familyID
		s, err := db.AddSupporter(ctx, orgID, parentID, sp)
		if err != nil {
			return fmt.Errorf("demo: supporter %s: %w", sp.Name, err)
		}
		saved = append(saved, s)
	}
	day := func(daysAgo int) string { return today.In(zone).AddDate(0, 0, -daysAgo).Format("2006-01-02") }
	for _, c := range []network.Contact{
		{SupporterID: saved[1].ID, On: day(20), About: "Told Jo about the announcement. Jo will text every Sunday to see how we are."},
		{SupporterID: saved[0].ID, On: day(12), About: "Asked Nan to sit with me at the sit-in. Nan said yes straight away."},
	} {
		c.FamilyID = familyID
		if _, err := db.AddContact(ctx, orgID, parentID, c); err != nil {
			return fmt.Errorf("demo: contact: %w", err)
		}
	}
	evening := today.In(zone)
	evening = time.Date(evening.Year(), evening.Month(), evening.Day(), 22, 10, 0, 0, zone).AddDate(0, 0, -21)
	if _, err := db.AddRound(ctx, orgID, parentID, network.Round{FamilyID: familyID, At: evening,
		Why: "They were not home by ten and were not answering their phone.",
		Calls: []network.Call{
			{SupporterID: saved[0].ID, Outcome: network.ReachedHelped, Note: "Nan drove round the park"},
			{SupporterID: saved[1].ID, Outcome: network.NoAnswer},
			{Name: "Their friend's parent", Outcome: network.ReachedHelped, Note: "They were at their friend's house and came home by eleven"},
		}}); err != nil {
		return fmt.Errorf("demo: telephone round: %w", err)
	}
	return nil
}
