package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// Wellbeing beyond one's own: a team's and the organisation's weekly
// figures, shown only for weeks with at least wellbeing.MinAnswers
// answers, and one practitioner's trend, for their supervisor, only when
// the practitioner shares it.

// figuresData is what a team's or the organisation's figures page shows.
type figuresData struct {
	Caption, Heading string
	NoTeam           bool // a supervisor who is in no team yet
	Figures          figuresView
}

// teamWellbeingPage shows a supervisor their own team's weekly figures.
func (s *Server) teamWellbeingPage(w http.ResponseWriter, r *http.Request) error {
	ctx, actor := r.Context(), actorFrom(r.Context())
	if actor.Role != access.Supervisor {
		// Only supervisors lead a team here; the refusal is recorded.
		if err := s.mayWellbeing(r, access.Read, access.KindTeamWellbeing, "", access.None); err != nil {
			return err
		}
		return errNotFound
	}
	me, err := s.db.UserByID(ctx, actor.UserID)
	if err != nil {
		return err
	}
	d := figuresData{Caption: "Team wellbeing", Heading: "How your team is"}
	if me.TeamID == "" {
		if err := s.mayWellbeing(r, access.Read, access.KindWellbeing, actor.UserID, access.Own); err != nil {
			return err
		}
		d.NoTeam = true
		return s.render(w, r, http.StatusOK, "wellbeing_figures", d.Heading, d)
	}
	if err := s.mayWellbeing(r, access.Read, access.KindTeamWellbeing, me.TeamID, access.Own); err != nil {
		return err
	}
	teams, err := s.db.ListTeams(ctx, actor.OrgID)
	if err != nil {
		return err
	}
	for _, t := range teams {
		if t.ID == me.TeamID {
			d.Caption = t.Name
		}
	}
	weeks := wellbeing.CompletedWeeks(wellbeingWeeks, s.db.Now(), s.zone)
	totals, err := s.db.TeamCheckInTotals(ctx, actor.OrgID, me.TeamID, weeks[0])
	if err != nil {
		return err
	}
	d.Figures = newFiguresView("team-figures", "Your team's average, week by week", wellbeing.Figures(totals, weeks))
	return s.render(w, r, http.StatusOK, "wellbeing_figures", d.Heading, d)
}

// organisationWellbeingPage shows administrators the organisation's
// weekly figures.
func (s *Server) organisationWellbeingPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.mayWellbeing(r, access.Read, access.KindOrganisationWellbeing, actor.OrgID, access.Own); err != nil {
		return err
	}
	weeks := wellbeing.CompletedWeeks(wellbeingWeeks, s.db.Now(), s.zone)
	totals, err := s.db.OrganisationCheckInTotals(r.Context(), actor.OrgID, weeks[0])
	if err != nil {
		return err
	}
	d := figuresData{Caption: "Organisation wellbeing", Heading: "How practitioners are, across the organisation",
		Figures: newFiguresView("organisation-figures", "The organisation's average, week by week", wellbeing.Figures(totals, weeks))}
	return s.render(w, r, http.StatusOK, "wellbeing_figures", d.Heading, d)
}

// personTrendData is what one practitioner's shared trend shows.
type personTrendData struct {
	Name  string
	Own   bool
	Trend trendView
}

// personWellbeingPage shows one practitioner's weekly scores, never their
// notes: to themselves, and to their supervisor when they share them.
// Anyone else, and a supervisor they do not share with, is told nothing.
func (s *Server) personWellbeingPage(w http.ResponseWriter, r *http.Request) error {
	ctx, actor := r.Context(), actorFrom(r.Context())
	id := r.PathValue("id")
	rel := access.None
	if ids.Valid(id) && actor.Role.IsStaff() {
		var err error
		if rel, err = s.db.TrendRelationship(ctx, actor.OrgID, actor.UserID, id); err != nil {
			return err
		}
	}
	if err := s.mayWellbeing(r, access.Read, access.KindWellbeingTrend, id, rel); err != nil {
		return err
	}
	person, err := s.db.UserByID(ctx, id)
	if err != nil {
		return err
	}
	if person.OrgID != actor.OrgID {
		return errNotFound
	}
	weeks := wellbeing.LastWeeks(wellbeingWeeks, s.db.Now(), s.zone)
	scores, err := s.db.CheckInScores(ctx, actor.OrgID, id, weeks[0])
	if err != nil {
		return err
	}
	d := personTrendData{Name: person.Name, Own: rel == access.Own,
		Trend: newTrendView("person-trend", person.Name+", week by week", wellbeing.Trend(scores, weeks), nil)}
	return s.render(w, r, http.StatusOK, "wellbeing_person", person.Name+"'s wellbeing", d)
}
