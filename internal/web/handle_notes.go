package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/language"
	"github.com/steadfast-care/steadfast/internal/store"
)

// noteFields are the note form's fields, all kept in a draft.
var noteFields = []string{"when-day", "when-month", "when-year", "when-time", "kind", "present", "child-seen", "child-words", "body"}

// noteFormData is what the note form shows.
type noteFormData struct {
	FamilyID   string
	NoteID     string // "" for a new note
	Action     string
	Form       *form
	Kinds      []family.NoteKind
	Seen       []family.ChildSeen
	DraftSaved *time.Time // when the draft shown was last saved, if one was restored
}

// noteChecked lists the note form's fields whose wording is checked. The
// child's own words are not: they are a quotation, and the checker must
// never correct a child.
var noteChecked = []string{"body"}

// noteFromForm reads a note from the form's fields.
func (s *Server) noteFromForm(f *form, familyID, authorID string) family.Note {
	when, ok := family.WhenFromParts(f.Value("when-day"), f.Value("when-month"), f.Value("when-year"), f.Value("when-time"), ukTime())
	n := family.Note{FamilyID: familyID, AuthorID: authorID, Kind: family.NoteKind(f.Value("kind")), Present: f.Value("present"),
		ChildSeen: family.ChildSeen(f.Value("child-seen")), ChildWords: f.Value("child-words"), Body: f.Value("body")}
	if ok {
		n.OccurredAt = when
	}
	return n
}

// formFromNote fills the note form from a saved note.
func formFromNote(n family.Note) *form {
	f := newForm()
	local := n.OccurredAt.In(ukTime())
	f.Values["when-day"], f.Values["when-month"], f.Values["when-year"] = local.Format("2"), local.Format("1"), local.Format("2006")
	f.Values["when-time"] = local.Format("15:04")
	f.Values["kind"], f.Values["present"], f.Values["child-seen"] = string(n.Kind), n.Present, string(n.ChildSeen)
	f.Values["child-words"], f.Values["body"] = n.ChildWords, n.Body
	return f
}

// postedNoteForm reads the note fields that were posted.
func postedNoteForm(r *http.Request) *form {
	f := newForm()
	for _, k := range noteFields {
		f.Values[k] = r.PostForm.Get(k)
	}
	return f
}

func (s *Server) renderNoteForm(w http.ResponseWriter, r *http.Request, status int, d noteFormData) error {
	d.Kinds, d.Seen = family.NoteKinds(), family.ChildSeenOptions()
	if err := s.checkFields(r, d.Form, noteChecked...); err != nil {
		return err
	}
	title := "Write a contact note"
	if d.NoteID != "" {
		title = "Change a contact note"
	}
	return s.render(w, r, status, "note_form", title, d)
}

// withDraft replaces f's values with the actor's saved draft, if there is one.
func (s *Server) withDraft(r *http.Request, familyID, noteID string, f *form) (*form, *time.Time, error) {
	a := actorFrom(r.Context())
	d, err := s.db.LoadDraft(r.Context(), a.OrgID, familyID, a.UserID, noteID)
	if errors.Is(err, store.ErrNotFound) {
		return f, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	restored := newForm()
	for _, k := range noteFields {
		restored.Values[k] = d.Fields[k]
	}
	return restored, &d.UpdatedAt, nil
}

func (s *Server) newNotePage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Create)
	if handled {
		return err
	}
	now := s.db.Now().In(ukTime())
	f := newForm()
	f.Values["when-day"], f.Values["when-month"], f.Values["when-year"] = now.Format("2"), now.Format("1"), now.Format("2006")
	f, saved, err := s.withDraft(r, id, "", f)
	if err != nil {
		return err
	}
	return s.renderNoteForm(w, r, http.StatusOK, noteFormData{FamilyID: id, Action: "/families/" + id + "/notes", Form: f, DraftSaved: saved})
}

func (s *Server) editNotePage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	n, err := s.noteInPath(r, id)
	if err != nil {
		return err
	}
	f, saved, err := s.withDraft(r, id, n.ID, formFromNote(n))
	if err != nil {
		return err
	}
	return s.renderNoteForm(w, r, http.StatusOK, noteFormData{FamilyID: id, NoteID: n.ID, Action: "/families/" + id + "/notes/" + n.ID, Form: f, DraftSaved: saved})
}

func (s *Server) noteInPath(r *http.Request, familyID string) (family.Note, error) {
	nid := r.PathValue("note")
	if !ids.Valid(nid) {
		return family.Note{}, errNotFound
	}
	n, err := s.db.Note(r.Context(), actorFrom(r.Context()).OrgID, familyID, nid)
	if errors.Is(err, store.ErrNotFound) {
		return family.Note{}, errNotFound
	}
	return n, err
}

// saveNote handles both a new note and a new version of one. Whatever
// happens, what was typed is kept as a draft first.
func (s *Server) saveNote(w http.ResponseWriter, r *http.Request) error {
	action := access.Create
	if r.PathValue("note") != "" {
		action = access.Update
	}
	id, _, handled, err := s.familyFor(w, r, action)
	if handled {
		return err
	}
	var existing family.Note
	if action == access.Update {
		if existing, err = s.noteInPath(r, id); err != nil {
			return err
		}
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := postedNoteForm(r)
	if err := s.db.SaveDraft(r.Context(), actor.OrgID, id, actor.UserID, existing.ID, f.Values); err != nil {
		return err
	}
	d := noteFormData{FamilyID: id, NoteID: existing.ID, Action: r.URL.Path, Form: f}
	if checkOnly(r) {
		return s.renderNoteForm(w, r, http.StatusOK, d)
	}
	if r.PostForm.Get("action") == "draft" {
		s.flash(r, "Your draft is saved. It will be here when you come back.")
		back := r.URL.Path + "/edit"
		if existing.ID == "" {
			back = r.URL.Path + "/new"
		}
		http.Redirect(w, r, back, http.StatusSeeOther)
		return nil
	}
	n := s.noteFromForm(f, id, actor.UserID)
	for field, problem := range n.Problems(s.db.Now()) {
		f.Add(field, problem)
	}
	if !f.Valid() {
		return s.renderNoteForm(w, r, http.StatusUnprocessableEntity, d)
	}
	n.ID = existing.ID
	what := "contact note added"
	if n.ID != "" {
		what = "contact note changed: " + n.ID
	}
	if err := s.recordChange(r, audit.Action(action), access.KindFamily, id, what); err != nil {
		return err
	}
	n, err = s.db.SaveNote(r.Context(), actor.OrgID, n)
	if err != nil {
		return err
	}
	s.flash(r, "Note saved.")
	http.Redirect(w, r, "/families/"+id+"/notes/"+n.ID, http.StatusSeeOther)
	return nil
}

// saveDraft keeps what has been typed so far, as the page's script sends it
// every few seconds. It answers 204: there is nothing to show.
func (s *Server) saveDraft(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Create)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	// A new engagement record's or conversation plan's draft.
	var key string
	var values map[string]string
	switch r.PostForm.Get("form") {
	case "engagement":
		key, values = engagementDraft, postedEngagementForm(r).Values
	case "conversation":
		f, _ := postedPlanForm(r)
		key, values = planDraft, f.Values
	}
	if key != "" {
		if err := s.db.SaveDraft(r.Context(), actor.OrgID, id, actor.UserID, key, values); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	noteID := strings.TrimSpace(r.PostForm.Get("note"))
	if noteID != "" && !ids.Valid(noteID) {
		return errNotFound
	}
	if err := s.db.SaveDraft(r.Context(), actor.OrgID, id, actor.UserID, noteID, postedNoteForm(r).Values); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// noteData is what the page for one note shows.
type noteData struct {
	FamilyID     string
	Note         family.Note
	Versions     []family.Note // newest first; the first is the current one
	BodyFindings []language.Finding
}

func (s *Server) notePage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	n, err := s.noteInPath(r, id)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	versions, err := s.db.NoteVersions(r.Context(), actor.OrgID, n.ID)
	if err != nil {
		return err
	}
	checker, err := s.languageChecker(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "note", n.Kind.Label()+" note",
		noteData{FamilyID: id, Note: n, Versions: versions, BodyFindings: checker.Check(n.Body)})
}
