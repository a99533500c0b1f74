package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// reflectionData is what the reflective part's page shows.
type reflectionData struct {
	Session    supervision.Session
	Me         string
	Reflection supervision.Reflection
	// Exports are the legal exports of the practitioner's reflective
	// notes, shown to both people so that nothing leaves unseen.
	Exports []supervision.LegalExport
	Form    *form
}

// reflectionPage shows a session's reflective part, and the form to write
// it, to the session's two people only. Nobody else learns it exists.
func (s *Server) reflectionPage(w http.ResponseWriter, r *http.Request) error {
	ses, err := s.supervisionFor(r, access.Read, access.KindReflection)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	refl, err := s.db.Reflection(r.Context(), actor.OrgID, ses.ID)
	if err != nil {
		return err
	}
	f := newForm()
	f.Values[supervision.FieldNoticed], f.Values[supervision.FieldTriggers] = refl.Noticed, refl.Triggers
	f.Values[supervision.FieldHowIAm], f.Values[supervision.FieldWhatHelped] = refl.HowIAm, refl.WhatHelped
	return s.renderReflection(w, r, http.StatusOK, ses, refl, f)
}

func (s *Server) renderReflection(w http.ResponseWriter, r *http.Request, status int, ses supervision.Session, refl supervision.Reflection, f *form) error {
	actor := actorFrom(r.Context())
	exports, err := s.db.LegalExportsOf(r.Context(), actor.OrgID, ses.PractitionerID)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "supervision_reflection", "Reflective notes", reflectionData{Session: ses, Me: actor.UserID, Reflection: refl, Exports: exports, Form: f})
}

// saveReflection saves the reflective part. Each part is optional.
func (s *Server) saveReflection(w http.ResponseWriter, r *http.Request) error {
	ses, err := s.supervisionFor(r, access.Update, access.KindReflection)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := newForm()
	for _, k := range supervision.ReflectionFields() {
		f.Values[k] = r.PostForm.Get(k)
	}
	refl := supervision.Reflection{SessionID: ses.ID, Noticed: f.Values[supervision.FieldNoticed], Triggers: f.Values[supervision.FieldTriggers],
		HowIAm: f.Values[supervision.FieldHowIAm], WhatHelped: f.Values[supervision.FieldWhatHelped], UpdatedBy: actor.UserID}
	problems := refl.Problems()
	for _, k := range supervision.ReflectionFields() {
		f.Add(k, problems[k])
	}
	if !f.Valid() {
		return s.renderReflection(w, r, http.StatusUnprocessableEntity, ses, refl, f)
	}
	if err := s.recordChange(r, audit.Update, access.KindReflection, ses.ID, "reflective notes saved"); err != nil {
		return err
	}
	if _, err := s.db.SaveReflection(r.Context(), actor.OrgID, refl); err != nil {
		return err
	}
	s.flash(r, "Reflective notes saved. Only the two of you can read them.")
	http.Redirect(w, r, "/supervision/"+ses.ID+"/reflection", http.StatusSeeOther)
	return nil
}
