package web

import "unicode/utf8"

// barChart is an SVG chart of horizontal bars, one a row, each labelled
// on its left and with its value written at its end, so nothing is told
// by colour or length alone. It is drawn on the server by the "bar-chart"
// partial and always sits beside a table of the same figures.
type barChart struct {
	ID            string // prefixes the ids of the chart's title and description
	Title, Desc   string // for screen readers; Desc sums up the figures
	Width, Height int
	Left, Top     int // the plot area's offset; labels sit left of Left
	PlotW, BarH   int
	Bars          []chartBar
}

// chartBar is one bar, laid out.
type chartBar struct {
	Label  string // shortened to fit; Title has it whole
	Title  string
	Y, W   int
	LabelY int    // the baseline of the label and the value
	TextX  int    // where the value is written
	Value  string // the value as written
}

// barDatum is one bar before layout: its label, its length as a number,
// and how its value is written ("4 of 5", "56%").
type barDatum struct {
	Label string
	Value int
	Text  string
}

const (
	barRow      = 32 // the height of each bar's row
	barLabelMax = 30 // characters of a label shown before it is shortened
)

// newBarChart lays out bars whose values run from 0 to max.
func newBarChart(id, title, desc string, data []barDatum, max int) barChart {
	return layOutBars(barChart{ID: id, Title: title, Desc: desc, Width: 640, Left: 220, Top: 8, PlotW: 340, BarH: 20}, data, max)
}

// newNarrowBarChart lays out bars with short labels in a chart drawn about
// as wide as a phone's screen, so its writing stays readable there.
func newNarrowBarChart(id, title, desc string, data []barDatum, max int) barChart {
	return layOutBars(barChart{ID: id, Title: title, Desc: desc, Width: 400, Left: 80, Top: 8, PlotW: 250, BarH: 20}, data, max)
}

// layOutBars places the bars of data, running from 0 to max, in c.
func layOutBars(c barChart, data []barDatum, max int) barChart {
	c.Height = c.Top + barRow*len(data) + 8
	for i, d := range data {
		w := 0
		if max > 0 && d.Value > 0 {
			w = d.Value * c.PlotW / max
			if w < 2 {
				w = 2 // a value above nothing shows
			}
		}
		if w > c.PlotW {
			w = c.PlotW
		}
		y := c.Top + barRow*i
		c.Bars = append(c.Bars, chartBar{Label: shorten(d.Label, barLabelMax), Title: d.Label + ": " + d.Text, Y: y, W: w,
			TextX: c.Left + w + 8, LabelY: y + 15, Value: d.Text})
	}
	return c
}

// shorten cuts s to at most n characters, ending it with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
