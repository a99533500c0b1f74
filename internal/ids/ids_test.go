package ids

import "testing"

func TestNew(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := New()
		if !Valid(id) {
			t.Fatalf("New() = %q is not Valid", id)
		}
		if seen[id] {
			t.Fatalf("New() repeated %q", id)
		}
		seen[id] = true
	}
	for _, bad := range []string{"", "short", "AAAAAAAAAAAAAAAAAAAA", "aaaaaaaaaaaaaaaaaaa1", "aaaaaaaaaaaaaaaaaaaaa", "../../etc/passwd00000"} {
		if Valid(bad) {
			t.Errorf("Valid(%q) = true", bad)
		}
	}
}

func TestToken(t *testing.T) {
	a, b := Token(), Token()
	if len(a) != 52 || a == b {
		t.Errorf("Token() = %q, %q; want two different 52-character (256-bit) tokens", a, b)
	}
}
