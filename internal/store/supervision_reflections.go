package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// SaveReflection writes a session's reflective part, replacing what was
// there. The web layer lets only the session's two people reach it.
// r.UpdatedAt zero means now (the web layer always leaves it zero; the demo
// writes history).
func (db *DB) SaveReflection(ctx context.Context, orgID string, r supervision.Reflection) (supervision.Reflection, error) {
	r.Noticed, r.Triggers = strings.TrimSpace(r.Noticed), strings.TrimSpace(r.Triggers)
	r.HowIAm, r.WhatHelped = strings.TrimSpace(r.HowIAm), strings.TrimSpace(r.WhatHelped)
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt = db.Now()
	}
	r.UpdatedAt = r.UpdatedAt.UTC().Truncate(time.Microsecond)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM supervision_sessions WHERE id = $1 AND org_id = $2`, r.SessionID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return fmt.Errorf("session %s: %w", r.SessionID, ErrNotFound)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO supervision_reflections (session_id, org_id, noticed, triggers, how_i_am, what_helped, updated_by, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (session_id) DO UPDATE SET noticed = excluded.noticed, triggers = excluded.triggers, how_i_am = excluded.how_i_am,
				what_helped = excluded.what_helped, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			r.SessionID, orgID, r.Noticed, r.Triggers, r.HowIAm, r.WhatHelped, r.UpdatedBy, r.UpdatedAt)
		return mapError(err)
	})
	if err != nil {
		return supervision.Reflection{}, fmt.Errorf("save reflection: %w", err)
	}
	return r, nil
}

// Reflection reads a session's reflective part; one not yet written is
// empty, not an error.
func (db *DB) Reflection(ctx context.Context, orgID, sessionID string) (supervision.Reflection, error) {
	r := supervision.Reflection{SessionID: sessionID}
	err := db.reads.QueryRowContext(ctx, `SELECT noticed, triggers, how_i_am, what_helped, updated_by, updated_at FROM supervision_reflections
		WHERE session_id = $1 AND org_id = $2`, sessionID, orgID).Scan(&r.Noticed, &r.Triggers, &r.HowIAm, &r.WhatHelped, &r.UpdatedBy, &r.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("reflection: %w", mapError(err))
	}
	r.UpdatedAt = r.UpdatedAt.UTC()
	return r, nil
}

// ReflectionForExport is one session's reflective part in a legal export.
type ReflectionForExport struct {
	Session    supervision.Session
	Reflection supervision.Reflection
}

// ExportReflections records a legal export of a practitioner's reflective
// notes and returns them, every session that has any, oldest first, in
// one transaction: the record of the export is written before anything is
// read out.
func (db *DB) ExportReflections(ctx context.Context, orgID string, e supervision.LegalExport) (supervision.LegalExport, []ReflectionForExport, error) {
	e.ID, e.ExportedAt, e.Reason = ids.New(), db.Now(), strings.TrimSpace(e.Reason)
	var out []ReflectionForExport
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1 AND org_id = $2 AND role = 'practitioner'`, e.PractitionerID, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n == 0 {
			return fmt.Errorf("practitioner %s: %w", e.PractitionerID, ErrNotFound)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+supervisionColumns+`, r.noticed, r.triggers, r.how_i_am, r.what_helped, r.updated_by, r.updated_at`+supervisionFrom+`
			JOIN supervision_reflections r ON r.session_id = s.id
			WHERE s.org_id = $1 AND s.practitioner_id = $2 ORDER BY s.planned_for, s.id`, orgID, e.PractitionerID)
		if err != nil {
			return mapError(err)
		}
		defer rows.Close()
		for rows.Next() {
			var x ReflectionForExport
			var held, cancelled sqlTime
			s, r := &x.Session, &x.Reflection
			if err := rows.Scan(&s.ID, &s.SupervisorID, &s.PractitionerID, &s.SupervisorName, &s.PractitionerName, &s.PlannedFor, &held, &cancelled, &s.CreatedBy, &s.CreatedAt,
				&r.Noticed, &r.Triggers, &r.HowIAm, &r.WhatHelped, &r.UpdatedBy, &r.UpdatedAt); err != nil {
				return mapError(err)
			}
			s.PlannedFor, s.HeldAt, s.CancelledAt, s.CreatedAt, r.UpdatedAt, r.SessionID = s.PlannedFor.UTC(), utc(held.Time), utc(cancelled.Time), s.CreatedAt.UTC(), r.UpdatedAt.UTC(), s.ID
			out = append(out, x)
		}
		if err := rows.Err(); err != nil {
			return mapError(err)
		}
		e.Sessions = len(out)
		_, err = tx.ExecContext(ctx, `INSERT INTO supervision_legal_exports (id, org_id, practitioner_id, exported_by, reason, sessions, exported_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, e.ID, orgID, e.PractitionerID, e.ExportedBy, e.Reason, e.Sessions, e.ExportedAt)
		return mapError(err)
	})
	if err != nil {
		return supervision.LegalExport{}, nil, fmt.Errorf("export reflections: %w", err)
	}
	return e, out, nil
}

// LegalExportsOf lists the legal exports of a practitioner's reflective
// notes, newest first, so the two people in their sessions can see them.
func (db *DB) LegalExportsOf(ctx context.Context, orgID, practitionerID string) ([]supervision.LegalExport, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT e.id, e.practitioner_id, e.exported_by, u.name, e.reason, e.sessions, e.exported_at
		FROM supervision_legal_exports e JOIN users u ON u.id = e.exported_by
		WHERE e.org_id = $1 AND e.practitioner_id = $2 ORDER BY e.exported_at DESC, e.id LIMIT 100`, orgID, practitionerID)
	if err != nil {
		return nil, fmt.Errorf("legal exports: %w", mapError(err))
	}
	defer rows.Close()
	var out []supervision.LegalExport
	for rows.Next() {
		var e supervision.LegalExport
		if err := rows.Scan(&e.ID, &e.PractitionerID, &e.ExportedBy, &e.ExportedByName, &e.Reason, &e.Sessions, &e.ExportedAt); err != nil {
			return nil, fmt.Errorf("legal exports: %w", mapError(err))
		}
		e.ExportedAt = e.ExportedAt.UTC()
		out = append(out, e)
	}
	return out, mapError(rows.Err())
}
