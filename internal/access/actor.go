package access

import "log/slog"

// Actor is the signed-in person a request acts for.
type Actor struct {
	UserID string
	OrgID  string
	Name   string
	Email  string
	Role   Role
}

// LogValue keeps names and emails out of logs: only the opaque IDs and role.
func (a Actor) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("user_id", a.UserID),
		slog.String("org_id", a.OrgID),
		slog.String("role", string(a.Role)),
	)
}

// FirstName is the part of the name used in greetings.
func (a Actor) FirstName() string {
	for i, c := range a.Name {
		if c == ' ' {
			return a.Name[:i]
		}
	}
	return a.Name
}
