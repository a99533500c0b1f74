package audit

import (
	"fmt"
	"math/bits"

	"golang.org/x/mod/sumdb/tlog"
)

// Tree is the right edge of an RFC 6962 Merkle tree: the hashes of its
// complete subtrees, at most one per level. That is all that is needed to
// append leaves and to compute the root, so a Tree stays at most 64 hashes
// however long the log grows.
//
// Hashes are addressed by tlog's stored hash index (tlog.StoredHashIndex), the
// same index the store keeps them under, and are computed by tlog itself.
type Tree struct {
	size int64
	edge map[int64]tlog.Hash
}

// NewTree returns the empty tree.
func NewTree() *Tree { return &Tree{edge: map[int64]tlog.Hash{}} }

// EdgeIndexes returns the stored hash indexes of the complete subtrees that
// make up a tree of the given size, largest first: what ResumeTree needs.
func EdgeIndexes(size int64) []int64 {
	var idx []int64
	var lo int64
	for level := 62; level >= 0; level-- {
		if size&(1<<level) == 0 {
			continue
		}
		idx = append(idx, tlog.StoredHashIndex(level, lo>>level))
		lo += 1 << level
	}
	return idx
}

// ResumeTree rebuilds a tree of the given size from the stored hashes at
// EdgeIndexes(size), in that order.
func ResumeTree(size int64, hashes []tlog.Hash) (*Tree, error) {
	idx := EdgeIndexes(size)
	if len(hashes) != len(idx) {
		return nil, fmt.Errorf("audit: resume tree of size %d: got %d edge hashes, want %d", size, len(hashes), len(idx))
	}
	t := &Tree{size: size, edge: make(map[int64]tlog.Hash, len(idx))}
	for i, x := range idx {
		t.edge[x] = hashes[i]
	}
	return t, nil
}

// Size is the number of leaves in the tree.
func (t *Tree) Size() int64 { return t.size }

// ReadHashes implements tlog.HashReader over the tree's edge. It can serve
// exactly the hashes tlog needs to append a leaf or compute the root.
func (t *Tree) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		h, ok := t.edge[x]
		if !ok {
			return nil, fmt.Errorf("audit: tree of size %d does not hold stored hash %d", t.size, x)
		}
		out[i] = h
	}
	return out, nil
}

// Append adds a leaf and returns the hashes to store for it, starting at
// stored index tlog.StoredHashIndex(0, n) where n is the leaf's position:
// the leaf hash, then the hash of every subtree the leaf completes.
func (t *Tree) Append(leaf tlog.Hash) ([]tlog.Hash, error) {
	n := t.size
	stored, err := tlog.StoredHashesForRecordHash(n, leaf, t)
	if err != nil {
		return nil, fmt.Errorf("audit: append leaf %d: %w", n, err)
	}
	// The leaf consumed one complete subtree per trailing 1 bit of n; the
	// new complete subtree (the last hash) replaces them on the edge.
	merged := bits.TrailingZeros64(uint64(n + 1))
	for level := range merged {
		delete(t.edge, tlog.StoredHashIndex(level, n>>level-1))
	}
	t.edge[tlog.StoredHashIndex(merged, n>>merged)] = stored[len(stored)-1]
	t.size++
	return stored, nil
}

// Root returns the tree hash (RFC 6962 Merkle tree hash) of the whole tree.
func (t *Tree) Root() (tlog.Hash, error) {
	h, err := tlog.TreeHash(t.size, t)
	if err != nil {
		return tlog.Hash{}, fmt.Errorf("audit: root of tree of size %d: %w", t.size, err)
	}
	return h, nil
}

// StoredHashRange returns the stored hash indexes [first, end) written with
// leaf n.
func StoredHashRange(n int64) (first, end int64) {
	first = tlog.StoredHashIndex(0, n)
	return first, first + 1 + int64(bits.TrailingZeros64(uint64(n+1)))
}
