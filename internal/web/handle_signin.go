package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
)

// signInData is what the sign-in page shows.
type signInData struct {
	Form      *form
	SignedOut bool
}

func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) error {
	if actorFrom(r.Context()) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, http.StatusOK, "sign_in", "Sign in", signInData{
		Form:      newForm(),
		SignedOut: r.URL.Query().Get("signed-out") == "1",
	})
}

// badCredentials is the one message for every failed sign-in, so that it
// reveals nothing about which emails have accounts.
const badCredentials = "The email address or password is not right. Check them and try again."

func (s *Server) signInSubmit(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("read sign-in form: %w", err)
	}
	f := newForm()
	f.Values["email"] = r.PostForm.Get("email")
	password := r.PostForm.Get("password")
	if access.NormaliseEmail(f.Values["email"]) == "" {
		f.Add("email", "Enter your email address")
	}
	if password == "" {
		f.Add("password", "Enter your password")
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "sign_in", "Sign in", signInData{Form: f})
	}

	user, err := s.db.UserByEmail(r.Context(), f.Values["email"])
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.hasher.VerifyDummy(r.Context(), password)
	case err != nil:
		return fmt.Errorf("sign in: %w", err)
	default:
		verr := s.hasher.Verify(r.Context(), user.PasswordHash, password)
		if verr == nil && user.Active() {
			if err := s.startSession(r.Context(), user); err != nil {
				return err
			}
			s.log.InfoContext(r.Context(), "signed in", "request_id", requestIDFrom(r.Context()), "user", user)
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return nil
		}
		if verr != nil && !errors.Is(verr, access.ErrPasswordMismatch) {
			return fmt.Errorf("check password: %w", verr)
		}
	}
	f.Add("email", badCredentials)
	return s.render(w, r, http.StatusUnauthorized, "sign_in", "Sign in", signInData{Form: f})
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) error {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	http.Redirect(w, r, "/sign-in?signed-out=1", http.StatusSeeOther)
	return nil
}
