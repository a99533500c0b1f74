package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
)

// progressWeeks is how many weeks the progress charts show.
const progressWeeks = 8

// progressData is a family's journal in figures: a sentence or two of
// summary, a chart for each figure, and one table of them all.
type progressData struct {
	Summary []string
	Charts  []barChart
	Rows    []progressRow
	Any     bool // anything written down in the weeks shown
}

// progressRow is one week of the table.
type progressRow struct {
	Week                         string
	HardMoments                  int
	Intensity, Calm              string
	Gestures, SelfCare, Presence int
}

// familyProgress reads a family's last weeks of journal and draws them.
// The summary in words is the parent's, written to them ("you made…"), so
// staff pages leave it out and read the charts and the table.
func (s *Server) familyProgress(r *http.Request, familyID string, forParent bool) (progressData, error) {
	now := s.db.Now()
	since := journal.Weekly(nil, progressWeeks, now, s.zone)[0].Start
	entries, err := s.db.JournalSince(r.Context(), actorFrom(r.Context()).OrgID, familyID, since)
	if err != nil {
		return progressData{}, err
	}
	weeks := journal.Weekly(entries, progressWeeks, now, s.zone)
	d := progressData{Any: len(entries) > 0}
	if forParent {
		d.Summary = journal.Summary(weeks)
	}
	var hard, intensity, calm, gestures, selfCare []barDatum
	maxCount := 1
	for _, w := range weeks {
		maxCount = max(maxCount, w.HardMoments, w.Gestures, w.SelfCare)
	}
	for _, w := range weeks {
		label := w.Start.Format("2 Jan")
		row := progressRow{Week: "Week of " + w.Start.Format("2 January"), HardMoments: w.HardMoments, Intensity: "No hard moments", Calm: "No hard moments",
			Gestures: w.Gestures, SelfCare: w.SelfCare, Presence: w.Presence}
		hard = append(hard, barDatum{Label: label, Value: w.HardMoments, Text: strconv.Itoa(w.HardMoments)})
		gestures = append(gestures, barDatum{Label: label, Value: w.Gestures, Text: strconv.Itoa(w.Gestures)})
		selfCare = append(selfCare, barDatum{Label: label, Value: w.SelfCare, Text: strconv.Itoa(w.SelfCare)})
		if avg, ok := w.AverageIntensity(); ok {
			row.Intensity = fmt.Sprintf("%.1f out of 10", avg)
			intensity = append(intensity, barDatum{Label: label, Value: int(avg * 10), Text: fmt.Sprintf("%.1f", avg)})
		} else {
			intensity = append(intensity, barDatum{Label: label, Text: "none"})
		}
		if share, ok := w.CalmShare(); ok {
			row.Calm = fmt.Sprintf("%d%%", share)
			calm = append(calm, barDatum{Label: label, Value: share, Text: row.Calm})
		} else {
			calm = append(calm, barDatum{Label: label, Text: "none"})
		}
		d.Rows = append(d.Rows, row)
	}
	// Each bar is labelled with the Monday its week starts.
	d.Charts = []barChart{
		newNarrowBarChart("hard-moments", "Hard moments each week", "Hard moments written down in each of the last eight weeks", hard, maxCount),
		newNarrowBarChart("intensity", "How intense they were, on average", "The average intensity of each week's hard moments, out of 10", intensity, 100),
		newNarrowBarChart("calm", "Hard moments met calmly", "The share of each week's hard moments met by stepping back or coming back to it later", calm, 100),
		newNarrowBarChart("gestures", "Reconciliation gestures each week", "Reconciliation gestures written down in each week", gestures, maxCount),
		newNarrowBarChart("self-care", "Looking after myself, each week", "Things done to look after oneself in each week", selfCare, maxCount),
	}
	return d, nil
}

// myProgress shows a parent their own progress.
func (s *Server) myProgress(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	d, err := s.familyProgress(r, familyID, true)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "my_progress", "How things are changing", d)
}
