package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// setupData is what the first-run setup page shows.
type setupData struct {
	Form   *form
	Action string
}

// setupProblem renders the page that explains why a setup link cannot be used.
func (s *Server) setupProblem(w http.ResponseWriter, r *http.Request, err error) error {
	switch {
	case errors.Is(err, store.ErrSetupDone):
		return s.render(w, r, http.StatusGone, "setup_done", "Steadfast is already set up", nil)
	case errors.Is(err, store.ErrNotFound):
		return s.render(w, r, http.StatusNotFound, "setup_invalid", "This setup link cannot be used", nil)
	}
	return err
}

func (s *Server) setupPage(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	if err := s.db.SetupTokenValid(r.Context(), token); err != nil {
		return s.setupProblem(w, r, err)
	}
	return s.render(w, r, http.StatusOK, "setup", "Set up Steadfast", setupData{Form: newForm(), Action: r.URL.Path})
}

func (s *Server) setupSubmit(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	if err := s.db.SetupTokenValid(r.Context(), token); err != nil {
		return s.setupProblem(w, r, err)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("read setup form: %w", err)
	}
	f := newForm()
	for _, k := range []string{"organisation", "name", "email"} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	password, confirm := r.PostForm.Get("password"), r.PostForm.Get("password-confirm")
	f.Add("organisation", access.NameProblem(f.Values["organisation"], "the name of your organisation"))
	f.Add("name", access.NameProblem(f.Values["name"], "your full name"))
	f.Add("email", access.EmailProblem(f.Values["email"]))
	f.Add("password", access.PasswordProblem(password, false))
	if f.Error("password") == "" && password != confirm {
		f.Add("password-confirm", "The passwords do not match. Type the same password twice.")
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "setup", "Set up Steadfast", setupData{Form: f, Action: r.URL.Path})
	}
	hash, err := s.hasher.Hash(r.Context(), password)
	if err != nil {
		return fmt.Errorf("hash first admin password: %w", err)
	}
	if err := s.record(r, audit.Event{Action: audit.Create, Reason: "first-run setup requested"}); err != nil {
		return err
	}
	admin, err := s.db.CompleteSetup(r.Context(), token, store.FirstAdmin{
		OrganisationName: f.Values["organisation"], Name: f.Values["name"], Email: f.Values["email"], PasswordHash: hash,
	})
	if err != nil {
		return s.setupProblem(w, r, err)
	}
	if err := s.recordFor(r, admin, audit.Create, "organisation and first administrator set up"); err != nil {
		return err
	}
	if err := s.startSession(r, admin, false); err != nil {
		return err
	}
	s.log.InfoContext(r.Context(), "setup complete", "request_id", requestIDFrom(r.Context()), "user", admin)
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
