package family

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// NoteKind is how a contact with a family happened.
type NoteKind string

// The kinds of contact, in the order the form offers them.
const (
	HomeVisit NoteKind = "home-visit"
	Office    NoteKind = "office"
	Phone     NoteKind = "phone"
	Video     NoteKind = "video"
	School    NoteKind = "school"
	OtherKind NoteKind = "other"
)

// NoteKinds lists every kind of contact.
func NoteKinds() []NoteKind { return []NoteKind{HomeVisit, Office, Phone, Video, School, OtherKind} }

// Label is the kind's plain name.
func (k NoteKind) Label() string {
	switch k {
	case HomeVisit:
		return "Home visit"
	case Office:
		return "Office"
	case Phone:
		return "Phone"
	case Video:
		return "Video call"
	case School:
		return "At school"
	case OtherKind:
		return "Other"
	}
	return string(k)
}

// ChildSeen records whether the child was seen, and whether alone.
type ChildSeen string

// The answers to "was the child seen?".
const (
	SeenAlone      ChildSeen = "alone"
	SeenWithOthers ChildSeen = "with-others"
	NotSeen        ChildSeen = "no"
)

// ChildSeenOptions lists the answers in the order the form offers them.
func ChildSeenOptions() []ChildSeen { return []ChildSeen{SeenAlone, SeenWithOthers, NotSeen} }

// Label is the answer in plain words.
func (c ChildSeen) Label() string {
	switch c {
	case SeenAlone:
		return "Yes, on their own"
	case SeenWithOthers:
		return "Yes, with others there"
	case NotSeen:
		return "No"
	}
	return string(c)
}

// Note is a contact note: what happened when a worker was in contact with a
// family. A saved note that is changed keeps every earlier version.
type Note struct {
	ID         string
	FamilyID   string
	AuthorID   string
	AuthorName string
	OccurredAt time.Time // when the contact happened
	Kind       NoteKind
	Present    string    // who was there
	ChildSeen  ChildSeen // whether the child was seen, and whether alone
	ChildWords string    // the child's own words, kept apart from the worker's
	Body       string
	Version    int       // 1 for a new note, then 2, 3, …
	RecordedAt time.Time // when this version was saved
}

// maxNote bounds a note's main text; long assessments belong in documents.
const maxNote = 50000

// Problems returns what is wrong with a note, by form field.
func (n Note) Problems(now time.Time) map[string]string {
	p := map[string]string{}
	if n.OccurredAt.IsZero() {
		p["when"] = "Enter when the contact happened, for example 3 11 2026 and 14:30"
	} else if n.OccurredAt.After(now.Add(5 * time.Minute)) {
		p["when"] = "The contact must have happened already: check the date and time"
	}
	valid := false
	for _, k := range NoteKinds() {
		valid = valid || k == n.Kind
	}
	if !valid {
		p["kind"] = "Choose how the contact happened"
	}
	seen := false
	for _, c := range ChildSeenOptions() {
		seen = seen || c == n.ChildSeen
	}
	if !seen {
		p["child-seen"] = "Say whether the child was seen"
	}
	if strings.TrimSpace(n.Body) == "" {
		p["body"] = "Write what happened"
	}
	for field, v := range map[string]string{"body": n.Body, "child-words": n.ChildWords, "present": n.Present} {
		if utf8.RuneCountInString(v) > maxNote {
			p[field] = fmt.Sprintf("Keep this to %d characters or fewer", maxNote)
		}
	}
	return p
}

// WhenFromParts reads a date typed as day, month and year and a time typed as
// hours:minutes, in loc, or returns false.
func WhenFromParts(day, month, year, clock string, loc *time.Location) (time.Time, bool) {
	date, ok := DateFromParts(day, month, year)
	if !ok || date == "" {
		return time.Time{}, false
	}
	clock = strings.TrimSpace(strings.ReplaceAll(clock, ".", ":"))
	if clock == "" {
		clock = "00:00"
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", date+" "+clock, loc)
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}
