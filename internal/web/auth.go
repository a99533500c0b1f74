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

// Session keys, besides store.SessionUserKey.
const sessionSignedInAt = "signed_in_at"

func actorFrom(ctx context.Context) *access.Actor {
	a, _ := ctx.Value(actorKey).(*access.Actor)
	return a
}

// authenticate loads the signed-in user for the session, if any. A session
// whose user has gone or been disabled is ended on the spot.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		userID := s.sessions.GetString(r.Context(), store.SessionUserKey)
		if userID == "" {
			next.ServeHTTP(w, r)
			return
		}
		user, err := s.db.UserByID(r.Context(), userID)
		switch {
		case err == nil && user.Active():
			actor := user.Actor()
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), actorKey, &actor)))
			return
		case err == nil, errors.Is(err, store.ErrNotFound):
			if derr := s.sessions.Destroy(r.Context()); derr != nil {
				s.renderError(w, r, fmt.Errorf("end session of missing or disabled user: %w", derr))
				return
			}
			next.ServeHTTP(w, r)
		default:
			s.renderError(w, r, fmt.Errorf("load signed-in user: %w", err))
		}
	})
}

// startSession signs user in: a fresh token (so a token planted before
// sign-in is worthless), then the user's ID.
func (s *Server) startSession(ctx context.Context, user access.User) error {
	if err := s.sessions.RenewToken(ctx); err != nil {
		return fmt.Errorf("renew session token: %w", err)
	}
	s.sessions.Put(ctx, store.SessionUserKey, user.ID)
	s.sessions.Put(ctx, sessionSignedInAt, time.Now().UTC().Unix())
	return nil
}

func (s *Server) redirectToSignIn(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
}
