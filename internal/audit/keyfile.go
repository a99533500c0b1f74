package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// KeyFileName is the signing key's file in the data directory.
//
// The key is kept outside the database on purpose: someone who can rewrite
// the database but cannot read this file cannot forge checkpoints. Every
// instance that shares one PostgreSQL database must use the same key file
// (copy it, or mount the same data directory), or the checkpoints one
// instance writes will not verify on another.
const KeyFileName = "audit-signing.key"

// KeyPath returns the signing key's path inside dataDir.
func KeyPath(dataDir string) string { return filepath.Join(dataDir, KeyFileName) }

// LoadOrCreateKey reads the Ed25519 signing key at path, creating it (mode
// 0600, PKCS #8 in PEM) if it does not exist. Instances starting together
// cannot create two different keys: the new key is written to a temporary
// file and linked into place, which fails if another instance got there
// first, whose key is then read instead.
func LoadOrCreateKey(path string) (ed25519.PrivateKey, error) {
	key, err := LoadKey(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("audit: create directory for signing key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("audit: generate signing key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, fmt.Errorf("audit: encode signing key: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".audit-signing-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("audit: write signing key: %w", err)
	}
	defer os.Remove(tmp.Name())
	werr := pem.Encode(tmp, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	werr = errors.Join(werr, tmp.Chmod(0o600), tmp.Sync(), tmp.Close())
	if werr != nil {
		return nil, fmt.Errorf("audit: write signing key: %w", werr)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("audit: install signing key at %s: %w", path, err)
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	return LoadKey(path)
}

// LoadKey reads the Ed25519 signing key at path. A missing file gives an
// error that matches fs.ErrNotExist.
func LoadKey(path string) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("audit: read signing key: %w", err)
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("audit: %s does not hold a PEM private key", path)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("audit: parse signing key %s: %w", path, err)
	}
	key, ok := parsed.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("audit: %s holds a %T, not an Ed25519 key", path, parsed)
	}
	return key, nil
}

// syncDir makes a new directory entry durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("audit: open %s to sync: %w", dir, err)
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}
