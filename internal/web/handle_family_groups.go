package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// referralData is what the page to refer a family to an NVR group shows.
type referralData struct {
	Family  store.Family
	Groups  []store.OpenGroup
	Carers  []family.Member
	Consent bool // the family holds a consent to share with a group
	Form    *form
}

// readReferral reads what the referral page needs for the family in the
// path, once the policy has allowed action on it; handled says the
// request was answered (break-glass) or refused.
func (s *Server) readReferral(w http.ResponseWriter, r *http.Request, action access.Action) (referralData, bool, error) {
	id, _, handled, err := s.familyFor(w, r, action)
	if handled {
		return referralData{}, true, err
	}
	actor := actorFrom(r.Context())
	ctx := r.Context()
	var d referralData
	if d.Family, err = s.db.FamilyInOrg(ctx, actor.OrgID, id); err != nil {
		return d, true, err
	}
	if d.Groups, err = s.db.OpenGroups(ctx, actor.OrgID, id, s.db.Now()); err != nil {
		return d, true, err
	}
	members, err := s.db.Members(ctx, actor.OrgID, id)
	if err != nil {
		return d, true, err
	}
	for _, m := range members {
		if m.Kind == family.Carer {
			d.Carers = append(d.Carers, m)
		}
	}
	consents, err := s.db.Consents(ctx, actor.OrgID, id)
	if err != nil {
		return d, true, err
	}
	d.Consent = family.Holds(consents, family.ShareWithGroup)
	return d, false, nil
}

func (s *Server) referralPage(w http.ResponseWriter, r *http.Request) error {
	d, handled, err := s.readReferral(w, r, access.Update)
	if handled {
		return err
	}
	d.Form = newForm()
	return s.render(w, r, http.StatusOK, "family_groups", "NVR groups for "+d.Family.Name, d)
}

// refer refers the family to a group with places, for its facilitators to
// enrol. The family must have agreed to share with a group first.
func (s *Server) refer(w http.ResponseWriter, r *http.Request) error {
	d, handled, err := s.readReferral(w, r, access.Update)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	d.Form = f
	for _, k := range []string{"group", "parent"} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	i := slices.IndexFunc(d.Groups, func(g store.OpenGroup) bool { return g.Course.ID == f.Values["group"] })
	switch {
	case !d.Consent:
		f.Add("group", "Record the family's consent to share with the group first, on the family's details page")
	case !ids.Valid(f.Values["group"]) || i < 0:
		f.Add("group", "Choose the group to refer the family to")
	case d.Groups[i].Enrolled || d.Groups[i].Referred:
		f.Add("group", "The family is referred to this group already")
	case d.Groups[i].PlacesLeft < 1:
		f.Add("group", "This group is full: choose another, or ask its facilitators about the next one")
	}
	if !slices.ContainsFunc(d.Carers, func(m family.Member) bool { return m.ID == f.Values["parent"] }) {
		f.Add("parent", "Choose the parent or carer who will come")
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "family_groups", "NVR groups for "+d.Family.Name, d)
	}
	actor := actorFrom(r.Context())
	g := d.Groups[i].Course
	if err := s.recordChange(r, audit.Create, access.KindFamily, d.Family.ID, "referred to group "+g.ID); err != nil {
		return err
	}
	err = s.db.ReferToGroup(r.Context(), actor.OrgID, g.ID, d.Family.ID, f.Values["parent"], actor.UserID)
	if errors.Is(err, store.ErrConflict) {
		f.Add("group", "The family is referred to this group already")
		return s.render(w, r, http.StatusConflict, "family_groups", "NVR groups for "+d.Family.Name, d)
	}
	if err != nil {
		return err
	}
	s.flash(r, "The family is referred to "+g.Name+". Its facilitators can now enrol them.")
	http.Redirect(w, r, "/families/"+d.Family.ID+"/groups", http.StatusSeeOther)
	return nil
}
