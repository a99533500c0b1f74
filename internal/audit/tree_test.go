package audit_test

import (
	"fmt"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/steadfast-care/steadfast/internal/audit"
)

// hashMap is a tlog.HashReader over every stored hash, the reference the
// Tree is checked against.
type hashMap map[int64]tlog.Hash

func (m hashMap) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		h, ok := m[x]
		if !ok {
			return nil, fmt.Errorf("no hash %d", x)
		}
		out[i] = h
	}
	return out, nil
}

func leafData(n int64) []byte { return fmt.Appendf(nil, "leaf %d", n) }

// TestTreeMatchesTlog appends leaves to a Tree and, with tlog's own
// functions over the full set of stored hashes, checks every stored hash and
// the root at every size.
func TestTreeMatchesTlog(t *testing.T) {
	ref := hashMap{}
	tree := audit.NewTree()
	if root, err := tree.Root(); err != nil || root != mustTreeHash(t, 0, ref) {
		t.Fatalf("empty root %v, %v", root, err)
	}
	for n := int64(0); n < 300; n++ {
		want, err := tlog.StoredHashes(n, leafData(n), ref)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range want {
			ref[tlog.StoredHashIndex(0, n)+int64(i)] = h
		}
		got, err := tree.Append(tlog.RecordHash(leafData(n)))
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("leaf %d: stored hashes %v, want %v", n, got, want)
		}
		first, end := audit.StoredHashRange(n)
		if first != tlog.StoredHashIndex(0, n) || end-first != int64(len(want)) || end != tlog.StoredHashCount(n+1) {
			t.Fatalf("leaf %d: StoredHashRange = [%d, %d), want %d hashes from %d", n, first, end, len(want), tlog.StoredHashIndex(0, n))
		}
		root, err := tree.Root()
		if err != nil {
			t.Fatal(err)
		}
		if root != mustTreeHash(t, n+1, ref) {
			t.Fatalf("size %d: root differs from tlog.TreeHash", n+1)
		}
		if tree.Size() != n+1 {
			t.Fatalf("size %d after %d appends", tree.Size(), n+1)
		}
	}

	// A tree resumed from the stored edge carries on identically.
	for _, size := range []int64{1, 2, 3, 64, 100, 255} {
		edge, err := ref.ReadHashes(audit.EdgeIndexes(size))
		if err != nil {
			t.Fatal(err)
		}
		resumed, err := audit.ResumeTree(size, edge)
		if err != nil {
			t.Fatal(err)
		}
		for n := size; n < 300; n++ {
			if _, err := resumed.Append(tlog.RecordHash(leafData(n))); err != nil {
				t.Fatal(err)
			}
		}
		if root, _ := resumed.Root(); root != mustTreeHash(t, 300, ref) {
			t.Errorf("tree resumed at %d ends with a different root", size)
		}
	}
	if _, err := audit.ResumeTree(5, nil); err == nil {
		t.Error("ResumeTree accepted too few edge hashes")
	}
}

func mustTreeHash(t *testing.T, n int64, r tlog.HashReader) tlog.Hash {
	t.Helper()
	h, err := tlog.TreeHash(n, r)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
