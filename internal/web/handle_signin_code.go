package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// badCode is the one message for every wrong code, locked account or not.
const badCode = "The code is not right. Enter the code your app shows now, or one of your recovery codes."

// signInCodeData is what the second sign-in step shows.
type signInCodeData struct {
	Form   *form
	Failed bool // show the advice for people who have tried many times
}

// signInCodePage asks for the code from the authenticator app, after a right
// password. Without one, there is nothing to ask for: back to the start.
func (s *Server) signInCodePage(w http.ResponseWriter, r *http.Request) error {
	if s.pendingUser(r.Context()) == "" {
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, http.StatusOK, "sign_in_code", "Enter your code", signInCodeData{Form: newForm()})
}

func (s *Server) signInCodeSubmit(w http.ResponseWriter, r *http.Request) error {
	userID := s.pendingUser(r.Context())
	if userID == "" {
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("read sign-in code form: %w", err)
	}
	f := newForm()
	code := access.NormaliseCode(r.PostForm.Get("code"))
	if code == "" {
		f.Add("code", "Enter the 6-digit code from your authenticator app")
		return s.render(w, r, http.StatusUnprocessableEntity, "sign_in_code", "Enter your code", signInCodeData{Form: f})
	}
	failed := func(status int) error {
		f.Add("code", badCode)
		return s.render(w, r, status, "sign_in_code", "Enter your code", signInCodeData{Form: f, Failed: true})
	}

	address, limited, err := s.addressLimited(w, r, audit.MFAFailed)
	if err != nil || limited {
		if err != nil {
			return err
		}
		return failed(http.StatusTooManyRequests)
	}
	user, err := s.db.UserByID(r.Context(), userID)
	if err != nil {
		return fmt.Errorf("sign-in code: %w", err)
	}
	// A password changed or reset since the password step ends this sign-in.
	changed, err := s.db.UserChangedSince(r.Context(), userID, time.UnixMicro(s.sessions.GetInt64(r.Context(), sessionPendingSince)))
	if err != nil {
		return fmt.Errorf("sign-in code: %w", err)
	}
	if changed {
		if err := s.sessions.Destroy(r.Context()); err != nil {
			return fmt.Errorf("sign-in code: %w", err)
		}
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return nil
	}
	ok, usedRecoveryCode, err := s.checkSecondFactor(r, user, code)
	if err != nil {
		return fmt.Errorf("sign-in code: %w", err)
	}
	if !ok {
		// Wrong codes count towards the account's lock, like wrong passwords.
		if err := s.signInFailed(r, address, user, "second factor"); err != nil {
			return err
		}
		return failed(http.StatusUnauthorized)
	}
	next := "/"
	if usedRecoveryCode {
		next = "/account?recovery-code-used=1"
		if err := s.recordFor(r, user, audit.RecoveryCodeUsed, ""); err != nil {
			return err
		}
	} else if err := s.recordFor(r, user, audit.MFAVerify, "authenticator app"); err != nil {
		return err
	}
	return s.completeSignIn(w, r, user, true, next)
}

// checkSecondFactor reports whether code is the user's current app code or
// one of their unused recovery codes, using it up. A disabled or locked
// account's code is never checked, so it cannot be used up or learnt.
func (s *Server) checkSecondFactor(r *http.Request, user access.User, code string) (ok, recovery bool, err error) {
	locked, err := s.db.SignInLocked(r.Context(), user.ID)
	if err != nil || locked || !user.Active() {
		return false, false, err
	}
	if access.LooksLikeTOTPCode(code) {
		ok, err := s.db.CheckTOTP(r.Context(), user.ID, code)
		if errors.Is(err, store.ErrNotFound) {
			return false, false, nil // the second factor was reset meanwhile
		}
		return ok, false, err
	}
	ok, err = s.db.UseRecoveryCode(r.Context(), user.ID, code)
	return ok, ok, err
}
