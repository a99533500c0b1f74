package main

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// TestReadyzFollowsDatabase checks that /readyz answers 503 while the
// database cannot be reached and 200 again once it can, while /healthz, which
// says only that the process is alive, stays 200 throughout.
func TestReadyzFollowsDatabase(t *testing.T) {
	t.Parallel()
	dsn := storetest.NewPostgresDatabase(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startTCPProxy(t, u.Host)
	u.Host = proxy.addr
	srv, base := startServe(t, "serve", "--db", u.String(), "--data", t.TempDir())

	c := newClient(nil)
	expect := func(path string, want int, within time.Duration) {
		t.Helper()
		waitFor(t, within, "GET "+path+" is "+strconv.Itoa(want), func() string {
			if got := status(c, base+path); got != want {
				return "status " + strconv.Itoa(got) + "\n" + srv.output()
			}
			return ""
		})
	}
	expect("/readyz", http.StatusOK, 5*time.Second)

	proxy.shut()
	expect("/readyz", http.StatusServiceUnavailable, 5*time.Second)
	if got := status(c, base+"/healthz"); got != http.StatusOK {
		t.Errorf("GET /healthz with the database unreachable: %d, want 200", got)
	}

	proxy.open()
	expect("/readyz", http.StatusOK, 10*time.Second)
	if got := status(c, base+"/healthz"); got != http.StatusOK {
		t.Errorf("GET /healthz after the database came back: %d, want 200", got)
	}
}
