package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/audit"
)

// MaxAuditPage bounds one page of ListAudit.
const MaxAuditPage = 500

// AuditFilter narrows the audit viewer. Empty fields do not filter.
type AuditFilter struct {
	ActorID string
	// ActorIn, when not empty, keeps only events by these actors: a
	// supervisor's view of their team.
	ActorIn      []string
	ResourceType string
	ResourceID   string
	// ExcludeTypes leaves out events about these kinds of resource: what
	// people keep about themselves (wellbeing, reflective notes), which a
	// supervisor's view of their team must not show.
	ExcludeTypes []string
	Action       audit.Action
	From         time.Time // inclusive
	To           time.Time // exclusive
}

// AuditPage is one page of the audit viewer, newest first.
type AuditPage struct {
	Events []audit.Event
	Total  int // events matching the filter, on every page
}

// ListAudit returns an organisation's audit events that match f, newest
// first, limit (at most MaxAuditPage) at a time from offset, with the total
// count. Each filter is served by an index on (org_id, …, at).
//
// Events without an organisation (failed sign-ins with unknown emails) belong
// to no tenant, so no organisation's viewer lists them; an empty orgID is an
// error rather than a way to reach them.
func (db *DB) ListAudit(ctx context.Context, orgID string, f AuditFilter, limit, offset int) (AuditPage, error) {
	if orgID == "" {
		return AuditPage{}, errors.New("list audit events: no organisation given")
	}
	limit = max(1, min(limit, MaxAuditPage))
	offset = max(0, offset)
	args := []any{orgID}
	where := []string{"org_id = $1"}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.ActorID != "" {
		add("actor_id = $%d", f.ActorID)
	}
	if len(f.ActorIn) > 0 {
		var list string
		list, args = inList(args, f.ActorIn)
		where = append(where, "actor_id IN ("+list+")")
	}
	if f.ResourceType != "" {
		add("resource_type = $%d", f.ResourceType)
	}
	if len(f.ExcludeTypes) > 0 {
		var list string
		list, args = inList(args, f.ExcludeTypes)
		where = append(where, "resource_type NOT IN ("+list+")")
	}
	if f.ResourceID != "" {
		add("resource_id = $%d", f.ResourceID)
	}
	if f.Action != "" {
		add("action = $%d", string(f.Action))
	}
	if !f.From.IsZero() {
		add("at >= $%d", f.From.UTC().Truncate(time.Microsecond))
	}
	if !f.To.IsZero() {
		add("at < $%d", f.To.UTC().Truncate(time.Microsecond))
	}
	cond := strings.Join(where, " AND ")

	var page AuditPage
	if err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_records WHERE `+cond, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count audit events: %w", mapError(err))
	}
	n := len(args)
	rows, err := db.reads.QueryContext(ctx, fmt.Sprintf(`SELECT %s FROM audit_records WHERE %s
		ORDER BY at DESC, seq DESC LIMIT $%d OFFSET $%d`, auditColumns, cond, n+1, n+2), append(args, limit, offset)...)
	if err != nil {
		return page, fmt.Errorf("list audit events: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var leaf []byte
		e, err := scanAuditEvent(rows, &leaf)
		if err != nil {
			return page, fmt.Errorf("list audit events: %w", err)
		}
		page.Events = append(page.Events, e)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("list audit events: %w", mapError(err))
	}
	return page, nil
}
