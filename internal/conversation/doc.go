// Package conversation holds courageous-conversation plans: how a
// practitioner prepares for a hard conversation with a family, and what
// they learnt from it afterwards.
//
// Before the conversation a plan says its purpose; the worries, said
// plainly and without blame; what is working well; what needs to happen;
// the words the practitioner will open with; how the family might respond,
// described by pattern of behaviour, and how the practitioner will respond;
// and the support they need. Afterwards a debrief says when it was held,
// how it went, what the family said in their own words, how the
// practitioner felt, and the next steps.
//
// The rules here are pure: validation by form field, and the plan's state.
// Storage keeps every version of a plan and of its debrief.
package conversation
