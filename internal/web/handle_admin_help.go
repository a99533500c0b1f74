package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/help"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Administrators manage where parents are told to get help now: the
// organisation's own contacts, or Steadfast's defaults until it sets any.

// auditHelpContact is the resource type the audit trail records for a
// change to one help contact.
const auditHelpContact access.Kind = "help-contact"

// helpAdminData is what the list of help contacts shows.
type helpAdminData struct {
	Contacts []help.Contact
	Defaults bool // the list is Steadfast's defaults: the organisation has none of its own
	Full     bool // no more can be added
}

// helpContactFormData is what the form for one help contact shows.
type helpContactFormData struct {
	Form   *form
	Action string
	New    bool
}

// helpAdmin checks that the actor may change the organisation's help
// contacts (administrators), recording the decision.
func (s *Server) helpAdmin(r *http.Request, action access.Action) (*access.Actor, error) {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, action, access.Resource{Kind: access.KindHelpContacts, ID: actor.OrgID, OrgID: actor.OrgID}); err != nil {
		return nil, err
	}
	return actor, nil
}

func (s *Server) adminHelpContacts(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.helpAdmin(r, access.Update)
	if err != nil {
		return err
	}
	contacts, err := s.db.HelpContacts(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	d := helpAdminData{Contacts: contacts, Defaults: len(contacts) > 0 && contacts[0].ID == ""}
	d.Full = !d.Defaults && len(contacts) >= help.MaxContacts
	return s.render(w, r, http.StatusOK, "admin_help_contacts", "Where to get help", d)
}

// readHelpContact reads a submitted contact and the form that keeps what
// was typed, with its problems.
func (s *Server) readHelpContact(w http.ResponseWriter, r *http.Request) (help.Contact, *form, error) {
	if err := parseForm(w, r); err != nil {
		return help.Contact{}, nil, err
	}
	f := newForm()
	for _, k := range []string{"name", "reach", "when"} {
		f.Values[k] = r.PostForm.Get(k)
	}
	c := help.Contact{Name: f.Values["name"], Reach: f.Values["reach"], WhenToUse: f.Values["when"]}.Normalise()
	p := c.Problems()
	for _, k := range []string{"name", "reach", "when"} {
		f.Add(k, p[k])
	}
	return c, f, nil
}

func (s *Server) renderHelpContactForm(w http.ResponseWriter, r *http.Request, status int, d helpContactFormData) error {
	if err := s.checkFields(r, d.Form, "when"); err != nil {
		return err
	}
	title := "Change a help contact"
	if d.New {
		title = "Add a help contact"
	}
	return s.render(w, r, status, "admin_help_contact", title, d)
}

func (s *Server) adminNewHelpContact(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.helpAdmin(r, access.Create); err != nil {
		return err
	}
	return s.renderHelpContactForm(w, r, http.StatusOK, helpContactFormData{Form: newForm(), Action: "/admin/help-contacts", New: true})
}

func (s *Server) adminAddHelpContact(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.helpAdmin(r, access.Create)
	if err != nil {
		return err
	}
	c, f, err := s.readHelpContact(w, r)
	if err != nil {
		return err
	}
	d := helpContactFormData{Form: f, Action: "/admin/help-contacts", New: true}
	if !f.Valid() {
		return s.renderHelpContactForm(w, r, http.StatusUnprocessableEntity, d)
	}
	c.ID = ids.New()
	if err := s.recordChange(r, audit.Create, auditHelpContact, c.ID, "help contact added"); err != nil {
		return err
	}
	if _, err := s.db.AddHelpContact(r.Context(), actor.OrgID, c); errors.Is(err, store.ErrConflict) {
		f.Add("name", "There can be at most 12 contacts. Remove one you no longer need first")
		return s.renderHelpContactForm(w, r, http.StatusUnprocessableEntity, d)
	} else if err != nil {
		return err
	}
	s.flash(r, c.Name+" is added. Parents see it when they need help.")
	http.Redirect(w, r, "/admin/help-contacts", http.StatusSeeOther)
	return nil
}

// helpContactInPath reads the organisation's contact named in the path.
func (s *Server) helpContactInPath(r *http.Request, actor *access.Actor) (help.Contact, error) {
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return help.Contact{}, errNotFound
	}
	return s.db.HelpContact(r.Context(), actor.OrgID, id)
}

func (s *Server) adminEditHelpContactPage(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.helpAdmin(r, access.Update)
	if err != nil {
		return err
	}
	c, err := s.helpContactInPath(r, actor)
	if err != nil {
		return err
	}
	f := newForm()
	f.Values["name"], f.Values["reach"], f.Values["when"] = c.Name, c.Reach, c.WhenToUse
	return s.renderHelpContactForm(w, r, http.StatusOK, helpContactFormData{Form: f, Action: "/admin/help-contacts/" + c.ID + "/edit"})
}

func (s *Server) adminEditHelpContact(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.helpAdmin(r, access.Update)
	if err != nil {
		return err
	}
	old, err := s.helpContactInPath(r, actor)
	if err != nil {
		return err
	}
	c, f, err := s.readHelpContact(w, r)
	if err != nil {
		return err
	}
	if !f.Valid() {
		return s.renderHelpContactForm(w, r, http.StatusUnprocessableEntity, helpContactFormData{Form: f, Action: "/admin/help-contacts/" + old.ID + "/edit"})
	}
	c.ID = old.ID
	if err := s.recordChange(r, audit.Update, auditHelpContact, c.ID, "help contact changed"); err != nil {
		return err
	}
	if err := s.db.UpdateHelpContact(r.Context(), actor.OrgID, c); err != nil {
		return err
	}
	s.flash(r, c.Name+" is changed.")
	http.Redirect(w, r, "/admin/help-contacts", http.StatusSeeOther)
	return nil
}

func (s *Server) adminRemoveHelpContactConfirm(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.helpAdmin(r, access.Delete)
	if err != nil {
		return err
	}
	c, err := s.helpContactInPath(r, actor)
	if err != nil {
		return err
	}
	contacts, err := s.db.HelpContacts(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	body := []string{c.Name + " (" + c.Reach + "): " + c.WhenToUse + ".", "Parents will no longer see it when they need help."}
	if len(contacts) == 1 {
		body = append(body, "It is your last contact, so parents will see Steadfast's defaults again: emergency services (999) and NHS 111.")
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: "Where to get help",
		Title:   "Remove " + c.Name + "?",
		Body:    body,
		Action:  "/admin/help-contacts/" + c.ID + "/remove",
		Button:  "Remove",
		Warning: true,
		Back:    "/admin/help-contacts",
	})
}

func (s *Server) adminRemoveHelpContact(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.helpAdmin(r, access.Delete)
	if err != nil {
		return err
	}
	c, err := s.helpContactInPath(r, actor)
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Delete, auditHelpContact, c.ID, "help contact removed"); err != nil {
		return err
	}
	if err := s.db.RemoveHelpContact(r.Context(), actor.OrgID, c.ID); err != nil {
		return err
	}
	s.flash(r, c.Name+" is removed.")
	http.Redirect(w, r, "/admin/help-contacts", http.StatusSeeOther)
	return nil
}
