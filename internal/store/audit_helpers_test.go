package store_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"testing"

	"github.com/steadfast-care/steadfast/internal/audit"
)

func newTestSigner(t testing.TB) *audit.Signer {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := audit.NewSigner(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
