package wellbeing

// MinAnswers is the fewest answers in a week for a team's or the
// organisation's figures to be shown. With fewer, someone who knows who
// answered could work out one person's score.
const MinAnswers = 5

// Total is a group's answers in one week, summed: how many answered and
// the sum of their scores. It never says who answered.
type Total struct {
	Week    Week
	Answers int
	Sum     int
	// Unseen counts the answers from people whose own trend the viewer
	// cannot see. A supervisor sees the trends shared with them, so if all
	// but one answer came from those, the sum would give the last person's
	// score away.
	Unseen int
}

// Figure is one week of a group's figures as they may be shown. When
// Shown is false there were fewer than MinAnswers answers (perhaps none),
// and Answers and Average are zero, so nothing of them can reach a page.
type Figure struct {
	Week    Week
	Shown   bool
	Answers int
	// Average is the mean score, to one decimal place.
	Average float64
}

// Shown reports whether a week with this many answers may be shown.
func Shown(answers int) bool { return answers >= MinAnswers }

// ShownTo reports whether a week's total may be shown to its viewer: it
// needs MinAnswers answers, and never exactly one answer the viewer cannot
// already see (which the sum would give away).
func ShownTo(t Total) bool { return Shown(t.Answers) && t.Unseen != 1 }

// Average is the mean of a week's scores to one decimal place, rounded
// half up.
func Average(t Total) float64 {
	if t.Answers <= 0 {
		return 0
	}
	tenths := (t.Sum*10*2 + t.Answers) / (t.Answers * 2)
	return float64(tenths) / 10
}

// Figures lays totals out over weeks (oldest first), applying the rule:
// a week with fewer than MinAnswers answers, or with exactly one answer
// the viewer cannot already see, is hidden, count and all. Totals for
// other weeks are left out.
func Figures(totals []Total, weeks []Week) []Figure {
	byWeek := make(map[Week]Total, len(totals))
	for _, t := range totals {
		byWeek[t.Week] = t
	}
	out := make([]Figure, len(weeks))
	for i, w := range weeks {
		out[i] = Figure{Week: w}
		t, ok := byWeek[w]
		if !ok || !ShownTo(t) {
			continue
		}
		out[i].Shown, out[i].Answers, out[i].Average = true, t.Answers, Average(t)
	}
	return out
}

// Point is one week of a person's own trend: their score, if they
// answered.
type Point struct {
	Week     Week
	Answered bool
	Score    int
}

// Trend lays a person's scores out over weeks (oldest first); weeks with
// no answer are marked so. Scores for other weeks are left out.
func Trend(scores []Score, weeks []Week) []Point {
	byWeek := make(map[Week]int, len(scores))
	for _, s := range scores {
		byWeek[s.Week] = s.Score
	}
	out := make([]Point, len(weeks))
	for i, w := range weeks {
		s, ok := byWeek[w]
		out[i] = Point{Week: w, Answered: ok, Score: s}
	}
	return out
}
