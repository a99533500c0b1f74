package main

// These tests run the real steadfast binary, built once in TestMain with the
// same -ldflags the Makefile uses, and talk to it over HTTP as an operator or
// a load balancer would.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// steadfastBin is the steadfast executable under test.
var steadfastBin string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "steadfast-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "make temporary directory:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	steadfastBin = filepath.Join(dir, "steadfast")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "go", "build",
		"-ldflags", "-X github.com/steadfast-care/steadfast/internal/version.version=v-test -X github.com/steadfast-care/steadfast/internal/version.commit=abc123",
		"-o", steadfastBin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build steadfast: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// childEnv is the test's environment without any STEADFAST_* variable, so a
// setting in the developer's shell cannot change what a test sees, plus extra.
func childEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "STEADFAST_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// result is how a finished command went.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit code %d\n--- stdout ---\n%s\n--- stderr ---\n%s", r.code, r.stdout, r.stderr)
}

// runBinary runs steadfast to completion in a temporary working directory,
// so a default ./steadfast-data never lands in the source tree.
func runBinary(t *testing.T, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, steadfastBin, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = childEnv(env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr) && ctx.Err() == nil:
		res.code = exitErr.ExitCode()
	default:
		t.Fatalf("steadfast %s: %v\n%s", strings.Join(args, " "), err, res)
	}
	return res
}

// lineBuffer collects a process's output and splits it into lines as they come.
type lineBuffer struct {
	mu      sync.Mutex
	all     bytes.Buffer
	partial []byte
	lines   []string
	changed chan struct{} // closed and replaced whenever a line arrives
}

func newLineBuffer() *lineBuffer { return &lineBuffer{changed: make(chan struct{})} }

func (b *lineBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.all.Write(p)
	b.partial = append(b.partial, p...)
	added := false
	for {
		i := bytes.IndexByte(b.partial, '\n')
		if i < 0 {
			break
		}
		b.lines = append(b.lines, string(b.partial[:i]))
		b.partial = b.partial[i+1:]
		added = true
	}
	if added {
		close(b.changed)
		b.changed = make(chan struct{})
	}
	return len(p), nil
}

func (b *lineBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.all.String()
}

// snapshot returns the lines so far and a channel closed when more arrive.
func (b *lineBuffer) snapshot() ([]string, <-chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.lines...), b.changed
}

// process is a running steadfast command, stopped when the test ends.
type process struct {
	t      *testing.T
	name   string
	cmd    *exec.Cmd
	stdout *lineBuffer
	stderr *lineBuffer
	done   chan struct{} // closed once the process has exited
}

// startProcess starts steadfast with args and env (added to a clean
// environment). It is stopped, and killed if need be, when the test ends.
func startProcess(t *testing.T, name string, env []string, args ...string) *process {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, steadfastBin, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = childEnv(env...)
	// On cleanup ask nicely first, then kill after WaitDelay.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 5 * time.Second
	p := &process{t: t, name: name, cmd: cmd, stdout: newLineBuffer(), stderr: newLineBuffer(), done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.stdout, p.stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start %s: %v", name, err)
	}
	go func() {
		_ = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-p.done:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("%s did not exit after being stopped", name)
		}
	})
	return p
}

// output describes what the process has written so far, for failure messages.
func (p *process) output() string {
	return fmt.Sprintf("--- %s stdout ---\n%s\n--- %s stderr ---\n%s", p.name, p.stdout, p.name, p.stderr)
}

// waitForLine waits for a line of stdout matching re and returns its submatches.
// It fails the test if the process exits or the time runs out first.
func (p *process) waitForLine(re *regexp.Regexp, timeout time.Duration) []string {
	p.t.Helper()
	deadline := time.After(timeout)
	for {
		lines, changed := p.stdout.snapshot()
		for _, l := range lines {
			if m := re.FindStringSubmatch(l); m != nil {
				return m
			}
		}
		select {
		case <-changed:
		case <-p.done:
			// Take in any line written just before exit.
			lines, _ := p.stdout.snapshot()
			for _, l := range lines {
				if m := re.FindStringSubmatch(l); m != nil {
					return m
				}
			}
			p.t.Fatalf("%s exited (%v) before printing a line matching %q\n%s", p.name, p.cmd.ProcessState, re, p.output())
		case <-deadline:
			p.t.Fatalf("%s printed no line matching %q within %s\n%s", p.name, re, timeout, p.output())
		}
	}
}

var (
	runningLine = regexp.MustCompile(`^Steadfast is running at (http://\S+)$`)
	setupLine   = regexp.MustCompile(`(https?://\S+)/setup/(\S+)`)
)

// waitRunning waits for serve's "Steadfast is running at" line and returns the base URL.
func (p *process) waitRunning() string {
	p.t.Helper()
	return p.waitForLine(runningLine, 45*time.Second)[1]
}

// setupToken returns the token of the setup link printed so far, or "".
func (p *process) setupToken() string {
	lines, _ := p.stdout.snapshot()
	for _, l := range lines {
		if m := setupLine.FindStringSubmatch(l); m != nil {
			return m[2]
		}
	}
	return ""
}

// stop sends SIGTERM and checks that serve shuts down gracefully with status 0.
func (p *process) stop() {
	p.t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		p.t.Fatalf("signal %s: %v", p.name, err)
	}
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		p.t.Fatalf("%s did not stop within 20s of SIGTERM\n%s", p.name, p.output())
	}
	if code := p.cmd.ProcessState.ExitCode(); code != 0 {
		p.t.Fatalf("%s exited with code %d after SIGTERM, want 0\n%s", p.name, code, p.output())
	}
}

// startServe starts `steadfast serve` on a loopback port chosen by the
// kernel, with readable logs, and waits until it says it is running.
func startServe(t *testing.T, name string, args ...string) (*process, string) {
	t.Helper()
	p := startProcess(t, name, nil, append([]string{"serve", "--addr", "127.0.0.1:0", "--log-format", "text"}, args...)...)
	return p, p.waitRunning()
}

// newClient returns an HTTP client that does not follow redirects, so tests
// see each 303 themselves. jar may be nil.
func newClient(jar http.CookieJar) *http.Client {
	return &http.Client{
		Jar:     jar,
		Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// response is a read HTTP response.
type response struct {
	status  int
	header  http.Header
	cookies []*http.Cookie
	body    string
}

// do sends a request with the given cookies and reads the whole response.
func do(t *testing.T, c *http.Client, method, target string, form url.Values, cookies ...*http.Cookie) response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, ck := range cookies {
		req.AddCookie(ck)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, target, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, cookies: resp.Cookies(), body: string(b)}
}

// firstAdmin is who the tests set Steadfast up as.
var firstAdmin = url.Values{
	"organisation":     {"Riverside Family Support"},
	"name":             {"Ada Okonkwo-Lovelace"},
	"email":            {"ada@riverside.example.org"},
	"password":         {"correct horse battery staple"},
	"password-confirm": {"correct horse battery staple"},
}

// completeSetup posts the setup form and returns the session cookie it set.
func completeSetup(t *testing.T, c *http.Client, baseURL, token string) *http.Cookie {
	t.Helper()
	resp := do(t, c, http.MethodPost, baseURL+"/setup/"+token, firstAdmin)
	if resp.status != http.StatusSeeOther || resp.header.Get("Location") != "/" {
		t.Fatalf("POST /setup/TOKEN: got %d to %q, want 303 to \"/\"\n%s", resp.status, resp.header.Get("Location"), resp.body)
	}
	for _, ck := range resp.cookies {
		if ck.Name == "steadfast_session" && ck.Value != "" {
			return ck
		}
	}
	t.Fatalf("POST /setup/TOKEN set no steadfast_session cookie; cookies: %v", resp.cookies)
	return nil
}

// waitFor polls check every 100ms until it returns "" or timeout passes, then
// fails with the last reason check gave.
func waitFor(t *testing.T, timeout time.Duration, what string, check func() string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		why := check()
		if why == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not so after %s: %s", what, timeout, why)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// status returns the status code of a GET, or 0 if the request failed.
func status(c *http.Client, target string) int {
	resp, err := c.Get(target)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

// awaitingTwoStep reports whether the client's session is signed in as a
// member of staff who must now set up two-step sign-in: home sends them to
// the set-up page, and that page is shown.
func awaitingTwoStep(t *testing.T, c *http.Client, base string, cookies ...*http.Cookie) bool {
	t.Helper()
	home := do(t, c, http.MethodGet, base+"/", nil, cookies...)
	if home.status != http.StatusSeeOther || home.header.Get("Location") != "/account/two-step/set-up" {
		t.Logf("GET / = %d to %q, want 303 to /account/two-step/set-up", home.status, home.header.Get("Location"))
		return false
	}
	page := do(t, c, http.MethodGet, base+"/account/two-step/set-up", nil, cookies...)
	if page.status != http.StatusOK || !strings.Contains(page.body, "Before you use Steadfast") {
		t.Logf("GET /account/two-step/set-up = %d", page.status)
		return false
	}
	return true
}
