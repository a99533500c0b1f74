package web

import (
	"fmt"
	"github.com/steadfast-care/steadfast/internal/audit"
	"net/http"
	"strconv"
	"time"

	"github.com/steadfast-care/steadfast/internal/store"
)

// sessionsData is what "Your sessions" shows.
type sessionsData struct {
	Sessions []sessionRow
	Others   int // sessions besides this one
	Ended    int // how many were just ended, or -1
}

// sessionRow is one session, with its times ready to read.
type sessionRow struct {
	store.SessionInfo
	SignedIn, LastSeen string
}

// sessionsPage lists where the signed-in person is signed in.
func (s *Server) sessionsPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	list, err := s.db.UserSessions(r.Context(), actor.UserID, s.sessions.Token(r.Context()))
	if err != nil {
		return fmt.Errorf("your sessions: %w", err)
	}
	data := sessionsData{Ended: -1}
	if n, err := strconv.Atoi(r.URL.Query().Get("ended")); err == nil && n >= 0 {
		data.Ended = n
	}
	for _, si := range list {
		data.Sessions = append(data.Sessions, sessionRow{SessionInfo: si, SignedIn: s.showTime(si.SignedInAt), LastSeen: s.showTime(si.LastSeenAt)})
		if !si.Current {
			data.Others++
		}
	}
	return s.render(w, r, http.StatusOK, "account_sessions", "Your sessions", data)
}

// endOtherSessions signs the person out everywhere but here.
func (s *Server) endOtherSessions(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.record(r, audit.Event{Action: audit.SessionEnded, Reason: "other sessions ended by the person"}); err != nil {
		return err
	}
	n, err := s.db.EndOtherSessions(r.Context(), actor.UserID, s.sessions.Token(r.Context()))
	if err != nil {
		return err
	}
	s.log.InfoContext(r.Context(), "ended other sessions", "request_id", requestIDFrom(r.Context()), "actor", actor, "count", n)
	http.Redirect(w, r, "/account/sessions?ended="+strconv.FormatInt(n, 10), http.StatusSeeOther)
	return nil
}

// showTime writes a time as people in the UK read it: "3 March 2026 at 9:05am".
func (s *Server) showTime(t time.Time) string {
	if t.IsZero() {
		return "Not known"
	}
	return t.In(s.zone).Format("2 January 2006 at 3:04pm")
}
