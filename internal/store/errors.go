package store

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors returned by the store. Callers test them with errors.Is.
var (
	// ErrNotFound means the record does not exist, or not for this organisation.
	ErrNotFound = errors.New("store: not found")
	// ErrAlreadyExists means a unique rule was broken, such as a repeated email.
	ErrAlreadyExists = errors.New("store: already exists")
	// ErrConflict means the change clashes with the current state, such as a
	// setup link that has already been used.
	ErrConflict = errors.New("store: conflict")
	// ErrAppendOnly means the database refused to change or delete an audit
	// record, hash or checkpoint: those tables only ever grow.
	ErrAppendOnly = errors.New("store: the audit log is append-only")
)

// appendOnlyMessage is raised by the audit tables' triggers on both engines
// (see migrations/*/00003_audit.sql).
const appendOnlyMessage = "audit log is append-only"

// mapError turns driver errors into the store's sentinel errors, keeping the
// original for context. Errors it does not recognise pass through unchanged.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_TRIGGER:
			if strings.Contains(se.Error(), appendOnlyMessage) {
				return errors.Join(ErrAppendOnly, err)
			}
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return errors.Join(ErrAlreadyExists, err)
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY, sqlite3.SQLITE_CONSTRAINT_CHECK:
			return errors.Join(ErrConflict, err)
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "P0001": // raise_exception, from a PL/pgSQL RAISE
			if strings.Contains(pe.Message, appendOnlyMessage) {
				return errors.Join(ErrAppendOnly, err)
			}
		case "23505":
			return errors.Join(ErrAlreadyExists, err)
		case "23503", "23514":
			return errors.Join(ErrConflict, err)
		}
	}
	return err
}
