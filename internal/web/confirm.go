package web

import (
	"net/http"
	"slices"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// confirmData is what the "confirm" page asks before a change that takes
// something away: what will happen, one button to go ahead, and a way back.
type confirmData struct {
	Caption string   // whose record, such as the family's name
	Title   string   // the question
	Body    []string // what will happen, one paragraph each
	Action  string   // where the button posts
	Button  string
	Warning bool // a red button, for a change that stops something for someone
	Back    string
}

func (s *Server) renderConfirm(w http.ResponseWriter, r *http.Request, d confirmData) error {
	return s.render(w, r, http.StatusOK, "confirm", d.Title, d)
}

// familyToRead checks that the actor may read the family in the path and
// reads it, or answers for the handler as familyFor does (the break-glass
// page, or not found). The staff's read-only views of what a family shares
// start with it.
func (s *Server) familyToRead(w http.ResponseWriter, r *http.Request) (f store.Family, handled bool, err error) {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return store.Family{}, true, err
	}
	f, err = s.db.FamilyInOrg(r.Context(), actorFrom(r.Context()).OrgID, id)
	return f, err != nil, err
}

// familyToChange checks that the actor may change the family in the path
// and reads it, or answers for the handler as familyFor does.
func (s *Server) familyToChange(w http.ResponseWriter, r *http.Request) (f store.Family, handled bool, err error) {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return store.Family{}, true, err
	}
	f, err = s.db.FamilyInOrg(r.Context(), actorFrom(r.Context()).OrgID, id)
	return f, err != nil, err
}

// endContextConfirm asks before recording that a family's context has ended.
func (s *Server) endContextConfirm(w http.ResponseWriter, r *http.Request) error {
	f, handled, err := s.familyToChange(w, r)
	if handled {
		return err
	}
	id := f.ID
	contexts, err := s.db.Contexts(r.Context(), f.OrgID, id)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(contexts, func(c family.Context) bool { return c.ID == r.PathValue("context") && c.Current() })
	if i < 0 {
		return errNotFound
	}
	c := contexts[i]
	what := c.Kind.Label()
	if c.Detail != "" {
		what += ": " + c.Detail
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: f.Name,
		Title:   "Record that this context ended today?",
		Body:    []string{what + ", since " + dateLabel(c.StartedOn) + ".", "It stays in the family's history with the dates it started and ended."},
		Action:  "/families/" + id + "/contexts/" + c.ID + "/end",
		Button:  "Yes, it ended today",
		Back:    "/families/" + id + "/details#context",
	})
}

// withdrawConsentConfirm asks before recording that a family has withdrawn a consent.
func (s *Server) withdrawConsentConfirm(w http.ResponseWriter, r *http.Request) error {
	f, handled, err := s.familyToChange(w, r)
	if handled {
		return err
	}
	id := f.ID
	consents, err := s.db.Consents(r.Context(), f.OrgID, id)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(consents, func(c family.Consent) bool { return c.ID == r.PathValue("consent") && c.WithdrawnAt == nil })
	if i < 0 {
		return errNotFound
	}
	c := consents[i]
	body := []string{
		"Consent: " + c.Kind.Label() + ".",
		"It stops applying everywhere straight away. The record of what they agreed, and when they withdrew it, is kept.",
	}
	if c.Kind == family.ShareWithGroup && !family.Holds(slices.Delete(slices.Clone(consents), i, i+1), family.ShareWithGroup) {
		body = append(body, "The family will also be taken out of any NVR group they are in, so the group no longer sees their name or attendance. Their attendance so far stays with the group's facilitators.")
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: f.Name,
		Title:   "Record that the family has withdrawn this consent?",
		Body:    body,
		Action:  "/families/" + id + "/consents/" + c.ID + "/withdraw",
		Button:  "Yes, they have withdrawn it",
		Warning: true,
		Back:    "/families/" + id + "/details",
	})
}

// endAllocationConfirm asks before ending a practitioner's allocation to a family.
func (s *Server) endAllocationConfirm(w http.ResponseWriter, r *http.Request) error {
	id, rel, err := s.familyAccess(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.Update, access.Resource{Kind: access.KindAllocation, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return errNotFound
	}
	pracID := r.PathValue("practitioner")
	if !ids.Valid(pracID) {
		return errNotFound
	}
	f, err := s.db.FamilyInOrg(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	history, err := s.db.AllocationHistory(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(history, func(a store.Allocation) bool { return a.PractitionerID == pracID && a.EndedAt == nil })
	if i < 0 {
		return errNotFound
	}
	name := history[i].PractitionerName
	return s.renderConfirm(w, r, confirmData{
		Caption: f.Name,
		Title:   "End " + name + "'s allocation to " + f.Name + "?",
		Body: []string{
			name + " will no longer see the family on their caseload or open its record. Everything they recorded stays in the record.",
			"If the family needs a worker, allocate someone on the allocations page.",
		},
		Action:  "/families/" + id + "/allocations/" + pracID + "/end",
		Button:  "End allocation",
		Warning: true,
		Back:    "/families/" + id + "/details",
	})
}
