package main

import "testing"

// TestVersion checks that the version and commit set at link time are what
// `steadfast version` prints.
func TestVersion(t *testing.T) {
	t.Parallel()
	res := runBinary(t, nil, "version")
	if res.code != 0 {
		t.Fatalf("steadfast version failed:\n%s", res)
	}
	if want := "steadfast v-test (commit abc123)\n"; res.stdout != want {
		t.Errorf("steadfast version printed %q, want %q\n%s", res.stdout, want, res)
	}
}
