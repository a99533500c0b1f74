package store

import (
	"strings"
	"testing"
)

func TestParseDSN(t *testing.T) {
	cases := []struct {
		cfg    Config
		engine Engine
		target string
		bad    bool
	}{
		{cfg: Config{DataDir: "/srv/d"}, engine: SQLite, target: "/srv/d/steadfast.db"},
		{cfg: Config{DSN: "sqlite:/tmp/x.db"}, engine: SQLite, target: "/tmp/x.db"},
		{cfg: Config{DSN: "postgres://u:p@h/db"}, engine: Postgres, target: "postgres://u:p@h/db"},
		{cfg: Config{DSN: "postgresql://h/db"}, engine: Postgres, target: "postgresql://h/db"},
		{cfg: Config{DSN: "mysql://h/db"}, bad: true},
		{cfg: Config{DSN: "sqlite:/tmp/x.db?_pragma=synchronous(OFF)"}, bad: true},
		{cfg: Config{}, bad: true},
	}
	for _, c := range cases {
		engine, target, err := parseDSN(c.cfg)
		if c.bad {
			if err == nil {
				t.Errorf("parseDSN(%+v) accepted", c.cfg)
			}
			continue
		}
		if err != nil || engine != c.engine || target != c.target {
			t.Errorf("parseDSN(%+v) = %s, %s, %v; want %s, %s", c.cfg, engine, target, err, c.engine, c.target)
		}
	}
}

func TestRedactDSN(t *testing.T) {
	for _, dsn := range []string{
		"postgres://steadfast:s3cret@db:5432/sf",
		"postgres://steadfast@db/sf?password=s3cret&sslmode=disable",
		"postgres://db/sf?sslpassword=s3cret",
	} {
		if got := redactDSN(dsn); strings.Contains(got, "s3cret") || !strings.Contains(got, "db") {
			t.Errorf("redactDSN(%q) = %q", dsn, got)
		}
	}
	if got := redactDSN("postgres://db/sf"); got != "postgres://db/sf" {
		t.Errorf("redactDSN = %q", got)
	}
}
