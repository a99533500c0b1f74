package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// accountData is what the account page shows.
type accountData struct {
	SecondFactor     *store.SecondFactor // nil when not set up
	SecondFactorNeed bool                // the person's role requires one
	PasswordChanged  bool
	RecoveryCodeUsed bool
}

// accountPage gathers what a person can do about their own sign-in.
func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	data := accountData{
		SecondFactorNeed: actor.Role.RequiresSecondFactor() && !s.cfg.Demo,
		PasswordChanged:  r.URL.Query().Get("password-changed") == "1",
		RecoveryCodeUsed: r.URL.Query().Get("recovery-code-used") == "1",
	}
	sf, err := s.db.SecondFactor(r.Context(), actor.UserID)
	switch {
	case err == nil:
		data.SecondFactor = &sf
	case !errors.Is(err, store.ErrNotFound):
		return fmt.Errorf("account: %w", err)
	}
	return s.render(w, r, http.StatusOK, "account", "Your account", data)
}

// passwordData is what the change-password page shows.
type passwordData struct {
	Form      *form
	MinLength int
}

func (s *Server) passwordPage(w http.ResponseWriter, r *http.Request) error {
	minimum, err := s.minPasswordLength(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "account_password", "Change your password", passwordData{Form: newForm(), MinLength: minimum})
}

// minPasswordLength is the shortest new password the signed-in person may choose.
func (s *Server) minPasswordLength(r *http.Request) (int, error) {
	has, err := s.db.HasSecondFactor(r.Context(), actorFrom(r.Context()).UserID)
	if err != nil {
		return 0, fmt.Errorf("change password: %w", err)
	}
	if has {
		return access.MinPasswordLengthWithMFA, nil
	}
	return access.MinPasswordLength, nil
}

// passwordSubmit changes the password after checking the current one, and
// signs the person out everywhere else.
func (s *Server) passwordSubmit(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("read change-password form: %w", err)
	}
	actor := actorFrom(r.Context())
	minimum, err := s.minPasswordLength(r)
	if err != nil {
		return err
	}
	current, next, confirm := r.PostForm.Get("current-password"), r.PostForm.Get("new-password"), r.PostForm.Get("new-password-confirm")
	f := newForm()
	if current == "" {
		f.Add("current-password", "Enter your current password")
	}
	f.Add("new-password", access.PasswordProblem(next, minimum == access.MinPasswordLengthWithMFA))
	if f.Error("new-password") == "" && next != confirm {
		f.Add("new-password-confirm", "The new passwords do not match. Type the same password twice.")
	}
	if current != "" {
		ok, err := s.checkCurrentPassword(r, actor.UserID, current)
		if err != nil {
			return err
		}
		if !ok {
			f.Errors = append([]fieldError{{Field: "current-password", Message: "Your current password is not right"}}, f.Errors...)
		}
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "account_password", "Change your password", passwordData{Form: f, MinLength: minimum})
	}
	hash, err := s.hasher.Hash(r.Context(), next)
	if err != nil {
		return fmt.Errorf("hash new password: %w", err)
	}
	if err := s.record(r, audit.Event{Action: audit.PasswordChange, Reason: "changed by the person, other sessions ended"}); err != nil {
		return err
	}
	if err := s.db.ChangePassword(r.Context(), actor.UserID, hash, s.sessions.Token(r.Context())); err != nil {
		return err
	}
	if err := s.renewToken(r.Context()); err != nil {
		return err
	}
	s.log.InfoContext(r.Context(), "password changed", "request_id", requestIDFrom(r.Context()), "actor", actor)
	http.Redirect(w, r, "/account?password-changed=1", http.StatusSeeOther)
	return nil
}

// checkCurrentPassword verifies a signed-in person's password. A wrong one
// counts towards the account's lock, as at sign-in, so a session left open
// cannot be used to guess it; a locked account's is never right.
func (s *Server) checkCurrentPassword(r *http.Request, userID, password string) (bool, error) {
	user, err := s.db.UserByID(r.Context(), userID)
	if err != nil {
		return false, fmt.Errorf("change password: %w", err)
	}
	locked, err := s.db.SignInLocked(r.Context(), userID)
	if err != nil {
		return false, fmt.Errorf("change password: %w", err)
	}
	verr := s.hasher.Verify(r.Context(), user.PasswordHash, password)
	if verr != nil && !errors.Is(verr, access.ErrPasswordMismatch) {
		return false, fmt.Errorf("check current password: %w", verr)
	}
	if verr == nil && !locked {
		return true, nil
	}
	if _, err := s.db.RecordSignInFailure(r.Context(), clientAddress(r, s.cfg.TrustedProxyHeader), userID); err != nil {
		return false, fmt.Errorf("change password: %w", err)
	}
	return false, nil
}
