package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// demoGroupWeek is the week the demo's NVR group has reached: five sessions
// held, the sixth this week.
const demoGroupWeek = 6

// addGroup starts the demo's NVR group from Steadfast's 12-week programme:
// run on Thursday evenings by the first two practitioners with the first
// co-facilitator, in its sixth week. It enrols the parents of allocated
// families who agreed to share with a group (their own workers' families,
// and others referred to them), and records
// attendance for the sessions held: most came, one sent apologies once, and
// one has missed the last two, as happens in real groups.
func addGroup(ctx context.Context, db *store.DB, orgID string, made map[access.Role][]string, families []string, workers []string, today time.Time) error {
	pracs, cofacs := made[access.Practitioner], made[access.CoFacilitator]
	if len(pracs) < 2 || len(cofacs) == 0 {
		return nil
	}
	shipped, err := nvr.ShippedTemplates()
	if err != nil {
		return fmt.Errorf("demo: group: %w", err)
	}
	var tpl nvr.Template
	for _, t := range shipped {
		if t.Kind == nvr.Group {
			tpl = t
			break
		}
	}
	zone, err := time.LoadLocation("Europe/London")
	if err != nil {
		zone = time.UTC
	}
	// The Thursday of the week (demoGroupWeek-1) weeks ago.
	start := today.In(zone).AddDate(0, 0, -7*(demoGroupWeek-1))
	start = start.AddDate(0, 0, int(time.Thursday-start.Weekday()))
	start = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	course := nvr.Course{Name: "Thursday evening NVR group", Kind: nvr.Group, Facilitators: pracs[:2], CoFacilitators: cofacs[:1],
		Venue: "Riverside Family Centre, Room 2", Capacity: nvr.DefaultCapacity,
		Schedule: nvr.Schedule{Start: start, Weekday: time.Thursday, Time: "18:30"}}
	c, err := db.CreateGroup(ctx, orgID, pracs[0], store.NewGroup{Course: course, Template: tpl, Zone: zone})
	if err != nil {
		return fmt.Errorf("demo: group: %w", err)
	}
	var enrolled []store.Enrolment
	for i, f := range families {
		// Families of other practitioners come to the group by referral.
		if workers[i] == "" {
			continue
		}
		consents, err := db.Consents(ctx, orgID, f)
		if err != nil {
			return fmt.Errorf("demo: group: %w", err)
		}
		if !family.Holds(consents, family.ShareWithGroup) {
			continue
		}
		members, err := db.Members(ctx, orgID, f)
		if err != nil {
			return fmt.Errorf("demo: group: %w", err)
		}
		for _, m := range members {
			if m.Kind == family.Carer {
				e, err := db.Enrol(ctx, orgID, c.ID, f, m.ID, workers[i])
				if err != nil {
					return fmt.Errorf("demo: enrol: %w", err)
				}
				enrolled = append(enrolled, e)
				break
			}
		}
	}
	for n := 1; n < demoGroupWeek; n++ {
		var entries []store.AttendanceEntry
		for i, e := range enrolled {
			value := nvr.Present
			switch {
			case i == 0 && n == 3:
				value = nvr.Apologies
			case i == len(enrolled)-1 && len(enrolled) > 1 && n >= demoGroupWeek-2:
				value = nvr.Absent
			case i == 1 && n == 2:
				value = nvr.Late
			}
			entries = append(entries, store.AttendanceEntry{EnrolmentID: e.ID, Value: value})
		}
		if err := db.RecordAttendance(ctx, orgID, c.ID, n, pracs[0], entries); err != nil {
			return fmt.Errorf("demo: attendance: %w", err)
		}
	}
	return nil
}
