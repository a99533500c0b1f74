package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/store"
)

// runCLI runs the steadfast command in-process and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestUserCommands(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, "user", "list", "--data", dir); code == 0 || !strings.Contains(stderr, "migrate") {
		t.Errorf("user list on an empty directory: exit %d, %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "migrate", "--data", dir); code != 0 {
		t.Fatal("migrate failed")
	}
	if code, _, stderr := runCLI(t, "user", "add", "--data", dir, "--email", "a@example.org", "--name", "A", "--role", "admin"); code == 0 || !strings.Contains(stderr, "no organisation yet") {
		t.Errorf("user add before setup: exit %d, %q", code, stderr)
	}

	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	org, err := db.CreateOrganisation(ctx, "Harbour Family Service")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, store.NewUser{OrgID: org.ID, Email: "first@example.org", Name: "First Admin", Role: access.Admin, PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Without the service's signing key, nothing is changed.
	if code, _, stderr := runCLI(t, "user", "add", "--data", dir, "--email", "early@example.org", "--name", "Early", "--role", "practitioner"); code == 0 || !strings.Contains(stderr, "no audit signing key") {
		t.Errorf("user add without the audit key: exit %d, %q", code, stderr)
	}
	if _, err := audit.LoadOrCreateKey(audit.KeyPath(dir)); err != nil { // as the service's first start does
		t.Fatal(err)
	}

	code, stdout, stderr := runCLI(t, "user", "add", "--data", dir, "--email", "Dee.Lane@Example.org", "--name", "Dee Lane", "--role", "practitioner", "--base-url", "https://steadfast.example.org/")
	if code != 0 || !strings.Contains(stdout, "https://steadfast.example.org/set-password/") || !strings.Contains(stdout, "Dee Lane") {
		t.Fatalf("user add: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "user", "add", "--data", dir, "--email", "dee.lane@example.org", "--name", "Dee", "--role", "practitioner"); code == 0 || !strings.Contains(stderr, "already has an account") {
		t.Errorf("duplicate user add: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "user", "add", "--data", dir, "--email", "nope", "--name", "", "--role", "parent"); code == 0 ||
		!strings.Contains(stderr, "--role must be") || !strings.Contains(stderr, "correct format") || !strings.Contains(stderr, "Enter a name") {
		t.Errorf("bad user add: exit %d, %q", code, stderr)
	}

	code, stdout, _ = runCLI(t, "user", "list", "--data", dir)
	if code != 0 || !strings.Contains(stdout, "dee.lane@example.org") || !strings.Contains(stdout, "invited") || !strings.Contains(stdout, "First Admin") {
		t.Errorf("user list: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := runCLI(t, "user", "disable", "--data", dir, "dee.lane@example.org"); code != 0 || !strings.Contains(stdout, "Disabled Dee Lane") {
		t.Errorf("user disable: exit %d %q", code, stdout)
	}
	if code, _, stderr := runCLI(t, "user", "disable", "--data", dir, "first@example.org"); code == 0 || !strings.Contains(stderr, "last active administrator") {
		t.Errorf("disabling the last admin: exit %d %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "user", "disable", "--data", dir, "ghost@example.org"); code == 0 || !strings.Contains(stderr, "no account") {
		t.Errorf("disabling an unknown email: exit %d %q", code, stderr)
	}
	if _, stdout, _ := runCLI(t, "user", "list", "--data", dir); !strings.Contains(stdout, "disabled") {
		t.Errorf("user list after disable:\n%s", stdout)
	}
	// The changes made from the command line are in the audit trail, which verifies.
	if code, stdout, stderr := runCLI(t, "audit", "verify", "--data", dir); code != 0 || !strings.Contains(stdout, "verified") {
		t.Errorf("audit verify after user commands: exit %d\n%s\n%s", code, stdout, stderr)
	}
	db, err = store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	page, err := db.ListAudit(ctx, org.ID, store.AuditFilter{ResourceType: "user"}, 10, 0)
	// Each request is recorded before it is tried: the add, the repeated add,
	// the disable and the refused disable of the last administrator.
	if err != nil || page.Total != 4 {
		t.Errorf("audit events for the user commands: %d, %v; want 4", page.Total, err)
	}
	if code, _, _ := runCLI(t, "user"); code != 2 {
		t.Errorf("bare `user`: exit %d, want 2", code)
	}
}
