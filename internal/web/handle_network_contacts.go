package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/network"
)

// contactFormData is what the form to record a contact with a supporter
// shows.
type contactFormData struct {
	Supporter network.Supporter
	Form      *form
}

// contactFields are the contact form's fields: the day as three boxes,
// and what it was about.
var contactFields = []string{"on-day", "on-month", "on-year", network.FieldAbout}

// newContactPage shows the form to record a contact with a supporter,
// dated today.
func (s *Server) newContactPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	sp, err := s.ownSupporter(r, familyID)
	if err != nil {
		return err
	}
	f := newForm()
	today := s.db.Now().In(ukTime())
	f.Values["on-day"], f.Values["on-month"], f.Values["on-year"] = today.Format("2"), today.Format("1"), today.Format("2006")
	return s.render(w, r, http.StatusOK, "network_contact_form", "Record a contact with "+sp.Name, contactFormData{Supporter: sp, Form: f})
}

// addContact records a contact with a supporter.
func (s *Server) addContact(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	sp, err := s.ownSupporter(r, familyID)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range contactFields {
		f.Values[k] = r.PostForm.Get(k)
	}
	on, ok := family.DateFromParts(f.Value("on-day"), f.Value("on-month"), f.Value("on-year"))
	if !ok {
		on = "not a date"
	}
	c := network.Contact{FamilyID: familyID, SupporterID: sp.ID, On: on, About: f.Value(network.FieldAbout)}
	pr := c.Problems(s.db.Now().In(ukTime()).Format("2006-01-02"))
	f.Add(network.FieldOn, pr[network.FieldOn])
	f.Add(network.FieldAbout, pr[network.FieldAbout])
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "network_contact_form", "Record a contact with "+sp.Name, contactFormData{Supporter: sp, Form: f})
	}
	if err := s.recordChange(r, audit.Create, access.KindFamilyShared, familyID, "contact with supporter added: "+sp.ID); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if _, err := s.db.AddContact(r.Context(), actor.OrgID, actor.UserID, c); err != nil {
		return err
	}
	s.flash(r, "Contact with "+sp.Name+" saved.")
	http.Redirect(w, r, supporterPath(sp.ID), http.StatusSeeOther)
	return nil
}

// ownContact reads the contact named in the path, with the supporter of
// the parent's family it belongs to.
func (s *Server) ownContact(r *http.Request, familyID string) (network.Supporter, network.Contact, error) {
	sp, err := s.ownSupporter(r, familyID)
	if err != nil {
		return sp, network.Contact{}, err
	}
	id := r.PathValue("contact")
	if !ids.Valid(id) {
		return sp, network.Contact{}, errNotFound
	}
	c, err := s.db.Contact(r.Context(), actorFrom(r.Context()).OrgID, familyID, sp.ID, id)
	return sp, c, err
}

// removeContactConfirm asks before removing a contact.
func (s *Server) removeContactConfirm(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	sp, c, err := s.ownContact(r, familyID)
	if err != nil {
		return err
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: sp.Name,
		Title:   "Remove this contact?",
		Body:    []string{dateLabel(c.On) + ": " + c.About},
		Action:  supporterPath(sp.ID) + "/contacts/" + c.ID + "/remove",
		Button:  "Yes, remove it",
		Warning: true,
		Back:    supporterPath(sp.ID),
	})
}

// removeContact removes a contact with a supporter.
func (s *Server) removeContact(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	sp, c, err := s.ownContact(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Delete, access.KindFamilyShared, familyID, "contact with supporter removed: "+c.ID); err != nil {
		return err
	}
	if err := s.db.RemoveContact(r.Context(), actorFrom(r.Context()).OrgID, familyID, sp.ID, c.ID); err != nil {
		return err
	}
	s.flash(r, "Contact removed.")
	http.Redirect(w, r, supporterPath(sp.ID), http.StatusSeeOther)
	return nil
}
