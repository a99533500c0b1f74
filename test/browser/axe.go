//go:build browser

package browser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets every page must pass: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, as the accessibility statement promises.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']`

// axeRun runs axe on the whole page and keeps what the test reports.
const axeRun = `(async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ` + axeTags + `}});
  return {
    version: r.testEngine.version,
    passes: r.passes.length,
    incomplete: r.incomplete.map(v => v.id + ' at ' + v.nodes.map(n => JSON.stringify(n.target)).join(' ')),
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({html: n.html, target: JSON.stringify(n.target), summary: n.failureSummary || ''})),
    })),
  };
})()`

// axeResult is what axeRun returns.
type axeResult struct {
	Version    string         `json:"version"`
	Passes     int            `json:"passes"`
	Incomplete []string       `json:"incomplete"` // rules axe could not decide, for a person to review
	Violations []axeViolation `json:"violations"`
}

// axeViolation is one rule that failed, with every element that failed it.
type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

// axeNode is one element that failed a rule.
type axeNode struct {
	HTML    string `json:"html"`
	Target  string `json:"target"`
	Summary string `json:"summary"`
}

// axeSource reads axe-core's script once for the whole run.
var axeSource = sync.OnceValues(func() (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		return "", fmt.Errorf("read axe-core (%w): run `make assets` (or `npm ci`) in %s first", err, root)
	}
	return string(b), nil
})

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// checkA11y injects axe-core into the page the tab shows and fails the test
// with every WCAG A or AA violation it finds. The injection goes through the
// DevTools protocol, so the page's Content-Security-Policy does not block it,
// and it works when the page's own scripts are switched off.
func (tb *tab) checkA11y(t *testing.T, page string) {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		t.Fatalf("%s: inject axe-core: %v", page, err)
	}
	res, err := chromedp.Run(tb.ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: run axe-core: %v", page, err)
	}
	if res.Passes == 0 {
		t.Fatalf("%s: axe-core %s checked no rule at all: it cannot have run on the page", page, res.Version)
	}
	if len(res.Incomplete) > 0 {
		t.Logf("%s: axe-core could not decide %v; a person should review these", page, res.Incomplete)
	}
	if len(res.Violations) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): axe-core %s found %d accessibility violation(s):", page, tb.path(t), res.Version, len(res.Violations))
	for _, v := range res.Violations {
		fmt.Fprintf(&b, "\n- %s [%s]: %s\n  %s", v.ID, v.Impact, v.Help, v.HelpURL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n  at %s\n    %s", n.Target, n.HTML)
			if n.Summary != "" {
				fmt.Fprintf(&b, "\n    %s", strings.ReplaceAll(n.Summary, "\n", "\n    "))
			}
		}
	}
	t.Error(b.String())
}
