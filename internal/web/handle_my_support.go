package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
)

// supportData is what a parent sees straight after writing down a hard
// moment that raised a safety alert.
type supportData struct {
	Entry    journal.Entry
	Reasons  []journal.Reason
	Contacts []helpLink
}

// mySupport shows supportive words and where to get help now, after a hard
// moment in which someone was hurt or that the safety rule flags. It says
// plainly that the practitioner has been told.
func (s *Server) mySupport(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	id := r.URL.Query().Get("entry")
	if !ids.Valid(id) {
		return errNotFound
	}
	actor := actorFrom(r.Context())
	e, err := s.db.JournalEntry(r.Context(), actor.OrgID, familyID, id)
	if err != nil {
		return err
	}
	d := supportData{Entry: e, Reasons: journal.AlertReasons(e)}
	if len(d.Reasons) == 0 {
		return errNotFound
	}
	if d.Contacts, err = s.helpContactsFor(r); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "my_support", "Saved: help is here", d)
}
