//go:build browser

// Package browser is Steadfast's browser test suite. It starts the app
// in-process, drives Debian's Chromium through the DevTools protocol as a
// person would (typing, clicking, pressing keys), and checks every page it
// reaches with the axe-core accessibility engine.
//
// Run it with `make test-browser`, which is
// `go test -count=1 -tags browser -timeout 15m ./test/browser/`.
package browser

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// testTimeout bounds each top-level test, browser start included.
const testTimeout = 3 * time.Minute

// tabTimeout bounds everything one browser context (one person) does.
const tabTimeout = 90 * time.Second

// chromiumPath returns the Chromium binary, or skips (fails when every test
// must run) when there is none.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	const debian = "/usr/bin/chromium"
	if _, err := os.Stat(debian); err == nil {
		return debian
	}
	storetest.SkipOrFail(t, "Chromium is not installed (apt-get install chromium)")
	return ""
}

// newBrowser starts one headless Chromium for the test t, with a fresh
// profile, and returns its context. Tabs opened with newTab share this
// browser but not its cookies. The browser stops when t ends.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath(t)
	root, cancelRoot := context.WithTimeout(context.Background(), testTimeout)
	t.Cleanup(cancelRoot)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(root, opts...)
	t.Cleanup(cancelAlloc)

	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("start Chromium (%s): %v", path, err)
	}
	return browserCtx
}

// tab is one person's browser: a separate browser context (its own cookies)
// with one page, bound by tabTimeout.
type tab struct {
	ctx  context.Context
	base string // the app's root URL, without a trailing slash
}

// newTab opens a fresh browser context in the browser and a page in it. The
// context is closed, and its cookies dropped, when t ends.
func newTab(t *testing.T, browserCtx context.Context, base string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a browser context: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, tabTimeout)
	t.Cleanup(cancelTimeout)
	return &tab{ctx: ctx, base: base}
}
