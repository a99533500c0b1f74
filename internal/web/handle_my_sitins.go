package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// The sit-in: a parent plans one at /my/sit-ins/new, answering a hard
// moment of their own journal, changes the plan at /my/sit-ins/{id}, and
// records it as done at /my/sit-ins/{id}/done. The rules are in
// internal/journal (sitin.go).

// Bounds on the sit-in pages.
const (
	sitInsListed  = 50 // sit-ins on the list
	sitInMoments  = 20 // recent hard moments offered to answer
	sitInsHeading = "Sit-ins"
)

// sitInFields are the plan's and the record's typed fields.
var (
	sitInPlanFields = []string{journal.FieldSitInEntry, journal.FieldSitInWith, journal.FieldSitInWillSay}
	sitInDoneFields = []string{journal.FieldSitInMinutes, journal.FieldSitInSaid, journal.FieldSitInProposal}
	sitInWhenFields = []string{"when-day", "when-month", "when-year", "when-time"}
)

// sitInsData is what the list of sit-ins shows, to the parent and, read
// only, to the family's workers.
type sitInsData struct {
	Own    bool
	Family store.Family // the staff's page only
	SitIns []journal.SitIn
}

// sitInFormData is what the forms to plan a sit-in and to record it as
// done show.
type sitInFormData struct {
	SitIn   journal.SitIn // the sit-in changed, or its ID "" for a new plan
	Moments []journal.Entry
	Form    *form
}

// mySitIns lists the parent's sit-ins.
func (s *Server) mySitIns(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	list, err := s.db.SitIns(r.Context(), actorFrom(r.Context()).OrgID, familyID, sitInsListed)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "my_sitins", "Your sit-ins", sitInsData{Own: true, SitIns: list})
}

// newSitInPage shows the form to plan a sit-in.
func (s *Server) newSitInPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	f := newForm()
	f.Values[journal.FieldSitInWillSay] = journal.DefaultWillSay
	if m := r.URL.Query().Get("moment"); ids.Valid(m) {
		f.Values[journal.FieldSitInEntry] = m
	}
	return s.renderSitInPlan(w, r, http.StatusOK, familyID, journal.SitIn{}, f)
}

// renderSitInPlan shows the plan form with the family's recent hard
// moments to choose from.
func (s *Server) renderSitInPlan(w http.ResponseWriter, r *http.Request, status int, familyID string, si journal.SitIn, f *form) error {
	page, err := s.db.Journal(r.Context(), actorFrom(r.Context()).OrgID, familyID, store.JournalFilter{Kind: journal.HardMoment}, sitInMoments, 0)
	if err != nil {
		return err
	}
	moments := page.Entries
	if si.EntryID != "" && !hasEntry(moments, si.EntryID) {
		if e, err := s.db.JournalEntry(r.Context(), actorFrom(r.Context()).OrgID, familyID, si.EntryID); err == nil {
			moments = append(moments, e)
		}
	}
	title := "Plan a sit-in"
	if si.ID != "" {
		title = "Your planned sit-in"
	}
	return s.render(w, r, status, "my_sitin_plan", title, sitInFormData{SitIn: si, Moments: moments, Form: f})
}

// hasEntry reports whether id is among entries.
func hasEntry(entries []journal.Entry, id string) bool {
	for _, e := range entries {
		if e.ID == id {
			return true
		}
	}
	return false
}

// sitInMoment reads the hard moment a form chose from the family's own
// journal, or nil when it is not one of theirs.
func (s *Server) sitInMoment(r *http.Request, familyID, id string) (*journal.Entry, error) {
	if !ids.Valid(id) {
		return nil, nil
	}
	e, err := s.db.JournalEntry(r.Context(), actorFrom(r.Context()).OrgID, familyID, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// readSitInForm copies the posted fields into f and returns the time typed.
func readSitInForm(r *http.Request, f *form, fields []string) time.Time {
	for _, k := range append(append([]string{}, fields...), sitInWhenFields...) {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	at, _ := family.WhenFromParts(f.Value("when-day"), f.Value("when-month"), f.Value("when-year"), f.Value("when-time"), ukTime())
	return at
}

// addSitIn saves a new plan.
func (s *Server) addSitIn(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	return s.saveSitInPlan(w, r, familyID, journal.SitIn{FamilyID: familyID, Status: journal.SitInPlanned})
}

// saveSitInPlan checks and keeps the posted plan of si, new when si.ID is
// "", showing the form again, with all that was typed, when it is refused.
func (s *Server) saveSitInPlan(w http.ResponseWriter, r *http.Request, familyID string, si journal.SitIn) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	si.PlannedFor = readSitInForm(r, f, sitInPlanFields)
	si.EntryID, si.With, si.WillSay = f.Value(journal.FieldSitInEntry), f.Value(journal.FieldSitInWith), f.Value(journal.FieldSitInWillSay)
	moment, err := s.sitInMoment(r, familyID, si.EntryID)
	if err != nil {
		return err
	}
	for k, v := range si.PlanProblems(s.db.Now(), moment) {
		f.Add(k, v)
	}
	if !f.Valid() {
		return s.renderSitInPlan(w, r, http.StatusUnprocessableEntity, familyID, si, f)
	}
	actor := actorFrom(r.Context())
	if si.ID == "" {
		if err := s.recordChange(r, audit.Create, access.KindFamilyShared, familyID, "sit-in planned"); err != nil {
			return err
		}
		if si, err = s.db.AddSitIn(r.Context(), actor.OrgID, actor.UserID, si); err != nil {
			return err
		}
		s.flash(r, "Your sit-in is planned. You can change the plan until you have done it.")
	} else {
		if err := s.recordChange(r, audit.Update, access.KindFamilyShared, familyID, "sit-in plan changed: "+si.ID); err != nil {
			return err
		}
		if _, err := s.db.UpdateSitIn(r.Context(), actor.OrgID, si); err != nil {
			return sitInSaveError(err)
		}
		s.flash(r, "Your plan is changed.")
	}
	http.Redirect(w, r, "/my/sit-ins", http.StatusSeeOther)
	return nil
}

// sitInSaveError answers a sit-in that is no longer planned, or not the
// family's, with not found.
func sitInSaveError(err error) error {
	if errors.Is(err, store.ErrConflict) {
		return errNotFound
	}
	return err
}

// ownSitIn reads the sit-in named in the path, of the parent's family,
// after the policy allowed action; one of any other family is not found.
func (s *Server) ownSitIn(r *http.Request, action access.Action) (journal.SitIn, error) {
	familyID, err := s.ownFamily(r, action)
	if err != nil {
		return journal.SitIn{}, err
	}
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return journal.SitIn{}, errNotFound
	}
	return s.db.SitIn(r.Context(), actorFrom(r.Context()).OrgID, familyID, id)
}

// sitInPage shows one of the parent's sit-ins: a planned one in its form,
// to change or to record as done; a done one as it was recorded.
func (s *Server) sitInPage(w http.ResponseWriter, r *http.Request) error {
	si, err := s.ownSitIn(r, access.Read)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, si.FamilyID, "sit-in read: "+si.ID); err != nil {
		return err
	}
	if si.CanChange() != "" {
		return s.render(w, r, http.StatusOK, "my_sitin", "Your sit-in", si)
	}
	f := newForm()
	f.Values[journal.FieldSitInEntry], f.Values[journal.FieldSitInWith], f.Values[journal.FieldSitInWillSay] = si.EntryID, si.With, si.WillSay
	fillWhen(f, si.PlannedFor)
	return s.renderSitInPlan(w, r, http.StatusOK, si.FamilyID, si, f)
}

// fillWhen puts t into the form's date and time fields, in UK time.
func fillWhen(f *form, t time.Time) {
	if t.IsZero() {
		return
	}
	t = t.In(ukTime())
	f.Values["when-day"], f.Values["when-month"], f.Values["when-year"], f.Values["when-time"] = t.Format("2"), t.Format("1"), t.Format("2006"), t.Format("15:04")
}

// saveSitIn changes a planned sit-in.
func (s *Server) saveSitIn(w http.ResponseWriter, r *http.Request) error {
	si, err := s.ownSitIn(r, access.Update)
	if err != nil {
		return err
	}
	if si.CanChange() != "" {
		return errNotFound
	}
	return s.saveSitInPlan(w, r, si.FamilyID, si)
}

// sitInDonePage shows the form to record a planned sit-in as done.
func (s *Server) sitInDonePage(w http.ResponseWriter, r *http.Request) error {
	si, err := s.ownSitIn(r, access.Update)
	if err != nil {
		return err
	}
	if si.CanChange() != "" {
		return errNotFound
	}
	f := newForm()
	f.Values[journal.FieldSitInSaid] = si.WillSay
	if !si.PlannedFor.After(s.db.Now()) {
		fillWhen(f, si.PlannedFor)
	}
	return s.render(w, r, http.StatusOK, "my_sitin_done", "Record your sit-in", sitInFormData{SitIn: si, Form: f})
}

// markSitInDone records a planned sit-in as done, showing the form again,
// with all that was typed, when it is refused.
func (s *Server) markSitInDone(w http.ResponseWriter, r *http.Request) error {
	si, err := s.ownSitIn(r, access.Update)
	if err != nil {
		return err
	}
	if si.CanChange() != "" {
		return errNotFound
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	planned := si
	si.Status, si.DoneAt = journal.SitInDone, readSitInForm(r, f, sitInDoneFields)
	si.Said, si.Proposal = f.Value(journal.FieldSitInSaid), f.Value(journal.FieldSitInProposal)
	si.Minutes = -1
	if m, err := strconv.Atoi(f.Value(journal.FieldSitInMinutes)); err == nil {
		si.Minutes = m
	}
	moment, err := s.sitInMoment(r, si.FamilyID, si.EntryID)
	if err != nil {
		return err
	}
	for k, v := range si.DoneProblems(s.db.Now(), moment) {
		f.Add(k, v)
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "my_sitin_done", "Record your sit-in", sitInFormData{SitIn: planned, Form: f})
	}
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, si.FamilyID, "sit-in done: "+si.ID); err != nil {
		return err
	}
	if _, err := s.db.UpdateSitIn(r.Context(), actorFrom(r.Context()).OrgID, si); err != nil {
		return sitInSaveError(err)
	}
	s.flash(r, "Your sit-in is recorded. Sitting calmly took courage, whatever your child said.")
	http.Redirect(w, r, "/my/sit-ins/"+si.ID, http.StatusSeeOther)
	return nil
}

// cancelSitInConfirm asks before a planned sit-in is called off.
func (s *Server) cancelSitInConfirm(w http.ResponseWriter, r *http.Request) error {
	si, err := s.ownSitIn(r, access.Update)
	if err != nil {
		return err
	}
	if si.CanChange() != "" {
		return errNotFound
	}
	return s.renderConfirm(w, r, confirmData{Caption: "Your sit-ins", Title: "Call this sit-in off?",
		Body: []string{"It was planned for " + si.PlannedFor.In(ukTime()).Format("Monday 2 January at 15:04") + " with " + si.With + ".",
			"It will be kept, marked as called off, and you will not be able to change it. You can plan another whenever you are ready."},
		Action: r.URL.Path, Button: "Call it off", Back: "/my/sit-ins/" + si.ID})
}

// cancelSitIn calls a planned sit-in off.
func (s *Server) cancelSitIn(w http.ResponseWriter, r *http.Request) error {
	si, err := s.ownSitIn(r, access.Update)
	if err != nil {
		return err
	}
	if si.CanChange() != "" {
		return errNotFound
	}
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, si.FamilyID, "sit-in called off: "+si.ID); err != nil {
		return err
	}
	if err := s.db.CancelSitIn(r.Context(), actorFrom(r.Context()).OrgID, si.FamilyID, si.ID); err != nil {
		return sitInSaveError(err)
	}
	s.flash(r, "Sit-in called off.")
	http.Redirect(w, r, "/my/sit-ins", http.StatusSeeOther)
	return nil
}
