package web

import (
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/engagement"
)

// patternChart is an SVG chart of the patterns a family's engagement
// records described over time: one row for each pattern, and a dot on it
// for each record that described it. Rows differ by position and label,
// not by colour. It is drawn on the server and always sits beside the
// table of the same records.
type patternChart struct {
	Width, Height int
	Left, Top     int // the plot area's offset
	PlotW, PlotH  int
	Rows          []patternRow
	First, Last   string // the dates at the ends of the time axis
	Desc          string // a summary for screen readers
}

// patternRow is one pattern's row of the chart.
type patternRow struct {
	Y     int
	Label string
	Dots  []chartDot
}

// newPatternChart lays out a trend (oldest first) on a time axis.
func newPatternChart(trend []engagement.TrendPoint) patternChart {
	patterns := engagement.Patterns()
	c := patternChart{Width: 640, Left: 130, Top: 22, PlotW: 480}
	c.PlotH = 44 * (len(patterns) - 1)
	c.Height = c.Top + c.PlotH + 50
	rowOf := map[engagement.Pattern]int{}
	for i, p := range patterns {
		rowOf[p] = i
		c.Rows = append(c.Rows, patternRow{Y: c.Top + 44*i, Label: p.Label()})
	}
	if len(trend) == 0 {
		return c
	}
	first, last := trend[0].On, trend[len(trend)-1].On
	span := last.Sub(first)
	x := func(t time.Time) int {
		if span <= 0 {
			return c.Left + c.PlotW/2
		}
		return c.Left + int(float64(c.PlotW)*float64(t.Sub(first))/float64(span))
	}
	for _, pt := range trend {
		for _, p := range pt.Patterns {
			i, ok := rowOf[p]
			if !ok {
				continue
			}
			c.Rows[i].Dots = append(c.Rows[i].Dots, chartDot{X: x(pt.On), Y: c.Rows[i].Y, Title: p.Label() + " described in the record of " + pt.On.Format("2 January 2006")})
		}
	}
	c.First, c.Last = first.Format("2 Jan 2006"), last.Format("2 Jan 2006")
	var counts []string
	for i, n := range engagement.Counts(trend) {
		counts = append(counts, fmt.Sprintf("%s in %d", strings.ToLower(patterns[i].Label()), n))
	}
	latest := trend[len(trend)-1]
	c.Desc = fmt.Sprintf("%d records from %s to %s described %s. The latest, of %s, described %s. The table below lists every record.",
		len(trend), c.First, c.Last, strings.Join(counts, ", "), latest.On.Format("2 January 2006"), strings.ToLower(engagement.JoinLabels(latest.Patterns)))
	return c
}
