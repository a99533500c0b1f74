// Package storetest opens real, empty, migrated databases for tests: a SQLite
// file in a temporary directory always, and a fresh PostgreSQL database when
// STEADFAST_TEST_POSTGRES names a server.
//
// With STEADFAST_REQUIRE_ALL=1 (set by CI), a missing PostgreSQL is a test
// failure rather than a skip.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver for the admin connection
)

// PostgresEnv names the variable holding an admin DSN for test databases.
const PostgresEnv = "STEADFAST_TEST_POSTGRES"

// RequireAllEnv, when "1", turns every missing-dependency skip into a failure.
const RequireAllEnv = "STEADFAST_REQUIRE_ALL"

// RequireAll reports whether skips must fail.
func RequireAll() bool { return os.Getenv(RequireAllEnv) == "1" }

// SkipOrFail skips the test, or fails it when RequireAll is set.
func SkipOrFail(tb testing.TB, why string) {
	tb.Helper()
	if RequireAll() {
		tb.Fatalf("%s, and %s=1 forbids skipping", why, RequireAllEnv)
	}
	tb.Skip(why)
}

// Engines lists the engines tests should run on in this environment.
func Engines() []store.Engine {
	if os.Getenv(PostgresEnv) != "" || RequireAll() {
		return []store.Engine{store.SQLite, store.Postgres}
	}
	return []store.Engine{store.SQLite}
}

// ForEachEngine runs fn as a subtest on a fresh database of every engine.
func ForEachEngine(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, engine := range Engines() {
		t.Run(string(engine), func(t *testing.T) {
			fn(t, Open(t, engine))
		})
	}
}

// ForEachEngineConfig is ForEachEngine for tests that also need the
// database's configuration, to open a second instance or a Raw connection.
func ForEachEngineConfig(t *testing.T, fn func(t *testing.T, db *store.DB, cfg store.Config)) {
	t.Helper()
	for _, engine := range Engines() {
		t.Run(string(engine), func(t *testing.T) {
			cfg := Config(t, engine)
			fn(t, OpenConfig(t, cfg), cfg)
		})
	}
}

// Open returns a fresh migrated database of the given engine, removed when
// the test ends.
func Open(tb testing.TB, engine store.Engine) *store.DB {
	tb.Helper()
	return OpenWithClock(tb, engine, nil)
}

// OpenWithClock is Open with the store reading the time from now, such as a
// Clock's Now; nil means time.Now.
func OpenWithClock(tb testing.TB, engine store.Engine, now func() time.Time) *store.DB {
	tb.Helper()
	cfg := Config(tb, engine)
	cfg.Now = now
	return OpenConfig(tb, cfg)
}

// OpenConfig opens and migrates the database cfg names, closing it when the
// test ends. Called twice with one cfg, it gives two instances sharing a
// database, as two servers would.
func OpenConfig(tb testing.TB, cfg store.Config) *store.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate %s: %v", db.Engine(), err)
	}
	return db
}

// ForEachEngineWithClock is ForEachEngine with each database reading the
// time from a fresh Clock, which the test can move forward.
func ForEachEngineWithClock(t *testing.T, fn func(t *testing.T, db *store.DB, clock *Clock)) {
	t.Helper()
	for _, engine := range Engines() {
		t.Run(string(engine), func(t *testing.T) {
			clock := NewClock()
			fn(t, OpenWithClock(t, engine, clock.Now), clock)
		})
	}
}

// Clock is a test clock: the real time plus an offset the test can move
// forward, so that time still passes between requests but the test can also
// jump ahead, say past a lock-out. It is safe for concurrent use.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// NewClock returns a Clock reading the real time.
func NewClock() *Clock { return &Clock{} }

// NewClockAt returns a Clock that reads at now, and from then on moves
// with the real time, so tests can pin "today" to a chosen day.
func NewClockAt(at time.Time) *Clock { return &Clock{offset: time.Until(at)} }

// Now returns the real time plus every Advance so far.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// Config returns the store configuration for a fresh, empty, unmigrated
// database of the given engine.
func Config(tb testing.TB, engine store.Engine) store.Config {
	tb.Helper()
	switch engine {
	case store.SQLite:
		return store.Config{DataDir: tb.TempDir()}
	case store.Postgres:
		return store.Config{DSN: NewPostgresDatabase(tb)}
	}
	tb.Fatalf("unknown engine %q", engine)
	return store.Config{}
}

// NewPostgresDatabase creates an empty PostgreSQL database for this test,
// drops it when the test ends, and returns its DSN.
func NewPostgresDatabase(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv(PostgresEnv)
	if admin == "" {
		SkipOrFail(tb, "no PostgreSQL: set "+PostgresEnv+" to an admin DSN")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatalf("open postgres admin connection: %v", err)
	}
	defer conn.Close()
	if err := conn.PingContext(ctx); err != nil {
		if RequireAll() {
			tb.Fatalf("PostgreSQL at %s does not answer: %v", PostgresEnv, err)
		}
		tb.Skipf("PostgreSQL does not answer: %v", err)
	}
	name := "steadfast_test_" + ids.New()
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := sql.Open("pgx", admin)
		if err != nil {
			tb.Errorf("drop test database: %v", err)
			return
		}
		defer c.Close()
		if _, err := c.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database %s: %v", name, err)
		}
	})
	dsn, err := withDatabase(admin, name)
	if err != nil {
		tb.Fatal(err)
	}
	return dsn
}

// withDatabase returns admin with its database name replaced by name.
func withDatabase(admin, name string) (string, error) {
	u, err := url.Parse(admin)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		return "", fmt.Errorf("%s must be a postgres:// URL", PostgresEnv)
	}
	u.Path = "/" + name
	return u.String(), nil
}
