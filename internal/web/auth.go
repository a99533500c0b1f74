package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Session keys. A session is signed in only when it holds
// store.SessionUserKey, which is set once sign-in is complete, second factor
// included. A session between the password and the code holds only the
// pending keys, which authenticate ignores, so it reaches nothing but the
// page that asks for the code.
const (
	// sessionSecondFactorAt holds when this session passed a second factor
	// (Unix seconds); absent when it has not.
	sessionSecondFactorAt = "second_factor_at"
	// sessionPendingUser and sessionPendingAt hold whose password was right,
	// and when, while the second step is outstanding.
	sessionPendingUser = "pending_user_id"
	sessionPendingAt   = "pending_at"
	// sessionEnrolSecret holds a new authenticator secret until a code from
	// it confirms it.
	sessionEnrolSecret = "enrol_totp_secret"
)

// pendingSignInLifetime is how long someone has, after their password, to
// enter their code before they must start again.
const pendingSignInLifetime = 5 * time.Minute

// lastSeenInterval is how often the session's last-use time and deadline
// are written, so that most page views write nothing. Idle time-outs may
// therefore come up to this much early.
const lastSeenInterval = time.Minute

// expiryGrace keeps a stored session a little past its limits, so that
// authenticate, not the store, is first to see it expire, and can say why.
const expiryGrace = 2 * time.Minute

func actorFrom(ctx context.Context) *access.Actor {
	a, _ := ctx.Value(actorKey).(*access.Actor)
	return a
}

// mustEnrolFrom reports whether the signed-in person must set up a second
// factor before they can reach anything but the set-up pages.
func mustEnrolFrom(ctx context.Context) bool {
	must, _ := ctx.Value(mustEnrolKey).(bool)
	return must
}

// withoutEnrolGate marks a request's person as having set up their second
// factor, for the page shown straight after they do.
func withoutEnrolGate(ctx context.Context) context.Context {
	return context.WithValue(ctx, mustEnrolKey, false)
}

// timedOutFrom reports whether this request's session has just been ended
// for being idle or too old.
func timedOutFrom(ctx context.Context) bool {
	t, _ := ctx.Value(timedOutKey).(bool)
	return t
}

// authenticate loads the signed-in user for the session, if any. A session
// whose user has gone or been disabled, or that has been idle too long for
// the user's role or is older than access.SessionLifetime, is ended on the spot.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		userID := s.sessions.GetString(ctx, store.SessionUserKey)
		if userID == "" {
			next.ServeHTTP(w, r)
			return
		}
		user, err := s.db.UserByID(ctx, userID)
		switch {
		case err == nil && user.Active():
			now := s.db.Now()
			if s.sessionExpired(ctx, user.Role, now) {
				if derr := s.sessions.Destroy(ctx); derr != nil {
					s.renderError(w, r, fmt.Errorf("end expired session: %w", derr))
					return
				}
				next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, timedOutKey, true)))
				return
			}
			s.touchSession(ctx, user.Role, now)
			actor := user.Actor()
			ctx = context.WithValue(ctx, actorKey, &actor)
			if s.mustEnrol(ctx, user.Role) {
				ctx = context.WithValue(ctx, mustEnrolKey, true)
			}
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		case err == nil, errors.Is(err, store.ErrNotFound):
			if derr := s.sessions.Destroy(ctx); derr != nil {
				s.renderError(w, r, fmt.Errorf("end session of missing or disabled user: %w", derr))
				return
			}
			next.ServeHTTP(w, r)
		default:
			s.renderError(w, r, fmt.Errorf("load signed-in user: %w", err))
		}
	})
}

// sessionExpired reports whether a signed-in session has been idle longer
// than the role allows, or has passed its absolute lifetime. Times come from
// the store's clock, so tests can move them on.
func (s *Server) sessionExpired(ctx context.Context, role access.Role, now time.Time) bool {
	signedIn := s.sessions.GetInt64(ctx, store.SessionSignedInAtKey)
	if signedIn == 0 {
		return true // not made by startSession: start again
	}
	lastSeen := max(signedIn, s.sessions.GetInt64(ctx, store.SessionLastSeenKey))
	return now.Sub(time.Unix(lastSeen, 0)) > role.IdleTimeout() ||
		now.Sub(time.Unix(signedIn, 0)) > access.SessionLifetime
}

// touchSession records that the session was used now, and moves its stored
// deadline on, at most once a minute.
func (s *Server) touchSession(ctx context.Context, role access.Role, now time.Time) {
	if now.Sub(time.Unix(s.sessions.GetInt64(ctx, store.SessionLastSeenKey), 0)) >= lastSeenInterval {
		s.sessions.Put(ctx, store.SessionLastSeenKey, now.Unix())
		s.sessions.SetDeadline(ctx, sessionDeadline(role, now, time.Unix(s.sessions.GetInt64(ctx, store.SessionSignedInAtKey), 0)))
	}
}

// sessionDeadline is when the store may forget a session of role last used
// at now: after the role's idle timeout, and never later than
// access.SessionLifetime after sign-in, with a little grace.
func sessionDeadline(role access.Role, now, signedIn time.Time) time.Time {
	return minTime(now.Add(role.IdleTimeout()), signedIn.Add(access.SessionLifetime)).Add(expiryGrace).UTC()
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// renewToken gives the session a new token, keeping its deadline, after a
// change in what it may do.
func (s *Server) renewToken(ctx context.Context) error {
	deadline := s.sessions.Deadline(ctx)
	if err := s.sessions.RenewToken(ctx); err != nil {
		return fmt.Errorf("renew session token: %w", err)
	}
	s.sessions.SetDeadline(ctx, deadline)
	return nil
}

// mustEnrol reports whether a signed-in person of this role must set up a
// second factor first: staff outside demo mode whose session has not passed one.
func (s *Server) mustEnrol(ctx context.Context, role access.Role) bool {
	return !s.cfg.Demo && role.RequiresSecondFactor() && s.sessions.GetInt64(ctx, sessionSecondFactorAt) == 0
}

// startSession signs user in: a fresh token (so a token planted before
// sign-in, or used for the password step, is worthless), a clean slate, then
// the user's ID, the times and the device. secondFactor says whether the
// person passed a second factor on the way.
func (s *Server) startSession(r *http.Request, user access.User, secondFactor bool) error {
	ctx := r.Context()
	if err := s.sessions.Clear(ctx); err != nil {
		return fmt.Errorf("clear session: %w", err)
	}
	if err := s.sessions.RenewToken(ctx); err != nil {
		return fmt.Errorf("renew session token: %w", err)
	}
	now := s.db.Now()
	s.sessions.Put(ctx, store.SessionUserKey, user.ID)
	s.sessions.Put(ctx, store.SessionSignedInAtKey, now.Unix())
	s.sessions.Put(ctx, store.SessionLastSeenKey, now.Unix())
	s.sessions.Put(ctx, store.SessionDeviceKey, describeDevice(r.UserAgent()))
	if secondFactor {
		s.sessions.Put(ctx, sessionSecondFactorAt, now.Unix())
	}
	s.sessions.SetDeadline(ctx, sessionDeadline(user.Role, now, now))
	return nil
}

// beginSecondStep records that user's password was right and their code is
// still to come. The session is not signed in.
func (s *Server) beginSecondStep(ctx context.Context, user access.User) error {
	if err := s.sessions.Clear(ctx); err != nil {
		return fmt.Errorf("clear session: %w", err)
	}
	if err := s.sessions.RenewToken(ctx); err != nil {
		return fmt.Errorf("renew session token: %w", err)
	}
	now := s.db.Now()
	s.sessions.Put(ctx, sessionPendingUser, user.ID)
	s.sessions.Put(ctx, sessionPendingAt, now.Unix())
	s.sessions.Put(ctx, sessionPendingSince, now.UnixMicro())
	s.sessions.SetDeadline(ctx, now.Add(pendingSignInLifetime+expiryGrace).UTC())
	return nil
}

// sessionPendingSince is when the password step passed, in microseconds, to
// tell whether the account changed after it.
const sessionPendingSince = "pending_since"

// pendingUser returns whose password was right within the last
// pendingSignInLifetime, or "" if no one's was.
func (s *Server) pendingUser(ctx context.Context) string {
	id := s.sessions.GetString(ctx, sessionPendingUser)
	at := s.sessions.GetInt64(ctx, sessionPendingAt)
	if id == "" || s.db.Now().Sub(time.Unix(at, 0)) > pendingSignInLifetime {
		return ""
	}
	return id
}

func (s *Server) redirectToSignIn(w http.ResponseWriter, r *http.Request) {
	to := "/sign-in"
	if timedOutFrom(r.Context()) {
		to += "?timed-out=1"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
