package access

import (
	"strings"
	"testing"
)

func TestBlocklistHoldsTheTopTenThousand(t *testing.T) {
	if n := len(commonPasswords()); n < 10_000 {
		t.Fatalf("blocklist holds %d entries, want at least the top 10,000 passwords", n)
	}
	// Common passwords from the top of every published list, including some
	// zxcvbn keeps in its names and words lists rather than its passwords list.
	for _, p := range []string{"password", "123456", "qwerty", "letmein", "trustno1", "iloveyou",
		"michael", "jennifer", "football", "sunshine", "princess", "whatever"} {
		if !IsCommonPassword(p) {
			t.Errorf("IsCommonPassword(%q) = false", p)
		}
	}
}

func TestBlocklistIgnoresCase(t *testing.T) {
	for _, p := range []string{"PASSWORD", "Password", "pAsSwOrD", " password ", "Jennifer", "FOOTBALL"} {
		if !IsCommonPassword(p) {
			t.Errorf("IsCommonPassword(%q) = false; the check must ignore case", p)
		}
	}
}

func TestBlocklistAllowsUncommonPasswords(t *testing.T) {
	for _, p := range []string{"orchard lantern tide wren", "correct horse battery staple", "q8#Lm2!vZr", ""} {
		if IsCommonPassword(p) {
			t.Errorf("IsCommonPassword(%q) = true", p)
		}
	}
}

func TestPasswordProblemRefusesCommonPasswords(t *testing.T) {
	cases := []struct {
		password string
		mfa      bool
	}{
		{"password", true},
		{"Football", true},
		{"JENNIFER", true},
		{"congratulations", false}, // 15 characters, but one common word
	}
	for _, c := range cases {
		got := PasswordProblem(c.password, c.mfa)
		if !strings.Contains(got, "most commonly used") {
			t.Errorf("PasswordProblem(%q, mfa=%v) = %q, want the common-password explanation", c.password, c.mfa, got)
		}
	}
	if got := PasswordProblem("congratulations on the news", false); got != "" {
		t.Errorf("a long passphrase containing a common word was refused: %q", got)
	}
}
