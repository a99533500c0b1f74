//go:build browser

package browser

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// open navigates to path (relative to the app's root) as if typed into the
// address bar, waits for the page to load, and returns the response to the
// page itself, after any redirects.
func (tb *tab) open(t *testing.T, path string) *network.Response {
	t.Helper()
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(tb.base+path))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	if resp == nil {
		t.Fatalf("open %s: no response", path)
	}
	return resp
}

// click clicks the element sel with the mouse, waits for the page that the
// click loads, and returns its response.
func (tb *tab) click(t *testing.T, sel string) *network.Response {
	t.Helper()
	return tb.await(t, "click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// await runs steps that cause a navigation, waits for the new page to load,
// and returns its response.
func (tb *tab) await(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) *network.Response {
	t.Helper()
	resp, err := chromedp.RunResponse(tb.ctx, steps...)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if resp == nil {
		t.Fatalf("%s: no page loaded", what)
	}
	return resp
}

// typeInto clicks into the field sel and types text, key by key.
func (tb *tab) typeInto(t *testing.T, sel, text string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(sel), text)); err != nil {
		t.Fatalf("type into %s: %v", sel, err)
	}
}

// path returns the path and query of the page the tab shows.
func (tb *tab) path(t *testing.T) string {
	t.Helper()
	loc, err := chromedp.Run(tb.ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("read location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatalf("parse location %q: %v", loc, err)
	}
	if u.RawQuery != "" {
		return u.Path + "?" + u.RawQuery
	}
	return u.Path
}

// eval evaluates a JavaScript expression in the page through the DevTools
// protocol (which works with the page's own scripts switched off) and
// decodes its JSON value into T.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// text returns the visible text of the first element matching sel, with
// runs of white space collapsed, or "" when there is none. It does not wait.
func (tb *tab) text(t *testing.T, sel string) string {
	t.Helper()
	got := eval[*string](t, tb, `document.querySelector(`+js(sel)+`)?.innerText ?? null`)
	if got == nil {
		return ""
	}
	return strings.Join(strings.Fields(*got), " ")
}

// texts returns the visible text of every element matching sel.
func (tb *tab) texts(t *testing.T, sel string) []string {
	t.Helper()
	got := eval[[]string](t, tb, `Array.from(document.querySelectorAll(`+js(sel)+`), e => e.innerText)`)
	for i, s := range got {
		got[i] = strings.Join(strings.Fields(s), " ")
	}
	return got
}

// has reports whether an element matches sel.
func (tb *tab) has(t *testing.T, sel string) bool {
	t.Helper()
	return eval[bool](t, tb, `document.querySelector(`+js(sel)+`) !== null`)
}

// value returns the current value of the form field sel.
func (tb *tab) value(t *testing.T, sel string) string {
	t.Helper()
	got := eval[*string](t, tb, `document.querySelector(`+js(sel)+`)?.value ?? null`)
	if got == nil {
		t.Fatalf("no form field %s", sel)
	}
	return *got
}

// links returns the paths of the links matching sel, in page order.
func (tb *tab) links(t *testing.T, sel string) []string {
	t.Helper()
	hrefs := eval[[]string](t, tb, `Array.from(document.querySelectorAll(`+js(sel)+`), a => a.href)`)
	paths := make([]string, 0, len(hrefs))
	for _, h := range hrefs {
		if !strings.HasPrefix(h, tb.base+"/") {
			t.Errorf("link %s (%s) leaves the app", h, sel)
			continue
		}
		paths = append(paths, strings.TrimPrefix(h, tb.base))
	}
	return paths
}

// sessionCookie returns the app's session cookie, or nil when the browser
// holds none.
func (tb *tab) sessionCookie(t *testing.T) *network.Cookie {
	t.Helper()
	res, err := chromedp.Call(tb.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{tb.base + "/"}})
	if err != nil {
		t.Fatalf("read cookies: %v", err)
	}
	for _, c := range res.Cookies {
		if c.Name == sessionCookieName {
			return c
		}
	}
	return nil
}

// sessionCookieName is the cookie that holds a sign-in session over plain
// HTTP, as the test server runs.
const sessionCookieName = "steadfast_session"

// wantStatus fails the test when resp does not have the HTTP status want.
func wantStatus(t *testing.T, what string, resp *network.Response, want int64) {
	t.Helper()
	if resp.Status != want {
		t.Errorf("%s: HTTP status %d, want %d", what, resp.Status, want)
	}
}
