package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// routeCase says how to exercise one registered route and what every kind of
// caller should get. A registered route without a case fails
// TestEveryRouteHasACase, so no route escapes these checks.
type routeCase struct {
	path      string // a concrete path for the pattern
	signedOut int    // expected status when signed out
	signedIn  int    // expected status for every signed-in role
	html      bool   // the response is an HTML page
}

var routeCases = map[string]routeCase{
	"GET /healthz":        {path: "/healthz", signedOut: 200, signedIn: 200},
	"GET /readyz":         {path: "/readyz", signedOut: 200, signedIn: 200},
	"GET /metrics":        {path: "/metrics", signedOut: 200, signedIn: 200},
	"GET /static/":        {path: "/static/dist/app.css", signedOut: 200, signedIn: 200},
	"GET /accessibility":  {path: "/accessibility", signedOut: 200, signedIn: 200, html: true},
	"GET /privacy":        {path: "/privacy", signedOut: 200, signedIn: 200, html: true},
	"GET /setup/{token}":  {path: "/setup/not-a-real-token", signedOut: 410, signedIn: 410, html: true},
	"POST /setup/{token}": {path: "/setup/not-a-real-token", signedOut: 410, signedIn: 410, html: true},
	"GET /sign-in":        {path: "/sign-in", signedOut: 200, signedIn: 303, html: true},
	"POST /sign-in":       {path: "/sign-in", signedOut: 422, signedIn: 422, html: true},
	"POST /sign-out":      {path: "/sign-out", signedOut: 303, signedIn: 303},
	"GET /{$}":            {path: "/", signedOut: 303, signedIn: 200, html: true},
	"/":                   {path: "/no-such-page", signedOut: 404, signedIn: 404, html: true},

	// Without a password just checked, there is no code to ask for.
	"GET /sign-in/code":  {path: "/sign-in/code", signedOut: 303, signedIn: 303},
	"POST /sign-in/code": {path: "/sign-in/code", signedOut: 303, signedIn: 303},
	// Every signed-in caller here has an authenticator app already.
	"GET /account/two-step/set-up":      {path: "/account/two-step/set-up", signedOut: 303, signedIn: 303},
	"POST /account/two-step/set-up":     {path: "/account/two-step/set-up", signedOut: 303, signedIn: 303},
	"GET /account":                      {path: "/account", signedOut: 303, signedIn: 200, html: true},
	"GET /account/password":             {path: "/account/password", signedOut: 303, signedIn: 200, html: true},
	"POST /account/password":            {path: "/account/password", signedOut: 303, signedIn: 422, html: true},
	"GET /account/sessions":             {path: "/account/sessions", signedOut: 303, signedIn: 200, html: true},
	"POST /account/sessions/end-others": {path: "/account/sessions/end-others", signedOut: 303, signedIn: 303},
}

func TestEveryRouteHasACase(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true})
	registered := map[string]bool{}
	for _, r := range env.Server.Routes() {
		registered[r.Pattern] = true
		if _, ok := routeCases[r.Pattern]; !ok {
			t.Errorf("route %q has no case in routeCases: add one saying what each caller gets", r.Pattern)
		}
	}
	for pattern := range routeCases {
		if !registered[pattern] {
			t.Errorf("routeCases names %q, which is not registered", pattern)
		}
	}
}

// TestRouteCasesCatchAMissingRoute shows the check above can fail: a route
// list with one route more than the cases is reported.
func TestRouteCasesCatchAMissingRoute(t *testing.T) {
	routes := []web.Route{{Pattern: "GET /healthz"}, {Pattern: "GET /families/{id}"}}
	var missing []string
	for _, r := range routes {
		if _, ok := routeCases[r.Pattern]; !ok {
			missing = append(missing, r.Pattern)
		}
	}
	if len(missing) != 1 || missing[0] != "GET /families/{id}" {
		t.Fatalf("missing = %v, want the unlisted route", missing)
	}
}

// TestEveryRouteAnswersAsExpected requests every route as a signed-out
// visitor and as every role, fully signed in with a second factor as staff
// must be, checking the status and the security headers.
func TestEveryRouteAnswersAsExpected(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	callers := map[string]*client{"signed out": newClient(t, env)}
	for _, role := range access.Roles() {
		c := newClient(t, env)
		c.signIn(env.Accounts[role])
		callers[string(role)] = c
	}
	for _, r := range env.Server.Routes() {
		rc := routeCases[r.Pattern]
		for who, c := range callers {
			if r.Pattern == "POST /sign-out" && who != "signed out" {
				continue // would end the session the other routes need; tested in signin_test.go
			}
			var res response
			if r.Method() == http.MethodPost {
				res = c.post(rc.path, url.Values{})
			} else {
				res = c.get(rc.path)
			}
			want := rc.signedIn
			if who == "signed out" {
				want = rc.signedOut
			}
			if res.StatusCode != want {
				t.Errorf("%s as %s: status %d, want %d", r.Pattern, who, res.StatusCode, want)
			}
			checkSecurityHeaders(t, r.Pattern+" as "+who, res, !strings.HasPrefix(rc.path, "/static/"))
			if rc.html && res.StatusCode != http.StatusSeeOther && !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Errorf("%s as %s: content type %q", r.Pattern, who, res.Header.Get("Content-Type"))
			}
		}
	}
}

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
	for _, r := range env.Server.Routes() {
		rc := routeCases[r.Pattern]
		for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
			req, err := http.NewRequest(method, env.URL+rc.path, strings.NewReader("email=a%40b.example&password=x"))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			if res := c.do(req); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s (route %s) cross-site: status %d, want 403", method, rc.path, r.Pattern, res.StatusCode)
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
