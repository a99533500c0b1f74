package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// groupSessionData is what a group session's page shows.
type groupSessionData struct {
	View        groupView
	Group       nvr.Course
	Session     store.GroupSession
	Plan        nvr.Session // from the template version the group runs
	Last        int         // the number of the group's last session
	Parents     []parentRow
	Notes       []store.GroupNote // notes on the session
	Moves       []store.SessionMove
	Attendances []nvr.Attendance
	Attendance  *form
	NotesForm   *form
}

// parentRow is one enrolled parent on a session's page, with the names of
// their fields in the attendance and notes forms.
type parentRow struct {
	Enrolment  store.Enrolment
	Current    store.AttendanceEntry
	Recorded   bool
	ValueField string
	NoteField  string
	// ParentNoteField names the short note for the family's timeline.
	ParentNoteField string
	ParentNotes     []store.GroupNote
	// CatchUp is the parent's catch-up for this session, if they missed it
	// and one is arranged (Arranged) or done.
	CatchUp  store.CatchUp
	Arranged bool
}

// maxNote bounds a group or parent note.
const maxNote = 5000

// sessionNumber reads the session number from the path.
func sessionNumber(r *http.Request) (int, error) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 || n > nvr.MaxSessions+nvr.MaxExtraSessions {
		return 0, errNotFound
	}
	return n, nil
}

func (s *Server) groupSessionPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderGroupSession(w, r, http.StatusOK, nil, nil)
}

// renderGroupSession shows the session the path names, with the forms as
// posted (nil for fresh ones, filled from what is recorded), to the
// group's staff.
func (s *Server) renderGroupSession(w http.ResponseWriter, r *http.Request, status int, att, notes *form) error {
	if err := staffPageOnly(r); err != nil {
		return err
	}
	id := r.PathValue("id")
	rel, err := s.authorizeGroup(r, access.Read, id)
	if err != nil {
		return err
	}
	n, err := sessionNumber(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	ctx := r.Context()
	d := groupSessionData{View: viewFor(actor, rel), Attendances: nvr.Attendances()}
	if d.Group, err = s.db.Group(ctx, actor.OrgID, id); err != nil {
		return err
	}
	if d.Session, err = s.db.GroupSession(ctx, actor.OrgID, id, n); err != nil {
		return err
	}
	sessions, err := s.db.GroupSessions(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	d.Last = len(sessions)
	tpl, err := s.db.TemplateAt(ctx, actor.OrgID, d.Group.TemplateID, d.Group.TemplateVersion)
	if err != nil {
		return err
	}
	switch {
	case d.Session.Supporters():
		if d.Plan, err = nvr.SupportersPlan(); err != nil {
			return err
		}
	case n <= len(tpl.Sessions):
		d.Plan = tpl.Sessions[n-1]
	}
	enrolled, err := s.db.Enrolments(ctx, actor.OrgID, id)
	if err != nil {
		return err
	}
	enrolments := store.ActiveEnrolments(enrolled)
	if d.Moves, err = s.db.SessionMoves(ctx, actor.OrgID, id, n); err != nil {
		return err
	}
	catchUps := store.CatchUps{}
	if d.View.CanChange {
		if catchUps, err = s.db.GroupCatchUps(ctx, actor.OrgID, id); err != nil {
			return err
		}
	}
	current, err := s.db.Attendance(ctx, actor.OrgID, id, n)
	if err != nil {
		return err
	}
	all, err := s.db.GroupNotes(ctx, actor.OrgID, id, n, d.View.Families)
	if err != nil {
		return err
	}
	byEnrolment := map[string][]store.GroupNote{}
	for _, note := range all {
		if !d.View.Families && note.AuthorID != actor.UserID {
			// Co-facilitators and administrators see only the notes they
			// wrote themselves.
			continue
		}
		if note.EnrolmentID == "" {
			d.Notes = append(d.Notes, note)
		} else {
			byEnrolment[note.EnrolmentID] = append(byEnrolment[note.EnrolmentID], note)
		}
	}
	fresh := att == nil
	if fresh {
		att = newForm()
	}
	if notes == nil {
		notes = newForm()
	}
	if d.View.FirstNames {
		for _, e := range enrolments {
			if !d.View.Families {
				e.FamilyID, e.FamilyName = "", ""
			}
			p := parentRow{Enrolment: e, ValueField: "attendance-" + e.ID, NoteField: "attendance-note-" + e.ID,
				ParentNoteField: "parent-note-" + e.ID, ParentNotes: byEnrolment[e.ID]}
			p.Current, p.Recorded = current[e.ID]
			p.CatchUp, p.Arranged = catchUps.For(e.ID, n)
			if fresh && p.Recorded {
				att.Values[p.ValueField], att.Values[p.NoteField] = string(p.Current.Value), p.Current.Note
			}
			d.Parents = append(d.Parents, p)
		}
	}
	if d.View.CanChange && notes.Findings == nil {
		fields := []string{"group-note"}
		for _, p := range d.Parents {
			fields = append(fields, p.ParentNoteField)
		}
		if err := s.checkFields(r, notes, fields...); err != nil {
			return err
		}
	}
	d.Attendance, d.NotesForm = att, notes
	title := d.Group.Name + ", session " + strconv.Itoa(n)
	return s.render(w, r, status, "group_session", title, d)
}

// sessionToWrite checks that the actor may change the group in the path
// (its facilitators may), reads the session number and the posted form,
// and returns the group's ID, the number and the parents still in the
// group, for the session's attendance and notes forms.
func (s *Server) sessionToWrite(w http.ResponseWriter, r *http.Request) (string, int, []store.Enrolment, error) {
	id := r.PathValue("id")
	if _, err := s.authorizeGroup(r, access.Update, id); err != nil {
		return "", 0, nil, err
	}
	n, err := sessionNumber(r)
	if err != nil {
		return "", 0, nil, err
	}
	if err := parseForm(w, r); err != nil {
		return "", 0, nil, err
	}
	all, err := s.db.Enrolments(r.Context(), actorFrom(r.Context()).OrgID, id)
	if err != nil {
		return "", 0, nil, err
	}
	return id, n, store.ActiveEnrolments(all), nil
}

// recordGroupAttendance records who came to a session. Parents with no
// choice made are left as they were.
func (s *Server) recordGroupAttendance(w http.ResponseWriter, r *http.Request) error {
	id, n, enrolments, err := s.sessionToWrite(w, r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := newForm()
	var entries []store.AttendanceEntry
	for _, e := range enrolments {
		vf, nf := "attendance-"+e.ID, "attendance-note-"+e.ID
		f.Values[vf], f.Values[nf] = r.PostForm.Get(vf), strings.TrimSpace(r.PostForm.Get(nf))
		v := nvr.Attendance(f.Values[vf])
		switch {
		case f.Values[vf] == "" && f.Values[nf] != "":
			f.Add(vf, "Choose whether "+e.FirstName+" came, to keep the note about them")
		case f.Values[vf] == "":
			continue
		case !v.Valid():
			f.Add(vf, "Choose whether "+e.FirstName+" came from the list")
		case utf8.RuneCountInString(f.Values[nf]) > maxNote:
			f.Add(nf, "Keep the note about "+e.FirstName+" to "+strconv.Itoa(maxNote)+" characters or fewer")
		}
		entries = append(entries, store.AttendanceEntry{EnrolmentID: e.ID, Value: v, Note: f.Values[nf]})
	}
	if len(enrolments) > 0 && len(entries) == 0 && f.Valid() {
		f.Add("attendance-"+enrolments[0].ID, "Choose whether each parent came")
	}
	if !f.Valid() {
		return s.renderGroupSession(w, r, http.StatusUnprocessableEntity, f, nil)
	}
	if len(entries) > 0 {
		if err := s.recordChange(r, audit.Update, access.KindGroup, id, "attendance recorded for session "+strconv.Itoa(n)); err != nil {
			return err
		}
		if err := s.db.RecordAttendance(r.Context(), actor.OrgID, id, n, actor.UserID, entries); err != nil {
			return err
		}
	}
	s.flash(r, "Attendance saved.")
	http.Redirect(w, r, "/groups/"+id+"/sessions/"+strconv.Itoa(n), http.StatusSeeOther)
	return nil
}

// saveGroupNotes saves a note on the session and the short notes about
// each parent, which go onto their families' timelines. Empty notes are
// skipped. "Check my wording" shows the notes again with hints and saves
// nothing.
func (s *Server) saveGroupNotes(w http.ResponseWriter, r *http.Request) error {
	id, n, enrolments, err := s.sessionToWrite(w, r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := newForm()
	fields := []string{"group-note"}
	for _, e := range enrolments {
		fields = append(fields, "parent-note-"+e.ID)
	}
	written := 0
	for _, k := range fields {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
		if f.Values[k] != "" {
			written++
		}
		if utf8.RuneCountInString(f.Values[k]) > maxNote {
			f.Add(k, "Keep this note to "+strconv.Itoa(maxNote)+" characters or fewer")
		}
	}
	if err := s.checkFields(r, f, fields...); err != nil {
		return err
	}
	if checkOnly(r) {
		return s.renderGroupSession(w, r, http.StatusOK, nil, f)
	}
	if written == 0 {
		f.Add("group-note", "Write a note on the session or about a parent")
	}
	if !f.Valid() {
		return s.renderGroupSession(w, r, http.StatusUnprocessableEntity, nil, f)
	}
	if body := f.Values["group-note"]; body != "" {
		if err := s.recordChange(r, audit.Create, access.KindGroup, id, "note on session "+strconv.Itoa(n)); err != nil {
			return err
		}
		if _, err := s.db.AddGroupNote(r.Context(), actor.OrgID, id, n, actor.UserID, body); err != nil {
			return err
		}
	}
	for _, e := range enrolments {
		body := f.Values["parent-note-"+e.ID]
		if body == "" {
			continue
		}
		if err := s.recordChange(r, audit.Create, access.KindFamily, e.FamilyID, "group session "+strconv.Itoa(n)+" note for the timeline"); err != nil {
			return err
		}
		if _, err := s.db.AddParentNote(r.Context(), actor.OrgID, id, n, e.ID, actor.UserID, body); err != nil {
			return err
		}
	}
	s.flash(r, "Notes saved. Notes about a parent are on their family's timeline.")
	http.Redirect(w, r, "/groups/"+id+"/sessions/"+strconv.Itoa(n), http.StatusSeeOther)
	return nil
}
