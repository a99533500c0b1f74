package web

import (
	"context"
	"io"
	"net/http"
	"time"
)

// healthz answers while the process is alive, whatever the database is doing.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err := io.WriteString(w, "ok\n")
	return err
}

// readyz answers 200 only when the database answers and its schema is the one
// this binary expects, so a load balancer sends no traffic before then.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.db.CheckReady(ctx); err != nil {
		s.log.WarnContext(r.Context(), "not ready", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, werr := io.WriteString(w, "not ready\n")
		return werr
	}
	_, err := io.WriteString(w, "ready\n")
	return err
}
