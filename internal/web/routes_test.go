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
	path      string              // a concrete path for the pattern
	signedOut int                 // expected status when signed out
	signedIn  int                 // expected status for every signed-in role not in byRole
	byRole    map[access.Role]int // expected status for particular roles
	html      bool                // the response is an HTML page
}

// want returns the status expected for a caller: "" for signed out, or a role.
func (rc routeCase) want(role access.Role) int {
	if role == "" {
		return rc.signedOut
	}
	if code, ok := rc.byRole[role]; ok {
		return code
	}
	return rc.signedIn
}

// adminOnly is the expectation for administration routes: administrators get
// adminStatus, everyone else signed in is refused.
func adminOnly(path string, adminStatus int) routeCase {
	return routeCase{path: path, signedOut: 303, signedIn: 403, byRole: map[access.Role]int{access.Admin: adminStatus}, html: true}
}

// noSuchUser is an ID with the right shape that belongs to no one.
const noSuchUser = "aaaaaaaaaaaaaaaaaaaa"

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

	"GET /set-password/{token}":  {path: "/set-password/not-a-real-token", signedOut: 404, signedIn: 404, html: true},
	"POST /set-password/{token}": {path: "/set-password/not-a-real-token", signedOut: 404, signedIn: 404, html: true},

	"GET /admin/users":                                       adminOnly("/admin/users", 200),
	"GET /admin/users/new":                                   adminOnly("/admin/users/new", 200),
	"POST /admin/users":                                      adminOnly("/admin/users", 422),
	"GET /admin/users/{id}":                                  adminOnly("/admin/users/"+noSuchUser, 404),
	"POST /admin/users/{id}/role":                            adminOnly("/admin/users/"+noSuchUser+"/role", 404),
	"POST /admin/users/{id}/team":                            adminOnly("/admin/users/"+noSuchUser+"/team", 404),
	"POST /admin/users/{id}/supervisors":                     adminOnly("/admin/users/"+noSuchUser+"/supervisors", 404),
	"POST /admin/users/{id}/supervisors/{supervisor}/remove": adminOnly("/admin/users/"+noSuchUser+"/supervisors/"+noSuchUser+"/remove", 404),
	"POST /admin/users/{id}/link":                            adminOnly("/admin/users/"+noSuchUser+"/link", 404),
	"GET /admin/users/{id}/disable":                          adminOnly("/admin/users/"+noSuchUser+"/disable", 404),
	"POST /admin/users/{id}/disable":                         adminOnly("/admin/users/"+noSuchUser+"/disable", 404),
	"POST /admin/users/{id}/enable":                          adminOnly("/admin/users/"+noSuchUser+"/enable", 404),
	"GET /admin/teams":                                       adminOnly("/admin/teams", 200),
	"POST /admin/teams":                                      adminOnly("/admin/teams", 422),
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
// visitor and as every role, checking the status and the security headers.
func TestEveryRouteAnswersAsExpected(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	callers := map[access.Role]*client{"": newClient(t, env)}
	for _, role := range access.Roles() {
		c := newClient(t, env)
		c.signIn(env.Accounts[role])
		callers[role] = c
	}
	for _, r := range env.Server.Routes() {
		rc := routeCases[r.Pattern]
		for role, c := range callers {
			who := string(role)
			if role == "" {
				who = "signed out"
			}
			if r.Pattern == "POST /sign-out" && role != "" {
				continue // would end the session the other routes need; tested in signin_test.go
			}
			var res response
			if r.Method() == http.MethodPost {
				res = c.post(rc.path, url.Values{})
			} else {
				res = c.get(rc.path)
			}
			if want := rc.want(role); res.StatusCode != want {
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
	env := webtest.Start(t, webtest.Options{})
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
