package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// sessionBreakGlass holds the families opened through break-glass in this
// session, comma-separated. The grant ends with the session.
const sessionBreakGlass = "break_glass"

// familyData is what the family page shows.
type familyData struct {
	Family       store.Family
	Practitioner []access.User
	Relationship access.Relationship
	BreakGlass   []store.BreakGlassEntry
	ShowOpenings bool
}

// breakGlassData is what the page asking for a reason shows. It names no
// family: someone outside the family's work learns nothing before giving a reason.
type breakGlassData struct {
	Form *form
}

// familyAccess works out the actor's relationship to the family in the path,
// counting a break-glass grant in this session.
func (s *Server) familyAccess(r *http.Request) (string, access.Relationship, error) {
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return "", access.None, errNotFound
	}
	actor := actorFrom(r.Context())
	rel, err := s.db.FamilyRelationship(r.Context(), *actor, id)
	if err != nil {
		return "", access.None, err
	}
	if rel == access.None && slices.Contains(s.breakGlassGrants(r), id) {
		rel = access.Granted
	}
	return id, rel, nil
}

func (s *Server) breakGlassGrants(r *http.Request) []string {
	v := s.sessions.GetString(r.Context(), sessionBreakGlass)
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}

func (s *Server) familyPage(w http.ResponseWriter, r *http.Request) error {
	id, rel, err := s.familyAccess(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	d, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindFamily, ID: id, OrgID: actor.OrgID, Relationship: rel})
	if err != nil {
		if d.CanBreakGlass {
			return s.render(w, r, http.StatusForbidden, "break_glass", "You are not working with this family", breakGlassData{Form: newForm()})
		}
		return errNotFound
	}
	f, err := s.db.FamilyInOrg(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	data := familyData{Family: f, Relationship: rel}
	if data.Practitioner, err = s.db.AllocatedPractitioners(r.Context(), actor.OrgID, id); err != nil {
		return err
	}
	// Openings outside people's work are shown to the family's own workers.
	if rel == access.Allocated || rel == access.Supervised {
		data.ShowOpenings = true
		if data.BreakGlass, err = s.db.BreakGlassEntries(r.Context(), actor.OrgID, id, 50); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "family", f.Name, data)
}

// familyBreakGlass opens a family outside the actor's work, for this session
// only, once they have given a reason. The form posts to the family's own
// address, so the page asking for the reason carries no identifier.
func (s *Server) familyBreakGlass(w http.ResponseWriter, r *http.Request) error {
	id, rel, err := s.familyAccess(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if rel != access.None {
		// Already in the family's work: there is nothing to open.
		if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindFamily, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
			return errNotFound
		}
		http.Redirect(w, r, "/families/"+id, http.StatusSeeOther)
		return nil
	}
	if _, err := s.authorize(r, access.BreakGlass, access.Resource{Kind: access.KindFamily, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return errNotFound
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values["reason"] = r.PostForm.Get("reason")
	f.Add("reason", access.BreakGlassReasonProblem(f.Values["reason"]))
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "break_glass", "You are not working with this family", breakGlassData{Form: f})
	}
	entry, err := s.db.RecordBreakGlass(r.Context(), actor.OrgID, id, actor.UserID, f.Values["reason"])
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	// The reason itself may name people, so the audit trail points to it.
	if err := s.recordChange(r, audit.BreakGlass, access.KindFamily, id, "break-glass reason "+entry.ID); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionBreakGlass, strings.Join(append(s.breakGlassGrants(r), id), ","))
	s.flash(r, "You have opened this family's record. Your reason has been recorded and is shown to the family's worker. Access ends when you sign out.")
	http.Redirect(w, r, "/families/"+id, http.StatusSeeOther)
	return nil
}
