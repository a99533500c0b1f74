// Package audit is Steadfast's tamper-evident audit trail: the events it
// records, their canonical encoding as leaves of an RFC 6962 Merkle tree
// (golang.org/x/mod/sumdb/tlog), signed checkpoints of that tree, the
// verification that proves a stored log matches its checkpoints, and the
// group-commit batcher that makes recording cheap.
//
// The package imports no database and no HTTP. Storage is reached through the
// small interfaces in store.go, which internal/store implements.
package audit

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Action names what happened. Stored as text; new actions may be added, but
// the text of an existing one must never change, because it is hashed into
// every leaf that carries it.
type Action string

// The actions the audit trail records.
const (
	// Sign-in, sign-out and account events.
	SignIn           Action = "sign-in"
	SignInFailed     Action = "sign-in-failed"
	SignOut          Action = "sign-out"
	AccountLocked    Action = "account-locked"
	AccountUnlocked  Action = "account-unlocked"
	PasswordChange   Action = "password-change"
	SessionEnded     Action = "session-end"
	MFAEnrol         Action = "mfa-enrol"
	MFAVerify        Action = "mfa-verify"
	MFAFailed        Action = "mfa-failed"
	MFAReset         Action = "mfa-reset"
	RecoveryCodeUsed Action = "recovery-code-used"

	// Policy decisions on personal data, reads included, and writes. These
	// mirror the actions access.Can decides.
	Read        Action = "read"
	Create      Action = "create"
	Update      Action = "update"
	Delete      Action = "delete"
	Export      Action = "export"
	BreakGlass  Action = "break-glass"
	ManageUsers Action = "manage-users"
	ViewAudit   Action = "view-audit"
)

// Decision is the policy's answer, or empty for events that are not a policy
// decision (such as a sign-in).
type Decision string

// The decisions an event can carry.
const (
	Allow      Decision = "allow"
	Deny       Decision = "deny"
	NoDecision Decision = ""
)

// Event is one audit record. It carries identifiers only: never a person's
// name, email or any case content, so that the log itself holds no personal
// data beyond who touched which record.
type Event struct {
	// ID is the event's own random identifier; the store assigns one if empty.
	ID string
	// Seq is the event's position in the log, from 0. The store assigns it.
	Seq int64
	// OrgID is the organisation the event belongs to. It is empty only when
	// the organisation is unknown, as for a failed sign-in with an unknown email.
	OrgID string
	// ActorID is the acting user's ID, or empty for an unknown user.
	ActorID string
	// ActorRole is the actor's role when the event happened.
	ActorRole string
	// Action is what happened.
	Action Action
	// ResourceType and ResourceID name what it happened to, e.g. "family" and
	// its ID. Both are empty for events about the actor's own session.
	ResourceType string
	ResourceID   string
	// Decision is the policy's answer for policy events, else empty.
	Decision Decision
	// Reason is free text: a break-glass reason, or the policy rule that decided.
	Reason string
	// At is when the event happened, in UTC with microsecond precision. The
	// store sets it from its clock when it is zero.
	At time.Time
	// RequestID ties the event to the request's log lines.
	RequestID string
	// ClientAddr is the client's network address.
	ClientAddr string
}

// Limits on the size of an event's text fields, in bytes.
const (
	MaxFieldBytes  = 200
	MaxReasonBytes = 2000
)

// ErrInvalidEvent is wrapped by every error Validate returns.
var ErrInvalidEvent = errors.New("audit: invalid event")

// Validate checks that an event can be stored and hashed: an action, a known
// decision, and text fields that are valid UTF-8, free of NUL bytes (which
// PostgreSQL text cannot hold) and of bounded length.
func (e Event) Validate() error {
	if e.Action == "" {
		return fmt.Errorf("%w: no action", ErrInvalidEvent)
	}
	switch e.Decision {
	case Allow, Deny, NoDecision:
	default:
		return fmt.Errorf("%w: unknown decision %q", ErrInvalidEvent, e.Decision)
	}
	if e.Seq < 0 {
		return fmt.Errorf("%w: negative seq %d", ErrInvalidEvent, e.Seq)
	}
	fields := []struct {
		name, value string
		max         int
	}{
		{"id", e.ID, MaxFieldBytes},
		{"org", e.OrgID, MaxFieldBytes},
		{"actor", e.ActorID, MaxFieldBytes},
		{"actor role", e.ActorRole, MaxFieldBytes},
		{"action", string(e.Action), MaxFieldBytes},
		{"resource type", e.ResourceType, MaxFieldBytes},
		{"resource id", e.ResourceID, MaxFieldBytes},
		{"reason", e.Reason, MaxReasonBytes},
		{"request id", e.RequestID, MaxFieldBytes},
		{"client address", e.ClientAddr, MaxFieldBytes},
	}
	for _, f := range fields {
		switch {
		case len(f.value) > f.max:
			return fmt.Errorf("%w: %s is %d bytes, more than %d", ErrInvalidEvent, f.name, len(f.value), f.max)
		case !utf8.ValidString(f.value):
			return fmt.Errorf("%w: %s is not valid UTF-8", ErrInvalidEvent, f.name)
		case strings.IndexByte(f.value, 0) >= 0:
			return fmt.Errorf("%w: %s holds a NUL byte", ErrInvalidEvent, f.name)
		}
	}
	return nil
}

// Normalise returns the event with its time in UTC at microsecond precision,
// the precision both storage engines keep, so that what is hashed is exactly
// what is stored.
func (e Event) Normalise() Event {
	e.At = e.At.UTC().Truncate(time.Microsecond)
	return e
}
