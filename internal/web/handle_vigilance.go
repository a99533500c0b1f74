package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Vigilant care: a parent keeps their concerns about their child, each
// with its level and every change of level, at /my/vigilance; the family's
// practitioner and their supervisor read the same at
// /families/{id}/vigilance. The rules are in internal/journal.

// vigilanceData is what the list of concerns shows, to the parent and, read
// only, to the family's workers.
type vigilanceData struct {
	Own     bool         // the parent's own page, which offers changes
	Family  store.Family // the staff's page only
	Current []journal.Concern
	Settled []journal.Concern
	Levels  []journal.Level
}

// concernData is what one concern's page shows the parent, with the form
// to change its level.
type concernData struct {
	Concern journal.Concern
	Form    *form
	Levels  []journal.Level
}

// concernFormData is what the form to add a concern shows.
type concernFormData struct {
	Form   *form
	Levels []journal.Level
}

// concernPath is the address of a concern's page.
func concernPath(id string) string { return "/my/vigilance/" + id }

// readVigilance reads a family's concerns, split into those still a worry
// and those settled.
func (s *Server) readVigilance(r *http.Request, familyID string) (vigilanceData, error) {
	list, err := s.db.Concerns(r.Context(), actorFrom(r.Context()).OrgID, familyID)
	if err != nil {
		return vigilanceData{}, err
	}
	d := vigilanceData{Levels: journal.Levels()}
	for _, c := range list {
		if c.IsSettled() {
			d.Settled = append(d.Settled, c)
		} else {
			d.Current = append(d.Current, c)
		}
	}
	return d, nil
}

// vigilancePage shows a parent their own concerns.
func (s *Server) vigilancePage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	d, err := s.readVigilance(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, familyID, "vigilant care read"); err != nil {
		return err
	}
	d.Own = true
	return s.render(w, r, http.StatusOK, "vigilance", "Keeping an eye: vigilant care", d)
}

// familyVigilancePage shows a family's concerns and their history, read
// only, to those the family policy lets read the family.
func (s *Server) familyVigilancePage(w http.ResponseWriter, r *http.Request) error {
	f, handled, err := s.familyToRead(w, r)
	if handled {
		return err
	}
	id := f.ID
	d, err := s.readVigilance(r, id)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamily, id, "vigilant care read"); err != nil {
		return err
	}
	d.Family = f
	return s.render(w, r, http.StatusOK, "vigilance", "Vigilant care of "+f.Name, d)
}

// newConcernPage shows the form to add a concern.
func (s *Server) newConcernPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.ownFamily(r, access.Create); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "vigilance_form", "Add a concern", concernFormData{Form: newForm(), Levels: journal.Levels()})
}

// addConcern saves a new concern at the level the parent chose.
func (s *Server) addConcern(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := newPostedForm(r, journal.FieldConcernAbout, journal.FieldLevel, journal.FieldWarningSign)
	f := p.form
	level := journal.Level(f.Value(journal.FieldLevel))
	p.addProblems(journal.NewConcernProblems(f.Value(journal.FieldConcernAbout), level, f.Value(journal.FieldWarningSign)))
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "vigilance_form", "Add a concern", concernFormData{Form: f, Levels: journal.Levels()})
	}
	if err := s.recordChange(r, audit.Create, access.KindFamilyShared, familyID, "vigilant care concern added"); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	c := journal.Concern{FamilyID: familyID, About: f.Value(journal.FieldConcernAbout), Level: level}
	if _, err := s.db.AddConcern(r.Context(), actor.OrgID, actor.UserID, c, f.Value(journal.FieldWarningSign)); errors.Is(err, store.ErrConflict) {
		f.Add(journal.FieldConcernAbout, "Your list is full. Mark one you no longer worry about first")
		return s.render(w, r, http.StatusUnprocessableEntity, "vigilance_form", "Add a concern", concernFormData{Form: f, Levels: journal.Levels()})
	} else if err != nil {
		return err
	}
	s.flash(r, "Concern saved.")
	http.Redirect(w, r, "/my/vigilance", http.StatusSeeOther)
	return nil
}

// ownConcern reads the concern named in the path, of the parent's family;
// one of any other family is not found.
func (s *Server) ownConcern(r *http.Request, familyID string) (journal.Concern, error) {
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return journal.Concern{}, errNotFound
	}
	return s.db.Concern(r.Context(), actorFrom(r.Context()).OrgID, familyID, id)
}

// concernPage shows the parent one concern, its history, and the form to
// change its level.
func (s *Server) concernPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	c, err := s.ownConcern(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, familyID, "concern read: "+c.ID); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "vigilance_concern", c.About, concernData{Concern: c, Form: newForm(), Levels: journal.Levels()})
}

// changeLevel moves a concern to another level, with the warning sign
// behind the change.
func (s *Server) changeLevel(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	c, err := s.ownConcern(r, familyID)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := newPostedForm(r, journal.FieldLevel, journal.FieldWarningSign)
	f := p.form
	to := journal.Level(f.Value(journal.FieldLevel))
	p.addProblems(journal.ChangeProblems(c, to, f.Value(journal.FieldWarningSign)))
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "vigilance_concern", c.About, concernData{Concern: c, Form: f, Levels: journal.Levels()})
	}
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, familyID, "vigilant care level changed: "+c.ID); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if err := s.db.ChangeLevel(r.Context(), actor.OrgID, familyID, actor.UserID, c.ID, to, f.Value(journal.FieldWarningSign)); err != nil {
		return err
	}
	s.flash(r, "Level changed to "+to.Label()+".")
	http.Redirect(w, r, concernPath(c.ID), http.StatusSeeOther)
	return nil
}

// settleConcernConfirm asks before marking a concern as no longer a worry.
func (s *Server) settleConcernConfirm(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	c, err := s.ownConcern(r, familyID)
	if err != nil {
		return err
	}
	if c.IsSettled() {
		return errNotFound
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: c.About,
		Title:   "Is this no longer a worry?",
		Body:    []string{"It will move to “No longer a worry”, with its history. You can add it again if it comes back."},
		Action:  concernPath(c.ID) + "/settle",
		Button:  "Yes, it is no longer a worry",
		Back:    concernPath(c.ID),
	})
}

// settleConcern marks a concern as no longer a worry.
func (s *Server) settleConcern(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	c, err := s.ownConcern(r, familyID)
	if err != nil {
		return err
	}
	if c.IsSettled() {
		return errNotFound
	}
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, familyID, "vigilant care concern settled: "+c.ID); err != nil {
		return err
	}
	if err := s.db.SettleConcern(r.Context(), actorFrom(r.Context()).OrgID, familyID, c.ID); err != nil {
		return err
	}
	s.flash(r, "Good to hear. “"+c.About+"” is now under “No longer a worry”.")
	http.Redirect(w, r, "/my/vigilance", http.StatusSeeOther)
	return nil
}
