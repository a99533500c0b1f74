package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
)

// authorize asks the policy whether the signed-in actor may do action to res,
// and records the decision, allowed or not, in the audit trail before
// answering. A refusal becomes errForbidden. Handlers call it before reading
// anything personal; it is the only way a handler learns whether it may go on.
func (s *Server) authorize(r *http.Request, action access.Action, res access.Resource) (access.Decision, error) {
	actor := actorFrom(r.Context())
	if actor == nil {
		return access.Decision{Rule: "not-signed-in"}, errForbidden
	}
	d := access.Can(*actor, action, res)
	decision := audit.Deny
	if d.Allowed {
		decision = audit.Allow
	}
	if err := s.record(r, audit.Event{Action: audit.Action(action), ResourceType: string(res.Kind), ResourceID: res.ID,
		Decision: decision, Reason: d.Rule}); err != nil {
		return d, err
	}
	if !d.Allowed {
		return d, errForbidden
	}
	return d, nil
}

// flash keeps a one-line confirmation for the next page the person sees.
func (s *Server) flash(r *http.Request, message string) {
	s.sessions.Put(r.Context(), "flash", message)
}

// takeFlash returns and forgets the pending confirmation, if any.
func (s *Server) takeFlash(r *http.Request) string {
	return s.sessions.PopString(r.Context(), "flash")
}
