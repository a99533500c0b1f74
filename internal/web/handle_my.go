package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
)

// ownFamily is the signed-in parent's family, once the policy has allowed
// action on what the family shares (its journal, plans and network). Staff
// and parents without a family get not found: /my is the parent's own.
func (s *Server) ownFamily(r *http.Request, action access.Action) (string, error) {
	actor := actorFrom(r.Context())
	if actor == nil {
		return "", errForbidden
	}
	if actor.Role != access.Parent {
		return "", errNotFound
	}
	u, err := s.db.UserByID(r.Context(), actor.UserID)
	if err != nil {
		return "", err
	}
	if u.FamilyID == "" {
		return "", errNotFound
	}
	if _, err := s.authorize(r, action, access.Resource{Kind: access.KindFamilyShared, ID: u.FamilyID, OrgID: actor.OrgID,
		Relationship: access.Own}); err != nil {
		return "", errNotFound
	}
	return u.FamilyID, nil
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
