package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// setPasswordData is what the set-password page shows.
type setPasswordData struct {
	Form   *form
	Name   string
	Action string
}

func (s *Server) setPasswordPage(w http.ResponseWriter, r *http.Request) error {
	u, err := s.db.PasswordLinkUser(r.Context(), r.PathValue("token"))
	if errors.Is(err, store.ErrNotFound) {
		return s.render(w, r, http.StatusNotFound, "set_password_invalid", "This link cannot be used", nil)
	}
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "set_password", "Choose your password",
		setPasswordData{Form: newForm(), Name: u.Name, Action: r.URL.Path})
}

func (s *Server) setPasswordSubmit(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	u, err := s.db.PasswordLinkUser(r.Context(), token)
	if errors.Is(err, store.ErrNotFound) {
		return s.render(w, r, http.StatusNotFound, "set_password_invalid", "This link cannot be used", nil)
	}
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	password, confirm := r.PostForm.Get("password"), r.PostForm.Get("password-confirm")
	f.Add("password", access.PasswordProblem(password, false))
	if f.Valid() && password != confirm {
		f.Add("password-confirm", "The passwords do not match. Type the same password twice.")
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "set_password", "Choose your password",
			setPasswordData{Form: f, Name: u.Name, Action: r.URL.Path})
	}
	hash, err := s.hasher.Hash(r.Context(), password)
	if err != nil {
		return fmt.Errorf("hash new password: %w", err)
	}
	if err := s.recordFor(r, u, audit.PasswordChange, "set through a one-time link"); err != nil {
		return err
	}
	u, err = s.db.UsePasswordLink(r.Context(), token, hash)
	if errors.Is(err, store.ErrNotFound) {
		return s.render(w, r, http.StatusNotFound, "set_password_invalid", "This link cannot be used", nil)
	}
	if err != nil {
		return err
	}
	// A link must never get round a second factor: someone who has one
	// signs in with it as usual.
	hasSecondFactor, err := s.db.HasSecondFactor(r.Context(), u.ID)
	if err != nil {
		return err
	}
	if hasSecondFactor {
		http.Redirect(w, r, "/sign-in?password-set=1", http.StatusSeeOther)
		return nil
	}
	if err := s.startSession(r, u, false); err != nil {
		return err
	}
	s.flash(r, "Your password is set. Welcome to Steadfast.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
