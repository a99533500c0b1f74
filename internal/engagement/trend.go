package engagement

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// TrendPoint is one record on the trend over time: its date and the
// patterns it described.
type TrendPoint struct {
	RecordID string
	On       time.Time
	Patterns []Pattern
}

// Trend returns the patterns described by date, oldest first, one point per
// record. records may be in any order.
func Trend(records []Record) []TrendPoint {
	out := make([]TrendPoint, 0, len(records))
	for _, r := range records {
		pt := TrendPoint{RecordID: r.ID, On: Day(r.RecordedOn)}
		for _, o := range r.Patterns {
			pt.Patterns = append(pt.Patterns, o.Pattern)
		}
		out = append(out, pt)
	}
	slices.SortStableFunc(out, func(a, b TrendPoint) int { return a.On.Compare(b.On) })
	return out
}

// Counts says how many of the points described each pattern, in Patterns order.
func Counts(points []TrendPoint) []int {
	out := make([]int, len(Patterns()))
	for _, pt := range points {
		for _, p := range pt.Patterns {
			if i := p.index(); i >= 0 {
				out[i]++
			}
		}
	}
	return out
}

// Latest is what a family's newest engagement record described, for
// caseloads and the team view.
type Latest struct {
	FamilyID   string
	RecordID   string
	RecordedOn time.Time // zero when the family has no record
	ReviewOn   time.Time
	Patterns   []Pattern
}

// Described reports whether the family has a record.
func (l Latest) Described() bool { return l.RecordID != "" }

// ReviewOverdue reports whether the review of the family's latest record
// is past by today. Only the latest record's review is due: a later
// record is itself the review of an earlier one.
func (l Latest) ReviewOverdue(today time.Time) bool {
	return l.Described() && !l.ReviewOn.IsZero() && Day(l.ReviewOn).Before(Day(today))
}

// Labels names the patterns in plain words, joined: "Avoidance and confrontation".
func (l Latest) Labels() string { return JoinLabels(l.Patterns) }

// JoinLabels names patterns in plain words as one phrase, in order.
func JoinLabels(ps []Pattern) string {
	words := make([]string, len(ps))
	for i, p := range ps {
		words[i] = p.Label()
		if i > 0 {
			words[i] = strings.ToLower(words[i])
		}
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// LatestOf returns the newest of a family's records by the date each
// describes, then by when it was written, and false when there are none.
func LatestOf(records []Record) (Record, bool) {
	if len(records) == 0 {
		return Record{}, false
	}
	best := records[0]
	for _, r := range records[1:] {
		if c := Day(r.RecordedOn).Compare(Day(best.RecordedOn)); c > 0 || c == 0 && r.CreatedAt.After(best.CreatedAt) {
			best = r
		}
	}
	return best, true
}

// OldestFirst sorts families by the age of their last described pattern,
// oldest first, so that where work may be stuck comes to the top. Families
// with no record come last, in the order given.
func OldestFirst(list []Latest) {
	slices.SortStableFunc(list, func(a, b Latest) int {
		switch {
		case a.Described() && !b.Described():
			return -1
		case !a.Described() && b.Described():
			return 1
		}
		return a.RecordedOn.Compare(b.RecordedOn)
	})
}

// Since says how long ago a date was, the way people say it: "today",
// "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "over a year ago".
func Since(on, today time.Time) string {
	days := int(Day(today).Sub(Day(on)).Hours() / 24)
	switch {
	case days < 0:
		return "in the future"
	case days == 0:
		return "today"
	case days == 1:
		return "yesterday"
	case days < 14:
		return fmt.Sprintf("%d days ago", days)
	case days < 60:
		return fmt.Sprintf("%d weeks ago", days/7)
	case days < 365:
		return fmt.Sprintf("%d months ago", days/30)
	case days < 730:
		return "over a year ago"
	}
	return fmt.Sprintf("over %d years ago", days/365)
}
