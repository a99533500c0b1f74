// Package wellbeing holds the rules for practitioners' own wellbeing:
// the weekly one-question check-in, each person's trend, team and
// organisation figures that are shown only when enough people answered
// for no one to be singled out, and self-care plans. The rules are pure
// functions; storage and pages live elsewhere.
package wellbeing
