package web

import (
	"fmt"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
)

// totpIssuer is the name authenticator apps show beside the code.
const totpIssuer = "Steadfast"

// enrolData is what the set-up page shows.
type enrolData struct {
	Form     *form
	QR       qrImage
	Secret   string // grouped for reading
	Required bool   // the person's role needs this before anything else
}

// enrolPage shows a new authenticator secret as a QR code and as text, and
// asks for a code to confirm it. The secret waits in the session, and the
// same one is shown until it is confirmed, so reloading the page is safe.
func (s *Server) enrolPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	has, err := s.db.HasSecondFactor(r.Context(), actor.UserID)
	if err != nil {
		return fmt.Errorf("two-step set-up: %w", err)
	}
	if has {
		return s.alreadyEnrolled(w, r)
	}
	secret := s.sessions.GetString(r.Context(), sessionEnrolSecret)
	if secret == "" {
		key, err := access.NewTOTPKey(totpIssuer, actor.Email)
		if err != nil {
			return err
		}
		secret = key.Secret
		s.sessions.Put(r.Context(), sessionEnrolSecret, secret)
	}
	return s.renderEnrol(w, r, http.StatusOK, newForm(), secret)
}

// alreadyEnrolled answers a person who has an authenticator app already. A
// session that has not passed it (signed in before it was set up elsewhere)
// must sign in again with it.
func (s *Server) alreadyEnrolled(w http.ResponseWriter, r *http.Request) error {
	if mustEnrolFrom(r.Context()) {
		if err := s.sessions.Destroy(r.Context()); err != nil {
			return fmt.Errorf("end session: %w", err)
		}
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/account", http.StatusSeeOther)
	return nil
}

func (s *Server) renderEnrol(w http.ResponseWriter, r *http.Request, status int, f *form, secret string) error {
	actor := actorFrom(r.Context())
	key, err := access.TOTPKeyFor(totpIssuer, actor.Email, secret)
	if err != nil {
		return err
	}
	img, err := newQRImage(key.URL)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "two_step_set_up", "Set up two-step sign in", enrolData{
		Form: f, QR: img, Secret: access.FormatSecret(secret), Required: mustEnrolFrom(r.Context()),
	})
}

// recoveryCodesData is what the page after set-up shows, once.
type recoveryCodesData struct {
	Codes []string
}

// enrolSubmit confirms the new secret with a code from the app, keeps it,
// and shows ten recovery codes, once: only their hashes are kept.
func (s *Server) enrolSubmit(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	has, err := s.db.HasSecondFactor(r.Context(), actor.UserID)
	if err != nil {
		return fmt.Errorf("two-step set-up: %w", err)
	}
	if has {
		return s.alreadyEnrolled(w, r)
	}
	secret := s.sessions.GetString(r.Context(), sessionEnrolSecret)
	if secret == "" {
		http.Redirect(w, r, enrolmentPath, http.StatusSeeOther) // start again
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("read two-step set-up form: %w", err)
	}
	f := newForm()
	f.Values["code"] = r.PostForm.Get("code")
	step, ok := access.MatchTOTP(secret, f.Values["code"], s.db.Now(), 0)
	switch {
	case access.NormaliseCode(f.Values["code"]) == "":
		f.Add("code", "Enter the 6-digit code your app shows")
	case !access.LooksLikeTOTPCode(access.NormaliseCode(f.Values["code"])):
		f.Add("code", "The code is 6 digits, like 123456")
	case !ok:
		f.Add("code", "The code is not right. Enter the code your app shows now. If it still does not work, check the time on your phone is set automatically.")
	}
	if !f.Valid() {
		return s.renderEnrol(w, r, http.StatusUnprocessableEntity, f, secret)
	}

	codes, err := access.NewRecoveryCodes()
	if err != nil {
		return err
	}
	hashes := make([]string, len(codes))
	for i, c := range codes {
		hashes[i] = access.HashRecoveryCode(c)
	}
	if err := s.record(r, audit.Event{Action: audit.MFAEnrol, Reason: "authenticator app"}); err != nil {
		return err
	}
	if err := s.db.EnableSecondFactor(r.Context(), actor.UserID, secret, step, hashes, s.sessions.Token(r.Context())); err != nil {
		return err
	}
	// A new factor: a new token, and this session counts as having passed it.
	if err := s.renewToken(r.Context()); err != nil {
		return err
	}
	s.sessions.Remove(r.Context(), sessionEnrolSecret)
	s.sessions.Put(r.Context(), sessionSecondFactorAt, s.db.Now().Unix())
	s.log.InfoContext(r.Context(), "second factor set up", "request_id", requestIDFrom(r.Context()), "actor", actor)
	// The page with the codes is not a redirect target: it is shown once.
	r = r.WithContext(withoutEnrolGate(r.Context()))
	return s.render(w, r, http.StatusOK, "two_step_recovery_codes", "Your recovery codes", recoveryCodesData{Codes: codes})
}
