package audit

import (
	"errors"
	"fmt"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

// ErrInconsistent means a tree does not extend an earlier signed checkpoint:
// records the checkpoint covered have been changed, removed or reordered.
var ErrInconsistent = errors.New("audit: tree is not consistent with an earlier checkpoint")

// CheckConsistency proves that the tree of size newSize with root newRoot,
// whose stored hashes r can read, contains the tree signed in old as a
// prefix. It uses an RFC 6962 consistency proof (tlog.ProveTree and
// tlog.CheckTree), so it reads O(log n) hashes rather than the whole log.
//
// The proof is built from r but checked against old.Root, which only the
// signing key could have produced: stored hashes rewritten below old.Size
// fail the check.
func CheckConsistency(old Checkpoint, newSize int64, newRoot tlog.Hash, r tlog.HashReader) error {
	switch {
	case old.Size == 0:
		return nil
	case newSize < old.Size:
		return fmt.Errorf("%w: the log holds %d records, fewer than the %s", ErrInconsistent, newSize, old.Describe())
	case newSize == old.Size:
		if newRoot != old.Root {
			return fmt.Errorf("%w: root differs from the %s", ErrInconsistent, old.Describe())
		}
		return nil
	}
	proof, err := tlog.ProveTree(newSize, old.Size, r)
	if err != nil {
		return fmt.Errorf("audit: prove tree of size %d extends size %d: %w", newSize, old.Size, err)
	}
	if err := tlog.CheckTree(proof, newSize, newRoot, old.Size, old.Root); err != nil {
		return fmt.Errorf("%w: the tree of size %d does not extend the %s", ErrInconsistent, newSize, old.Describe())
	}
	return nil
}

// Next signs a checkpoint for the tree of size with root, after checking
// that prev, the latest checkpoint stored (zero when there is none), was
// signed with this same key and that the tree extends it. r reads the
// tree's stored hashes for the consistency proof.
//
// So an instance never signs over a log that has been rewritten below its
// last checkpoint, and an instance given the wrong key file fails loudly at
// its first checkpoint rather than writing checkpoints no one can verify.
func (s *Signer) Next(prev Checkpoint, size int64, root tlog.Hash, at time.Time, r tlog.HashReader) (Checkpoint, error) {
	if err := s.CheckSigned(prev); err != nil {
		return Checkpoint{}, err
	}
	if err := CheckConsistency(prev, size, root, r); err != nil {
		return Checkpoint{}, err
	}
	return s.Sign(size, root, at), nil
}

// CheckSigned reports an error unless c, the latest stored checkpoint, was
// signed with this signer's key. The zero checkpoint (none yet) passes.
func (s *Signer) CheckSigned(c Checkpoint) error {
	if c.Size == 0 {
		return nil
	}
	if err := c.VerifySignature(s.Public()); err != nil {
		return fmt.Errorf("audit: the latest stored %s was not signed with this instance's key (instances sharing a database must share %s): %w",
			c.Describe(), KeyFileName, err)
	}
	return nil
}
