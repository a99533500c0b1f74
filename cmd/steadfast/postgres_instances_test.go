package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// TestTwoInstancesOnePostgres is the acceptance point for several instances:
// two `steadfast serve` processes started at the same moment on one empty
// PostgreSQL database both come up, the schema is migrated once, and a
// session created through one is accepted by the other.
func TestTwoInstancesOnePostgres(t *testing.T) {
	t.Parallel()
	dsn := storetest.NewPostgresDatabase(t)

	// Start both, then wait for both: they start and migrate side by side,
	// whichever order the test waits in.
	args := func() []string {
		return []string{"serve", "--db", dsn, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--log-format", "text"}
	}
	procA := startProcess(t, "instance A", nil, args()...)
	procB := startProcess(t, "instance B", nil, args()...)
	baseA := procA.waitRunning()
	baseB := procB.waitRunning()
	c := newClient(nil)
	for _, base := range []string{baseA, baseB} {
		waitFor(t, 10*time.Second, "GET "+base+"/readyz is 200", func() string {
			if s := status(c, base+"/readyz"); s != http.StatusOK {
				return "status " + strconv.Itoa(s) + "\n" + procA.output() + "\n" + procB.output()
			}
			return ""
		})
	}

	// The schema was migrated once: every version is recorded exactly once,
	// and between them the two instances applied each migration once.
	want := postgresMigrationVersions(t)
	checkAppliedOnce(t, dsn, want)
	applied := 0
	for _, p := range []*process{procA, procB} {
		applied += appliedInLog(t, p)
	}
	if applied != len(want) {
		t.Errorf("the instances applied %d migrations between them, want %d (each once)\n%s\n%s", applied, len(want), procA.output(), procB.output())
	}

	// Setup through A with a link either printed (both tokens are valid).
	token := procB.setupToken()
	other := procA.setupToken()
	if token == "" {
		token, other = other, ""
	}
	if token == "" {
		t.Fatalf("neither instance printed a setup link\n%s\n%s", procA.output(), procB.output())
	}
	session := completeSetup(t, c, baseA, token)

	// B accepts the session A created.
	if !awaitingTwoStep(t, c, baseB, session) {
		t.Fatalf("B does not accept the session A created\n%s\n%s", procA.output(), procB.output())
	}
	// And B knows setup is done, so the other instance's link is now refused.
	if other != "" {
		if r := do(t, c, http.MethodGet, baseB+"/setup/"+other, nil); r.status != http.StatusGone {
			t.Errorf("GET /setup/OTHER-TOKEN on B after setup on A: %d, want 410", r.status)
		}
	}

	// Signing out on B ends the session on A too.
	out := do(t, c, http.MethodPost, baseB+"/sign-out", nil, session)
	if out.status != http.StatusSeeOther {
		t.Fatalf("POST /sign-out on B: %d, want 303\n%s", out.status, procB.output())
	}
	after := do(t, c, http.MethodGet, baseA+"/", nil, session)
	if after.status != http.StatusSeeOther || after.header.Get("Location") != "/sign-in" {
		t.Errorf("GET / on A with the signed-out cookie: %d to %q, want 303 to /sign-in", after.status, after.header.Get("Location"))
	}
}

// postgresMigrationVersions lists the versions of the PostgreSQL migrations
// this binary carries, from their file names.
func postgresMigrationVersions(t *testing.T) []int64 {
	t.Helper()
	entries, err := os.ReadDir("../../internal/store/migrations/postgres")
	if err != nil {
		t.Fatal(err)
	}
	var versions []int64
	for _, e := range entries {
		prefix, _, ok := strings.Cut(e.Name(), "_")
		if !ok || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		v, err := strconv.ParseInt(prefix, 10, 64)
		if err != nil {
			t.Fatalf("migration %s: %v", e.Name(), err)
		}
		versions = append(versions, v)
	}
	if len(versions) == 0 {
		t.Fatal("found no PostgreSQL migrations")
	}
	return versions
}

// checkAppliedOnce checks goose's version table: each migration, and goose's
// own version 0, appears exactly once, applied, and nothing else appears.
func checkAppliedOnce(t *testing.T, dsn string, versions []int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT version_id, is_applied FROM goose_db_version ORDER BY id`)
	if err != nil {
		t.Fatalf("read goose_db_version: %v", err)
	}
	defer rows.Close()
	seen := map[int64]int{}
	var all []string
	for rows.Next() {
		var v int64
		var applied bool
		if err := rows.Scan(&v, &applied); err != nil {
			t.Fatal(err)
		}
		all = append(all, strconv.FormatInt(v, 10)+":"+strconv.FormatBool(applied))
		if applied {
			seen[v]++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := append([]int64{0}, versions...)
	for _, v := range want {
		if seen[v] != 1 {
			t.Errorf("migration version %d is recorded as applied %d times, want once; goose_db_version (version:applied) = %v", v, seen[v], all)
		}
	}
	if len(all) != len(want) {
		t.Errorf("goose_db_version has %d rows, want %d (one per version); rows (version:applied) = %v", len(all), len(want), all)
	}
}

var appliedField = regexp.MustCompile(`msg="database ready" .*\bapplied=(\d+)`)

// appliedInLog returns how many migrations an instance says it applied at start.
func appliedInLog(t *testing.T, p *process) int {
	t.Helper()
	m := appliedField.FindStringSubmatch(p.stderr.String())
	if m == nil {
		t.Fatalf("%s logged no \"database ready\" line with applied=N\n%s", p.name, p.output())
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
