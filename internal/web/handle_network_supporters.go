package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/network"
	"github.com/steadfast-care/steadfast/internal/store"
)

// supporterData is what a supporter's own page shows the parent.
type supporterData struct {
	Supporter network.Supporter
	Contacts  []network.Contact
}

// supporterFormData is what the form to add or change a supporter shows.
type supporterFormData struct {
	Action string // where the form posts
	Back   string
	New    bool
	// Name is the supporter's name as saved, for the title when changing.
	Name       string
	Form       *form
	Roles      []network.Role
	Agreements []network.Agreement
}

// Checked reports whether role was ticked on the form.
func (d supporterFormData) Checked(role network.Role) bool {
	for _, v := range strings.Split(d.Form.Value(network.FieldRoles), ",") {
		if v == string(role) {
			return true
		}
	}
	return false
}

// supporterPath is the address of a supporter's page.
func supporterPath(id string) string { return "/my/supporters/people/" + id }

// supporterPage shows the parent one of their supporters with their
// contacts.
func (s *Server) supporterPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	sp, err := s.ownSupporter(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, familyID, "supporter read: "+sp.ID); err != nil {
		return err
	}
	contacts, err := s.db.Contacts(r.Context(), actorFrom(r.Context()).OrgID, familyID, sp.ID, supporterHist)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "network_supporter", sp.Name, supporterData{Supporter: sp, Contacts: contacts})
}

func (s *Server) renderSupporterForm(w http.ResponseWriter, r *http.Request, status int, d supporterFormData) error {
	d.Roles, d.Agreements = network.Roles(), network.Agreements()
	title := "Add a supporter"
	if !d.New {
		title = "Change " + d.Name + "'s details"
	}
	return s.render(w, r, status, "network_supporter_form", title, d)
}

// newSupporterPage shows the form to add a supporter.
func (s *Server) newSupporterPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.ownFamily(r, access.Create); err != nil {
		return err
	}
	f := newForm()
	f.Values[network.FieldAgreement] = string(network.NotAsked)
	return s.renderSupporterForm(w, r, http.StatusOK, supporterFormData{Action: "/my/supporters", Back: "/my/supporters", New: true, Form: f})
}

// supporterFromForm reads a supporter from a posted form, keeping every
// typed value in f.
func supporterFromForm(r *http.Request, f *form) network.Supporter {
	for _, k := range []string{network.FieldName, network.FieldRelationship, network.FieldContact, network.FieldAgreement} {
		f.Values[k] = r.PostForm.Get(k)
	}
	roles := r.PostForm[network.FieldRoles]
	f.Values[network.FieldRoles] = strings.Join(roles, ",")
	sp := network.Supporter{Name: f.Values[network.FieldName], Relationship: f.Values[network.FieldRelationship],
		Contact: f.Values[network.FieldContact], Agreement: network.Agreement(f.Values[network.FieldAgreement])}
	for _, v := range roles {
		sp.Roles = append(sp.Roles, network.Role(v))
	}
	return sp
}

// supporterProblems adds a supporter's problems to f, in the order the
// form asks its questions.
func supporterProblems(f *form, sp network.Supporter) {
	pr := sp.Problems()
	for _, k := range []string{network.FieldName, network.FieldRelationship, network.FieldContact, network.FieldRoles, network.FieldAgreement} {
		f.Add(k, pr[k])
	}
}

// addSupporter adds a supporter to the parent's network.
func (s *Server) addSupporter(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	sp := supporterFromForm(r, f)
	sp.FamilyID = familyID
	supporterProblems(f, sp)
	d := supporterFormData{Action: "/my/supporters", Back: "/my/supporters", New: true, Form: f}
	if !f.Valid() {
		return s.renderSupporterForm(w, r, http.StatusUnprocessableEntity, d)
	}
	if err := s.recordChange(r, audit.Create, access.KindFamilyShared, familyID, "supporter added"); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	saved, err := s.db.AddSupporter(r.Context(), actor.OrgID, actor.UserID, sp)
	if errors.Is(err, store.ErrNetworkFull) {
		f.Add(network.FieldName, "Your list is full. Remove someone you no longer need on it first")
		return s.renderSupporterForm(w, r, http.StatusConflict, d)
	}
	if err != nil {
		return err
	}
	s.flash(r, saved.Name+" is on your list of supporters.")
	http.Redirect(w, r, "/my/supporters", http.StatusSeeOther)
	return nil
}

// editSupporterPage shows the form to change a supporter's details.
func (s *Server) editSupporterPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	sp, err := s.ownSupporter(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, familyID, "supporter read to change: "+sp.ID); err != nil {
		return err
	}
	f := newForm()
	f.Values[network.FieldName], f.Values[network.FieldRelationship], f.Values[network.FieldContact] = sp.Name, sp.Relationship, sp.Contact
	f.Values[network.FieldAgreement] = string(sp.Agreement)
	var roles []string
	for _, role := range sp.Roles {
		roles = append(roles, string(role))
	}
	f.Values[network.FieldRoles] = strings.Join(roles, ",")
	return s.renderSupporterForm(w, r, http.StatusOK, supporterFormData{Action: supporterPath(sp.ID) + "/edit", Back: supporterPath(sp.ID), Name: sp.Name, Form: f})
}

// saveSupporter changes a supporter's details.
func (s *Server) saveSupporter(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	current, err := s.ownSupporter(r, familyID)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	sp := supporterFromForm(r, f)
	sp.ID, sp.FamilyID = current.ID, familyID
	supporterProblems(f, sp)
	if !f.Valid() {
		return s.renderSupporterForm(w, r, http.StatusUnprocessableEntity,
			supporterFormData{Action: supporterPath(sp.ID) + "/edit", Back: supporterPath(sp.ID), Name: current.Name, Form: f})
	}
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, familyID, "supporter changed: "+sp.ID); err != nil {
		return err
	}
	if err := s.db.UpdateSupporter(r.Context(), actorFrom(r.Context()).OrgID, sp); err != nil {
		return err
	}
	s.flash(r, "Saved.")
	http.Redirect(w, r, supporterPath(sp.ID), http.StatusSeeOther)
	return nil
}

// removeSupporterConfirm asks before taking a supporter off the list.
func (s *Server) removeSupporterConfirm(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	sp, err := s.ownSupporter(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, familyID, "supporter read to remove: "+sp.ID); err != nil {
		return err
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: "Your supporters",
		Title:   "Take " + sp.Name + " off your list?",
		Body: []string{
			sp.Name + " and the contacts you recorded with them will be removed from Steadfast.",
			"Telephone rounds you have recorded still say that you called them.",
		},
		Action:  supporterPath(sp.ID) + "/remove",
		Button:  "Yes, take them off my list",
		Warning: true,
		Back:    supporterPath(sp.ID),
	})
}

// removeSupporter takes a supporter off the parent's list, with their
// contacts.
func (s *Server) removeSupporter(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	sp, err := s.ownSupporter(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Delete, access.KindFamilyShared, familyID, "supporter removed: "+sp.ID); err != nil {
		return err
	}
	if err := s.db.RemoveSupporter(r.Context(), actorFrom(r.Context()).OrgID, familyID, sp.ID); err != nil {
		return err
	}
	s.flash(r, sp.Name+" is no longer on your list.")
	http.Redirect(w, r, "/my/supporters", http.StatusSeeOther)
	return nil
}
