package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// AddAgendaNote puts something on a practitioner's supervision agenda by
// hand; either of the two people in a session adds one. A family, when
// named, must be one of the organisation's. n.AddedAt zero means now (the
// web layer always leaves it zero; the demo writes history).
func (db *DB) AddAgendaNote(ctx context.Context, orgID string, n supervision.AgendaNote) (supervision.AgendaNote, error) {
	n.Text = strings.TrimSpace(n.Text)
	n.ID = ids.New()
	if n.AddedAt.IsZero() {
		n.AddedAt = db.Now()
	}
	n.AddedAt = n.AddedAt.UTC().Truncate(time.Microsecond)
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if n.FamilyID != "" {
			if err := familyInOrg(ctx, tx, orgID, n.FamilyID); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO supervision_agenda_notes (id, org_id, practitioner_id, family_id, text, added_by, added_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, n.ID, orgID, n.PractitionerID, nullable(n.FamilyID), n.Text, n.AddedBy, n.AddedAt)
		return mapError(err)
	})
	if err != nil {
		return supervision.AgendaNote{}, fmt.Errorf("add to the supervision agenda: %w", err)
	}
	return n, nil
}

const agendaNoteColumns = `n.id, n.practitioner_id, COALESCE(n.family_id, ''), COALESCE(f.name, ''), n.text, n.added_by, u.name, n.added_at, n.discussed_at`

const agendaNoteFrom = ` FROM supervision_agenda_notes n JOIN users u ON u.id = n.added_by LEFT JOIN families f ON f.id = n.family_id`

// WaitingAgendaNotes lists what was added by hand to a practitioner's
// agenda and not yet discussed, oldest first.
func (db *DB) WaitingAgendaNotes(ctx context.Context, orgID, practitionerID string) ([]supervision.AgendaNote, error) {
	return db.agendaNotesWhere(ctx, `WHERE n.org_id = $1 AND n.practitioner_id = $2 AND n.discussed_at IS NULL ORDER BY n.added_at, n.id LIMIT 200`,
		orgID, practitionerID)
}

// DiscussedAgendaNotes lists what was added by hand and discussed in a session.
func (db *DB) DiscussedAgendaNotes(ctx context.Context, orgID, sessionID string) ([]supervision.AgendaNote, error) {
	return db.agendaNotesWhere(ctx, `WHERE n.org_id = $1 AND n.session_id = $2 ORDER BY n.added_at, n.id LIMIT 200`, orgID, sessionID)
}

func (db *DB) agendaNotesWhere(ctx context.Context, where string, args ...any) ([]supervision.AgendaNote, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+agendaNoteColumns+agendaNoteFrom+` `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("supervision agenda: %w", mapError(err))
	}
	defer rows.Close()
	var out []supervision.AgendaNote
	for rows.Next() {
		var n supervision.AgendaNote
		var discussed sqlTime
		if err := rows.Scan(&n.ID, &n.PractitionerID, &n.FamilyID, &n.FamilyName, &n.Text, &n.AddedBy, &n.AddedByName, &n.AddedAt, &discussed); err != nil {
			return nil, fmt.Errorf("supervision agenda: %w", mapError(err))
		}
		n.AddedAt, n.DiscussedAt = n.AddedAt.UTC(), utc(discussed.Time)
		out = append(out, n)
	}
	return out, mapError(rows.Err())
}

// DiscussedSupervisionItems lists what the practitioner sent to supervision
// and a session discussed.
func (db *DB) DiscussedSupervisionItems(ctx context.Context, orgID, sessionID string) ([]supervision.Item, error) {
	return db.supervisionItemsWhere(ctx, `WHERE i.org_id = $1 AND i.session_id = $2 ORDER BY i.sent_at, i.id LIMIT 500`, orgID, sessionID)
}

// AgendaNoteOf reads one note on a practitioner's agenda, waiting or
// discussed. A note of another practitioner or organisation is ErrNotFound.
func (db *DB) AgendaNoteOf(ctx context.Context, orgID, practitionerID, noteID string) (supervision.AgendaNote, error) {
	notes, err := db.agendaNotesWhere(ctx, `WHERE n.org_id = $1 AND n.practitioner_id = $2 AND n.id = $3`, orgID, practitionerID, noteID)
	if err != nil {
		return supervision.AgendaNote{}, err
	}
	if len(notes) == 0 {
		return supervision.AgendaNote{}, fmt.Errorf("agenda note %s: %w", noteID, ErrNotFound)
	}
	return notes[0], nil
}

// RemoveAgendaNote takes a waiting note off a practitioner's agenda, when
// byUser added it. A note discussed already, or added by someone else, is
// ErrConflict; one that does not exist, ErrNotFound.
func (db *DB) RemoveAgendaNote(ctx context.Context, orgID, practitionerID, noteID, byUser string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return changeOneOrExplain(ctx, tx, `DELETE FROM supervision_agenda_notes
			WHERE id = $1 AND org_id = $2 AND practitioner_id = $3 AND added_by = $4 AND discussed_at IS NULL`, []any{noteID, orgID, practitionerID, byUser},
			`SELECT COUNT(*) FROM supervision_agenda_notes WHERE id = $1 AND org_id = $2 AND practitioner_id = $3`, noteID, orgID, practitionerID)
	})
	if err != nil {
		return fmt.Errorf("remove agenda note %s: %w", noteID, err)
	}
	return nil
}
