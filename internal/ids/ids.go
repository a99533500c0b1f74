// Package ids makes the random identifiers that every stored record carries.
//
// Identifiers are random rather than sequential so that they reveal neither how
// many families a service holds nor which record was created next.
package ids

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
)

// encoding is lower-case base32 without padding: URL-safe and easy to read aloud.
var encoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// New returns a fresh 20-character identifier holding 100 random bits.
func New() string {
	var b [13]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms.
	return encoding.EncodeToString(b[:])[:20]
}

// Token returns a 256-bit random secret for links and sessions, URL-safe.
func Token() string {
	var b [32]byte
	_, _ = rand.Read(b[:])
	return strings.ToLower(encoding.EncodeToString(b[:]))
}

// Valid reports whether s has the shape of an identifier made by New.
// Handlers use it to refuse malformed IDs before they reach the database.
func Valid(s string) bool {
	if len(s) != 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}
