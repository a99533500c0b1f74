package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// TestMigratePostgres runs `steadfast migrate` twice on an empty PostgreSQL
// database: the first run applies the schema, the second finds it current.
func TestMigratePostgres(t *testing.T) {
	t.Parallel()
	dsn := storetest.NewPostgresDatabase(t)
	latest, err := store.LatestSchemaVersion(store.Postgres)
	if err != nil {
		t.Fatal(err)
	}

	first := runBinary(t, nil, "migrate", "--db", dsn)
	if first.code != 0 {
		t.Fatalf("first migrate failed:\n%s", first)
	}
	if want := fmt.Sprintf("to the postgres database; schema is now at version %d.", latest); !strings.HasPrefix(first.stdout, "Applied ") || !strings.Contains(first.stdout, want) {
		t.Errorf("first migrate printed %q, want \"Applied N migration(s) …%s\"", first.stdout, want)
	}

	second := runBinary(t, nil, "migrate", "--db", dsn)
	if second.code != 0 {
		t.Fatalf("second migrate failed:\n%s", second)
	}
	if want := fmt.Sprintf("The postgres schema is already current (version %d).\n", latest); second.stdout != want {
		t.Errorf("second migrate printed %q, want %q", second.stdout, want)
	}
}
