package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
)

func TestProgressBarIsOneLineThenASummary(t *testing.T) {
	var out bytes.Buffer
	bar := newProgressBar(&out)
	bar.update(demo.Progress{Items: 50, TotalItems: 100, Rows: 120})
	bar.update(demo.Progress{Items: 60, TotalItems: 100, Rows: 140}) // too soon: not drawn
	bar.update(demo.Progress{Items: 100, TotalItems: 100, Rows: 230})
	bar.finish(demo.Result{Families: 3, TimelineItems: 100, Rows: 230,
		People: map[access.Role]int{access.Admin: 1, access.Practitioner: 4, access.Parent: 2}})
	got := out.String()
	if strings.Count(got, "\r") != 2 || strings.Contains(got, "60/100") {
		t.Errorf("want two redraws of one line, got %q", got)
	}
	for _, want := range []string{" 50.0%  50/100 items  120 rows  elapsed 0:00  ETA 0:00", "100.0%  100/100 items",
		"\nGenerated 3 families, 5 staff, 100 timeline items (230 rows) in 0:00\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress output lacks %q: %q", want, got)
		}
	}
}
