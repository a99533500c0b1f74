package main

import (
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeRejectsUnknownDatabase checks that a database Steadfast cannot use
// stops serve at once with a message that says what would work.
func TestServeRejectsUnknownDatabase(t *testing.T) {
	t.Parallel()
	res := runBinary(t, nil, "serve", "--db", "mysql://x", "--addr", "127.0.0.1:0")
	if res.code == 0 {
		t.Fatalf("serve --db mysql://x succeeded, want failure\n%s", res)
	}
	for _, want := range []string{"unrecognised database", "mysql://x", "postgres://", "sqlite:"} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr does not mention %q\n%s", want, res)
		}
	}
	if strings.Contains(res.stdout, "running") {
		t.Errorf("serve says it is running despite the bad database\n%s", res)
	}
}

// TestUnknownFlagAndCommand checks that mistakes on the command line exit 2,
// the conventional status for bad usage.
func TestUnknownFlagAndCommand(t *testing.T) {
	t.Parallel()
	res := runBinary(t, nil, "serve", "--no-such-flag")
	if res.code != 2 || !strings.Contains(res.stderr, "flag provided but not defined: -no-such-flag") {
		t.Errorf("serve --no-such-flag: want exit 2 naming the flag\n%s", res)
	}
	res = runBinary(t, nil, "no-such-command")
	if res.code != 2 || !strings.Contains(res.stderr, `unknown command "no-such-command"`) {
		t.Errorf("steadfast no-such-command: want exit 2 naming the command\n%s", res)
	}
}

// TestServeHelp checks that help succeeds and names each flag's environment variable.
func TestServeHelp(t *testing.T) {
	t.Parallel()
	res := runBinary(t, nil, "serve", "--help")
	if res.code != 0 {
		t.Fatalf("serve --help: want exit 0\n%s", res)
	}
	help := res.stdout + res.stderr
	for _, want := range []string{
		"--data  [STEADFAST_DATA]", "--db  [STEADFAST_DB]", "--addr  [STEADFAST_ADDR]",
		"STEADFAST_BASE_URL", "STEADFAST_TLS_CERT", "STEADFAST_TLS_KEY", "STEADFAST_LOG_FORMAT", "STEADFAST_LOG_LEVEL",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("serve --help does not list %q\n%s", want, res)
		}
	}
}

// TestServeAddrFromEnvironment checks that STEADFAST_ADDR sets the listening
// address when --addr is not given.
func TestServeAddrFromEnvironment(t *testing.T) {
	t.Parallel()
	addr := freeLoopbackAddr(t)
	p := startProcess(t, "serve", []string{"STEADFAST_ADDR=" + addr}, "serve", "--data", t.TempDir(), "--log-format", "text")
	base := p.waitRunning()
	if want := "http://" + addr; base != want {
		t.Fatalf("serve with STEADFAST_ADDR=%s runs at %s, want %s\n%s", addr, base, want, p.output())
	}
	if got := status(newClient(nil), base+"/healthz"); got != http.StatusOK {
		t.Errorf("GET /healthz on the address from STEADFAST_ADDR: %d, want 200", got)
	}
}

// TestServeFlagBeatsEnvironment checks that a flag on the command line wins
// over its environment variable.
func TestServeFlagBeatsEnvironment(t *testing.T) {
	t.Parallel()
	p := startProcess(t, "serve", []string{"STEADFAST_ADDR=127.0.0.1:1"}, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir(), "--log-format", "text")
	base := p.waitRunning()
	if base == "http://127.0.0.1:1" || !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("serve with --addr 127.0.0.1:0 and STEADFAST_ADDR=127.0.0.1:1 runs at %s\n%s", base, p.output())
	}
}

// TestServeHTTPSBaseURL checks that an https:// --base-url, as behind a
// TLS-terminating proxy, puts the setup link on that address and turns on
// HSTS and Secure, __Host- prefixed session cookies.
func TestServeHTTPSBaseURL(t *testing.T) {
	t.Parallel()
	p := startProcess(t, "serve", nil, "serve", "--addr", "127.0.0.1:0", "--base-url", "https://steadfast.example.org/",
		"--data", t.TempDir(), "--log-format", "text")
	p.waitForLine(regexp.MustCompile(`^Steadfast is running at https://steadfast\.example\.org$`), 45*time.Second)
	m := p.waitForLine(regexp.MustCompile(`^  https://steadfast\.example\.org/setup/(\S+)$`), time.Second)
	direct := "http://" + listeningAddr(t, p) // as the proxy reaches it

	r := do(t, newClient(nil), http.MethodGet, direct+"/healthz", nil)
	if hsts := r.header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
		t.Errorf("Strict-Transport-Security = %q, want max-age=…", hsts)
	}
	r = do(t, newClient(nil), http.MethodPost, direct+"/setup/"+m[1], firstAdmin)
	if r.status != http.StatusSeeOther {
		t.Fatalf("POST /setup/TOKEN: %d, want 303\n%s", r.status, p.output())
	}
	var session *http.Cookie
	for _, ck := range r.cookies {
		if strings.HasSuffix(ck.Name, "steadfast_session") {
			session = ck
		}
	}
	if session == nil || session.Name != "__Host-steadfast_session" || !session.Secure || !session.HttpOnly || session.Path != "/" {
		t.Errorf("session cookie = %+v, want __Host-steadfast_session, Secure, HttpOnly, Path=/", session)
	}
}

var servingAddr = regexp.MustCompile(`msg=serving addr=(\S+)`)

// listeningAddr reads the address serve listens on from its "serving" log
// line. stderr is copied separately from stdout, so it may lag a little.
func listeningAddr(t *testing.T, p *process) string {
	t.Helper()
	var addr string
	waitFor(t, 5*time.Second, p.name+" logs its listening address", func() string {
		m := servingAddr.FindStringSubmatch(p.stderr.String())
		if m == nil {
			return p.output()
		}
		addr = m[1]
		return ""
	})
	return addr
}

// freeLoopbackAddr returns a loopback address with a port that was free a moment ago.
func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
