package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// journalWeeks is how many weeks of journal the demo parent has.
const journalWeeks = 8

// hardWeek is one demo week of hard moments: how many, how intense the
// first was (each later one a point calmer), and whether the parent met
// them calmly.
type hardWeek struct {
	count, intensity int
	calm             bool
}

// demoHardWeeks runs from eight weeks ago to this week: fewer and calmer
// hard moments as the parent uses what the group teaches, with a bad week
// in the middle, as real progress has.
var demoHardWeeks = [journalWeeks]hardWeek{{5, 8, false}, {5, 8, false}, {4, 7, true}, {5, 8, false}, {3, 6, true}, {3, 6, true}, {2, 5, true}, {1, 4, true}}

// demoHappened and the rest are what the demo parent wrote, in their words.
var (
	demoHappened = []string{"Shouting about turning the Xbox off", "Slammed doors and kicked the bathroom door when I said no to going out",
		"Swearing at me when the phone was taken at bedtime", "Threw the TV remote across the room", "Demanded money and said they would smash my phone"}
	demoGestures = []string{"Made their favourite pasta bake", "Left a note in the school bag", "Watched the football highlights together",
		"Bought the crisps they like without saying anything", "Asked about their game and listened"}
	demoSelfCare = []string{"Walked round the park at lunchtime", "Phoned my sister", "Early night", "Bath and a book", "Coffee with a friend from the group"}
)

// addJournal gives the demo parent eight weeks of NVR journal, their
// announcement, support network and a sit-in done; and another parent of
// the same practitioner's caseload (or the second parent, when the
// practitioner has no other) a hard moment last night in which someone was
// hurt, whose alert waits for that practitioner.
func addJournal(ctx context.Context, db *store.DB, orgID string, made map[access.Role][]string, families, workers []string, today time.Time) error {
	parents := made[access.Parent]
	if len(parents) < 2 || len(families) < 2 {
		return nil
	}
	zone, err := time.LoadLocation("Europe/London")
	if err != nil {
		zone = time.UTC
	}
	save := func(e journal.Entry) error {
		if e.OccurredAt.After(today) {
			return nil // later this week
		}
		if _, _, err := db.SaveJournalEntry(ctx, orgID, e); err != nil {
			return fmt.Errorf("demo: journal: %w", err)
		}
		return nil
	}
	monday := today.In(zone)
	monday = time.Date(monday.Year(), monday.Month(), monday.Day(), 0, 0, 0, 0, zone).AddDate(0, 0, -((int(monday.Weekday()) + 6) % 7))
	n := 0
	for w, week := range demoHardWeeks {
		start := monday.AddDate(0, 0, -7*(journalWeeks-1-w))
		for i := 0; i < week.count; i++ {
			intensity := week.intensity - i
			e := journal.Entry{FamilyID: families[0], AuthorID: parents[0], Kind: journal.HardMoment,
				OccurredAt: start.AddDate(0, 0, i+i/2).Add(time.Duration(19+i%3) * time.Hour), Intensity: &intensity,
				What: []journal.What{journal.VerbalAbuse}, Happened: demoHappened[n%len(demoHappened)], Triggers: "Being told no"}
			if week.calm {
				e.Responses, e.Delayed, e.FollowUp = []journal.Response{journal.LeftTheRoom, journal.ComeBackLater}, true, "Talked it through the next morning"
			} else {
				e.Responses = []journal.Response{journal.Shouted, journal.Lectured}
			}
			if n%4 == 3 {
				e.What = append(e.What, journal.Damage)
			}
			if err := save(e); err != nil {
				return err
			}
			n++
		}
		// Gestures and looking after oneself grow from one to three a week.
		for i := 0; i < 1+w/3; i++ {
			if err := save(journal.Entry{FamilyID: families[0], AuthorID: parents[0], Kind: journal.Gesture,
				OccurredAt: start.AddDate(0, 0, 2*i+1).Add(8 * time.Hour), Did: demoGestures[(w+i)%len(demoGestures)],
				ChildResponse: "Didn't say much, but ate it"}); err != nil {
				return err
			}
			feeling := 4 + w/2
			if err := save(journal.Entry{FamilyID: families[0], AuthorID: parents[0], Kind: journal.SelfCare,
				OccurredAt: start.AddDate(0, 0, 2*i+2).Add(13 * time.Hour), Did: demoSelfCare[(w+i)%len(demoSelfCare)], Feeling: &feeling}); err != nil {
				return err
			}
		}
	}
	if err := addAnnouncement(ctx, db, orgID, families[0], parents[0], made[access.Practitioner], today, zone); err != nil {
		return err
	}
	if err := addNetwork(ctx, db, orgID, families[0], parents[0], today, zone); err != nil {
		return err
	}
	if err := addSitIn(ctx, db, orgID, families[0], parents[0], today, zone); err != nil {
		return err
	}
	if err := addVigilance(ctx, db, orgID, families[0], parents[0]); err != nil {
		return err
	}
	other := 1
	for i := 1; i < len(parents) && i < len(families) && i < len(workers); i++ {
		if workers[i] != "" && workers[i] == workers[0] {
			other = i
			break
		}
	}
	eight := 8
	return save(journal.Entry{FamilyID: families[other], AuthorID: parents[other], Kind: journal.HardMoment, OccurredAt: today.Add(-14 * time.Hour),
		What: []journal.What{journal.PhysicalViolence, journal.Damage}, Intensity: &eight, Happened: "Pushed me into the door frame when I stopped them going out at 11pm",
		Responses: []journal.Response{journal.StayedSilent, journal.CalmedMyself}, Hurt: true, HurtWho: "Me: a bruise on my arm", CalledFor: "My brother"})
}

// addAnnouncement gives the demo parent an announcement drafted, commented
// on by their practitioner, made final and read out nine days ago with
// their sister there.
func addAnnouncement(ctx context.Context, db *store.DB, orgID, familyID, parentID string, pracs []string, today time.Time, zone *time.Location) error {
	if len(pracs) == 0 {
		return nil
	}
	parts := journal.DefaultParts()
	parts.NoLonger = "I will no longer accept you hitting me, swearing at me, or breaking things when you are told no."
	parts.TellingWhom = "I am telling Nan, my sister and your head of year at school, so we are not on our own with this."
	a, err := db.SaveAnnouncement(ctx, orgID, parentID, journal.Announcement{FamilyID: familyID, Status: journal.Draft, Parts: parts, Text: parts.Text()})
	if err != nil {
		return fmt.Errorf("demo: announcement: %w", err)
	}
	if err := db.CommentOnAnnouncement(ctx, orgID, familyID, a.ID, pracs[0],
		"This is clear and calm. You might open with why you are saying it: that you love them and want things to be better at home."); err != nil {
		return fmt.Errorf("demo: announcement comment: %w", err)
	}
	a.Parts.Care = "I love you, and I want things at home to be better for all of us."
	a.Text, a.Status = a.Parts.Text(), journal.Final
	if a, err = db.SaveAnnouncement(ctx, orgID, parentID, a); err != nil {
		return fmt.Errorf("demo: announcement: %w", err)
	}
	a.Status, a.DeliveredOn, a.Present, a.SupportersTold = journal.Delivered, today.In(zone).AddDate(0, 0, -9).Format("2006-01-02"),
		"My child, and my sister", "Nan, my sister, the head of year"
	if _, err := db.SaveAnnouncement(ctx, orgID, parentID, a); err != nil {
		return fmt.Errorf("demo: announcement: %w", err)
	}
	return nil
}
