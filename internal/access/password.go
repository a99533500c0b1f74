package access

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's minimum is t=2 with 19 MiB; we keep to it so a
// sign-in stays well under a quarter of a second on a small server.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024 // KiB
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Password length rules, per OWASP ASVS 5.0 level 2.
const (
	MinPasswordLength        = 15   // without a second factor
	MinPasswordLengthWithMFA = 8    // with a second factor
	MaxPasswordLength        = 1024 // far above the 64 ASVS requires; bounds hashing cost
)

// ErrPasswordMismatch means the password does not match the stored hash.
var ErrPasswordMismatch = errors.New("access: password does not match")

// Hasher hashes and checks passwords with argon2id. It limits how many hashes
// run at once, because each one takes 19 MiB and most of a core.
type Hasher struct {
	slots chan struct{}
	dummy string
}

// NewHasher returns a Hasher allowing one hash per CPU at once.
func NewHasher() *Hasher {
	h := &Hasher{slots: make(chan struct{}, max(1, runtime.NumCPU()))}
	// A real hash of a random password, checked when the email is unknown so
	// that unknown and known emails take the same time.
	h.dummy, _ = h.hash(randomString())
	return h
}

func randomString() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawStdEncoding.EncodeToString(b)
}

// Hash returns the PHC-format argon2id hash of password.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	return h.hash(password)
}

func (h *Hasher) hash(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// Verify checks password against a PHC-format hash. It returns
// ErrPasswordMismatch when they differ.
//
// An account with no password yet (an invitation not yet accepted) never
// matches, after the same effort as a real check.
func (h *Hasher) Verify(ctx context.Context, encoded, password string) error {
	if err := h.acquire(ctx); err != nil {
		return err
	}
	defer h.release()
	if encoded == "" {
		_ = verify(h.dummy, password+"\x00")
		return ErrPasswordMismatch
	}
	return verify(encoded, password)
}

// VerifyDummy spends the same effort as Verify on a hash that never matches,
// for sign-in attempts with an unknown email.
func (h *Hasher) VerifyDummy(ctx context.Context, password string) {
	_ = h.Verify(ctx, h.dummy, password+"\x00")
}

func (h *Hasher) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting to hash password: %w", ctx.Err())
	}
}

func (h *Hasher) release() { <-h.slots }

func verify(encoded, password string) error {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return errors.New("access: stored password hash is not argon2id")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return errors.New("access: unsupported argon2 version")
	}
	var mem uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &t, &p); err != nil {
		return fmt.Errorf("access: bad argon2 parameters: %w", err)
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return fmt.Errorf("access: bad argon2 salt: %w", err)
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return fmt.Errorf("access: bad argon2 key: %w", err)
	}
	got := argon2.IDKey([]byte(password), salt, t, mem, p, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrPasswordMismatch
	}
	return nil
}

// PasswordProblem explains kindly why a new password cannot be used, or
// returns "" when it can. hasSecondFactor lowers the minimum length. Common
// passwords are refused whatever their length (see IsCommonPassword).
func PasswordProblem(password string, hasSecondFactor bool) string {
	n := utf8.RuneCountInString(password)
	minimum := MinPasswordLength
	if hasSecondFactor {
		minimum = MinPasswordLengthWithMFA
	}
	switch {
	case strings.TrimSpace(password) == "":
		return "Enter a password"
	case n < minimum:
		return fmt.Sprintf("Your password needs at least %d characters. A few unrelated words together are long and easy to remember.", minimum)
	case len(password) > MaxPasswordLength:
		return fmt.Sprintf("Your password can be up to %d characters long", MaxPasswordLength)
	case IsCommonPassword(password):
		return "This password is one of the most commonly used passwords, words or names, so it is easy to guess. Try a few unrelated words together."
	}
	return ""
}
