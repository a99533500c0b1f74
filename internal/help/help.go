// Package help holds where a parent can get help now: the organisation's
// own contacts (a name, a phone number or web address, and when to use it,
// in plain words) and Steadfast's defaults for an organisation that has not
// set its own. It imports no storage and no HTTP.
package help

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Contact is one place to get help.
type Contact struct {
	ID        string // empty for Steadfast's defaults, which are not stored
	Name      string // "Emergency services"
	Reach     string // a phone number ("999") or a web address
	WhenToUse string // "If anyone is in danger now"
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Limits on what a contact holds.
const (
	maxName  = 100
	maxReach = 300
	maxWhen  = 300
	// MaxContacts bounds an organisation's list: a parent in a hard moment
	// needs a few clear choices, not a directory.
	MaxContacts = 12
)

// Defaults are the contacts every organisation shows until it sets its own:
// they hold for anyone in the UK.
func Defaults() []Contact {
	return []Contact{
		{Name: "Emergency services", Reach: "999", WhenToUse: "If anyone is in danger now"},
		{Name: "NHS 111", Reach: "111", WhenToUse: "For urgent medical help that is not an emergency"},
	}
}

// Normalise trims what was typed.
func (c Contact) Normalise() Contact {
	c.Name, c.Reach, c.WhenToUse = strings.TrimSpace(c.Name), strings.TrimSpace(c.Reach), strings.TrimSpace(c.WhenToUse)
	return c
}

// Problems returns what is wrong with a contact, by form field ("name",
// "reach", "when"), with messages that say how to put it right. An empty
// map means it can be saved.
func (c Contact) Problems() map[string]string {
	c = c.Normalise()
	p := map[string]string{}
	switch {
	case c.Name == "":
		p["name"] = "Enter the name of the service, for example Parent helpline"
	case utf8.RuneCountInString(c.Name) > maxName:
		p["name"] = fmt.Sprintf("Keep the name to %d characters or fewer", maxName)
	}
	switch {
	case c.Reach == "":
		p["reach"] = "Enter a phone number, for example 0808 800 2222, or a web address, for example https://www.example.org"
	case utf8.RuneCountInString(c.Reach) > maxReach:
		p["reach"] = fmt.Sprintf("Keep this to %d characters or fewer", maxReach)
	case !c.IsPhone() && c.webAddress() == "":
		p["reach"] = "Enter a phone number using only numbers, spaces and +, or a web address starting https://"
	}
	switch {
	case c.WhenToUse == "":
		p["when"] = "Say when to use it, in plain words, for example If you are worried about your child tonight"
	case utf8.RuneCountInString(c.WhenToUse) > maxWhen:
		p["when"] = fmt.Sprintf("Keep this to %d characters or fewer", maxWhen)
	}
	return p
}

// IsPhone reports whether the contact is reached by phone: digits, with
// spaces, brackets, hyphens and a leading + allowed, and at least three digits.
func (c Contact) IsPhone() bool {
	s := strings.TrimSpace(c.Reach)
	digits := 0
	for i, r := range s {
		switch {
		case unicode.IsDigit(r) && r < unicode.MaxASCII:
			digits++
		case r == ' ' || r == '-' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	return digits >= 3
}

// webAddress returns the contact's web address with its scheme, or "" if
// it is not one: only http and https addresses with a dotted host are links.
func (c Contact) webAddress() string {
	s := strings.TrimSpace(c.Reach)
	if s == "" || strings.ContainsAny(s, " \t\n<>\"") {
		return ""
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || !strings.Contains(u.Hostname(), ".") || u.User != nil {
		return ""
	}
	return u.String()
}

// Href is the link that calls the number or opens the page, or "" when the
// contact is neither (which Problems refuses).
func (c Contact) Href() string {
	if c.IsPhone() {
		var b strings.Builder
		for _, r := range strings.TrimSpace(c.Reach) {
			if r == '+' || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		return "tel:" + b.String()
	}
	return c.webAddress()
}
