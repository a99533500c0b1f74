package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// wellbeingWeeks is how many weeks a trend or a team's figures show.
const wellbeingWeeks = 12

// mayWellbeing asks the policy about a wellbeing resource and records the
// answer. A refusal is "not found", so no one learns whether a person has
// a trend, or shares it.
func (s *Server) mayWellbeing(r *http.Request, action access.Action, kind access.Kind, id string, rel access.Relationship) error {
	actor := actorFrom(r.Context())
	if actor == nil {
		return errForbidden
	}
	_, err := s.authorize(r, action, access.Resource{Kind: kind, ID: id, OrgID: actor.OrgID, Relationship: rel})
	if errors.Is(err, errForbidden) {
		return errNotFound
	}
	return err
}

// scoreChoice is one radio of the check-in's 0 to 10 scale.
type scoreChoice struct {
	ID, Value, Label string
	Checked          bool
}

// scoreChoices lists the scale's radios, with the one chosen checked. The
// first radio's id is the field's name, so the error summary links to it.
func scoreChoices(chosen string) []scoreChoice {
	out := make([]scoreChoice, 0, wellbeing.MaxScore+1)
	for n := wellbeing.MinScore; n <= wellbeing.MaxScore; n++ {
		v := strconv.Itoa(n)
		id := wellbeing.FieldScore
		if n > wellbeing.MinScore {
			id += "-" + v
		}
		out = append(out, scoreChoice{ID: id, Value: v, Label: wellbeing.ScoreLabel(n), Checked: v == chosen})
	}
	return out
}

// trendView is a person's weeks drawn as a chart beside a table.
type trendView struct {
	Chart barChart
	Rows  []trendRow
	Any   bool // any week answered
}

// trendRow is one week of the table. Note is filled in only on the
// author's own page.
type trendRow struct {
	Week, Score, Note string
}

// newTrendView draws points; notes (by week) are the author's own, for
// their page only, and nil on anyone else's.
func newTrendView(id, title string, points []wellbeing.Point, notes map[wellbeing.Week]string) trendView {
	var v trendView
	data := make([]barDatum, 0, len(points))
	answered := 0
	for _, p := range points {
		row := trendRow{Week: p.Week.Label(), Score: "No answer", Note: notes[p.Week]}
		d := barDatum{Label: p.Week.Short(), Text: "no answer"}
		if p.Answered {
			answered++
			row.Score = strconv.Itoa(p.Score) + " out of 10"
			d.Value, d.Text = p.Score, strconv.Itoa(p.Score)
		}
		v.Rows = append(v.Rows, row)
		data = append(data, d)
	}
	v.Any = answered > 0
	desc := fmt.Sprintf("Scores out of 10, 0 being really struggling and 10 really well, for each of the last %d weeks; %d of them answered. The table below gives every week.", len(points), answered)
	v.Chart = newNarrowBarChart(id, title, desc, data, wellbeing.MaxScore)
	return v
}

// figuresView is a group's weekly figures drawn as a chart beside a table.
type figuresView struct {
	Chart barChart
	Rows  []figureRow
	Min   int
}

// figureRow is one week of the table: how many answered and the average,
// or the reason nothing is shown.
type figureRow struct {
	Week    string
	Shown   bool
	Answers int
	Average string
}

// newFiguresView draws a group's figures, which wellbeing.Figures has
// already cut down to what may be shown.
func newFiguresView(id, title string, figures []wellbeing.Figure) figuresView {
	v := figuresView{Min: wellbeing.MinAnswers}
	data := make([]barDatum, 0, len(figures))
	shown := 0
	for _, f := range figures {
		row := figureRow{Week: f.Week.Label(), Shown: f.Shown}
		d := barDatum{Label: f.Week.Short(), Text: "not shown"}
		if f.Shown {
			shown++
			row.Answers, row.Average = f.Answers, fmt.Sprintf("%.1f", f.Average)
			d.Value, d.Text = int(f.Average*10+0.5), row.Average
		}
		v.Rows = append(v.Rows, row)
		data = append(data, d)
	}
	desc := fmt.Sprintf("The average score out of 10 for each of the last %d weeks, shown for the %d weeks in which at least %d people answered and no one could be singled out. The table below gives every week.",
		len(figures), shown, wellbeing.MinAnswers)
	v.Chart = newNarrowBarChart(id, title, desc, data, wellbeing.MaxScore*10)
	return v
}
