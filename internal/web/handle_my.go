package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
)

// ownFamily checks that the signed-in person is a parent who may do
// action to what their own family shares (its journal, announcement and
// support network), recording the policy's decision, and returns their
// family's ID. Anyone else is not found: /my is the parent's own, and staff
// reach a family's shared record through the family's own address.
func (s *Server) ownFamily(r *http.Request, action access.Action) (string, error) {
	actor := actorFrom(r.Context())
	if actor == nil {
		return "", errForbidden
	}
	if actor.Role != access.Parent {
		return "", errNotFound
	}
	familyID, err := s.db.ParentFamily(r.Context(), *actor)
	if err != nil {
		return "", err
	}
	rel, err := s.db.FamilyRelationship(r.Context(), *actor, familyID)
	if err != nil {
		return "", err
	}
	if _, err := s.authorize(r, action, access.Resource{Kind: access.KindFamilyShared, ID: familyID, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		if errors.Is(err, errForbidden) {
			return "", errNotFound
		}
		return "", err
	}
	return familyID, nil
}

// mySpaceData is what the parent's space shows.
type mySpaceData struct {
	HasSecondFactor bool
	Groups          []ownGroup
	Kinds           []journal.Kind
	Week            journal.Week
	ThisWeek        []journal.Entry
}

// mySpace is the parent's space: their next group session, quick ways to
// write something down, and their week at a glance.
func (s *Server) mySpace(w http.ResponseWriter, r *http.Request) error {
	if handled, err := s.parentMustConfirm(w, r); handled {
		return err
	}
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	d := mySpaceData{Kinds: journal.Kinds()}
	if d.HasSecondFactor, err = s.db.HasSecondFactor(r.Context(), actorFrom(r.Context()).UserID); err != nil {
		return err
	}
	if d.Groups, err = s.ownGroups(r); err != nil {
		return err
	}
	now := s.db.Now()
	weeks := journal.Weekly(nil, 1, now, s.zone)
	entries, err := s.db.JournalSince(r.Context(), actorFrom(r.Context()).OrgID, familyID, weeks[0].Start)
	if err != nil {
		return err
	}
	d.Week = journal.Weekly(entries, 1, now, s.zone)[0]
	for i := len(entries) - 1; i >= 0; i-- {
		d.ThisWeek = append(d.ThisWeek, entries[i])
	}
	return s.render(w, r, http.StatusOK, "my", "Your space", d)
}
