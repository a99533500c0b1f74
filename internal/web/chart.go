package web

import (
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
)

// scaleChart is an SVG line chart of a family's 0–10 ratings over time, one
// line for each view. It is drawn on the server and always sits beside the
// table of the same ratings.
type scaleChart struct {
	Width, Height int
	Left, Top     int // the plot area's offset
	PlotW, PlotH  int
	YTicks        []chartTick
	Series        []chartSeries
	First, Last   string // the dates at the ends of the time axis
	Desc          string // a summary for screen readers
}

type chartTick struct {
	Y     int
	Label string
}

type chartSeries struct {
	Label  string
	Class  string // colour and dash pattern, so views differ without colour too
	Points string // for <polyline points="…">
	Dots   []chartDot
}

type chartDot struct {
	X, Y  int
	Title string
}

// newScaleChart lays out ratings (newest first) on a time axis.
func newScaleChart(ratings []family.Rating) scaleChart {
	c := scaleChart{Width: 640, Height: 260, Left: 40, Top: 16, PlotW: 580, PlotH: 200}
	for v := 0; v <= 10; v += 2 {
		c.YTicks = append(c.YTicks, chartTick{Y: c.Top + c.PlotH - v*c.PlotH/10, Label: fmt.Sprint(v)})
	}
	if len(ratings) == 0 {
		return c
	}
	first, last := ratings[len(ratings)-1].RecordedAt, ratings[0].RecordedAt
	span := last.Sub(first)
	x := func(t time.Time) int {
		if span <= 0 {
			return c.Left + c.PlotW/2
		}
		return c.Left + int(float64(c.PlotW)*float64(t.Sub(first))/float64(span))
	}
	y := func(score int) int { return c.Top + c.PlotH - score*c.PlotH/10 }
	var summary []string
	for i, view := range family.Views() {
		s := chartSeries{Label: view.Label(), Class: fmt.Sprintf("app-chart__series--%d", i+1)}
		var pts []string
		var latest *family.Rating
		for j := len(ratings) - 1; j >= 0; j-- { // oldest first along the line
			r := ratings[j]
			if r.View != view {
				continue
			}
			px, py := x(r.RecordedAt), y(r.Score)
			pts = append(pts, fmt.Sprintf("%d,%d", px, py))
			s.Dots = append(s.Dots, chartDot{X: px, Y: py, Title: fmt.Sprintf("%s: %d on %s", view.Label(), r.Score, r.RecordedAt.In(ukTime()).Format("2 January 2006"))})
			latest = &ratings[j]
		}
		if len(pts) == 0 {
			continue
		}
		s.Points = strings.Join(pts, " ")
		c.Series = append(c.Series, s)
		summary = append(summary, fmt.Sprintf("%s: most recently %d", view.Label(), latest.Score))
	}
	c.First = first.In(ukTime()).Format("2 Jan 2006")
	c.Last = last.In(ukTime()).Format("2 Jan 2006")
	c.Desc = fmt.Sprintf("Ratings from %s to %s. %s. The table below gives every rating.", c.First, c.Last, strings.Join(summary, "; "))
	return c
}
