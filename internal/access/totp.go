package access

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// TOTP settings: the RFC 6238 defaults that every authenticator app supports.
const (
	TOTPPeriod = 30 * time.Second
	TOTPDigits = 6
	// TOTPSkew is how many time steps either side of now a code may come
	// from, to allow for a phone's clock being a little out.
	TOTPSkew = 1
)

// TOTPKey is a new secret for an authenticator app.
type TOTPKey struct {
	Secret string // base32 without padding, as authenticator apps take it
	URL    string // the otpauth:// address a QR code carries
}

// NewTOTPKey makes a random 160-bit secret for account, shown in the
// authenticator app under issuer.
func NewTOTPKey(issuer, account string) (TOTPKey, error) {
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer: issuer, AccountName: account, Period: uint(TOTPPeriod / time.Second),
		SecretSize: 20, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1,
	})
	if err != nil {
		return TOTPKey{}, fmt.Errorf("make TOTP secret: %w", err)
	}
	return TOTPKey{Secret: key.Secret(), URL: key.URL()}, nil
}

// TOTPKeyFor rebuilds the key for a secret made earlier by NewTOTPKey, so a
// page shown again carries the same QR code.
func TOTPKeyFor(issuer, account, secret string) (TOTPKey, error) {
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	if err != nil || len(raw) < 16 {
		return TOTPKey{}, fmt.Errorf("TOTP secret is not base32 of at least 128 bits")
	}
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer: issuer, AccountName: account, Period: uint(TOTPPeriod / time.Second),
		Secret: raw, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1,
	})
	if err != nil {
		return TOTPKey{}, fmt.Errorf("rebuild TOTP key: %w", err)
	}
	return TOTPKey{Secret: key.Secret(), URL: key.URL()}, nil
}

// TOTPStep returns the number of the time step t falls in.
func TOTPStep(t time.Time) int64 { return t.Unix() / int64(TOTPPeriod/time.Second) }

var hotpOpts = hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// TOTPCode returns the code an authenticator app shows for secret at t.
func TOTPCode(secret string, t time.Time) (string, error) {
	code, err := hotp.GenerateCodeCustom(secret, uint64(TOTPStep(t)), hotpOpts)
	if err != nil {
		return "", fmt.Errorf("make TOTP code: %w", err)
	}
	return code, nil
}

// MatchTOTP checks code against secret at now, allowing TOTPSkew steps either
// side. Only steps after lastStep count, so a code, once accepted, is never
// accepted again, and neither is any code older than it. It returns the step
// the code matched, to be remembered as the new lastStep.
func MatchTOTP(secret, code string, now time.Time, lastStep int64) (int64, bool) {
	code = NormaliseCode(code)
	if !LooksLikeTOTPCode(code) {
		return 0, false
	}
	current := TOTPStep(now)
	for step := current - TOTPSkew; step <= current+TOTPSkew; step++ {
		if step <= lastStep || step < 0 {
			continue
		}
		// ValidateCustom compares in constant time.
		if ok, err := hotp.ValidateCustom(code, uint64(step), secret, hotpOpts); err == nil && ok {
			return step, true
		}
	}
	return 0, false
}

// NormaliseCode removes the spaces and hyphens people type or paste inside
// codes, and lower-cases letters.
func NormaliseCode(code string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", "-", "", "\t", "").Replace(strings.TrimSpace(code)))
}

// LooksLikeTOTPCode reports whether a normalised code has the shape of an
// authenticator app's code (six digits), rather than a recovery code's.
func LooksLikeTOTPCode(code string) bool {
	if len(code) != TOTPDigits {
		return false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// FormatSecret splits a TOTP secret into groups of four characters, which is
// how people can read it and type it into an app without losing their place.
func FormatSecret(secret string) string {
	var b strings.Builder
	for i, c := range secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Recovery codes let someone sign in without their authenticator app. Each
// works once.
const (
	RecoveryCodeCount = 10
	recoveryCodeLen   = 12 // characters, 5 bits each: 60 bits
	// recoveryAlphabet is Crockford's base32 in lower case: no i, l, o or u,
	// so nothing is easily misread when written down.
	recoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"
)

// NewRecoveryCodes makes RecoveryCodeCount random codes, grouped for reading
// like "k7qm-3xhp-w9tc".
func NewRecoveryCodes() ([]string, error) {
	codes := make([]string, RecoveryCodeCount)
	buf := make([]byte, recoveryCodeLen)
	for i := range codes {
		if _, err := rand.Read(buf); err != nil {
			return nil, fmt.Errorf("make recovery codes: %w", err)
		}
		var b strings.Builder
		for j, x := range buf {
			if j > 0 && j%4 == 0 {
				b.WriteByte('-')
			}
			b.WriteByte(recoveryAlphabet[int(x)%len(recoveryAlphabet)]) // 256 is a multiple of 32: no bias
		}
		codes[i] = b.String()
	}
	return codes, nil
}

// HashRecoveryCode returns how a recovery code is kept at rest: the hex
// SHA-256 of its normalised form. The codes carry 60 random bits and sign-in
// attempts are limited, so a fast hash is enough. Letters that Crockford's
// alphabet leaves out are read as the digits they look like.
func HashRecoveryCode(code string) string {
	code = strings.NewReplacer("o", "0", "i", "1", "l", "1").Replace(NormaliseCode(code))
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}
