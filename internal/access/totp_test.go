package access

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestNewTOTPKey(t *testing.T) {
	k, err := NewTOTPKey("Steadfast", "sam@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Secret) != 32 { // 160 bits in base32
		t.Errorf("secret %q is not 160 bits", k.Secret)
	}
	u, err := url.Parse(k.URL)
	if err != nil || u.Scheme != "otpauth" || u.Host != "totp" || u.Query().Get("secret") != k.Secret ||
		u.Query().Get("issuer") != "Steadfast" || !strings.Contains(u.Path, "sam@example.org") {
		t.Errorf("URL %q is not an otpauth TOTP URL for the account", k.URL)
	}
	other, _ := NewTOTPKey("Steadfast", "sam@example.org")
	if other.Secret == k.Secret {
		t.Error("two secrets are the same")
	}
	again, err := TOTPKeyFor("Steadfast", "sam@example.org", k.Secret)
	if err != nil || again != k {
		t.Errorf("TOTPKeyFor = %+v, %v; want the same key %+v", again, err, k)
	}
	for _, bad := range []string{"", "not base32!", "ABCD"} {
		if _, err := TOTPKeyFor("Steadfast", "sam@example.org", bad); err == nil {
			t.Errorf("TOTPKeyFor accepted secret %q", bad)
		}
	}
}

func TestMatchTOTP(t *testing.T) {
	k, err := NewTOTPKey("Steadfast", "sam@example.org")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 9, 0, 10, 0, time.UTC)
	step := TOTPStep(now)
	code := func(at time.Time) string {
		c, err := TOTPCode(k.Secret, at)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if got, ok := MatchTOTP(k.Secret, code(now), now, 0); !ok || got != step {
		t.Fatalf("current code: step %d, %v; want %d", got, ok, step)
	}
	// One step either side is allowed for clock drift; two is not.
	for _, d := range []time.Duration{-TOTPPeriod, TOTPPeriod} {
		if got, ok := MatchTOTP(k.Secret, code(now.Add(d)), now, 0); !ok || got != TOTPStep(now.Add(d)) {
			t.Errorf("code from %v away: step %d, %v", d, got, ok)
		}
	}
	for _, d := range []time.Duration{-2 * TOTPPeriod, 2 * TOTPPeriod} {
		if _, ok := MatchTOTP(k.Secret, code(now.Add(d)), now, 0); ok {
			t.Errorf("code from %v away was accepted", d)
		}
	}
	// A code whose step has been used, or any older one, is refused: a replay.
	if _, ok := MatchTOTP(k.Secret, code(now), now, step); ok {
		t.Error("a code for the last used step was accepted again")
	}
	if _, ok := MatchTOTP(k.Secret, code(now.Add(-TOTPPeriod)), now, step); ok {
		t.Error("a code older than the last used step was accepted")
	}
	if got, ok := MatchTOTP(k.Secret, code(now.Add(TOTPPeriod)), now, step); !ok || got != step+1 {
		t.Errorf("the next step's code after the last used step: %d, %v", got, ok)
	}
	// People type spaces; wrong and malformed codes fail.
	c := code(now)
	if _, ok := MatchTOTP(k.Secret, c[:3]+" "+c[3:], now, 0); !ok {
		t.Error("a code typed with a space was refused")
	}
	for _, bad := range []string{"", "12345", "1234567", "abcdef", wrongCode(c)} {
		if _, ok := MatchTOTP(k.Secret, bad, now, 0); ok {
			t.Errorf("code %q was accepted", bad)
		}
	}
}

// wrongCode returns a six-digit code that differs from c.
func wrongCode(c string) string {
	if c == "000000" {
		return "111111"
	}
	return "000000"
}

func TestFormatSecret(t *testing.T) {
	if got := FormatSecret("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"); got != "ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567" {
		t.Errorf("FormatSecret = %q", got)
	}
	if got := FormatSecret("ABCDEF"); got != "ABCD EF" {
		t.Errorf("FormatSecret = %q", got)
	}
}

func TestRecoveryCodes(t *testing.T) {
	codes, err := NewRecoveryCodes()
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != RecoveryCodeCount || RecoveryCodeCount != 10 {
		t.Fatalf("%d codes, want 10", len(codes))
	}
	shape := regexp.MustCompile(`^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$`)
	seen := map[string]bool{}
	for _, c := range codes {
		if !shape.MatchString(c) {
			t.Errorf("code %q is not three groups of four from Crockford's alphabet", c)
		}
		if seen[c] {
			t.Errorf("code %q appears twice", c)
		}
		seen[c] = true
		if LooksLikeTOTPCode(NormaliseCode(c)) {
			t.Errorf("recovery code %q could be mistaken for an app code", c)
		}
	}
	// Typed in capitals, without hyphens, or with look-alike letters, a code
	// hashes the same; a different code does not.
	h := HashRecoveryCode("k7qm-3xh0-w91c")
	for _, same := range []string{"K7QM-3XH0-W91C", "k7qm3xh0w91c", " k7qm 3xh0 w91c ", "k7qm-3xhO-w9Ic", "k7qm-3xho-w9lc"} {
		if HashRecoveryCode(same) != h {
			t.Errorf("HashRecoveryCode(%q) differs from the code it reads as", same)
		}
	}
	if HashRecoveryCode("k7qm-3xh0-w91d") == h || len(h) != 64 {
		t.Error("different codes hash the same, or the hash is not hex SHA-256")
	}
}
