package wellbeing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The check-in form's fields.
const (
	FieldScore = "score"
	FieldNote  = "note"
)

// The check-in's scale: 0 is really struggling, 10 is really well.
const (
	MinScore = 0
	MaxScore = 10
)

// MaxText bounds each piece of writing here (a check-in's note, each part
// of a self-care plan), as other free text in Steadfast is bounded.
const MaxText = 2000

// CheckIn is one person's answer for one week to "How are you this
// week?", with an optional note that only its author ever reads. Answering
// again in the same week replaces the answer.
type CheckIn struct {
	UserID     string
	Week       Week
	Score      int
	Note       string
	AnsweredAt time.Time
}

// Score is one week's answer without its note: what a supervisor may see
// of a trend the practitioner chose to share.
type Score struct {
	Week  Week
	Score int
}

// ScoreLabel says what a score means, for the form and the table.
func ScoreLabel(score int) string {
	switch score {
	case MinScore:
		return "0 – really struggling"
	case MaxScore:
		return "10 – really well"
	}
	return strconv.Itoa(score)
}

// CheckInProblems checks a posted check-in and returns the score it
// holds, with a message for each field that needs another look.
func CheckInProblems(score, note string) (int, map[string]string) {
	p := map[string]string{}
	n, err := strconv.Atoi(strings.TrimSpace(score))
	switch {
	case strings.TrimSpace(score) == "":
		p[FieldScore] = "Choose a number from 0 to 10 for how you are this week"
	case err != nil || n < MinScore || n > MaxScore:
		p[FieldScore] = "Choose a number from 0 to 10"
	}
	if utf8.RuneCountInString(note) > MaxText {
		p[FieldNote] = fmt.Sprintf("Keep your note to %d characters or fewer", MaxText)
	}
	return n, p
}
