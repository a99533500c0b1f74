// Package webtest starts a real Steadfast server for tests: a real database,
// the real router on a loopback port, and the demo organisation's accounts.
package webtest

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
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
	db := storetest.Open(tb, opts.Engine)
	env := &Env{DB: db, Accounts: Accounts{}}
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
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{tb}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	ts := httptest.NewUnstartedServer(nil)
	cfg := opts.Config
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

type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Log(string(p))
	return len(p), nil
}
