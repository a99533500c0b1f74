package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// client is a browser-like HTTP client for handler tests: it keeps cookies
// and does not follow redirects, so tests can see each one.
type client struct {
	t    *testing.T
	env  *webtest.Env
	base string
	http *http.Client
	// header is added to every request, for a User-Agent or a proxy's header.
	header http.Header
}

func newClient(t *testing.T, env *webtest.Env) *client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &client{t: t, env: env, base: env.URL, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}, header: http.Header{}}
}

// response is a fully read response.
type response struct {
	*http.Response
	body string
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	for k, v := range c.header {
		req.Header[k] = v
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return response{Response: res, body: string(b)}
}

func (c *client) get(path string) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

// signIn signs in and checks that it worked, entering a code from the
// account's authenticator app when it has one.
func (c *client) signIn(a demo.Account) {
	c.t.Helper()
	res := c.post("/sign-in", url.Values{"email": {a.Email}, "password": {a.Password}})
	if res.StatusCode == http.StatusSeeOther && res.Header.Get("Location") == "/sign-in/code" {
		res = c.post("/sign-in/code", url.Values{"code": {c.env.TOTPCode(c.t, access.Role(a.Role))}})
	}
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		c.t.Fatalf("sign in as %s: %d %s", a.Role, res.StatusCode, res.Header.Get("Location"))
	}
}

// signInWithPassword does the password step only and returns its response.
func (c *client) signInWithPassword(a demo.Account) response {
	c.t.Helper()
	return c.post("/sign-in", url.Values{"email": {a.Email}, "password": {a.Password}})
}

// setCookie puts a session cookie in the jar, as a copied or planted one would be.
func (c *client) setCookie(token string) {
	u, _ := url.Parse(c.base)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "steadfast_session", Value: token, Path: "/"}})
}

// wantRedirect fails the test unless res redirects to location.
func wantRedirect(t *testing.T, what string, res response, location string) {
	t.Helper()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != location {
		t.Errorf("%s: %d %q, want 303 to %q", what, res.StatusCode, res.Header.Get("Location"), location)
	}
}

// sessionCookie returns the session cookie the jar holds, or "".
func (c *client) sessionCookie() string {
	u, _ := url.Parse(c.base)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "steadfast_session" {
			return ck.Value
		}
	}
	return ""
}

var perRequestValues = regexp.MustCompile(`nonce="[^"]*"|reference: <strong>[^<]*</strong>`)

// stable removes the parts of a page that differ on every request.
func stable(body string) string { return perRequestValues.ReplaceAllString(body, "") }

// engines lists the storage engines to run web tests on.
func engines() []store.Engine { return storetest.Engines() }
