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

// demoGroupWeek is the week the demo's running NVR group has reached: five
// sessions held, the sixth this week.
const demoGroupWeek = 6

// groupParent is a parent of a demo family who agreed to share with a
// group, and the family's practitioner.
type groupParent struct {
	index           int // the family's place in the demo's households
	family, member  string
	worker, surname string
	enrolmentID     string
}

// groupWork is everything the demo's NVR work needs to know.
type groupWork struct {
	db     *store.DB
	orgID  string
	pracs  []string
	cofacs []string
	zone   *time.Location
	today  time.Time
}

// addGroups sets up the demo's NVR work, from Steadfast's shipped
// programmes: a group that finished in the spring, a group in its sixth
// week with two parents slipping away, and one-to-one work with a single
// dad whose situation is too unsettled for a group. Parents come from the
// allocated families who agreed to share with a group.
func addGroups(ctx context.Context, db *store.DB, orgID string, made map[access.Role][]string, families, workers []string, today time.Time) error {
	w := groupWork{db: db, orgID: orgID, pracs: made[access.Practitioner], cofacs: made[access.CoFacilitator], today: today}
	if len(w.pracs) < 2 || len(w.cofacs) == 0 {
		return nil
	}
	var err error
	if w.zone, err = time.LoadLocation("Europe/London"); err != nil {
		w.zone = time.UTC
	}
	parents, err := w.parents(ctx, families, workers)
	if err != nil {
		return err
	}
	var oneToOne *groupParent
	var rest []groupParent
	for i := range parents {
		if parents[i].index == 1 {
			oneToOne = &parents[i]
		} else {
			rest = append(rest, parents[i])
		}
	}
	// The finished group takes three parents when there are enough for
	// both groups; the running group takes the rest, up to eight.
	running := len(rest)
	if running >= 7 {
		running = min(len(rest)-3, 8)
	}
	if err := w.addRunningGroup(ctx, rest[:running]); err != nil {
		return err
	}
	if len(rest)-running >= 3 {
		if err := w.addFinishedGroup(ctx, rest[running:]); err != nil {
			return err
		}
	}
	if oneToOne != nil {
		return w.addOneToOne(ctx, *oneToOne)
	}
	return nil
}

// parents lists the allocated families' first carers who agreed to share
// with a group, in the households' order.
func (w groupWork) parents(ctx context.Context, families, workers []string) ([]groupParent, error) {
	var out []groupParent
	for i, f := range families {
		if workers[i] == "" {
			continue
		}
		consents, err := w.db.Consents(ctx, w.orgID, f)
		if err != nil {
			return nil, fmt.Errorf("demo: group: %w", err)
		}
		if !family.Holds(consents, family.ShareWithGroup) {
			continue
		}
		members, err := w.db.Members(ctx, w.orgID, f)
		if err != nil {
			return nil, fmt.Errorf("demo: group: %w", err)
		}
		for _, m := range members {
			if m.Kind == family.Carer {
				out = append(out, groupParent{index: i, family: f, member: m.ID, worker: workers[i]})
				break
			}
		}
	}
	return out, nil
}

// startOn is the date of the given weekday in the week weeksAgo weeks
// before today, as a schedule's start date.
func (w groupWork) startOn(weeksAgo int, day time.Weekday) time.Time {
	d := w.today.In(w.zone).AddDate(0, 0, -7*weeksAgo)
	d = d.AddDate(0, 0, int(day-d.Weekday()))
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// start starts a course from the shipped programme of its kind and enrols
// the parents, each by their own worker.
func (w groupWork) start(ctx context.Context, course nvr.Course, parents []groupParent) (nvr.Course, []groupParent, error) {
	shipped, err := nvr.ShippedTemplates()
	if err != nil {
		return nvr.Course{}, nil, fmt.Errorf("demo: group: %w", err)
	}
	var tpl nvr.Template
	for _, t := range shipped {
		if t.Kind == course.Kind {
			tpl = t
			break
		}
	}
	c, err := w.db.CreateGroup(ctx, w.orgID, course.Facilitators[0], store.NewGroup{Course: course, Template: tpl, Zone: w.zone})
	if err != nil {
		return nvr.Course{}, nil, fmt.Errorf("demo: group %s: %w", course.Name, err)
	}
	for i, p := range parents {
		e, err := w.db.Enrol(ctx, w.orgID, c.ID, p.family, p.member, p.worker)
		if err != nil {
			return nvr.Course{}, nil, fmt.Errorf("demo: enrol in %s: %w", course.Name, err)
		}
		parents[i].enrolmentID = e.ID
	}
	return c, parents, nil
}

// attend records the attendance at session n: everyone present except
// those given.
func (w groupWork) attend(ctx context.Context, c nvr.Course, n int, parents []groupParent, except map[int]nvr.Attendance) error {
	var entries []store.AttendanceEntry
	for i, p := range parents {
		value, ok := except[i]
		if !ok {
			value = nvr.Present
		}
		entries = append(entries, store.AttendanceEntry{EnrolmentID: p.enrolmentID, Value: value})
	}
	if err := w.db.RecordAttendance(ctx, w.orgID, c.ID, n, c.Facilitators[0], entries); err != nil {
		return fmt.Errorf("demo: attendance at %s session %d: %w", c.Name, n, err)
	}
	return nil
}

// addRunningGroup starts the Thursday evening group, run by the first two
// practitioners with the first co-facilitator, in its sixth week. Most
// parents came to every session; one sent apologies once and one came late
// once; the last two are slipping away. One of them had a catch-up call;
// the other's is still to arrange.
func (w groupWork) addRunningGroup(ctx context.Context, parents []groupParent) error {
	course := nvr.Course{Name: "Thursday evening NVR group", Kind: nvr.Group, Facilitators: w.pracs[:2], CoFacilitators: w.cofacs[:1],
		Venue: "Riverside Family Centre, Room 2", Capacity: nvr.DefaultCapacity,
		Schedule: nvr.Schedule{Start: w.startOn(demoGroupWeek-1, time.Thursday), Weekday: time.Thursday, Time: "18:30"}}
	c, parents, err := w.start(ctx, course, parents)
	if err != nil {
		return err
	}
	last := len(parents) - 1
	for n := 1; n < demoGroupWeek; n++ {
		except := map[int]nvr.Attendance{}
		switch n {
		case 2:
			except[1] = nvr.Late
		case 3:
			except[0] = nvr.Apologies
		case 4:
			except[last-1], except[last] = nvr.Apologies, nvr.Absent
		case 5:
			except[last-1], except[last] = nvr.Absent, nvr.Absent
		}
		if len(parents) < 4 {
			delete(except, last-1)
		}
		if err := w.attend(ctx, c, n, parents, except); err != nil {
			return err
		}
	}
	if len(parents) >= 4 {
		p := parents[last-1]
		sessions, err := w.db.GroupSessions(ctx, w.orgID, c.ID)
		if err != nil {
			return fmt.Errorf("demo: group sessions: %w", err)
		}
		call := sessions[3].StartsAt.Add(44 * time.Hour) // the Saturday afternoon after
		if err := w.db.RecordCatchUp(ctx, w.orgID, c.ID, 4, p.enrolmentID, nvr.ByPhone, call, c.Facilitators[0],
			"Twenty minutes on the phone. We went through the handout on delayed response, and talked about one evening this week when waiting until things were calm would have helped. Said the group misses them, and that the door is open."); err != nil {
			return fmt.Errorf("demo: catch-up: %w", err)
		}
	}
	return nil
}

// addFinishedGroup runs the Tuesday morning group that finished in the
// spring, with a week off at half term and a supporters' session: one
// parent moved away after three sessions, one missed two sessions in the
// middle and caught up by phone, and the rest came to nearly everything.
func (w groupWork) addFinishedGroup(ctx context.Context, parents []groupParent) error {
	facilitators := []string{w.pracs[1]}
	if len(w.pracs) > 2 {
		facilitators = append(facilitators, w.pracs[2])
	}
	start := w.startOn(34, time.Tuesday)
	course := nvr.Course{Name: "Tuesday morning NVR group", Kind: nvr.Group, Facilitators: facilitators, CoFacilitators: w.cofacs[:1],
		Venue: "Hillside Children's Centre, the garden room", Capacity: 10,
		Schedule: nvr.Schedule{Start: start, Weekday: time.Tuesday, Time: "10:00", Skip: []time.Time{start.AddDate(0, 0, 7*6)}}}
	c, parents, err := w.start(ctx, course, parents)
	if err != nil {
		return err
	}
	for n := 1; n <= 12; n++ {
		// Until session 3 everyone is listed; after it, the second parent has
		// left, and the third is listed second.
		present, except := parents, map[int]nvr.Attendance{}
		if n > 3 {
			present = append(append([]groupParent{}, parents[:1]...), parents[2:]...)
		}
		switch n {
		case 3:
			except[1] = nvr.Absent
		case 5, 6:
			except[0] = nvr.Apologies
		case 9:
			except[1] = nvr.Late
		}
		if err := w.attend(ctx, c, n, present, except); err != nil {
			return err
		}
	}
	if err := w.db.WithdrawEnrolment(ctx, w.orgID, c.ID, parents[1].enrolmentID, c.Facilitators[0],
		"Moved to be nearer family in another county after session 3. Their practitioner passed on the details of an NVR group there."); err != nil {
		return fmt.Errorf("demo: withdraw: %w", err)
	}
	sessions, err := w.db.GroupSessions(ctx, w.orgID, c.ID)
	if err != nil {
		return fmt.Errorf("demo: group sessions: %w", err)
	}
	for _, n := range []int{5, 6} {
		call := sessions[n-1].StartsAt.Add(28 * time.Hour)
		if err := w.db.RecordCatchUp(ctx, w.orgID, c.ID, n, parents[0].enrolmentID, nvr.ByPhone, call, c.Facilitators[0],
			"A short call to go through the session's handout. Back at the group next week."); err != nil {
			return fmt.Errorf("demo: catch-up: %w", err)
		}
	}
	plan, err := nvr.SupportersPlan()
	if err != nil {
		return err
	}
	// A Thursday evening, so that working supporters can come.
	if _, err := w.db.AddSupportersSession(ctx, w.orgID, c.ID, sessions[7].StartsAt.AddDate(0, 0, 2).Add(8*time.Hour+30*time.Minute), plan.Title); err != nil {
		return fmt.Errorf("demo: supporters' session: %w", err)
	}
	return nil
}

// addOneToOne runs six one-to-one sessions with the single dad at home on
// Wednesday afternoons, started three weeks ago, with the first three
// recorded; the second moved a day for his shifts.
func (w groupWork) addOneToOne(ctx context.Context, p groupParent) error {
	course := nvr.Course{Name: "One-to-one NVR at home", Kind: nvr.OneToOne, Facilitators: []string{p.worker}, Venue: "Home visits", Capacity: 1,
		Schedule: nvr.Schedule{Start: w.startOn(3, time.Wednesday), Weekday: time.Wednesday, Time: "14:00"}}
	c, parents, err := w.start(ctx, course, []groupParent{p})
	if err != nil {
		return err
	}
	sessions, err := w.db.GroupSessions(ctx, w.orgID, c.ID)
	if err != nil {
		return fmt.Errorf("demo: one-to-one sessions: %w", err)
	}
	if err := w.db.MoveSession(ctx, w.orgID, c.ID, 2, sessions[1].StartsAt.AddDate(0, 0, 1), p.worker, "Dad's shifts changed that week"); err != nil {
		return fmt.Errorf("demo: move: %w", err)
	}
	for n := 1; n <= 3; n++ {
		if !sessions[n-1].StartsAt.Before(w.today) {
			break
		}
		if err := w.attend(ctx, c, n, parents, nil); err != nil {
			return err
		}
	}
	return nil
}
