package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// journalFormData is what the form to write down one kind of journal entry
// shows.
type journalFormData struct {
	Kind      journal.Kind
	Whats     []journal.What
	Responses []journal.Response
	Scale     []int
	Form      *form
	// DraftSaved is when the half-written entry offered back was kept.
	DraftSaved *time.Time
}

// journalKindIn reads the kind of entry from the path.
func journalKindIn(r *http.Request) (journal.Kind, error) {
	k := journal.Kind(r.PathValue("kind"))
	if !k.Valid() {
		return "", errNotFound
	}
	return k, nil
}

// journalFields are the form's fields, kept as typed; the lists (what
// happened, what I did) are kept comma-separated.
var journalFields = []string{journal.FieldWhen + "-day", journal.FieldWhen + "-month", journal.FieldWhen + "-year", journal.FieldWhen + "-time",
	journal.FieldHappened, journal.FieldIntensity, journal.FieldTriggers, journal.FieldBody, journal.FieldDelayed, journal.FieldFollowUp,
	journal.FieldHurt, journal.FieldHurtWho, journal.FieldCalled, journal.FieldDid, journal.FieldFeeling, journal.FieldChild}

// journalDraft is the key under which a parent's half-written entry of
// one kind is kept, among the family's drafts.
func journalDraft(k journal.Kind) string { return "journal:" + string(k) }

// postedJournalForm reads a posted journal form as typed; the lists (what
// happened, what I did) are kept comma-separated.
func postedJournalForm(r *http.Request) *form {
	f := newForm()
	for _, k := range journalFields {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	f.Values[journal.FieldWhat] = strings.Join(r.PostForm[journal.FieldWhat], ",")
	f.Values[journal.FieldResponses] = strings.Join(r.PostForm[journal.FieldResponses], ",")
	return f
}

// saveJournalDraft keeps what a parent has typed so far into a journal
// form, as they type: nothing is lost when the phone locks or the session
// ends. It answers 204.
func (s *Server) saveJournalDraft(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	kind := journal.Kind(r.PostForm.Get("form"))
	if !kind.Valid() {
		return errNotFound
	}
	actor := actorFrom(r.Context())
	if err := s.db.SaveDraft(r.Context(), actor.OrgID, familyID, actor.UserID, journalDraft(kind), postedJournalForm(r).Values); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) journalForm(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	kind, err := journalKindIn(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	draft, err := s.db.LoadDraft(r.Context(), actor.OrgID, familyID, actor.UserID, journalDraft(kind))
	switch {
	case err == nil:
		f := newForm()
		f.Values = draft.Fields
		return s.renderJournalFormWithDraft(w, r, kind, f, &draft.UpdatedAt)
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	f := newForm()
	now := s.db.Now().In(s.zone)
	f.Values[journal.FieldWhen+"-day"], f.Values[journal.FieldWhen+"-month"], f.Values[journal.FieldWhen+"-year"] =
		strconv.Itoa(now.Day()), strconv.Itoa(int(now.Month())), strconv.Itoa(now.Year())
	f.Values[journal.FieldWhen+"-time"] = now.Format("15:04")
	return s.renderJournalForm(w, r, http.StatusOK, kind, f)
}

func (s *Server) renderJournalForm(w http.ResponseWriter, r *http.Request, status int, kind journal.Kind, f *form) error {
	d := journalFormData{Kind: kind, Whats: journal.Whats(), Responses: journal.Responses(), Scale: []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, Form: f}
	return s.render(w, r, status, "my_log", kind.Label(), d)
}

// renderJournalFormWithDraft offers back what the parent was writing.
func (s *Server) renderJournalFormWithDraft(w http.ResponseWriter, r *http.Request, kind journal.Kind, f *form, saved *time.Time) error {
	d := journalFormData{Kind: kind, Whats: journal.Whats(), Responses: journal.Responses(), Scale: []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, Form: f,
		DraftSaved: saved}
	return s.render(w, r, http.StatusOK, "my_log", kind.Label(), d)
}

// scaleValue reads a 0–10 answer; "" is no answer, and anything else that
// is not a whole number becomes -1, which the entry's rules refuse.
func scaleValue(v string) *int {
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		n = -1
	}
	return &n
}

// saveJournalEntry keeps what the parent wrote down. A hard moment that
// the safety rule flags raises an alert for the practitioner, and the
// parent is shown where to get help now.
func (s *Server) saveJournalEntry(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	kind, err := journalKindIn(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := postedJournalForm(r)
	e := journal.Entry{FamilyID: familyID, AuthorID: actor.UserID, Kind: kind, Happened: f.Values[journal.FieldHappened],
		Triggers: f.Values[journal.FieldTriggers], FollowUp: f.Values[journal.FieldFollowUp], HurtWho: f.Values[journal.FieldHurtWho],
		CalledFor: f.Values[journal.FieldCalled], Did: f.Values[journal.FieldDid], ChildResponse: f.Values[journal.FieldChild],
		Intensity: scaleValue(f.Values[journal.FieldIntensity]), Body: scaleValue(f.Values[journal.FieldBody]),
		Feeling: scaleValue(f.Values[journal.FieldFeeling]),
		Delayed: f.Values[journal.FieldDelayed] == "yes", Hurt: f.Values[journal.FieldHurt] == "yes"}
	for _, v := range r.PostForm[journal.FieldWhat] {
		e.What = append(e.What, journal.What(v))
	}
	for _, v := range r.PostForm[journal.FieldResponses] {
		e.Responses = append(e.Responses, journal.Response(v))
	}
	e.OccurredAt, _ = family.WhenFromParts(f.Values[journal.FieldWhen+"-day"], f.Values[journal.FieldWhen+"-month"], f.Values[journal.FieldWhen+"-year"],
		f.Values[journal.FieldWhen+"-time"], s.zone)
	for k, v := range e.Problems(s.db.Now()) {
		f.Add(k, v)
	}
	if !f.Valid() {
		// Without JavaScript, every submit keeps the draft too.
		if err := s.db.SaveDraft(r.Context(), actor.OrgID, familyID, actor.UserID, journalDraft(kind), f.Values); err != nil {
			return err
		}
		return s.renderJournalForm(w, r, http.StatusUnprocessableEntity, kind, f)
	}
	if err := s.recordChange(r, audit.Create, access.KindFamilyShared, familyID, "journal: "+string(kind)); err != nil {
		return err
	}
	saved, reasons, err := s.db.SaveJournalEntry(r.Context(), actor.OrgID, e)
	if err != nil {
		return err
	}
	if err := s.db.DiscardDraft(r.Context(), actor.OrgID, familyID, actor.UserID, journalDraft(kind)); err != nil {
		return err
	}
	if len(reasons) > 0 {
		http.Redirect(w, r, "/my/support?entry="+saved.ID, http.StatusSeeOther)
		return nil
	}
	s.flash(r, savedMessage(kind))
	http.Redirect(w, r, "/my", http.StatusSeeOther)
	return nil
}

// savedMessage thanks the parent for what they wrote down, plainly.
func savedMessage(k journal.Kind) string {
	switch k {
	case journal.HardMoment:
		return "Saved. Writing it down is part of the work: thank you."
	case journal.Gesture:
		return "Saved: your reconciliation gesture is in your journal."
	case journal.SelfCare:
		return "Saved. Looking after yourself matters."
	}
	return "Saved."
}

// picked reports whether value is among the comma-separated values a form
// field holds, for checkboxes.
func picked(f *form, name, value string) bool {
	return slices.Contains(strings.Split(f.Value(name), ","), value)
}
