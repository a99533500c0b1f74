package journal

import (
	"fmt"
	"time"
)

// Week is one week of a parent's journal, Monday to Sunday in the
// family's time zone, in figures.
type Week struct {
	Start time.Time // Monday at midnight, local
	// HardMoments counts the hard moments; IntensityTotal adds up the
	// intensity of those that have one (Rated of them); MetCalmly counts
	// those met with a de-escalating or delayed response.
	HardMoments, IntensityTotal, Rated, MetCalmly int
	Gestures, SelfCare, Presence                  int
}

// AverageIntensity is the week's mean intensity of hard moments, to one
// decimal place, and false when none was rated.
func (w Week) AverageIntensity() (float64, bool) {
	if w.Rated == 0 {
		return 0, false
	}
	tenths := (w.IntensityTotal*10*2 + w.Rated) / (w.Rated * 2) // rounded half up
	return float64(tenths) / 10, true
}

// CalmShare is the percentage of the week's hard moments met with a
// de-escalating or delayed response, rounded to the nearest whole number,
// and false when there were none.
func (w Week) CalmShare() (int, bool) {
	if w.HardMoments == 0 {
		return 0, false
	}
	return (w.MetCalmly*100*2 + w.HardMoments) / (w.HardMoments * 2), true
}

// weekStart is the Monday at midnight, in loc, of the week holding t.
func weekStart(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	d := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
	back := (int(d.Weekday()) + 6) % 7 // days since Monday
	return d.AddDate(0, 0, -back)
}

// Weekly sums entries into the n weeks up to and including the week of now,
// oldest first. Entries outside those weeks are left out.
func Weekly(entries []Entry, n int, now time.Time, loc *time.Location) []Week {
	if n < 1 {
		return nil
	}
	first := weekStart(now, loc).AddDate(0, 0, -7*(n-1))
	weeks := make([]Week, n)
	for i := range weeks {
		weeks[i].Start = first.AddDate(0, 0, 7*i)
	}
	for _, e := range entries {
		start := weekStart(e.OccurredAt, loc)
		i := int(start.Sub(first).Hours()+12) / (24 * 7) // +12h absorbs clock changes
		if start.Before(first) || i >= n {
			continue
		}
		w := &weeks[i]
		switch e.Kind {
		case HardMoment:
			w.HardMoments++
			if e.Intensity != nil {
				w.IntensityTotal += *e.Intensity
				w.Rated++
			}
			if e.MetCalmly() {
				w.MetCalmly++
			}
		case Gesture:
			w.Gestures++
		case SelfCare:
			w.SelfCare++
		case Presence:
			w.Presence++
		}
	}
	return weeks
}

// Summary says in plain words how the last four weeks compare with the
// four before, for a parent: encouraging where things are better, honest
// where they are not, and never praise for what did not happen. It needs
// eight weeks; with fewer it says so.
func Summary(weeks []Week) []string {
	if len(weeks) < 8 {
		return []string{"After a few weeks of writing things down, you will see here how things are changing."}
	}
	recent, before := total(weeks[len(weeks)-4:]), total(weeks[len(weeks)-8:len(weeks)-4])
	var out []string
	switch {
	case recent.HardMoments == 0 && before.HardMoments == 0:
		out = append(out, "No hard moments written down in the last eight weeks.")
	case recent.HardMoments < before.HardMoments:
		out = append(out, fmt.Sprintf("Fewer hard moments in the last four weeks (%d) than in the four weeks before (%d).", recent.HardMoments, before.HardMoments))
	case recent.HardMoments > before.HardMoments:
		out = append(out, fmt.Sprintf("More hard moments in the last four weeks (%d) than in the four weeks before (%d). Hard spells happen; it may help to look at them with your practitioner.", recent.HardMoments, before.HardMoments))
	default:
		out = append(out, fmt.Sprintf("About the same number of hard moments in the last four weeks as in the four before (%d).", recent.HardMoments))
	}
	ra, rok := recent.AverageIntensity()
	ba, bok := before.AverageIntensity()
	if rok && bok {
		switch {
		case ra < ba:
			out = append(out, fmt.Sprintf("They were less intense on average: %.1f out of 10, down from %.1f.", ra, ba))
		case ra > ba:
			out = append(out, fmt.Sprintf("They were more intense on average: %.1f out of 10, up from %.1f.", ra, ba))
		}
	}
	if rc, ok := recent.CalmShare(); ok && rc > 0 {
		out = append(out, fmt.Sprintf("You met %d%% of them calmly, by stepping back or coming back to it later.", rc))
	}
	if recent.Gestures > 0 {
		out = append(out, fmt.Sprintf("You made %d reconciliation %s in the last four weeks.", recent.Gestures, plural(recent.Gestures, "gesture", "gestures")))
	}
	if recent.SelfCare > 0 {
		out = append(out, fmt.Sprintf("You did %d %s to look after yourself.", recent.SelfCare, plural(recent.SelfCare, "thing", "things")))
	}
	return out
}

// total adds up weeks.
func total(weeks []Week) Week {
	var t Week
	for _, w := range weeks {
		t.HardMoments += w.HardMoments
		t.IntensityTotal += w.IntensityTotal
		t.Rated += w.Rated
		t.MetCalmly += w.MetCalmly
		t.Gestures += w.Gestures
		t.SelfCare += w.SelfCare
		t.Presence += w.Presence
	}
	return t
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
