package audit_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/steadfast-care/steadfast/internal/audit"
)

func newSigner(t *testing.T) *audit.Signer {
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

func TestCheckpointSignedTextAndLine(t *testing.T) {
	s := newSigner(t)
	root := tlog.RecordHash([]byte("x"))
	at := time.Date(2026, 11, 23, 9, 30, 15, 123456789, time.UTC)
	c := s.Sign(42, root, at)
	want := "steadfast-audit\n42\n" + root.String() + "\n2026-11-23T09:30:15.123456Z\n"
	if string(c.SignedText()) != want {
		t.Errorf("SignedText = %q, want %q", c.SignedText(), want)
	}
	if err := c.VerifySignature(s.Public()); err != nil {
		t.Errorf("own signature: %v", err)
	}
	if err := c.VerifySignature(newSigner(t).Public()); !errors.Is(err, audit.ErrBadSignature) {
		t.Errorf("another key: %v, want ErrBadSignature", err)
	}
	for name, change := range map[string]func(*audit.Checkpoint){
		"size": func(c *audit.Checkpoint) { c.Size++ },
		"root": func(c *audit.Checkpoint) { c.Root[0] ^= 1 },
		"time": func(c *audit.Checkpoint) { c.At = c.At.Add(time.Second) },
	} {
		bad := c
		change(&bad)
		if err := bad.VerifySignature(s.Public()); !errors.Is(err, audit.ErrBadSignature) {
			t.Errorf("changed %s still verifies", name)
		}
	}

	line := c.MarshalLine()
	if strings.ContainsAny(line, "\n") || len(strings.Fields(line)) != 4 {
		t.Errorf("line %q", line)
	}
	back, err := audit.ParseCheckpointLine(line)
	if err != nil {
		t.Fatal(err)
	}
	if back.Size != c.Size || back.Root != c.Root || !back.At.Equal(c.At) || back.VerifySignature(s.Public()) != nil {
		t.Errorf("line round trip: %+v, want %+v", back, c)
	}
	for _, bad := range []string{"", "1 2 3", "x " + line[2:], "-1" + line[2:], line + " extra", strings.Replace(line, "2026-", "2026/", 1)} {
		if _, err := audit.ParseCheckpointLine(bad); err == nil {
			t.Errorf("ParseCheckpointLine(%q) succeeded", bad)
		}
	}
}

func TestCheckpointFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), audit.CheckpointFileName)
	if _, err := audit.ReadCheckpointFile(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	s := newSigner(t)
	var want []audit.Checkpoint
	for i := int64(1); i <= 3; i++ {
		c := s.Sign(i*10, tlog.RecordHash([]byte{byte(i)}), time.Now())
		if err := audit.AppendCheckpointFile(path, c); err != nil {
			t.Fatal(err)
		}
		want = append(want, c)
	}
	got, err := audit.ReadCheckpointFile(path)
	if err != nil || len(got) != 3 {
		t.Fatalf("ReadCheckpointFile = %d checkpoints, %v", len(got), err)
	}
	for i := range got {
		if got[i].Size != want[i].Size || got[i].Root != want[i].Root || got[i].VerifySignature(s.Public()) != nil {
			t.Errorf("checkpoint %d: %+v", i, got[i])
		}
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("checkpoint file mode: %v, %v", fi.Mode(), err)
	}
	if err := os.WriteFile(path, []byte(want[0].MarshalLine()+"\ngarbage\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.ReadCheckpointFile(path); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("garbage line: %v, want an error naming line 2", err)
	}
}

func TestKeyFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	path := audit.KeyPath(dir)
	if _, err := audit.LoadKey(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadKey before creation: %v", err)
	}
	// Several instances starting at once end up with one key.
	keys := make([]ed25519.PrivateKey, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Go(func() {
			k, err := audit.LoadOrCreateKey(path)
			if err != nil {
				t.Error(err)
			}
			keys[i] = k
		})
	}
	wg.Wait()
	for i := range keys {
		if !keys[i].Equal(keys[0]) {
			t.Fatalf("instance %d got a different key", i)
		}
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, %v; want 0600", fi.Mode(), err)
	}
	again, err := audit.LoadKey(path)
	if err != nil || !again.Equal(keys[0]) {
		t.Errorf("reloaded key differs: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".audit-signing-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary key files left behind: %v", leftovers)
	}
	if err := os.WriteFile(path, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.LoadOrCreateKey(path); err == nil {
		t.Error("a corrupt key file was accepted (or replaced)")
	}
}

func TestConsistencyAndNext(t *testing.T) {
	m := newMemStore()
	s := newSigner(t)
	appendN(t, m, 10)
	first, ok, err := m.WriteAuditCheckpoint(t.Context(), s)
	if err != nil || !ok || first.Size != 10 {
		t.Fatalf("first checkpoint: %+v %v %v", first, ok, err)
	}
	appendN(t, m, 7)
	root, _ := m.tree.Root()
	if err := audit.CheckConsistency(first, 17, root, m); err != nil {
		t.Errorf("honest growth: %v", err)
	}
	if err := audit.CheckConsistency(first, 17, tlog.RecordHash([]byte("other")), m); !errors.Is(err, audit.ErrInconsistent) {
		t.Errorf("wrong new root: %v", err)
	}
	if err := audit.CheckConsistency(first, 9, root, m); !errors.Is(err, audit.ErrInconsistent) {
		t.Errorf("shrunk log: %v", err)
	}
	// Rewrite the stored hash of the first eight records, as someone
	// rewriting history would have to: the proof no longer links the signed
	// root to the new one.
	m.hashes[tlog.StoredHashIndex(3, 0)] = tlog.RecordHash([]byte("forged"))
	forged, _ := tlog.TreeHash(17, m)
	if err := audit.CheckConsistency(first, 17, forged, m); !errors.Is(err, audit.ErrInconsistent) {
		t.Errorf("rewritten history: %v", err)
	}
	if _, err := s.Next(first, 17, forged, time.Now(), m); err == nil {
		t.Error("Next signed over rewritten history")
	}
	if _, err := newSigner(t).Next(first, 17, root, time.Now(), hashMap{}); err == nil || !strings.Contains(err.Error(), audit.KeyFileName) {
		t.Errorf("Next with another key: %v", err)
	}
}

func appendN(t *testing.T, m *memStore, n int) {
	t.Helper()
	events := make([]audit.Event, n)
	for i := range events {
		events[i] = audit.Event{OrgID: "org", ActorID: "u1", ActorRole: "practitioner", Action: audit.Read,
			ResourceType: "family", ResourceID: "f1", Decision: audit.Allow}
	}
	if err := m.AppendAudit(t.Context(), events); err != nil {
		t.Fatal(err)
	}
}
