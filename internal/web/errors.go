package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/store"
)

// Errors handlers return to choose the page people see.
var (
	errNotFound  = errors.New("web: page not found")
	errForbidden = errors.New("web: forbidden")
)

// maxFormBytes bounds a submitted form; no Steadfast form comes near it.
const maxFormBytes = 1 << 20

// renderError turns a handler's error into a page. Details stay in the log,
// tagged with the request ID that the page shows.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status, title := http.StatusInternalServerError, "Sorry, there is a problem with the service"
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
		status, title = http.StatusNotFound, "Page not found"
	case errors.Is(err, errForbidden):
		status, title = http.StatusForbidden, "You cannot see this page"
	case errors.As(err, &tooBig):
		status, title = http.StatusRequestEntityTooLarge, "What you sent is too large"
	case errors.Is(err, context.Canceled):
		return // the person went away; there is no one to answer
	default:
		s.log.ErrorContext(r.Context(), "request failed", "request_id", requestIDFrom(r.Context()), "err", err)
	}
	data := map[string]any{"Status": status, "RequestID": requestIDFrom(r.Context())}
	if rerr := s.render(w, r, status, "error", title, data); rerr != nil {
		s.log.ErrorContext(r.Context(), "render error page", "err", rerr)
		http.Error(w, title, status)
	}
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error { return errNotFound }
