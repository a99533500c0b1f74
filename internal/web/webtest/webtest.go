// Package webtest starts a real Steadfast server for tests: a real database,
// the real router on a loopback port, and the demo organisation's accounts.
package webtest

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/web"
)

// Env is a running test server.
type Env struct {
	URL    string
	DB     *store.DB
	Server *web.Server
	// Accounts holds one demo sign-in per role, keyed by role. Empty when the
	// server was started without the demo organisation.
	Accounts Accounts
	// Audit is the server's audit trail.
	Audit *audit.Log
	// Clock is the store's clock: the real time, which tests can move on.
	Clock *storetest.Clock
	// TOTPSecrets and RecoveryCodes hold each demo account's authenticator
	// secret and recovery codes, keyed by role, when Options.EnrolTOTP is set.
	TOTPSecrets   map[access.Role]string
	RecoveryCodes map[access.Role][]string
}

// Accounts holds one demo sign-in per role.
type Accounts map[access.Role]demo.Account

// OrgID returns the demo organisation's ID.
func (a Accounts) OrgID(tb testing.TB, env *Env) string {
	tb.Helper()
	u, err := env.DB.UserByEmail(context.Background(), a[access.Admin].Email)
	if err != nil {
		tb.Fatalf("demo organisation: %v", err)
	}
	return u.OrgID
}

// Options adjust the test server.
type Options struct {
	Engine store.Engine // default SQLite
	Empty  bool         // no demo organisation: the first-run state
	Config web.Config   // BaseURL is filled in
	Seed   uint64       // demo seed; default 1
	// EnrolTOTP gives every demo account an authenticator app, as staff must
	// have outside demo mode. Without it, staff who sign in can reach only
	// the page that sets one up.
	EnrolTOTP bool
	// CommitEachAuditRecord records each audit event in its own transaction
	// instead of through group commit, for the benchmark that compares them.
	CommitEachAuditRecord bool
	// RefuseAudit, when set, makes recording fail for the events it picks,
	// as a full disk or a damaged log would.
	RefuseAudit func(audit.Event) bool
	// Now, when set, is the time the store's clock reads as the server
	// starts (and the demo is made), instead of the real time. The clock
	// then moves on with the real time.
	Now time.Time
}

// Start runs a server until the test ends.
func Start(tb testing.TB, opts Options) *Env {
	tb.Helper()
	if opts.Engine == "" {
		opts.Engine = store.SQLite
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	clock := storetest.NewClock()
	if !opts.Now.IsZero() {
		clock = storetest.NewClockAt(opts.Now)
	}
	db := storetest.OpenWithClock(tb, opts.Engine, clock.Now)
	env := &Env{DB: db, Accounts: Accounts{}, Clock: clock,
		TOTPSecrets: map[access.Role]string{}, RecoveryCodes: map[access.Role][]string{}}
	if !opts.Empty {
		res, err := demo.Generate(context.Background(), db, access.NewHasher(), opts.Seed)
		if err != nil {
			tb.Fatalf("demo data: %v", err)
		}
		for _, a := range res.SignIns {
			role, err := access.ParseRole(a.Role)
			if err != nil {
				tb.Fatal(err)
			}
			env.Accounts[role] = a
			if opts.EnrolTOTP {
				env.enrol(tb, role)
			}
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{tb}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	ts := httptest.NewUnstartedServer(nil)
	cfg := opts.Config
	auditLog, err := audit.Open(context.Background(), db, audit.Options{DataDir: tb.TempDir(), Log: log})
	if err != nil {
		tb.Fatalf("open audit log: %v", err)
	}
	tb.Cleanup(func() {
		if err := auditLog.Close(context.Background()); err != nil && !errors.Is(err, audit.ErrClosed) {
			tb.Errorf("close audit log: %v", err)
		}
	})
	env.Audit = auditLog
	cfg.Audit = auditLog
	if opts.CommitEachAuditRecord {
		cfg.Audit = commitEach{auditLog}
	}
	if opts.RefuseAudit != nil {
		cfg.Audit = refusing{next: cfg.Audit, refuse: opts.RefuseAudit}
	}
	cfg.BaseURL = "http://" + ts.Listener.Addr().String()
	srv, err := web.New(cfg, db, log, nil)
	if err != nil {
		tb.Fatalf("web.New: %v", err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	tb.Cleanup(ts.Close)
	env.URL = ts.URL
	env.Server = srv
	return env
}

// enrol gives role's demo account an authenticator app and recovery codes.
func (env *Env) enrol(tb testing.TB, role access.Role) {
	tb.Helper()
	ctx := context.Background()
	u, err := env.DB.UserByEmail(ctx, env.Accounts[role].Email)
	if err != nil {
		tb.Fatal(err)
	}
	key, err := access.NewTOTPKey("Steadfast", u.Email)
	if err != nil {
		tb.Fatal(err)
	}
	codes, err := access.NewRecoveryCodes()
	if err != nil {
		tb.Fatal(err)
	}
	hashes := make([]string, len(codes))
	for i, c := range codes {
		hashes[i] = access.HashRecoveryCode(c)
	}
	if err := env.DB.EnableSecondFactor(ctx, u.ID, key.Secret, 0, hashes, ""); err != nil {
		tb.Fatal(err)
	}
	env.TOTPSecrets[role] = key.Secret
	env.RecoveryCodes[role] = codes
}

// TOTPCode moves the clock on by one TOTP period and returns the code role's
// authenticator app shows then. Moving on means each call gives a code that
// has not been used, however quickly a test signs in again.
func (env *Env) TOTPCode(tb testing.TB, role access.Role) string {
	tb.Helper()
	secret, ok := env.TOTPSecrets[role]
	if !ok {
		tb.Fatalf("%s has no authenticator app: start the server with EnrolTOTP", role)
	}
	env.Clock.Advance(access.TOTPPeriod)
	code, err := access.TOTPCode(secret, env.Clock.Now())
	if err != nil {
		tb.Fatal(err)
	}
	return code
}

// commitEach records every audit event in a transaction of its own, for
// comparing with group commit.
type commitEach struct{ log *audit.Log }

func (c commitEach) Record(ctx context.Context, e audit.Event) error { return c.log.RecordNow(ctx, e) }

// refusing fails to record the events its refuse function picks.
type refusing struct {
	next   web.Auditor
	refuse func(audit.Event) bool
}

func (r refusing) Record(ctx context.Context, e audit.Event) error {
	if r.refuse(e) {
		return errors.New("webtest: audit record refused")
	}
	return r.next.Record(ctx, e)
}

type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Log(string(p))
	return len(p), nil
}
