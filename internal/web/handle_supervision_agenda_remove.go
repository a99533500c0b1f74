package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// agendaNoteToRemove reads the session and the note in the path, for its
// author to take off the agenda while it waits. Anyone outside the session
// is told nothing (404); the other person in it, or anyone once the note
// has been discussed, is refused (403).
func (s *Server) agendaNoteToRemove(r *http.Request) (supervision.Session, supervision.AgendaNote, error) {
	ses, err := s.supervisionFor(r, access.Update, access.KindSupervision)
	if err != nil {
		return ses, supervision.AgendaNote{}, err
	}
	actor := actorFrom(r.Context())
	n, err := s.db.AgendaNoteOf(r.Context(), actor.OrgID, ses.PractitionerID, r.PathValue("note"))
	if err != nil {
		return ses, n, err
	}
	if !n.RemovableBy(actor.UserID) {
		return ses, n, errForbidden
	}
	return ses, n, nil
}

// removeAgendaNoteConfirm asks before a note is taken off the agenda.
func (s *Server) removeAgendaNoteConfirm(w http.ResponseWriter, r *http.Request) error {
	ses, n, err := s.agendaNoteToRemove(r)
	if err != nil {
		return err
	}
	return s.renderConfirm(w, r, confirmData{Caption: "Supervision with " + ses.Other(actorFrom(r.Context()).UserID),
		Title: "Take this off the agenda?", Body: []string{"“" + excerpt(n.Text) + "”", "It will no longer wait for the next session. Nothing else changes."},
		Action: r.URL.Path, Button: "Take it off", Back: "/supervision/" + ses.ID + "#agenda"})
}

// removeAgendaNote takes a note its author added off the agenda.
func (s *Server) removeAgendaNote(w http.ResponseWriter, r *http.Request) error {
	ses, n, err := s.agendaNoteToRemove(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Delete, access.KindSupervision, ses.ID, "agenda item taken off: "+n.ID); err != nil {
		return err
	}
	if err := s.db.RemoveAgendaNote(r.Context(), actor.OrgID, ses.PractitionerID, n.ID, actor.UserID); errors.Is(err, store.ErrConflict) {
		return errForbidden
	} else if err != nil {
		return err
	}
	s.flash(r, "Taken off the agenda.")
	http.Redirect(w, r, "/supervision/"+ses.ID+"#agenda", http.StatusSeeOther)
	return nil
}
