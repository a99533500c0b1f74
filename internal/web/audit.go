package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
)

// Auditor records audit events and returns only once each is durable.
// *audit.Log is the real one.
type Auditor interface {
	Record(ctx context.Context, e audit.Event) error
}

// record writes an audit event for this request, filling in the signed-in
// actor, the request ID and the client's address, and waits until it is on
// disk. A request whose event cannot be recorded fails: nothing is shown or
// changed unless its record is kept.
func (s *Server) record(r *http.Request, e audit.Event) error {
	if a := actorFrom(r.Context()); a != nil && e.ActorID == "" {
		e.ActorID, e.OrgID, e.ActorRole = a.UserID, a.OrgID, string(a.Role)
	}
	e.RequestID = requestIDFrom(r.Context())
	e.ClientAddr = clientAddress(r, s.cfg.TrustedProxyHeader)
	if err := s.audit.Record(r.Context(), e); err != nil {
		return fmt.Errorf("record audit event %s: %w", e.Action, err)
	}
	return nil
}

// recordFor records an event about user, who may not be signed in yet: a
// sign-in, a failed attempt, a second-factor step.
func (s *Server) recordFor(r *http.Request, user access.User, action audit.Action, reason string) error {
	return s.record(r, audit.Event{OrgID: user.OrgID, ActorID: user.ID, ActorRole: string(user.Role), Action: action, Reason: reason})
}

// recordChange records a write by the signed-in actor to a resource.
func (s *Server) recordChange(r *http.Request, action audit.Action, kind access.Kind, id, what string) error {
	return s.record(r, audit.Event{Action: action, ResourceType: string(kind), ResourceID: id, Reason: what})
}

// recordList records that the actor was shown a list drawn only from their
// own relationships (their caseload, their team), so no policy question
// arises, but the names it showed are personal data and the read is kept.
func (s *Server) recordList(r *http.Request, list string, n int) error {
	a := actorFrom(r.Context())
	return s.record(r, audit.Event{Action: audit.Read, ResourceType: list, ResourceID: a.UserID,
		Decision: audit.Allow, Reason: fmt.Sprintf("own %s listed: %d", list, n)})
}

// recordSharedRead records which part of what a family shares (its journal,
// network, vigilant care, baskets or sit-ins) was shown, besides the policy
// decision that allowed it: kind is KindFamilyShared when the parent reads
// their own, KindFamily when staff read it on the family's record.
func (s *Server) recordSharedRead(r *http.Request, kind access.Kind, familyID, what string) error {
	return s.record(r, audit.Event{Action: audit.Read, ResourceType: string(kind), ResourceID: familyID, Decision: audit.Allow, Reason: what})
}
