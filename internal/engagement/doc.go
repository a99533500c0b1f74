// Package engagement holds the rules of working with resistance: the four
// patterns a practitioner may describe when engagement with a family is
// hard, the hypotheses they form and test about why, their own safety, and
// the plan they keep. It imports no storage and no HTTP.
//
// Everything here describes behaviour and never labels a family. A record
// names what was seen and heard under a pattern; the pattern is a way of
// thinking about that behaviour, not a verdict on the people.
package engagement
