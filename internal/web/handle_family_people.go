package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// personData is what the form for a person in a family's record shows.
type personData struct {
	FamilyID string
	Action   string // where the form posts
	Kind     family.Kind
	Kinds    []family.Kind
	Form     *form
	New      bool
}

// personForm fills a form from a member, splitting the date of birth into
// the day, month and year fields of a GOV.UK date input.
func personForm(m family.Member) *form {
	f := newForm()
	f.Values["kind"] = string(m.Kind)
	f.Values["name"] = m.Name
	if d, err := family.ParseDate(m.DateOfBirth); err == nil {
		f.Values["dob-day"], f.Values["dob-month"], f.Values["dob-year"] = d.Format("2"), d.Format("1"), d.Format("2006")
	}
	f.Values["school"], f.Values["what-matters"], f.Values["relationship"] = m.School, m.WhatMatters, m.Relationship
	f.Values["languages"], f.Values["access"] = m.Languages, m.Access
	if m.Interpreter {
		f.Values["interpreter"] = "yes"
	}
	return f
}

// readPerson reads a submitted person form into a member and a form that
// keeps what was typed, with any problems explained.
func (s *Server) readPerson(r *http.Request, familyID string) (family.Member, *form) {
	f := newForm()
	for _, k := range []string{"kind", "name", "dob-day", "dob-month", "dob-year", "school", "what-matters", "relationship", "languages", "access", "interpreter"} {
		f.Values[k] = r.PostForm.Get(k)
	}
	m := family.Member{FamilyID: familyID, Name: strings.TrimSpace(f.Values["name"]), School: f.Values["school"],
		WhatMatters: f.Values["what-matters"], Relationship: f.Values["relationship"], Languages: f.Values["languages"],
		Access: f.Values["access"], Interpreter: f.Values["interpreter"] == "yes"}
	kind, err := family.ParseKind(f.Values["kind"])
	if err != nil {
		f.Add("kind", "Choose who this person is in the family")
	}
	m.Kind = kind
	dob, ok := family.DateFromParts(f.Values["dob-day"], f.Values["dob-month"], f.Values["dob-year"])
	if !ok {
		f.Add("dob", "Enter a real date of birth, for example 27 3 2015")
	}
	m.DateOfBirth = dob
	problems := m.Problems(s.db.Now())
	for _, field := range []string{"name", "dob", "school", "what-matters", "relationship", "languages", "access"} {
		if f.Error(field) == "" {
			f.Add(field, problems[field])
		}
	}
	return m, f
}

// personChecked lists the person form's fields whose wording is checked:
// what practitioners write about the person. Their name, school,
// relationship and languages are facts, not descriptions.
var personChecked = []string{"what-matters", "access"}

// renderPerson shows the form for a person, with the wording of its
// free-text fields checked.
func (s *Server) renderPerson(w http.ResponseWriter, r *http.Request, status int, title string, d personData) error {
	d.Kinds = family.Kinds()
	if err := s.checkFields(r, d.Form, personChecked...); err != nil {
		return err
	}
	return s.render(w, r, status, "family_person", title, d)
}

// personFormStatus says whether a posted person form is shown again rather
// than saved, and with what status: 200 for "Check my wording", which
// shows only the wording hints, and 422 when something needs correcting.
func personFormStatus(r *http.Request, f *form) (status int, show bool) {
	if checkOnly(r) {
		f.Errors = nil
		return http.StatusOK, true
	}
	if !f.Valid() {
		return http.StatusUnprocessableEntity, true
	}
	return 0, false
}

func (s *Server) newPersonPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Create)
	if handled {
		return err
	}
	kind, err := family.ParseKind(r.URL.Query().Get("kind"))
	if err != nil {
		kind = family.Child
	}
	f := newForm()
	f.Values["kind"] = string(kind)
	return s.renderPerson(w, r, http.StatusOK, "Add someone to the family",
		personData{FamilyID: id, Action: "/families/" + id + "/people", Kind: kind, Form: f, New: true})
}

func (s *Server) addPerson(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Create)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	m, f := s.readPerson(r, id)
	if status, show := personFormStatus(r, f); show {
		return s.renderPerson(w, r, status, "Add someone to the family",
			personData{FamilyID: id, Action: "/families/" + id + "/people", Kind: m.Kind, Form: f, New: true})
	}
	actor := actorFrom(r.Context())
	m.ID = ids.New()
	if err := s.recordChange(r, audit.Create, access.KindFamily, id, "person added: "+m.ID); err != nil {
		return err
	}
	m, err = s.db.AddMember(r.Context(), actor.OrgID, m)
	if err != nil {
		return err
	}
	s.flash(r, m.Name+" added.")
	http.Redirect(w, r, "/families/"+id, http.StatusSeeOther)
	return nil
}

// personInPath loads the person named in the path from the family.
func (s *Server) personInPath(r *http.Request, familyID string) (family.Member, error) {
	pid := r.PathValue("person")
	if !ids.Valid(pid) {
		return family.Member{}, errNotFound
	}
	m, err := s.db.Member(r.Context(), actorFrom(r.Context()).OrgID, familyID, pid)
	if errors.Is(err, store.ErrNotFound) {
		return family.Member{}, errNotFound
	}
	return m, err
}

func (s *Server) editPersonPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	m, err := s.personInPath(r, id)
	if err != nil {
		return err
	}
	return s.renderPerson(w, r, http.StatusOK, "Change "+m.Name+"'s details",
		personData{FamilyID: id, Action: "/families/" + id + "/people/" + m.ID, Kind: m.Kind, Form: personForm(m)})
}

func (s *Server) savePerson(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	old, err := s.personInPath(r, id)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	m, f := s.readPerson(r, id)
	if status, show := personFormStatus(r, f); show {
		return s.renderPerson(w, r, status, "Change "+old.Name+"'s details",
			personData{FamilyID: id, Action: "/families/" + id + "/people/" + old.ID, Kind: m.Kind, Form: f})
	}
	m.ID = old.ID
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "person changed: "+m.ID); err != nil {
		return err
	}
	if err := s.db.UpdateMember(r.Context(), actorFrom(r.Context()).OrgID, m); err != nil {
		return err
	}
	s.flash(r, m.Name+"'s details saved.")
	http.Redirect(w, r, "/families/"+id, http.StatusSeeOther)
	return nil
}
