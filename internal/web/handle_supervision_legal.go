package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// legalExportData is what the legal export form shows.
type legalExportData struct {
	Practitioners []access.User
	Form          *form
}

// legalExportFor asks the policy whether the actor may export reflective
// notes: administrators only, and the question is recorded either way.
func (s *Server) legalExportFor(r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return err
	}
	_, err := s.authorize(r, access.Export, access.Resource{Kind: access.KindReflection, OrgID: actor.OrgID})
	return err
}

// legalExportPage shows the form an administrator exports a practitioner's
// reflective notes with, for a legal request. It never shows the notes.
func (s *Server) legalExportPage(w http.ResponseWriter, r *http.Request) error {
	if err := s.legalExportFor(r); err != nil {
		return err
	}
	return s.renderLegalExport(w, r, http.StatusOK, newForm())
}

func (s *Server) renderLegalExport(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	actor := actorFrom(r.Context())
	people, err := s.db.UsersWithRole(r.Context(), actor.OrgID, access.Practitioner)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "supervision_legal_export", "Export reflective notes for a legal request", legalExportData{Practitioners: people, Form: f})
}

// legalExport records the export with its reason, then sends the
// practitioner's reflective notes as a text file. The two people in each
// session see on their reflective notes that the export happened.
func (s *Server) legalExport(w http.ResponseWriter, r *http.Request) error {
	if err := s.legalExportFor(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := newForm()
	for _, k := range []string{supervision.FieldLegalPractitioner, supervision.FieldLegalReason, supervision.FieldLegalConfirm} {
		f.Values[k] = r.PostForm.Get(k)
	}
	e := supervision.LegalExport{PractitionerID: f.Values[supervision.FieldLegalPractitioner], Reason: f.Values[supervision.FieldLegalReason], ExportedBy: actor.UserID}
	problems := e.Problems(f.Values[supervision.FieldLegalConfirm] == "yes")
	for _, k := range []string{supervision.FieldLegalPractitioner, supervision.FieldLegalReason, supervision.FieldLegalConfirm} {
		f.Add(k, problems[k])
	}
	if !f.Valid() {
		return s.renderLegalExport(w, r, http.StatusUnprocessableEntity, f)
	}
	if err := s.record(r, audit.Event{Action: audit.Action(access.Export), ResourceType: string(access.KindReflection), ResourceID: e.PractitionerID,
		Decision: audit.Allow, Reason: "legal request: " + strings.TrimSpace(e.Reason)}); err != nil {
		return err
	}
	e, out, err := s.db.ExportReflections(r.Context(), actor.OrgID, e)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			f.Add(supervision.FieldLegalPractitioner, "Choose a practitioner from the list")
			return s.renderLegalExport(w, r, http.StatusUnprocessableEntity, f)
		}
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="reflective-notes-%s.txt"`, e.ID))
	w.Header().Set("Cache-Control", "no-store")
	_, err = fmt.Fprint(w, legalExportText(e, out))
	return err
}

// legalExportText writes the export as plain text, with the request it
// answers at the top.
func legalExportText(e supervision.LegalExport, sessions []store.ReflectionForExport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Reflective notes from supervision, exported for a legal request\n")
	fmt.Fprintf(&b, "Export %s, %s\nRequest: %s\nSessions with notes: %d\n", e.ID, e.ExportedAt.In(ukTime()).Format("2 January 2006 at 15:04"), e.Reason, e.Sessions)
	for _, x := range sessions {
		fmt.Fprintf(&b, "\n---\nSession planned for %s, between %s (supervisor) and %s (practitioner)\n",
			x.Session.PlannedFor.In(ukTime()).Format("2 January 2006 at 15:04"), x.Session.SupervisorName, x.Session.PractitionerName)
		for _, part := range []struct{ label, text string }{{"What I noticed in myself", x.Reflection.Noticed}, {"My triggers", x.Reflection.Triggers},
			{"How I am", x.Reflection.HowIAm}, {"What helped", x.Reflection.WhatHelped}} {
			fmt.Fprintf(&b, "\n%s:\n%s\n", part.label, part.text)
		}
	}
	return b.String()
}
