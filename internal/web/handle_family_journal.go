package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// familyJournalData is what the family's journal page shows its workers.
type familyJournalData struct {
	Family   store.Family
	Alerts   []store.JournalAlert
	Progress progressData
	Entries  []journal.Entry
	Kind     string
	Kinds    []journal.Kind
	Pager    pager
	Form     *form // the acknowledgement form, as posted
	FormFor  string
}

// journalPerPage is how many entries the journal page shows at a time.
const journalPerPage = 25

func (s *Server) familyJournalPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderFamilyJournal(w, r, http.StatusOK, nil, "")
}

// renderFamilyJournal shows the family's journal: alerts to acknowledge,
// progress, and the entries, filtered by kind, a page at a time; f is the
// acknowledgement form of the alert formFor, as posted.
func (s *Server) renderFamilyJournal(w http.ResponseWriter, r *http.Request, status int, f *form, formFor string) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	actor := actorFrom(r.Context())
	ctx := r.Context()
	d := familyJournalData{Kinds: journal.Kinds(), Form: f, FormFor: formFor}
	if d.Family, err = s.db.FamilyInOrg(ctx, actor.OrgID, id); err != nil {
		return err
	}
	if d.Alerts, err = s.db.FamilyJournalAlerts(ctx, actor.OrgID, id); err != nil {
		return err
	}
	if d.Progress, err = s.familyProgress(r, id, false); err != nil {
		return err
	}
	d.Kind = r.URL.Query().Get("kind")
	if !journal.Kind(d.Kind).Valid() {
		d.Kind = ""
	}
	pageNo := max(1, atoiOr(r.URL.Query().Get("page"), 1))
	page, err := s.db.Journal(ctx, actor.OrgID, id, store.JournalFilter{Kind: journal.Kind(d.Kind)}, journalPerPage, (pageNo-1)*journalPerPage)
	if err != nil {
		return err
	}
	d.Entries = page.Entries
	base := "/families/" + id + "/journal"
	if d.Kind != "" {
		base += "?kind=" + d.Kind + "&"
	}
	d.Pager = newPager(base, pageNo, journalPerPage, page.Total)
	return s.render(w, r, status, "family_journal", "Journal: "+d.Family.Name, d)
}

// maxAckNote bounds the note acknowledging an alert.
const maxAckNote = 2000

// acknowledgeJournalAlert records that a worker has seen a safety alert
// from the family's journal, with a note of what they are doing about it.
func (s *Server) acknowledgeJournalAlert(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	entryID := r.PathValue("entry")
	if !ids.Valid(entryID) {
		return errNotFound
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values["note"] = strings.TrimSpace(r.PostForm.Get("note"))
	switch {
	case f.Values["note"] == "":
		f.Add("note", "Write what you have done or will do, such as calling the parent today")
	case utf8.RuneCountInString(f.Values["note"]) > maxAckNote:
		f.Add("note", "Keep the note to 2000 characters or fewer")
	}
	if !f.Valid() {
		return s.renderFamilyJournal(w, r, http.StatusUnprocessableEntity, f, entryID)
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, id, "journal alert "+entryID+" acknowledged"); err != nil {
		return err
	}
	err = s.db.AcknowledgeJournalAlert(r.Context(), actor.OrgID, id, entryID, actor.UserID, f.Values["note"])
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	s.flash(r, "The alert is acknowledged, with your note.")
	http.Redirect(w, r, "/families/"+id+"/journal#alerts", http.StatusSeeOther)
	return nil
}
