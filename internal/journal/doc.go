// Package journal holds the rules of a parent's NVR journal: the kinds of
// entry a parent records at home between sessions (a hard moment, looking
// after themselves, a reconciliation gesture, presence), what each needs,
// the safety rule that turns a hard moment into an alert for the family's
// practitioner, and the weekly figures a parent sees as their progress.
// It knows nothing of storage or the web.
package journal
