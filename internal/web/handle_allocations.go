package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// unallocatedLimit bounds the list of families waiting for a worker.
const unallocatedLimit = 200

// allocationsData is what the page of families waiting for a worker shows.
type allocationsData struct {
	Families      []store.Family
	Practitioners []access.User
	Problem       string
}

// allocatablePractitioners are the practitioners the actor may allocate
// work to: a supervisor's own team, or for an administrator everyone.
func (s *Server) allocatablePractitioners(r *http.Request) ([]access.User, error) {
	actor := actorFrom(r.Context())
	if actor.Role == access.Supervisor {
		return s.db.Supervisees(r.Context(), actor.OrgID, actor.UserID)
	}
	return s.db.UsersWithRole(r.Context(), actor.OrgID, access.Practitioner)
}

func (s *Server) allocationsPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderAllocations(w, r, http.StatusOK, "")
}

func (s *Server) renderAllocations(w http.ResponseWriter, r *http.Request, status int, problem string) error {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindAllocation, OrgID: actor.OrgID}); err != nil {
		return err
	}
	d := allocationsData{Problem: problem}
	var err error
	if d.Families, err = s.db.UnallocatedFamilies(r.Context(), actor.OrgID, unallocatedLimit); err != nil {
		return err
	}
	if d.Practitioners, err = s.allocatablePractitioners(r); err != nil {
		return err
	}
	return s.render(w, r, status, "allocations", "Families waiting for a worker", d)
}

// allocate allocates a practitioner to a family from the waiting list.
func (s *Server) allocate(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.Create, access.Resource{Kind: access.KindAllocation, OrgID: actor.OrgID}); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	familyID, pracID := r.PostForm.Get("family"), r.PostForm.Get("practitioner")
	allowed, err := s.allocatablePractitioners(r)
	if err != nil {
		return err
	}
	if !ids.Valid(familyID) || !containsUser(allowed, pracID) {
		return s.renderAllocations(w, r, http.StatusUnprocessableEntity, "Choose a family and one of the practitioners listed")
	}
	if err := s.recordChange(r, audit.Create, access.KindAllocation, familyID, "allocated to "+pracID); err != nil {
		return err
	}
	err = s.db.Allocate(r.Context(), actor.OrgID, familyID, pracID)
	if errors.Is(err, store.ErrNotFound) {
		return s.renderAllocations(w, r, http.StatusUnprocessableEntity, "That family is no longer waiting, or cannot be allocated")
	}
	if err != nil {
		return err
	}
	s.flash(r, "Allocated.")
	http.Redirect(w, r, "/allocations", http.StatusSeeOther)
	return nil
}

// endAllocation ends a practitioner's allocation to a family; the allocation
// stays in the family's history.
func (s *Server) endAllocation(w http.ResponseWriter, r *http.Request) error {
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
	if err := s.recordChange(r, audit.Update, access.KindAllocation, id, "allocation ended: "+pracID); err != nil {
		return err
	}
	if err := s.db.EndAllocation(r.Context(), actor.OrgID, id, pracID); err != nil {
		return err
	}
	s.flash(r, "Allocation ended. It stays in the family's history.")
	http.Redirect(w, r, "/families/"+id+"/details", http.StatusSeeOther)
	return nil
}
