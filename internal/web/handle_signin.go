package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// signInData is what the sign-in page shows.
type signInData struct {
	Form      *form
	SignedOut bool
	// PasswordSet means the person has just chosen a password through a
	// link and now signs in with it and their second factor.
	PasswordSet bool
	TimedOut    bool
	// Failed shows the advice for people who have tried many times. It is
	// shown after every failed sign-in alike, so it reveals no lock.
	Failed bool
}

func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) error {
	if actorFrom(r.Context()) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	q := r.URL.Query()
	return s.render(w, r, http.StatusOK, "sign_in", "Sign in", signInData{
		Form:        newForm(),
		SignedOut:   q.Get("signed-out") == "1",
		PasswordSet: q.Get("password-set") == "1",
		TimedOut:    q.Get("timed-out") == "1",
	})
}

// badCredentials is the one message for every failed sign-in, so that it
// reveals nothing about which emails have accounts, or which are locked.
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
	failed := func(status int) error {
		f.Add("email", badCredentials)
		return s.render(w, r, status, "sign_in", "Sign in", signInData{Form: f, Failed: true})
	}

	address, limited, err := s.addressLimited(w, r, audit.SignInFailed)
	if err != nil || limited {
		if err != nil {
			return err
		}
		return failed(http.StatusTooManyRequests)
	}

	user, ok, err := s.checkPassword(r, f.Values["email"], password)
	if err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	if !ok {
		// user.ID is "" for an unknown email: only the address is counted.
		if err := s.signInFailed(r, address, user, "password"); err != nil {
			return err
		}
		return failed(http.StatusUnauthorized)
	}

	hasSecondFactor, err := s.db.HasSecondFactor(r.Context(), user.ID)
	if err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	if hasSecondFactor {
		// Failures are cleared only once the code is right too, so a known
		// password cannot be used to keep guessing codes.
		if err := s.beginSecondStep(r.Context(), user); err != nil {
			return err
		}
		http.Redirect(w, r, "/sign-in/code", http.StatusSeeOther)
		return nil
	}
	return s.completeSignIn(w, r, user, false, "/")
}

// checkPassword reports whether email and password belong to an active,
// unlocked account. An unknown email costs the same hashing work as a known
// one, and a locked account is checked the same way, so that neither shows
// in how long the answer takes. The user is returned whenever the email is
// known, so that its failure can be counted.
func (s *Server) checkPassword(r *http.Request, email, password string) (access.User, bool, error) {
	user, err := s.db.UserByEmail(r.Context(), email)
	if errors.Is(err, store.ErrNotFound) {
		s.hasher.VerifyDummy(r.Context(), password)
		return access.User{}, false, nil
	}
	if err != nil {
		return access.User{}, false, err
	}
	locked, err := s.db.SignInLocked(r.Context(), user.ID)
	if err != nil {
		return access.User{}, false, err
	}
	verr := s.hasher.Verify(r.Context(), user.PasswordHash, password)
	if verr != nil && !errors.Is(verr, access.ErrPasswordMismatch) {
		return access.User{}, false, fmt.Errorf("check password: %w", verr)
	}
	return user, verr == nil && user.Active() && !locked, nil
}

// addressLimited reports whether the client's address has failed too often
// recently. When it has, the refusal is audited as failed and the response
// says when to try again.
func (s *Server) addressLimited(w http.ResponseWriter, r *http.Request, failed audit.Action) (string, bool, error) {
	address := clientAddress(r, s.cfg.TrustedProxyHeader)
	limited, err := s.db.AddressThrottled(r.Context(), address)
	if err != nil || !limited {
		return address, false, err
	}
	if err := s.record(r, audit.Event{Action: failed, Reason: "address-limit"}); err != nil {
		return address, true, err
	}
	w.Header().Set("Retry-After", strconv.Itoa(int(access.AddressWindow.Seconds())))
	return address, true, nil
}

// signInFailed counts a failed step against the address and the account (if
// the email was known) and records it, and the lock it may cause, in the
// audit trail. The audit reason says which step failed, never why.
func (s *Server) signInFailed(r *http.Request, address string, user access.User, step string) error {
	before, err := s.db.SignInLockout(r.Context(), user.ID)
	if err != nil && user.ID != "" {
		return fmt.Errorf("sign in: %w", err)
	}
	after, err := s.db.RecordSignInFailure(r.Context(), address, user.ID)
	if err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	if err := s.recordFor(r, user, audit.SignInFailed, step); err != nil {
		return err
	}
	if user.ID != "" && after.Locks > before.Locks {
		return s.recordFor(r, user, audit.AccountLocked, fmt.Sprintf("lock %d", after.Locks))
	}
	return nil
}

// completeSignIn clears the account's failures, starts its session, records
// the sign-in and sends the person on.
func (s *Server) completeSignIn(w http.ResponseWriter, r *http.Request, user access.User, secondFactor bool, next string) error {
	if err := s.db.RecordSignInSuccess(r.Context(), user.ID); err != nil {
		return fmt.Errorf("sign in: %w", err)
	}
	how := "password"
	if secondFactor {
		how = "password and second factor"
	}
	if err := s.recordFor(r, user, audit.SignIn, how); err != nil {
		return err
	}
	if err := s.startSession(r, user, secondFactor); err != nil {
		return err
	}
	s.log.InfoContext(r.Context(), "signed in", "request_id", requestIDFrom(r.Context()), "user", user, "second_factor", secondFactor)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) error {
	if actorFrom(r.Context()) != nil {
		if err := s.record(r, audit.Event{Action: audit.SignOut}); err != nil {
			return err
		}
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	http.Redirect(w, r, "/sign-in?signed-out=1", http.StatusSeeOther)
	return nil
}
