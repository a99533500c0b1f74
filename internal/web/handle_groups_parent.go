package web

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// The parent's view of their own group: where and when it meets, who runs
// it, its dates with the weeks off, the next session, their own attendance
// and the handouts of the sessions held so far. It never reads the other
// parents, the notes or the facilitators' plans.

// parentGroupData is what a parent's page for their group shows.
type parentGroupData struct {
	Group nvr.Course
	// Online is set when the venue is a web address, to offer it as a link.
	Online       bool
	When         string // "Thursdays at 6:30pm"
	Facilitators []string
	// CoFacilitators are first names: they are parents themselves.
	CoFacilitators []string
	Weeks          []groupWeek
	Next           *groupWeek // nil once every session has started
	Handouts       []groupWeek
}

// groupWeek is one row of the schedule a parent sees: a session or a week
// off.
type groupWeek struct {
	Number   int // 0 for a week off
	Day      string
	Time     string
	StartsAt time.Time // for the machine-readable date; zero for a week off
	Title    string
	Held     bool
	Next     bool
	// Attendance is the parent's own, in their words; "" if not recorded.
	Attendance string
}

// dayLabel and clockLabel show a session's date and time in the UK.
const (
	dayLabel   = "Monday 2 January 2006"
	clockLabel = "3:04pm"
)

// parentGroupPage shows a parent the group their family is enrolled in.
// A group they are not in is not found, as authorizeGroup says.
func (s *Server) parentGroupPage(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.authorizeGroup(r, access.Read, id); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	ctx := r.Context()
	g, err := s.db.Group(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	sessions, err := s.db.GroupSessions(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	attendance, err := s.db.ParentAttendance(ctx, *actor, id)
	if err != nil {
		return err
	}
	names, err := s.db.UserNames(ctx, actor.OrgID, append(append([]string{}, g.Facilitators...), g.CoFacilitators...))
	if err != nil {
		return err
	}
	d := parentGroupData{Group: g, Online: isWebAddress(g.Venue), When: weeklyTime(g.Schedule)}
	for _, u := range g.Facilitators {
		d.Facilitators = append(d.Facilitators, names[u].Name)
	}
	for _, u := range g.CoFacilitators {
		if f := strings.Fields(names[u].Name); len(f) > 0 {
			d.CoFacilitators = append(d.CoFacilitators, f[0])
		}
	}
	d.Weeks = s.parentSchedule(g, sessions, attendance, s.db.Now())
	for i, wk := range d.Weeks {
		if wk.Next {
			d.Next = &d.Weeks[i]
		}
		if wk.Held {
			d.Handouts = append(d.Handouts, wk)
		}
	}
	return s.render(w, r, http.StatusOK, "group_parent", g.Name, d)
}

// parentSchedule lists a group's sessions in order of time, with the weeks
// off between them, as of now: which are held, which is next, and the
// parent's own attendance at each.
func (s *Server) parentSchedule(g nvr.Course, sessions []store.GroupSession, attendance map[int]nvr.Attendance, now time.Time) []groupWeek {
	if len(sessions) == 0 {
		return nil
	}
	// A moved session may fall out of number order.
	ordered := slices.Clone(sessions)
	slices.SortStableFunc(ordered, func(a, b store.GroupSession) int { return a.StartsAt.Compare(b.StartsAt) })
	first, last := ordered[0].StartsAt.In(s.zone), ordered[len(ordered)-1].StartsAt.In(s.zone)
	breaks := nvr.Breaks(g.Schedule.Skip, first, last)
	var out []groupWeek
	next := false
	for _, gs := range ordered {
		local := gs.StartsAt.In(s.zone)
		for len(breaks) > 0 && breaks[0].Before(nvr.Date(local)) {
			out = append(out, groupWeek{Day: breaks[0].Format(dayLabel)})
			breaks = breaks[1:]
		}
		wk := groupWeek{Number: gs.Number, Day: local.Format(dayLabel), Time: local.Format(clockLabel), StartsAt: gs.StartsAt, Title: gs.Title,
			Held: nvr.Held(gs.StartsAt, now), Attendance: attendance[gs.Number].ForParent()}
		if !wk.Held && !next {
			wk.Next, next = true, true
		}
		out = append(out, wk)
	}
	return out
}

// weeklyTime says when a group meets: "Thursdays at 6:30pm".
func weeklyTime(sch nvr.Schedule) string {
	h, m, err := nvr.ParseClock(sch.Time)
	if err != nil {
		return sch.Weekday.String() + "s"
	}
	return sch.Weekday.String() + "s at " + time.Date(2000, 1, 1, h, m, 0, 0, time.UTC).Format(clockLabel)
}

// isWebAddress reports whether a venue is a link to meet online rather
// than a place.
func isWebAddress(venue string) bool {
	v := strings.TrimSpace(venue)
	return (strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://")) && !strings.ContainsAny(v, " \n\t")
}

// groupHandoutData is what a handout's page shows.
type groupHandoutData struct {
	Group   nvr.Course
	Session groupWeek
	Handout nvr.Session // only its handout is shown
}

// groupHandoutPage shows the parent handout of one session, on its own, to
// anyone who may read the group. A parent may read the handouts of the
// sessions held so far; a later one is not found until its session starts.
func (s *Server) groupHandoutPage(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.authorizeGroup(r, access.Read, id); err != nil {
		return err
	}
	n, err := sessionNumber(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	ctx := r.Context()
	gs, err := s.db.GroupSession(ctx, actor.OrgID, id, n)
	if err != nil {
		return err
	}
	held := nvr.Held(gs.StartsAt, s.db.Now())
	if actor.Role == access.Parent && !held {
		return errNotFound
	}
	g, err := s.db.Group(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	var handout string
	if gs.Supporters() {
		plan, err := nvr.SupportersPlan()
		if err != nil {
			return err
		}
		handout = plan.Handout
	} else {
		tpl, err := s.db.TemplateAt(ctx, actor.OrgID, g.TemplateID, g.TemplateVersion)
		if err != nil {
			return err
		}
		if n > len(tpl.Sessions) {
			return errNotFound
		}
		handout = tpl.Sessions[n-1].Handout
	}
	local := gs.StartsAt.In(s.zone)
	d := groupHandoutData{Group: g, Handout: nvr.Session{Handout: handout},
		Session: groupWeek{Number: n, Day: local.Format(dayLabel), Time: local.Format(clockLabel), StartsAt: gs.StartsAt, Title: gs.Title, Held: held}}
	return s.render(w, r, http.StatusOK, "group_handout", gs.Title, d)
}
