package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/language"
	"github.com/steadfast-care/steadfast/internal/store"
)

// The resource types the audit trail records for changes to an
// organisation's respectful-language settings. They are not policy kinds:
// the policy decides on the organisation itself.
const (
	auditLanguageTerm     access.Kind = "language-term"
	auditLanguageBaseTerm access.Kind = "language-base-term"
)

// maxTryChars bounds the sample text an administrator can try the checker on.
const maxTryChars = 5000

// languageAdminData is what the respectful-language page shows.
type languageAdminData struct {
	Own  []store.LanguageTerm
	Base []baseTermRow
	Off  int // how many of Steadfast's terms are switched off
	Form *form
	// Tried is true when the page shows the result of trying the checker.
	Tried bool
	Hints languageHintsView
}

// baseTermRow is one of Steadfast's own terms and whether it is on.
type baseTermRow struct {
	language.Term
	Off bool
}

// languageAdmin checks that the actor may change the organisation's
// settings: administrators only.
func (s *Server) languageAdmin(r *http.Request) (*access.Actor, error) {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.Update, access.Resource{Kind: access.KindOrganisation, OrgID: actor.OrgID}); err != nil {
		return nil, err
	}
	return actor, nil
}

func (s *Server) adminLanguage(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.languageAdmin(r)
	if err != nil {
		return err
	}
	return s.renderLanguage(w, r, http.StatusOK, actor, languageAdminData{Form: newForm()})
}

func (s *Server) renderLanguage(w http.ResponseWriter, r *http.Request, status int, actor *access.Actor, data languageAdminData) error {
	own, err := s.db.ListLanguageTerms(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	disabled, err := s.db.DisabledLanguageTerms(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	off := map[string]bool{}
	for _, id := range disabled {
		off[id] = true
	}
	data.Own = own
	for _, t := range language.Base().Terms() {
		data.Base = append(data.Base, baseTermRow{Term: t, Off: off[t.ID]})
		if off[t.ID] {
			data.Off++
		}
	}
	return s.render(w, r, status, "admin_language", "Respectful language", data)
}

// adminLanguageAdd adds one of the organisation's own terms.
func (s *Server) adminLanguageAdd(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.languageAdmin(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, name := range []string{"term", "forms", "why", "suggestions", "label"} {
		f.Values[name] = strings.TrimSpace(r.PostForm.Get(name))
	}
	t := language.Term{
		Phrase: f.Values["term"], Forms: language.Lines(f.Values["forms"]), Why: f.Values["why"],
		Suggestions: language.Lines(f.Values["suggestions"]), Label: f.Values["label"] == "yes",
	}
	for _, p := range t.Validate() {
		f.Add(p.Field, p.Message)
	}
	if l := f.Values["label"]; l != "yes" && l != "no" {
		f.Add("label", "Select yes if the term labels a person rather than describing what happened")
	}
	if f.Valid() {
		added, err := s.db.AddLanguageTerm(r.Context(), actor.OrgID, actor.UserID, t)
		switch {
		case errors.Is(err, store.ErrAlreadyExists):
			f.Add("term", "Your organisation already has this term")
		case err != nil:
			return err
		default:
			if err := s.recordChange(r, audit.Create, auditLanguageTerm, added.ID, "respectful-language term added"); err != nil {
				return err
			}
			s.flash(r, "‘"+added.Phrase+"’ added. Steadfast will now suggest other words when someone writes it.")
			http.Redirect(w, r, "/admin/language#own-terms", http.StatusSeeOther)
			return nil
		}
	}
	return s.renderLanguage(w, r, http.StatusUnprocessableEntity, actor, languageAdminData{Form: f})
}

// adminLanguageRemoveConfirm asks before removing one of the organisation's terms.
func (s *Server) adminLanguageRemoveConfirm(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.languageAdmin(r)
	if err != nil {
		return err
	}
	t, err := s.db.LanguageTerm(r.Context(), actor.OrgID, r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "admin_language_remove", "Remove a term", t)
}

// adminLanguageRemove removes one of the organisation's terms.
func (s *Server) adminLanguageRemove(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.languageAdmin(r)
	if err != nil {
		return err
	}
	t, err := s.db.RemoveLanguageTerm(r.Context(), actor.OrgID, r.PathValue("id"))
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Delete, auditLanguageTerm, t.ID, "respectful-language term removed"); err != nil {
		return err
	}
	s.flash(r, "‘"+t.Phrase+"’ removed. Steadfast will no longer flag it.")
	http.Redirect(w, r, "/admin/language#own-terms", http.StatusSeeOther)
	return nil
}

// adminLanguageDisable switches off one of Steadfast's terms for the organisation.
func (s *Server) adminLanguageDisable(w http.ResponseWriter, r *http.Request) error {
	return s.switchBaseTerm(w, r, false)
}

// adminLanguageEnable switches one of Steadfast's terms back on.
func (s *Server) adminLanguageEnable(w http.ResponseWriter, r *http.Request) error {
	return s.switchBaseTerm(w, r, true)
}

func (s *Server) switchBaseTerm(w http.ResponseWriter, r *http.Request, on bool) error {
	actor, err := s.languageAdmin(r)
	if err != nil {
		return err
	}
	t, ok := language.Base().Lookup(r.PathValue("term"))
	if !ok {
		return errNotFound
	}
	what, message := "switched off", "‘"+t.Phrase+"’ switched off. Steadfast will no longer flag it for your organisation."
	if on {
		what, message = "switched on", "‘"+t.Phrase+"’ switched on. Steadfast will flag it again."
		err = s.db.EnableLanguageTerm(r.Context(), actor.OrgID, t.ID)
	} else {
		err = s.db.DisableLanguageTerm(r.Context(), actor.OrgID, t.ID, actor.UserID)
	}
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Update, auditLanguageBaseTerm, t.ID, "respectful-language term "+what); err != nil {
		return err
	}
	s.flash(r, message)
	http.Redirect(w, r, "/admin/language#steadfast-terms", http.StatusSeeOther)
	return nil
}

// adminLanguageTry shows the hints the organisation's checker gives for a
// sample text, as people will see them beside a field. Nothing is stored.
func (s *Server) adminLanguageTry(w http.ResponseWriter, r *http.Request) error {
	actor, err := s.languageAdmin(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values["sample"] = r.PostForm.Get("sample")
	switch {
	case strings.TrimSpace(f.Values["sample"]) == "":
		f.Add("sample", "Enter some text to check")
	case len([]rune(f.Values["sample"])) > maxTryChars:
		f.Add("sample", "The text to check must be 5,000 characters or fewer")
	}
	if !f.Valid() {
		return s.renderLanguage(w, r, http.StatusUnprocessableEntity, actor, languageAdminData{Form: f})
	}
	checker, err := s.languageChecker(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	return s.renderLanguage(w, r, http.StatusOK, actor, languageAdminData{
		Form: f, Tried: true, Hints: languageHints("sample", checker.Check(f.Values["sample"])),
	})
}
