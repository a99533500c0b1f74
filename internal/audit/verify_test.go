package audit_test

import (
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/audit"
)

// buildLog appends n records to a fresh store, writing a checkpoint after
// each size listed in at.
func buildLog(t *testing.T, n int, at ...int) (*memStore, *audit.Signer) {
	t.Helper()
	m, s := newMemStore(), newSigner(t)
	done := 0
	for _, size := range append(at, n) {
		appendN(t, m, size-done)
		done = size
		if size == n && !contains(at, n) {
			break
		}
		if _, _, err := m.WriteAuditCheckpoint(t.Context(), s); err != nil {
			t.Fatal(err)
		}
	}
	return m, s
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// verifyRecords runs the Verifier over cps and recs.
func verifyRecords(pub ed25519.PublicKey, cps []audit.Checkpoint, recs []audit.Record) (audit.Result, error) {
	v := audit.NewVerifier(pub)
	if err := v.AddCheckpoints("test", cps); err != nil {
		return audit.Result{}, err
	}
	for _, r := range recs {
		if err := v.Add(r); err != nil {
			return audit.Result{}, err
		}
	}
	return v.Finish()
}

// problem asserts that err is a *Problem of the given kind naming seq (-1
// for none), with detail containing want.
func problem(t *testing.T, err error, kind audit.ProblemKind, seq int64, want string) {
	t.Helper()
	var p *audit.Problem
	if !errors.As(err, &p) {
		t.Fatalf("err = %v, want a *audit.Problem", err)
	}
	if p.Kind != kind || p.Seq != seq || !strings.Contains(p.Error(), want) {
		t.Fatalf("problem = %+v (%q), want kind %s, seq %d, containing %q", p, p.Error(), kind, seq, want)
	}
}

func TestVerifyUntouchedLog(t *testing.T) {
	m, s := buildLog(t, 20, 5, 8, 16)
	res, err := verifyRecords(s.Public(), m.cps, m.recs)
	if err != nil {
		t.Fatal(err)
	}
	root, _ := m.tree.Root()
	if res.Records != 20 || res.Checkpoints != 3 || res.Latest.Size != 16 || res.Unsigned != 4 || res.Root != root {
		t.Errorf("result %+v", res)
	}
	// An empty log with no checkpoints verifies too.
	if res, err := verifyRecords(nil, nil, nil); err != nil || res.Records != 0 {
		t.Errorf("empty log: %+v, %v", res, err)
	}
}

func TestVerifyChangedRecord(t *testing.T) {
	m, s := buildLog(t, 12, 10)
	recs := append([]audit.Record(nil), m.recs...)
	recs[6].ActorID = "someone-else"
	_, err := verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Changed, 6, "record 6 (id ev6)")

	// Changed after the last checkpoint is still caught by its leaf hash.
	recs = append([]audit.Record(nil), m.recs...)
	recs[11].Reason = "edited"
	_, err = verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Changed, 11, "was changed")
}

func TestVerifyChangedRecordWithItsLeafHash(t *testing.T) {
	m, s := buildLog(t, 12, 10)
	recs := append([]audit.Record(nil), m.recs...)
	recs[4].Decision = audit.Deny
	recs[4].LeafHash = audit.LeafHash(recs[4].Event)
	// The stored tree still holds the original leaf.
	_, err := verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Changed, 4, "stored tree")

	// Rewrite the stored tree too, and only the signed root is left to tell.
	for i := range recs {
		recs[i].Stored = nil
	}
	_, err = verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Mismatch, -1, "records 0 to 9 do not produce the root signed")
}

func TestVerifyRemovedTail(t *testing.T) {
	m, s := buildLog(t, 10, 10)
	_, err := verifyRecords(s.Public(), m.cps, m.recs[:7])
	problem(t, err, audit.Missing, -1, "log shorter than checkpoint size")
	problem(t, err, audit.Missing, -1, "records missing after 6")

	_, err = verifyRecords(s.Public(), m.cps, nil)
	problem(t, err, audit.Missing, -1, "the log holds 0")
}

func TestVerifyGap(t *testing.T) {
	m, s := buildLog(t, 10, 10)
	recs := append(append([]audit.Record(nil), m.recs[:3]...), m.recs[5:]...)
	_, err := verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Missing, -1, "records missing after 2: the next record is 5")

	_, err = verifyRecords(s.Public(), nil, m.recs[2:])
	problem(t, err, audit.Missing, -1, "records missing before record 2")
}

func TestVerifyReordered(t *testing.T) {
	m, s := buildLog(t, 10, 10)
	recs := append([]audit.Record(nil), m.recs...)
	recs[3], recs[4] = recs[4], recs[3]
	_, err := verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Reordered, 4, "record 3 comes after it")

	// A record repeated is out of place too.
	recs = append(append([]audit.Record(nil), m.recs[:5]...), m.recs[4:]...)
	_, err = verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Reordered, 4, "after record 4")

	// Contents swapped between two positions no longer match their Seq.
	recs = append([]audit.Record(nil), m.recs...)
	recs[3].Event, recs[4].Event = m.recs[4].Event, m.recs[3].Event
	recs[3].Seq, recs[4].Seq = 3, 4
	recs[3].LeafHash, recs[4].LeafHash = m.recs[4].LeafHash, m.recs[3].LeafHash
	_, err = verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.Changed, 3, "was changed")
}

func TestVerifyBadStoredHash(t *testing.T) {
	m, s := buildLog(t, 8, 8)
	recs := append([]audit.Record(nil), m.recs...)
	recs[7].Stored = append(recs[7].Stored[:1:1], recs[7].Stored[1:]...)
	recs[7].Stored[2][0] ^= 1
	_, err := verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.StoredHashes, 7, "stored tree hash")

	recs[7].Stored = recs[7].Stored[:1]
	_, err = verifyRecords(s.Public(), m.cps, recs)
	problem(t, err, audit.StoredHashes, 7, "1 tree hashes are stored with it")
}

func TestVerifyBadSignatures(t *testing.T) {
	m, s := buildLog(t, 10, 5, 10)
	forged := append([]audit.Checkpoint(nil), m.cps...)
	forged[1].Root[0] ^= 1
	_, err := verifyRecords(s.Public(), forged, m.recs)
	problem(t, err, audit.BadSignature, -1, "checkpoint at size 10")

	// A checkpoint signed with another key, such as one an intruder made
	// after rewriting the log, does not verify with the log's key.
	other := newSigner(t)
	root, _ := m.tree.Root()
	_, err = verifyRecords(s.Public(), []audit.Checkpoint{other.Sign(10, root, m.now)}, m.recs)
	problem(t, err, audit.BadSignature, -1, "does not verify with the audit key")

	_, err = verifyRecords(nil, m.cps, m.recs)
	problem(t, err, audit.BadSignature, -1, "there is no signing key")
}

func TestVerifyCheckpointWithWrongRoot(t *testing.T) {
	m, s := buildLog(t, 10, 10)
	wrong := s.Sign(6, m.cps[0].Root, m.now) // a real signature over the wrong size
	_, err := verifyRecords(s.Public(), append(m.cps, wrong), m.recs)
	problem(t, err, audit.Mismatch, -1, "records 0 to 5")
}

func TestVerifyStoredChecksTheFile(t *testing.T) {
	dir := t.TempDir()
	key, err := audit.LoadOrCreateKey(audit.KeyPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := audit.NewSigner(key)
	m := newMemStore()
	files := audit.FilesIn(dir)
	for range 3 {
		appendN(t, m, 4)
		cp, _, err := m.WriteAuditCheckpoint(t.Context(), s)
		if err != nil {
			t.Fatal(err)
		}
		if err := audit.AppendCheckpointFile(files.Checkpoints, cp); err != nil {
			t.Fatal(err)
		}
	}
	res, err := audit.VerifyStored(t.Context(), m, files)
	if err != nil || res.Records != 12 || res.Checkpoints != 6 || res.FromFile != 3 {
		t.Fatalf("VerifyStored = %+v, %v", res, err)
	}

	// Remove the newest records and every checkpoint from the "database":
	// the file still holds the checkpoint at size 12.
	m.recs, m.cps = m.recs[:8], nil
	_, err = audit.VerifyStored(t.Context(), m, files)
	problem(t, err, audit.Missing, -1, "records missing after 7")
	problem(t, err, audit.Missing, -1, files.Checkpoints)

	// Without the file, the database's own checkpoints are still demanded.
	m2, _ := buildLog(t, 4, 4)
	if err := os.Remove(files.Checkpoints); err != nil {
		t.Fatal(err)
	}
	_, err = audit.VerifyStored(t.Context(), m2, files)
	problem(t, err, audit.Missing, -1, "checkpoint file")

	// With no key at all, only an unsigned log can verify.
	empty := audit.FilesIn(filepath.Join(dir, "none"))
	if _, err := audit.VerifyStored(t.Context(), newMemStore(), empty); err != nil {
		t.Errorf("empty log, no key: %v", err)
	}
}
