package web

import (
	"net/http"
	"strings"
)

// Audience says who may reach a route before the policy looks at the resource.
type Audience int

// Route audiences.
const (
	// Public routes serve anyone, signed in or not.
	Public Audience = iota
	// SignedIn routes need a signed-in user who has passed any second factor
	// their role requires; the handler asks the policy for more.
	SignedIn
	// Enrolment routes need a signed-in user, but are reachable before a
	// second factor their role requires is set up: the set-up pages only.
	Enrolment
)

// enrolmentPath is where staff without a second factor are sent.
const enrolmentPath = "/account/two-step/set-up"

// Route is one registered pattern and who it is for.
type Route struct {
	Pattern  string // as given to ServeMux, e.g. "GET /families/{id}"
	Audience Audience
}

// Method returns the route's HTTP method.
func (r Route) Method() string {
	m, _, _ := strings.Cut(r.Pattern, " ")
	return m
}

// Path returns the route's path pattern.
func (r Route) Path() string {
	_, p, _ := strings.Cut(r.Pattern, " ")
	return p
}

// handlerFunc is a handler that reports failure by returning an error.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle registers pattern on mux, records it for Routes, and wraps h so that
// its route is labelled for metrics and logs, its audience is enforced, and
// its error becomes a page. This is the one place that keeps staff without a
// required second factor on the set-up pages.
func (s *Server) handle(mux *http.ServeMux, pattern string, audience Audience, h handlerFunc) {
	s.routes = append(s.routes, Route{Pattern: pattern, Audience: audience})
	mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info := requestInfoFrom(r.Context()); info != nil {
			info.route = pattern
		}
		if audience != Public && actorFrom(r.Context()) == nil {
			s.redirectToSignIn(w, r)
			return
		}
		if audience == SignedIn && mustEnrolFrom(r.Context()) {
			http.Redirect(w, r, enrolmentPath, http.StatusSeeOther)
			return
		}
		if err := h(w, r); err != nil {
			s.renderError(w, r, err)
		}
	}))
}

// handleRaw registers a plain http.Handler, for the static files and metrics.
func (s *Server) handleRaw(mux *http.ServeMux, pattern string, h http.Handler) {
	s.routes = append(s.routes, Route{Pattern: pattern, Audience: Public})
	mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info := requestInfoFrom(r.Context()); info != nil {
			info.route = pattern
		}
		h.ServeHTTP(w, r)
	}))
}
