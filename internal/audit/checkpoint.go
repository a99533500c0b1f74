package audit

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

// CheckpointOrigin is the first line of every signed checkpoint text. It
// keeps a signature over an audit checkpoint from being mistaken for a
// signature over anything else.
const CheckpointOrigin = "steadfast-audit"

// checkpointTimeFormat writes times with exactly six fractional digits, so
// the signed text of a checkpoint has one spelling.
const checkpointTimeFormat = "2006-01-02T15:04:05.000000Z"

// Checkpoint is a signed statement that the log held Size records whose
// tree hash was Root, made at At.
type Checkpoint struct {
	Size      int64
	Root      tlog.Hash
	At        time.Time
	Signature []byte // Ed25519 over SignedText
}

// SignedText is what the signature covers:
//
//	steadfast-audit\n
//	<size in decimal>\n
//	<root, standard base64>\n
//	<time, UTC, 2006-01-02T15:04:05.000000Z>\n
func (c Checkpoint) SignedText() []byte {
	return fmt.Appendf(nil, "%s\n%d\n%s\n%s\n", CheckpointOrigin, c.Size,
		base64.StdEncoding.EncodeToString(c.Root[:]), c.At.UTC().Format(checkpointTimeFormat))
}

// Describe names the checkpoint for people: its size and time.
func (c Checkpoint) Describe() string {
	return fmt.Sprintf("checkpoint at size %d (signed %s)", c.Size, c.At.UTC().Format(time.RFC3339))
}

// Signer signs checkpoints with the audit log's Ed25519 key.
type Signer struct{ key ed25519.PrivateKey }

// NewSigner returns a signer for key.
func NewSigner(key ed25519.PrivateKey) (*Signer, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("audit: signing key is %d bytes, want %d", len(key), ed25519.PrivateKeySize)
	}
	return &Signer{key: key}, nil
}

// Public returns the key that verifies this signer's checkpoints.
func (s *Signer) Public() ed25519.PublicKey { return s.key.Public().(ed25519.PublicKey) }

// Sign returns the signed checkpoint for a tree of size with root at time at.
func (s *Signer) Sign(size int64, root tlog.Hash, at time.Time) Checkpoint {
	c := Checkpoint{Size: size, Root: root, At: at.UTC().Truncate(time.Microsecond)}
	c.Signature = ed25519.Sign(s.key, c.SignedText())
	return c
}

// ErrBadSignature means a checkpoint's signature does not verify with the key.
var ErrBadSignature = errors.New("audit: checkpoint signature does not verify")

// VerifySignature checks the checkpoint's signature with pub.
func (c Checkpoint) VerifySignature(pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, c.SignedText(), c.Signature) {
		return ErrBadSignature
	}
	return nil
}

// MarshalLine returns the checkpoint as one line of the checkpoint file,
// without the newline: size, root (base64), time and signature (base64),
// separated by single spaces.
func (c Checkpoint) MarshalLine() string {
	return fmt.Sprintf("%d %s %s %s", c.Size, base64.StdEncoding.EncodeToString(c.Root[:]),
		c.At.UTC().Format(checkpointTimeFormat), base64.StdEncoding.EncodeToString(c.Signature))
}

// ParseCheckpointLine reads a line written by MarshalLine.
func ParseCheckpointLine(line string) (Checkpoint, error) {
	f := strings.Split(line, " ")
	if len(f) != 4 {
		return Checkpoint{}, fmt.Errorf("audit: checkpoint line has %d fields, want 4", len(f))
	}
	var c Checkpoint
	var err error
	if c.Size, err = strconv.ParseInt(f[0], 10, 64); err != nil || c.Size < 0 {
		return Checkpoint{}, fmt.Errorf("audit: checkpoint size %q is not a count", f[0])
	}
	root, err := base64.StdEncoding.Strict().DecodeString(f[1])
	if err != nil || len(root) != tlog.HashSize {
		return Checkpoint{}, fmt.Errorf("audit: checkpoint root %q is not a base64 SHA-256 hash", f[1])
	}
	copy(c.Root[:], root)
	if c.At, err = time.Parse(checkpointTimeFormat, f[2]); err != nil {
		return Checkpoint{}, fmt.Errorf("audit: checkpoint time %q: %w", f[2], err)
	}
	if c.Signature, err = base64.StdEncoding.Strict().DecodeString(f[3]); err != nil {
		return Checkpoint{}, fmt.Errorf("audit: checkpoint signature %q is not base64", f[3])
	}
	return c, nil
}
