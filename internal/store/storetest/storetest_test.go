package storetest

import (
	"fmt"
	"testing"
)

// recorder stands in for a test, noting whether the helper failed or skipped it.
type recorder struct {
	testing.TB
	failed, skipped bool
	message         string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.message = true, fmt.Sprintf(format, args...)
	panic(r)
}
func (r *recorder) Skip(args ...any) {
	r.skipped, r.message = true, fmt.Sprint(args...)
	panic(r)
}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped, r.message = true, fmt.Sprintf(format, args...)
	panic(r)
}

// call runs fn with a recorder, catching the panic that stands in for
// runtime.Goexit in a real test.
func call(fn func(tb testing.TB)) (r *recorder) {
	r = &recorder{}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	fn(r)
	return r
}

// TestMissingPostgresFailsUnderRequireAll is the promise CI depends on: with
// STEADFAST_REQUIRE_ALL=1, no PostgreSQL is a failure, not a skip.
func TestMissingPostgresFailsUnderRequireAll(t *testing.T) {
	t.Setenv(PostgresEnv, "")
	t.Setenv(RequireAllEnv, "1")
	r := call(func(tb testing.TB) { NewPostgresDatabase(tb) })
	if !r.failed || r.skipped {
		t.Fatalf("with %s=1 and no PostgreSQL: failed=%v skipped=%v", RequireAllEnv, r.failed, r.skipped)
	}
	if got := Engines(); len(got) != 2 {
		t.Errorf("Engines() = %v under %s=1; want both engines", got, RequireAllEnv)
	}

	t.Setenv(RequireAllEnv, "")
	r = call(func(tb testing.TB) { NewPostgresDatabase(tb) })
	if !r.skipped || r.failed {
		t.Fatalf("without %s: failed=%v skipped=%v", RequireAllEnv, r.failed, r.skipped)
	}
	if got := Engines(); len(got) != 1 {
		t.Errorf("Engines() = %v with no PostgreSQL; want SQLite only", got)
	}
}

// TestUnreachablePostgresFailsUnderRequireAll points the helper at a port
// where nothing listens.
func TestUnreachablePostgresFailsUnderRequireAll(t *testing.T) {
	t.Setenv(PostgresEnv, "postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=2")
	t.Setenv(RequireAllEnv, "1")
	r := call(func(tb testing.TB) { NewPostgresDatabase(tb) })
	if !r.failed {
		t.Fatalf("unreachable PostgreSQL under %s=1 did not fail: %+v", RequireAllEnv, r)
	}
}
