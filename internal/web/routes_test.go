package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

func checkSecurityHeaders(t *testing.T, what string, res response, page bool) {
	t.Helper()
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self' 'nonce-"} {
		if !strings.Contains(csp, want) {
			t.Errorf("%s: CSP %q lacks %q", what, csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("%s: CSP allows unsafe scripts: %q", what, csp)
	}
	if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", what, got)
	}
	if got := res.Header.Get("Referrer-Policy"); got != "same-origin" && got != "no-referrer" {
		t.Errorf("%s: Referrer-Policy %q", what, got)
	}
	if page && !strings.Contains(res.Header.Get("Cache-Control"), "no-store") {
		t.Errorf("%s: Cache-Control %q, want no-store", what, res.Header.Get("Cache-Control"))
	}
	if res.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("%s: HSTS sent without TLS", what)
	}
	for _, tag := range scriptTag.FindAllString(res.body, -1) {
		if !strings.Contains(tag, ` nonce="`) && !strings.Contains(tag, ` src="/`) {
			t.Errorf("%s: script %s has neither a nonce nor a same-origin src", what, tag)
		}
	}
}

var scriptTag = regexp.MustCompile(`<script[^>]*>`)

// TestCrossSitePostsAreRefused sends every route a state-changing request
// marked cross-site, as a forged form on another website would be.
func TestCrossSitePostsAreRefused(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Admin])
	fx := newMatrixFixture(t, env)
	for _, r := range env.Server.Routes() {
		path := fx.path(accessMatrix[r.Pattern].path, related)
		for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
			req, err := http.NewRequest(method, env.URL+path, strings.NewReader("email=a%40b.example&password=x&reason=a+long+enough+reason+to+open"))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			if res := c.do(req); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s (route %s) cross-site: status %d, want 403", method, path, r.Pattern, res.StatusCode)
			}
		}
	}
	// The session survived: the refused sign-out did not happen.
	if res := c.get("/"); res.StatusCode != http.StatusOK {
		t.Errorf("home after refused cross-site requests: %d", res.StatusCode)
	}
}

// TestHSTSWhenSecure checks that HSTS is sent when Steadfast is reached over HTTPS.
func TestHSTSWhenSecure(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true, Config: web.Config{Secure: true}})
	res := newClient(t, env).get("/sign-in")
	if !strings.HasPrefix(res.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("HSTS = %q", res.Header.Get("Strict-Transport-Security"))
	}
}
