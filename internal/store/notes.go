package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
)

const noteColumns = `n.id, n.family_id, n.author_id, u.name, n.occurred_at, n.kind, n.present, n.child_seen, n.child_words, n.body, n.version, n.recorded_at`

func scanNote(row interface{ Scan(...any) error }) (family.Note, error) {
	var n family.Note
	var kind, seen string
	if err := row.Scan(&n.ID, &n.FamilyID, &n.AuthorID, &n.AuthorName, &n.OccurredAt, &kind, &n.Present, &seen, &n.ChildWords, &n.Body,
		&n.Version, &n.RecordedAt); err != nil {
		return family.Note{}, mapError(err)
	}
	n.Kind, n.ChildSeen = family.NoteKind(kind), family.ChildSeen(seen)
	n.OccurredAt, n.RecordedAt = n.OccurredAt.UTC(), n.RecordedAt.UTC()
	return n, nil
}

// SaveNote saves a new note (n.ID empty) or a new version of an existing one,
// and clears the author's draft for it, in one transaction. It returns the
// note as saved. A note of another organisation's family is ErrNotFound.
func (db *DB) SaveNote(ctx context.Context, orgID string, n family.Note) (family.Note, error) {
	now := db.Now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, n.FamilyID); err != nil {
			return err
		}
		draftKey := n.ID
		if n.ID == "" {
			n.ID, n.Version = ids.New(), 1
			if _, err := tx.ExecContext(ctx, `INSERT INTO contact_notes (id, org_id, family_id, author_id, occurred_at, kind, present,
				child_seen, child_words, body, version, recorded_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11)`,
				n.ID, orgID, n.FamilyID, n.AuthorID, n.OccurredAt.UTC(), string(n.Kind), n.Present, string(n.ChildSeen), n.ChildWords, n.Body, now); err != nil {
				return mapError(err)
			}
		} else {
			if err := tx.QueryRowContext(ctx, `SELECT version + 1 FROM contact_notes WHERE id = $1 AND family_id = $2 AND org_id = $3`,
				n.ID, n.FamilyID, orgID).Scan(&n.Version); err != nil {
				return mapError(err)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE contact_notes SET author_id = $1, occurred_at = $2, kind = $3, present = $4,
				child_seen = $5, child_words = $6, body = $7, version = $8, recorded_at = $9 WHERE id = $10 AND org_id = $11`,
				n.AuthorID, n.OccurredAt.UTC(), string(n.Kind), n.Present, string(n.ChildSeen), n.ChildWords, n.Body, n.Version, now, n.ID, orgID); err != nil {
				return mapError(err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO contact_note_versions (note_id, version, org_id, author_id, occurred_at, kind, present,
			child_seen, child_words, body, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			n.ID, n.Version, orgID, n.AuthorID, n.OccurredAt.UTC(), string(n.Kind), n.Present, string(n.ChildSeen), n.ChildWords, n.Body, now); err != nil {
			return mapError(err)
		}
		if err := refreshFamilyActivity(ctx, tx, n.FamilyID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM note_drafts WHERE author_id = $1 AND family_id = $2 AND note_id = $3`, n.AuthorID, n.FamilyID, draftKey)
		return mapError(err)
	})
	if err != nil {
		return family.Note{}, fmt.Errorf("save note: %w", err)
	}
	n.RecordedAt = now
	return n, nil
}

// Note reads the current version of a note of a family of the organisation.
func (db *DB) Note(ctx context.Context, orgID, familyID, noteID string) (family.Note, error) {
	n, err := scanNote(db.reads.QueryRowContext(ctx, `SELECT `+noteColumns+` FROM contact_notes n JOIN users u ON u.id = n.author_id
		WHERE n.id = $1 AND n.family_id = $2 AND n.org_id = $3`, noteID, familyID, orgID))
	if err != nil {
		return family.Note{}, fmt.Errorf("note %s: %w", noteID, err)
	}
	return n, nil
}

// NoteVersions lists every version of a note, newest first.
func (db *DB) NoteVersions(ctx context.Context, orgID, noteID string) ([]family.Note, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT v.note_id, n.family_id, v.author_id, u.name, v.occurred_at, v.kind, v.present, v.child_seen,
		v.child_words, v.body, v.version, v.recorded_at
		FROM contact_note_versions v JOIN contact_notes n ON n.id = v.note_id JOIN users u ON u.id = v.author_id
		WHERE v.note_id = $1 AND v.org_id = $2 ORDER BY v.version DESC LIMIT 200`, noteID, orgID)
	if err != nil {
		return nil, fmt.Errorf("note versions: %w", mapError(err))
	}
	defer rows.Close()
	var out []family.Note
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, fmt.Errorf("note versions: %w", err)
		}
		out = append(out, n)
	}
	return out, mapError(rows.Err())
}

// NotesPage is one page of a family's notes, newest contact first.
type NotesPage struct {
	Notes []family.Note
	Total int
}

// Notes lists a family's notes by when the contact happened, newest first,
// optionally only those of one kind and between two times.
func (db *DB) Notes(ctx context.Context, orgID, familyID string, kind family.NoteKind, from, to time.Time, limit, offset int) (NotesPage, error) {
	where := `n.family_id = $1 AND n.org_id = $2 AND ($3 = '' OR n.kind = $3) AND n.occurred_at >= $4 AND n.occurred_at < $5`
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	args := []any{familyID, orgID, string(kind), from.UTC(), to.UTC()}
	var page NotesPage
	if err := db.reads.QueryRowContext(ctx, `SELECT COUNT(*) FROM contact_notes n WHERE `+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count notes: %w", mapError(err))
	}
	rows, err := db.reads.QueryContext(ctx, `SELECT `+noteColumns+` FROM contact_notes n JOIN users u ON u.id = n.author_id
		WHERE `+where+` ORDER BY n.occurred_at DESC, n.id LIMIT $6 OFFSET $7`, append(args, limit, offset)...)
	if err != nil {
		return page, fmt.Errorf("list notes: %w", mapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return page, fmt.Errorf("list notes: %w", err)
		}
		page.Notes = append(page.Notes, n)
	}
	return page, mapError(rows.Err())
}
