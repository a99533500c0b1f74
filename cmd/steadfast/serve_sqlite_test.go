package main

import (
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSQLite runs Steadfast as a charity would: SQLite in a data
// directory, first-run setup through the printed link, then a restart.
func TestServeSQLite(t *testing.T) {
	t.Parallel()
	data := filepath.Join(t.TempDir(), "data")
	srv, base := startServe(t, "serve", "--data", data)

	// First run: a setup link on the running address, and no account to sign in with.
	token := srv.setupToken()
	if token == "" {
		t.Fatalf("first start printed no setup link\n%s", srv.output())
	}
	if !strings.Contains(srv.stdout.String(), base+"/setup/"+token) {
		t.Errorf("setup link is not on the running address %s\n%s", base, srv.output())
	}
	if _, err := os.Stat(filepath.Join(data, "steadfast.db")); err != nil {
		t.Errorf("no SQLite database in --data: %v", err)
	}

	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(jar)

	// Operations endpoints.
	if r := do(t, c, http.MethodGet, base+"/healthz", nil); r.status != http.StatusOK || strings.TrimSpace(r.body) != "ok" {
		t.Errorf("GET /healthz: %d %q, want 200 \"ok\"", r.status, r.body)
	}
	if r := do(t, c, http.MethodGet, base+"/readyz", nil); r.status != http.StatusOK {
		t.Errorf("GET /readyz: %d %q, want 200\n%s", r.status, r.body, srv.output())
	}
	m := do(t, c, http.MethodGet, base+"/metrics", nil)
	if m.status != http.StatusOK || !strings.HasPrefix(m.header.Get("Content-Type"), "text/plain") {
		t.Errorf("GET /metrics: %d %q, want 200 Prometheus text", m.status, m.header.Get("Content-Type"))
	}
	if !hasMetricLine(m.body, "steadfast_http_request_duration_seconds", `route="GET /healthz"`) {
		t.Errorf("/metrics has no steadfast_http_request_duration_seconds sample for route=\"GET /healthz\":\n%s", m.body)
	}

	// Before setup nobody is signed in.
	if r := do(t, c, http.MethodGet, base+"/", nil); r.status != http.StatusSeeOther || r.header.Get("Location") != "/sign-in" {
		t.Errorf("GET / before setup: %d to %q, want 303 to /sign-in", r.status, r.header.Get("Location"))
	}

	// Only the printed link opens setup.
	if r := do(t, c, http.MethodGet, base+"/setup/not-the-token", nil); r.status != http.StatusNotFound {
		t.Errorf("GET /setup/not-the-token: %d, want 404", r.status)
	}

	// Setup makes the organisation and its administrator, and signs them in.
	if r := do(t, c, http.MethodGet, base+"/setup/"+token, nil); r.status != http.StatusOK {
		t.Fatalf("GET /setup/TOKEN: %d, want 200\n%s", r.status, srv.output())
	}
	session := completeSetup(t, c, base, token)
	if !awaitingTwoStep(t, c, base) {
		t.Fatalf("after setup, the administrator is not signed in and sent to set up two-step sign-in\n%s", srv.output())
	}
	// The link works once.
	if r := do(t, newClient(nil), http.MethodGet, base+"/setup/"+token, nil); r.status != http.StatusGone {
		t.Errorf("GET /setup/TOKEN after setup: %d, want 410", r.status)
	}

	// A restart on the same data offers no setup link, and the session survives.
	srv.stop()
	again, base2 := startServe(t, "serve again", "--data", data)
	if strings.Contains(again.stdout.String(), "/setup/") {
		t.Errorf("restart after setup printed a setup link\n%s", again.output())
	}
	if !awaitingTwoStep(t, newClient(nil), base2, session) {
		t.Errorf("after a restart, the session cookie no longer works\n%s", again.output())
	}
}

// hasMetricLine reports whether a sample line of the named metric family
// carries the label.
func hasMetricLine(body, family, label string) bool {
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(l, family) && strings.Contains(l, label) {
			return true
		}
	}
	return false
}
