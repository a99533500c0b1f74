package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

func TestHealthReadyMetrics(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true})
	c := newClient(t, env)
	if res := c.get("/healthz"); res.StatusCode != http.StatusOK || res.body != "ok\n" {
		t.Errorf("healthz: %d %q", res.StatusCode, res.body)
	}
	if res := c.get("/readyz"); res.StatusCode != http.StatusOK {
		t.Errorf("readyz: %d %q", res.StatusCode, res.body)
	}
	c.get("/sign-in")
	c.get("/no-such-page")
	res := c.get("/metrics")
	for _, want := range []string{
		`steadfast_http_request_duration_seconds_bucket{code="200",route="GET /sign-in"`,
		`steadfast_http_request_duration_seconds_count{code="404",route="/"}`,
		`go_goroutines`,
	} {
		if !strings.Contains(res.body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestReadyzFailsWhenDatabaseIsClosed(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true})
	if err := env.Audit.Close(t.Context()); err != nil { // its final checkpoint needs the database
		t.Fatal(err)
	}
	if err := env.DB.Close(); err != nil {
		t.Fatal(err)
	}
	res := newClient(t, env).get("/readyz")
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed: %d, want 503", res.StatusCode)
	}
	if res := newClient(t, env).get("/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("healthz with the database closed: %d, want 200", res.StatusCode)
	}
}

func TestStaticFiles(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true})
	c := newClient(t, env)
	css := c.get("/static/dist/app.css")
	if css.StatusCode != http.StatusOK || !strings.HasPrefix(css.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("app.css: %d %s — run `make assets` to build the stylesheet", css.StatusCode, css.Header.Get("Content-Type"))
	}
	if !strings.Contains(css.body, ".govuk-button") || strings.Contains(css.body, "GDS Transport") {
		t.Error("app.css is not the design-system build with the system font stack")
	}
	for _, p := range []string{"/static/", "/static/dist/", "/static/js/app.js", "/static/dist/govuk-frontend.min.js"} {
		res := c.get(p)
		wantListing := strings.HasSuffix(p, "/")
		if wantListing && res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404 (no directory listings)", p, res.StatusCode)
		}
		if !wantListing && res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", p, res.StatusCode)
		}
	}
}

// TestAssetsAreVersioned checks pages link to assets with the build's
// version, which may be cached for a year, while other requests are not.
func TestAssetsAreVersioned(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true})
	c := newClient(t, env)
	page := c.get("/sign-in")
	m := regexp.MustCompile(`href="(/static/dist/app\.css\?v=[0-9a-f]{12})"`).FindStringSubmatch(page.body)
	if m == nil {
		t.Fatal("the page does not link to a versioned stylesheet")
	}
	if cc := c.get(m[1]).Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("versioned stylesheet: Cache-Control %q", cc)
	}
	if cc := c.get("/static/dist/app.css?v=old").Header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
		t.Errorf("a stale version is cached for ever: %q", cc)
	}
}
