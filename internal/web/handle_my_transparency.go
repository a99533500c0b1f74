package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
)

// The statement of who sees what a parent writes (/my/who-can-see): the
// first thing an invited parent reads, and one tap away on every page of
// theirs after that. A parent confirms they have read it; until they have,
// parentMustConfirm sends them to it.

// transparencyPath is where the statement lives.
const transparencyPath = "/my/who-can-see"

// transparencyData is what the statement shows.
type transparencyData struct {
	OrgName       string
	Practitioners []string // the family's allocated practitioners, by name
	Supervisors   []string // their supervisors, by name
	ConfirmedAt   *time.Time
}

// parentOnly returns the signed-in parent. The parent's own pages (/my/...)
// do not exist for anyone else.
func parentOnly(r *http.Request) (*access.Actor, error) {
	actor := actorFrom(r.Context())
	if actor == nil || actor.Role != access.Parent {
		return nil, errNotFound
	}
	return actor, nil
}

// parentMustConfirm sends a signed-in parent who has not yet confirmed the
// current statement of who sees what they write to it, and reports that it
// has answered the request. For anyone else it does nothing. Pages of the
// parent's space call it first:
//
//	if handled, err := s.parentMustConfirm(w, r); handled {
//		return err
//	}
func (s *Server) parentMustConfirm(w http.ResponseWriter, r *http.Request) (handled bool, err error) {
	actor := actorFrom(r.Context())
	if actor == nil || actor.Role != access.Parent {
		return false, nil
	}
	c, err := s.db.Transparency(r.Context(), actor.OrgID, actor.UserID)
	if err != nil {
		return true, fmt.Errorf("has the parent read who sees what they write: %w", err)
	}
	if family.MustConfirmTransparency(c.Version) {
		http.Redirect(w, r, transparencyPath, http.StatusSeeOther)
		return true, nil
	}
	return false, nil
}

// transparencyPage shows the parent who can see what they write, naming
// the people.
func (s *Server) transparencyPage(w http.ResponseWriter, r *http.Request) error {
	actor, err := parentOnly(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	u, err := s.db.UserByID(ctx, actor.UserID)
	if err != nil {
		return err
	}
	rel, err := s.db.FamilyRelationship(ctx, *actor, u.FamilyID)
	if err != nil {
		return err
	}
	// Naming the family's workers is a read of what the family shares with
	// them, and is recorded like any other.
	if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindFamilyShared, ID: u.FamilyID, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return errNotFound
	}
	org, err := s.db.Organisation(ctx, actor.OrgID)
	if err != nil {
		return err
	}
	d := transparencyData{OrgName: org.Name}
	pracs, err := s.db.AllocatedPractitioners(ctx, actor.OrgID, u.FamilyID)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, p := range pracs {
		d.Practitioners = append(d.Practitioners, p.Name)
		sups, err := s.db.Supervisors(ctx, actor.OrgID, p.ID)
		if err != nil {
			return err
		}
		for _, sup := range sups {
			if !seen[sup.ID] {
				seen[sup.ID] = true
				d.Supervisors = append(d.Supervisors, sup.Name)
			}
		}
	}
	c, err := s.db.Transparency(ctx, actor.OrgID, actor.UserID)
	if err != nil {
		return err
	}
	if !family.MustConfirmTransparency(c.Version) {
		d.ConfirmedAt = &c.At
	}
	return s.render(w, r, http.StatusOK, "my_who_can_see", "Who sees what you write", d)
}

// confirmTransparency records that the parent has read the statement.
func (s *Server) confirmTransparency(w http.ResponseWriter, r *http.Request) error {
	actor, err := parentOnly(r)
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Update, access.KindUser, actor.UserID,
		fmt.Sprintf("read who sees what they write: statement version %d", family.TransparencyVersion)); err != nil {
		return err
	}
	if err := s.db.ConfirmTransparency(r.Context(), actor.OrgID, actor.UserID, family.TransparencyVersion); err != nil {
		return err
	}
	s.flash(r, "Thank you. You can read this again at any time: tap “Who sees what I write” at the top of the page.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
