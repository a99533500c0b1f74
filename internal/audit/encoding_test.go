package audit_test

import (
	"bytes"
	"encoding/hex"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/audit"
)

func sampleEvent() audit.Event {
	return audit.Event{
		ID: "k2v7c3xq5m4abcdefghi", Seq: 41, OrgID: "orgaaaaaaaaaaaaaaaaa", ActorID: "useraaaaaaaaaaaaaaaa",
		ActorRole: "practitioner", Action: audit.Read, ResourceType: "family", ResourceID: "famaaaaaaaaaaaaaaaaa",
		Decision: audit.Allow, Reason: "allocated", At: time.Date(2026, 11, 23, 9, 30, 15, 123456000, time.UTC),
		RequestID: "req-1", ClientAddr: "192.0.2.7",
	}
}

// TestEncodingIsFixed pins the version 1 encoding and leaf hash. If this test
// fails, the encoding changed and every stored log would stop verifying:
// give a new encoding a new version byte instead of editing this test.
func TestEncodingIsFixed(t *testing.T) {
	want := "01" + // version
		"0000000000000029" + // seq 41
		"000660ee3dc5da00" + // 2026-11-23T09:30:15.123456Z in microseconds
		"14" + hex.EncodeToString([]byte("k2v7c3xq5m4abcdefghi")) +
		"14" + hex.EncodeToString([]byte("orgaaaaaaaaaaaaaaaaa")) +
		"14" + hex.EncodeToString([]byte("useraaaaaaaaaaaaaaaa")) +
		"0c" + hex.EncodeToString([]byte("practitioner")) +
		"04" + hex.EncodeToString([]byte("read")) +
		"06" + hex.EncodeToString([]byte("family")) +
		"14" + hex.EncodeToString([]byte("famaaaaaaaaaaaaaaaaa")) +
		"05" + hex.EncodeToString([]byte("allow")) +
		"09" + hex.EncodeToString([]byte("allocated")) +
		"05" + hex.EncodeToString([]byte("req-1")) +
		"09" + hex.EncodeToString([]byte("192.0.2.7"))
	if got := hex.EncodeToString(audit.Encode(sampleEvent())); got != want {
		t.Errorf("Encode =\n%s\nwant\n%s", got, want)
	}
	const wantLeaf = "ddcf983761ef1d759ee67bb8c21070b191eb5b86a8fbe4724efb4e7d2e9a10a9"
	if leaf := audit.LeafHash(sampleEvent()); hex.EncodeToString(leaf[:]) != wantLeaf {
		t.Errorf("LeafHash = %x, want %s", leaf, wantLeaf)
	}
}

// TestEncodingSeparatesFields checks that moving bytes between neighbouring
// fields, or changing any one field, changes the encoding.
func TestEncodingSeparatesFields(t *testing.T) {
	a, b := sampleEvent(), sampleEvent()
	a.ActorID, a.ActorRole = "ab", "c"
	b.ActorID, b.ActorRole = "a", "bc"
	if bytes.Equal(audit.Encode(a), audit.Encode(b)) {
		t.Error("field boundaries are ambiguous")
	}
	base := audit.LeafHash(sampleEvent())
	changes := map[string]func(*audit.Event){
		"id":       func(e *audit.Event) { e.ID += "x" },
		"seq":      func(e *audit.Event) { e.Seq++ },
		"org":      func(e *audit.Event) { e.OrgID += "x" },
		"actor":    func(e *audit.Event) { e.ActorID = "" },
		"role":     func(e *audit.Event) { e.ActorRole = "admin" },
		"action":   func(e *audit.Event) { e.Action = audit.Update },
		"type":     func(e *audit.Event) { e.ResourceType = "child" },
		"resource": func(e *audit.Event) { e.ResourceID += "x" },
		"decision": func(e *audit.Event) { e.Decision = audit.Deny },
		"reason":   func(e *audit.Event) { e.Reason = "" },
		"time":     func(e *audit.Event) { e.At = e.At.Add(time.Microsecond) },
		"request":  func(e *audit.Event) { e.RequestID = "req-2" },
		"client":   func(e *audit.Event) { e.ClientAddr = "192.0.2.8" },
	}
	for name, change := range changes {
		e := sampleEvent()
		change(&e)
		if audit.LeafHash(e) == base {
			t.Errorf("changing %s left the leaf hash unchanged", name)
		}
	}
}

func TestValidate(t *testing.T) {
	if err := sampleEvent().Validate(); err != nil {
		t.Fatalf("sample event invalid: %v", err)
	}
	bad := map[string]func(*audit.Event){
		"no action":      func(e *audit.Event) { e.Action = "" },
		"odd decision":   func(e *audit.Event) { e.Decision = "maybe" },
		"NUL":            func(e *audit.Event) { e.Reason = "a\x00b" },
		"invalid UTF-8":  func(e *audit.Event) { e.ResourceID = "\xff" },
		"long reason":    func(e *audit.Event) { e.Reason = string(make([]byte, audit.MaxReasonBytes+1)) },
		"long client":    func(e *audit.Event) { e.ClientAddr = string(bytes.Repeat([]byte("a"), audit.MaxFieldBytes+1)) },
		"negative seq":   func(e *audit.Event) { e.Seq = -1 },
		"long action":    func(e *audit.Event) { e.Action = audit.Action(bytes.Repeat([]byte("a"), audit.MaxFieldBytes+1)) },
		"long actor ID":  func(e *audit.Event) { e.ActorID = string(bytes.Repeat([]byte("a"), audit.MaxFieldBytes+1)) },
		"NUL in request": func(e *audit.Event) { e.RequestID = "\x00" },
	}
	for name, change := range bad {
		e := sampleEvent()
		change(&e)
		if err := e.Validate(); err == nil {
			t.Errorf("%s: Validate accepted it", name)
		}
	}
}

func TestNormaliseKeepsMicroseconds(t *testing.T) {
	e := sampleEvent()
	e.At = time.Date(2026, 1, 2, 3, 4, 5, 6789, time.FixedZone("x", 3600))
	n := e.Normalise()
	if n.At.Location() != time.UTC || n.At.Nanosecond() != 6000 || !n.At.Equal(e.At.Truncate(time.Microsecond)) {
		t.Errorf("Normalise: %v", n.At)
	}
}
