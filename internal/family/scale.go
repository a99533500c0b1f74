package family

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ScaleQuestion is the question the family's 0–10 scale answers.
const ScaleQuestion = "How safe are things for the children?"

// ScaleAnchors explain the ends of the scale, in the words used with families.
const (
	ScaleLow  = "0 means the children cannot stay at home"
	ScaleHigh = "10 means things are safe enough for us to stop working together"
)

// View is whose view a rating gives.
type View string

// The views a rating can record.
const (
	WorkerView View = "practitioner"
	ParentView View = "parent"
	ChildView  View = "child"
)

// Views lists every view, in the order forms and charts show them.
func Views() []View { return []View{WorkerView, ParentView, ChildView} }

// Label is whose view it is, in plain words.
func (v View) Label() string {
	switch v {
	case WorkerView:
		return "Practitioner's view"
	case ParentView:
		return "Parent's view"
	case ChildView:
		return "Child's view"
	}
	return string(v)
}

// Rating is one answer to the scale question, from one view, at one time.
type Rating struct {
	ID         string
	FamilyID   string
	Score      int
	View       View
	Note       string // why, in a few words
	RecordedBy string
	RecordedAt time.Time
}

// Problems returns what is wrong with a rating, by form field.
func (r Rating) Problems() map[string]string {
	p := map[string]string{}
	if r.Score < 0 || r.Score > 10 {
		p["score"] = "Choose a number from 0 to 10"
	}
	ok := false
	for _, v := range Views() {
		ok = ok || v == r.View
	}
	if !ok {
		p["view"] = "Say whose view this is"
	}
	if utf8.RuneCountInString(strings.TrimSpace(r.Note)) > 1000 {
		p["note"] = "Keep this to 1,000 characters or fewer"
	}
	return p
}

// Latest returns the newest rating from each view, in Views order, leaving
// out views never given. ratings must be newest first.
func Latest(ratings []Rating) []Rating {
	var out []Rating
	for _, v := range Views() {
		for _, r := range ratings {
			if r.View == v {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
