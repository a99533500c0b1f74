// Package nvr holds Non Violent Resistance programme delivery: the elements
// of the NVR map, and programme templates (an ordered list of sessions, each
// with the map elements it covers, its aims, a facilitator's plan of timed
// activities and a handout for parents).
//
// Steadfast ships two templates, written by us and embedded in the binary
// (see shipped.go and the templates folder): the 12-week group sequence and
// a short one-to-one programme. Organisations copy them to make their own.
// A saved version of a template never changes: editing makes a new version,
// and the latest version is the one new groups use.
//
// The rules here are pure: validation by form field, totals and parsing of
// the shipped text. Storage keeps every version.
package nvr
