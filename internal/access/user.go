package access

import (
	"errors"
	"log/slog"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// User is a person who can sign in to Steadfast.
type User struct {
	ID           string
	OrgID        string
	Email        string // lower-case
	Name         string
	Role         Role
	PasswordHash string // empty until the person sets a password through their link
	TeamID       string // staff only; may be empty
	FamilyID     string // parents only: the one family they belong to
	DisabledAt   *time.Time
	CreatedAt    time.Time
}

// Actor returns the acting identity for a signed-in user.
func (u User) Actor() Actor {
	return Actor{UserID: u.ID, OrgID: u.OrgID, Name: u.Name, Email: u.Email, Role: u.Role}
}

// Active reports whether the user may sign in.
func (u User) Active() bool { return u.DisabledAt == nil }

// LogValue keeps personal data and the password hash out of logs.
func (u User) LogValue() slog.Value {
	return slog.GroupValue(slog.String("user_id", u.ID), slog.String("role", string(u.Role)))
}

// Organisation is a service using Steadfast: a charity, a council team, a trust.
type Organisation struct {
	ID        string
	Name      string
	CreatedAt time.Time
}

// NormaliseEmail trims and lower-cases an email so that sign-in ignores case.
func NormaliseEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// EmailProblem explains why an email address cannot be used, or returns "".
func EmailProblem(email string) string {
	email = NormaliseEmail(email)
	if email == "" {
		return "Enter an email address"
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || !strings.Contains(email[strings.LastIndex(email, "@")+1:], ".") {
		return "Enter an email address in the correct format, like name@example.org"
	}
	if len(email) > 254 {
		return "Email address must be 254 characters or fewer"
	}
	return ""
}

// NameProblem explains why a person's or organisation's name cannot be used, or returns "".
func NameProblem(name, what string) string {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "Enter " + what
	case utf8.RuneCountInString(name) > 200:
		return strings.ToUpper(what[:1]) + what[1:] + " must be 200 characters or fewer"
	}
	return ""
}

// ErrDisabled means the account exists but has been disabled.
var ErrDisabled = errors.New("access: account disabled")
