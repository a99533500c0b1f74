package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
)

// progressBar draws a county generation's progress on one terminal line,
// rewritten with a carriage return at most a few times a second.
type progressBar struct {
	w     io.Writer
	start time.Time
	last  time.Time
}

func newProgressBar(w io.Writer) *progressBar {
	now := time.Now()
	return &progressBar{w: w, start: now}
}

// update redraws the line, unless it was drawn very recently and the work
// is not finished.
func (p *progressBar) update(pr demo.Progress) {
	now := time.Now()
	done := pr.Items >= pr.TotalItems
	if now.Sub(p.last) < 250*time.Millisecond && !done {
		return
	}
	p.last = now
	frac := 0.0
	if pr.TotalItems > 0 {
		frac = float64(pr.Items) / float64(pr.TotalItems)
	}
	elapsed := now.Sub(p.start)
	eta := "--"
	if frac > 0 {
		eta = formatDuration(time.Duration(float64(elapsed) * (1 - frac) / frac))
	}
	const width = 30
	filled := int(frac * width)
	fmt.Fprintf(p.w, "\r[%s%s] %5.1f%%  %d/%d items  %d rows  elapsed %s  ETA %s ",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), frac*100, pr.Items, pr.TotalItems, pr.Rows,
		formatDuration(elapsed), eta)
}

// finish ends the progress line with a summary.
func (p *progressBar) finish(res demo.Result) {
	staff := 0
	for role, n := range res.People {
		if role != access.Parent {
			staff += n
		}
	}
	fmt.Fprintf(p.w, "\nGenerated %d families, %d staff, %d timeline items (%d rows) in %s\n",
		res.Families, staff, res.TimelineItems, res.Rows, formatDuration(time.Since(p.start)))
}

// formatDuration shows a duration to the second, as m:ss.
func formatDuration(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
