package family

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Summary is the three plain-word columns at the top of a family's record:
// what we are worried about, what is working well, and what needs to happen.
// Every change is kept as a new version, so the history is never lost.
type Summary struct {
	ID            string
	FamilyID      string
	Worried       string
	WorkingWell   string
	NeedsToHappen string
	AuthorID      string
	AuthorName    string
	At            time.Time
}

// maxColumn bounds one column's text.
const maxColumn = 10000

// Problems returns what is wrong with a summary, by form field.
func (s Summary) Problems() map[string]string {
	p := map[string]string{}
	if strings.TrimSpace(s.Worried+s.WorkingWell+s.NeedsToHappen) == "" {
		p["worried"] = "Write in at least one of the three columns"
	}
	for field, v := range map[string]string{"worried": s.Worried, "working-well": s.WorkingWell, "needs-to-happen": s.NeedsToHappen} {
		if utf8.RuneCountInString(v) > maxColumn {
			p[field] = "Keep each column to 10,000 characters or fewer"
		}
	}
	return p
}

// Same reports whether two summaries say the same thing, ignoring spaces at
// the ends, so that saving an unchanged summary adds no version.
func (s Summary) Same(o Summary) bool {
	t := strings.TrimSpace
	return t(s.Worried) == t(o.Worried) && t(s.WorkingWell) == t(o.WorkingWell) && t(s.NeedsToHappen) == t(o.NeedsToHappen)
}
