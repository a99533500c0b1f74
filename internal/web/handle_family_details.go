package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// detailsData is what the page of a family's contexts, consents and status shows.
type detailsData struct {
	Family       store.Family
	Contexts     []family.Context
	Consents     []family.Consent
	ContextKinds []family.ContextKind
	ConsentKinds []family.ConsentKind
	ContextForm  *form
	ConsentForm  *form
	StatusForm   *form
	Allocations  []store.Allocation
	// CanEndAllocations is true for those who manage the family's allocation.
	CanEndAllocations bool
}

// detailsPage shows, and offers to change, the context a family is in, what
// it has agreed to, and whether its record is open.
func (s *Server) detailsPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	return s.renderDetails(w, r, http.StatusOK, id, newForm(), newForm(), newForm())
}

// renderDetails shows the details page with its three forms, checking the
// wording of a context's detail and of the reason for closing. Who agreed
// to what is a name and a choice, so the consent form is not checked.
func (s *Server) renderDetails(w http.ResponseWriter, r *http.Request, status int, id string, ctxForm, consentForm, statusForm *form) error {
	actor := actorFrom(r.Context())
	if err := s.checkFields(r, ctxForm, "detail"); err != nil {
		return err
	}
	if err := s.checkFields(r, statusForm, "reason"); err != nil {
		return err
	}
	f, err := s.db.FamilyInOrg(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	d := detailsData{Family: f, ContextKinds: family.ContextKinds(), ConsentKinds: family.ConsentKinds(),
		ContextForm: ctxForm, ConsentForm: consentForm, StatusForm: statusForm}
	if d.Contexts, err = s.db.Contexts(r.Context(), actor.OrgID, id); err != nil {
		return err
	}
	if d.Consents, err = s.db.Consents(r.Context(), actor.OrgID, id); err != nil {
		return err
	}
	if d.Allocations, err = s.db.AllocationHistory(r.Context(), actor.OrgID, id); err != nil {
		return err
	}
	rel, err := s.db.FamilyRelationship(r.Context(), *actor, id)
	if err != nil {
		return err
	}
	d.CanEndAllocations = access.Can(*actor, access.Update, access.Resource{Kind: access.KindAllocation, ID: id, OrgID: actor.OrgID, Relationship: rel}).Allowed
	return s.render(w, r, status, "family_details", "Context, consent and status", d)
}

func (s *Server) addContext(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range []string{"kind", "detail", "started-day", "started-month", "started-year"} {
		f.Values[k] = r.PostForm.Get(k)
	}
	if checkOnly(r) {
		return s.renderDetails(w, r, http.StatusOK, id, f, newForm(), newForm())
	}
	started, ok := family.DateFromParts(f.Values["started-day"], f.Values["started-month"], f.Values["started-year"])
	c := family.Context{FamilyID: id, Kind: family.ContextKind(f.Values["kind"]), Detail: f.Values["detail"], StartedOn: started,
		RecordedBy: actorFrom(r.Context()).UserID}
	for field, problem := range c.Problems(s.db.Now()) {
		f.Add(field, problem)
	}
	if !ok && f.Error("started") == "" {
		f.Add("started", "Enter a real date, for example 3 9 2026")
	}
	if !f.Valid() {
		return s.renderDetails(w, r, http.StatusUnprocessableEntity, id, f, newForm(), newForm())
	}
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "context added: "+string(c.Kind)); err != nil {
		return err
	}
	if _, err := s.db.AddContext(r.Context(), actorFrom(r.Context()).OrgID, c); err != nil {
		return err
	}
	s.flash(r, c.Kind.Label()+" added.")
	http.Redirect(w, r, "/families/"+id+"/details", http.StatusSeeOther)
	return nil
}

func (s *Server) endContext(w http.ResponseWriter, r *http.Request) error {
	return s.changeFamilyItem(w, r, "context", "context ended: ", "Recorded as ended today. It stays in the family's history.",
		func(orgID, familyID, itemID string) error {
			return s.db.EndContext(r.Context(), orgID, familyID, itemID, s.db.Now().In(ukTime()).Format("2006-01-02"))
		})
}

// changeFamilyItem makes one audited change to an item of a family's record
// named in the path by param, then returns to the details page with done.
func (s *Server) changeFamilyItem(w http.ResponseWriter, r *http.Request, param, what, done string, change func(orgID, familyID, itemID string) error) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	itemID := r.PathValue(param)
	if !ids.Valid(itemID) {
		return errNotFound
	}
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, what+itemID); err != nil {
		return err
	}
	err = change(actorFrom(r.Context()).OrgID, id, itemID)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	s.flash(r, done)
	http.Redirect(w, r, "/families/"+id+"/details", http.StatusSeeOther)
	return nil
}

func (s *Server) recordConsent(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range []string{"kind", "how", "given-by"} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	c := family.Consent{FamilyID: id, Kind: family.ConsentKind(f.Values["kind"]), How: family.ConsentHow(f.Values["how"]), GivenBy: f.Values["given-by"]}
	for field, problem := range c.Problems() {
		f.Add(field, problem)
	}
	if !f.Valid() {
		return s.renderDetails(w, r, http.StatusUnprocessableEntity, id, newForm(), f, newForm())
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "consent recorded: "+string(c.Kind)); err != nil {
		return err
	}
	if _, err := s.db.RecordConsent(r.Context(), actor.OrgID, actor.UserID, c); err != nil {
		return err
	}
	s.flash(r, "Consent recorded.")
	http.Redirect(w, r, "/families/"+id+"/details", http.StatusSeeOther)
	return nil
}

func (s *Server) withdrawConsent(w http.ResponseWriter, r *http.Request) error {
	return s.changeFamilyItem(w, r, "consent", "consent withdrawn: ", "Consent withdrawn. It stops applying everywhere straight away.",
		func(orgID, familyID, itemID string) error {
			return s.db.WithdrawConsent(r.Context(), orgID, familyID, itemID, actorFrom(r.Context()).UserID)
		})
}

func (s *Server) setStatus(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	open := r.PostForm.Get("status") == "open"
	f := newForm()
	f.Values["reason"] = r.PostForm.Get("reason")
	if checkOnly(r) {
		return s.renderDetails(w, r, http.StatusOK, id, newForm(), newForm(), f)
	}
	reason := strings.TrimSpace(f.Values["reason"])
	if !open && reason == "" {
		f.Add("reason", "Say why the family's record is closing")
		return s.renderDetails(w, r, http.StatusUnprocessableEntity, id, newForm(), newForm(), f)
	}
	what := "record reopened"
	if !open {
		what = "record closed"
	}
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, what); err != nil {
		return err
	}
	if err := s.db.SetFamilyStatus(r.Context(), actorFrom(r.Context()).OrgID, id, open, reason); err != nil {
		return err
	}
	if open {
		s.flash(r, "The family's record is open again.")
	} else {
		s.flash(r, "The family's record is closed. Everything in it is kept.")
	}
	http.Redirect(w, r, "/families/"+id+"/details", http.StatusSeeOther)
	return nil
}
