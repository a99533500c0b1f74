package web

import (
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// Practitioners' own wellbeing at /wellbeing: the weekly check-in ("How
// are you this week?"), their own trend, and whether they share it with
// their supervisors. Supervisors find their team's figures and the trends
// shared with them here; administrators the organisation's figures. The
// rules are in internal/wellbeing.

// Fields of the sharing choice.
const fieldShare = "share"

// wellbeingData is what /wellbeing shows.
type wellbeingData struct {
	// CheckIn is set for practitioners: the form, their trend and the
	// sharing choice.
	CheckIn  bool
	Week     wellbeing.Week
	Answered bool // this week already answered
	Form     *form
	Scores   []scoreChoice
	Trend    trendView
	Sharing  *form
	Shares   bool
	// Supervisors are the names of those a shared trend goes to.
	Supervisors []string
	// SelfCare, Team and Organisation offer the pages the actor may use.
	SelfCare, Team, Organisation bool
	// SharedWithMe are the practitioners who share their trend with the
	// supervisor reading the page.
	SharedWithMe []access.User
}

// wellbeingPage shows a member of staff their wellbeing page.
func (s *Server) wellbeingPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.mayWellbeing(r, access.Read, access.KindWellbeing, actor.UserID, access.Own); err != nil {
		return err
	}
	d, err := s.readWellbeing(r, nil, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "wellbeing", "Your wellbeing", d)
}

// readWellbeing gathers the page for the actor. checkIn and sharing are
// forms to show again with what was typed; nil shows this week's answer
// and the sharing choice as saved.
func (s *Server) readWellbeing(r *http.Request, checkIn, sharing *form) (wellbeingData, error) {
	ctx, actor := r.Context(), actorFrom(r.Context())
	d := wellbeingData{Form: checkIn, Sharing: sharing}
	switch actor.Role {
	case access.Practitioner:
		d.CheckIn, d.SelfCare = true, true
		now := s.db.Now()
		weeks := wellbeing.LastWeeks(wellbeingWeeks, now, s.zone)
		d.Week = weeks[len(weeks)-1]
		own, err := s.db.SelfCheckIns(ctx, actor.OrgID, actor.UserID, weeks[0])
		if err != nil {
			return d, err
		}
		scores := make([]wellbeing.Score, len(own))
		notes := map[wellbeing.Week]string{}
		for i, c := range own {
			scores[i], notes[c.Week] = wellbeing.Score{Week: c.Week, Score: c.Score}, c.Note
		}
		if d.Form == nil {
			d.Form = newForm()
			for _, c := range own {
				if c.Week == d.Week {
					d.Answered = true
					d.Form.Values[wellbeing.FieldScore], d.Form.Values[wellbeing.FieldNote] = strconv.Itoa(c.Score), c.Note
				}
			}
		}
		d.Scores = scoreChoices(d.Form.Value(wellbeing.FieldScore))
		d.Trend = newTrendView("my-trend", "How you have been, week by week", wellbeing.Trend(scores, weeks), notes)
		if d.Shares, err = s.db.SharesTrend(ctx, actor.OrgID, actor.UserID); err != nil {
			return d, err
		}
		if d.Sharing == nil {
			d.Sharing = newForm()
			d.Sharing.Values[fieldShare] = yesNo(d.Shares)
		}
		sups, err := s.db.Supervisors(ctx, actor.OrgID, actor.UserID)
		if err != nil {
			return d, err
		}
		for _, u := range sups {
			d.Supervisors = append(d.Supervisors, u.Name)
		}
	case access.Supervisor:
		d.SelfCare, d.Team = true, true
		list, err := s.db.SharedTrends(ctx, actor.OrgID, actor.UserID)
		if err != nil {
			return d, err
		}
		// The names of those who share with the supervisor are personal data.
		if err := s.recordList(r, "wellbeing-shared-trends", len(list)); err != nil {
			return d, err
		}
		d.SharedWithMe = list
	case access.Admin:
		d.Organisation = true
	}
	return d, nil
}

// saveCheckIn keeps the practitioner's answer for this week, replacing
// any answer they gave earlier in the week.
func (s *Server) saveCheckIn(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.mayWellbeing(r, access.Create, access.KindWellbeing, actor.UserID, access.Own); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := newPostedForm(r, wellbeing.FieldScore, wellbeing.FieldNote)
	score, problems := wellbeing.CheckInProblems(p.Value(wellbeing.FieldScore), p.Value(wellbeing.FieldNote))
	p.addProblems(problems)
	if !p.Valid() {
		d, err := s.readWellbeing(r, p.form, nil)
		if err != nil {
			return err
		}
		return s.render(w, r, http.StatusUnprocessableEntity, "wellbeing", "Your wellbeing", d)
	}
	now := s.db.Now()
	week := wellbeing.WeekOf(now, s.zone)
	if err := s.recordChange(r, audit.Update, access.KindWellbeing, actor.UserID, "wellbeing changed"); err != nil {
		return err
	}
	c := wellbeing.CheckIn{Week: week, Score: score, Note: p.Value(wellbeing.FieldNote), AnsweredAt: now}
	if err := s.db.SaveCheckIn(r.Context(), actor.OrgID, actor.UserID, c); err != nil {
		return err
	}
	s.flash(r, "Thank you. Your answer for this week is saved.")
	http.Redirect(w, r, "/wellbeing", http.StatusSeeOther)
	return nil
}

// saveTrendSharing records whether the practitioner shares their trend
// (scores only) with their supervisors.
func (s *Server) saveTrendSharing(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.mayWellbeing(r, access.Update, access.KindWellbeing, actor.UserID, access.Own); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := newPostedForm(r, fieldShare)
	choice := p.Value(fieldShare)
	if choice != "yes" && choice != "no" {
		p.Add(fieldShare, "Choose whether to share your trend with your supervisor")
		d, err := s.readWellbeing(r, nil, p.form)
		if err != nil {
			return err
		}
		return s.render(w, r, http.StatusUnprocessableEntity, "wellbeing", "Your wellbeing", d)
	}
	share := choice == "yes"
	if err := s.recordChange(r, audit.Update, access.KindWellbeing, actor.UserID, "wellbeing changed"); err != nil {
		return err
	}
	if err := s.db.SetTrendSharing(r.Context(), actor.OrgID, actor.UserID, share); err != nil {
		return err
	}
	if share {
		s.flash(r, "Your supervisor can now see your weekly scores, never your notes.")
	} else {
		s.flash(r, "Your trend is now yours alone.")
	}
	http.Redirect(w, r, "/wellbeing", http.StatusSeeOther)
	return nil
}

// yesNo writes a choice as the sharing form holds it.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
