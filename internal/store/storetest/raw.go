package storetest

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/store"
)

// Raw opens a plain database/sql connection to the database cfg names,
// going around the store. Tests use it only to do what Steadfast itself
// never does, such as tampering with the audit log as a table owner could.
func Raw(tb testing.TB, cfg store.Config) *sql.DB {
	tb.Helper()
	var raw *sql.DB
	var err error
	switch {
	case cfg.DSN == "" || strings.HasPrefix(cfg.DSN, "sqlite:"):
		path := strings.TrimPrefix(cfg.DSN, "sqlite:")
		if path == "" {
			path = filepath.Join(cfg.DataDir, "steadfast.db")
		}
		raw, err = sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_time_format=sqlite")
	default:
		raw, err = sql.Open("pgx", cfg.DSN)
	}
	if err != nil {
		tb.Fatalf("open raw connection: %v", err)
	}
	tb.Cleanup(func() { raw.Close() })
	return raw
}

// auditTriggers names each engine's append-only triggers on the audit tables.
var auditTriggers = map[store.Engine][][2]string{
	store.SQLite: {
		{"audit_records_no_update", ""}, {"audit_records_no_delete", ""},
		{"audit_hashes_no_update", ""}, {"audit_hashes_no_delete", ""},
		{"audit_checkpoints_no_update", ""}, {"audit_checkpoints_no_delete", ""},
	},
	store.Postgres: {
		{"audit_records_append_only", "audit_records"}, {"audit_records_no_truncate", "audit_records"},
		{"audit_hashes_append_only", "audit_hashes"}, {"audit_hashes_no_truncate", "audit_hashes"},
		{"audit_checkpoints_append_only", "audit_checkpoints"}, {"audit_checkpoints_no_truncate", "audit_checkpoints"},
	},
}

// DropAuditTriggers removes the audit tables' append-only triggers through
// raw, as the owner of the tables could, so a test can then tamper with them.
func DropAuditTriggers(tb testing.TB, raw *sql.DB, engine store.Engine) {
	tb.Helper()
	for _, t := range auditTriggers[engine] {
		stmt := "DROP TRIGGER " + t[0]
		if t[1] != "" {
			stmt += " ON " + t[1]
		}
		if _, err := raw.ExecContext(context.Background(), stmt); err != nil {
			tb.Fatalf("%s: %v", stmt, err)
		}
	}
}
