package access

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestHashAndVerify(t *testing.T) {
	h := NewHasher()
	ctx := context.Background()
	hash, err := h.Hash(ctx, "orchard lantern tide wren")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not argon2id with t=2, m=19 MiB", hash)
	}
	if err := h.Verify(ctx, hash, "orchard lantern tide wren"); err != nil {
		t.Errorf("right password: %v", err)
	}
	if err := h.Verify(ctx, hash, "orchard lantern tide wren "); !errors.Is(err, ErrPasswordMismatch) {
		t.Errorf("wrong password: %v", err)
	}
	again, _ := h.Hash(ctx, "orchard lantern tide wren")
	if again == hash {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	if err := h.Verify(ctx, "$2a$10$bcrypthash", "x"); err == nil || errors.Is(err, ErrPasswordMismatch) {
		t.Errorf("a non-argon2id hash: %v, want a format error", err)
	}
}

func TestVerifyDummyNeverMatches(t *testing.T) {
	h := NewHasher()
	// The dummy hash is of a random password; VerifyDummy must simply return.
	h.VerifyDummy(context.Background(), "")
	h.VerifyDummy(context.Background(), "anything at all")
}

func TestHashWaitsForContext(t *testing.T) {
	h := NewHasher()
	for range cap(h.slots) {
		h.slots <- struct{}{} // every slot busy
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.Hash(ctx, "a long enough password"); !errors.Is(err, context.Canceled) {
		t.Errorf("Hash with every slot busy and a cancelled context: %v", err)
	}
}

func TestPasswordProblem(t *testing.T) {
	cases := []struct {
		password string
		mfa      bool
		ok       bool
	}{
		{"", false, false},
		{"               ", false, false},
		{"fourteen chars", false, false},
		{"fifteen chars!!", false, true},
		{"eight ch", true, true},
		{"seven c", true, false},
		{"all lower case words are fine", false, true}, // no composition rules
		{strings.Repeat("a", 64), false, true},         // at least 64 accepted
		{strings.Repeat("é", 15), false, true},         // length counts characters, not bytes
		{strings.Repeat("a", MaxPasswordLength+1), false, false},
	}
	for _, c := range cases {
		got := PasswordProblem(c.password, c.mfa)
		if (got == "") != c.ok {
			t.Errorf("PasswordProblem(%q, mfa=%v) = %q, want ok=%v", c.password, c.mfa, got, c.ok)
		}
	}
}

func TestEmailProblem(t *testing.T) {
	for _, ok := range []string{"sam@example.org", " Sam.Okafor@Example.ORG "} {
		if p := EmailProblem(ok); p != "" {
			t.Errorf("EmailProblem(%q) = %q", ok, p)
		}
	}
	for _, bad := range []string{"", "sam", "sam@", "Sam <sam@example.org>", "sam@localhost", "a b@example.org"} {
		if EmailProblem(bad) == "" {
			t.Errorf("EmailProblem(%q) accepted", bad)
		}
	}
}

func TestRoles(t *testing.T) {
	for _, r := range Roles() {
		got, err := ParseRole(string(r))
		if err != nil || got != r {
			t.Errorf("ParseRole(%q) = %q, %v", r, got, err)
		}
		if r.Label() == string(r) {
			t.Errorf("role %q has no label", r)
		}
	}
	if _, err := ParseRole("superuser"); err == nil {
		t.Error("ParseRole accepted an unknown role")
	}
	if Parent.IsStaff() || !CoFacilitator.IsStaff() {
		t.Error("IsStaff is wrong")
	}
}
