package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Draft is what someone has typed into a note's form and not yet saved, by
// field name, so that a time-out, a closed tab or a lost connection never
// loses it.
type Draft struct {
	Fields    map[string]string
	UpdatedAt time.Time
}

// maxDraftBytes bounds a draft; the note's own limits are far below it.
const maxDraftBytes = 512 << 10

// SaveDraft keeps the author's draft of a note (noteID "" for a new note),
// replacing any earlier draft of the same note.
func (db *DB) SaveDraft(ctx context.Context, orgID, familyID, authorID, noteID string, fields map[string]string) error {
	b, err := json.Marshal(fields)
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	if len(b) > maxDraftBytes {
		return fmt.Errorf("save draft: %d bytes is more than a draft may hold: %w", len(b), ErrConflict)
	}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := familyInOrg(ctx, tx, orgID, familyID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO note_drafts (org_id, family_id, author_id, note_id, fields, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (author_id, family_id, note_id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at`,
			orgID, familyID, authorID, noteID, string(b), db.Now())
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	return nil
}

// LoadDraft returns the author's draft of a note, or ErrNotFound.
func (db *DB) LoadDraft(ctx context.Context, orgID, familyID, authorID, noteID string) (Draft, error) {
	var raw string
	var d Draft
	err := db.reads.QueryRowContext(ctx, `SELECT fields, updated_at FROM note_drafts
		WHERE org_id = $1 AND family_id = $2 AND author_id = $3 AND note_id = $4`, orgID, familyID, authorID, noteID).Scan(&raw, &d.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Draft{}, ErrNotFound
	}
	if err != nil {
		return Draft{}, fmt.Errorf("load draft: %w", mapError(err))
	}
	if err := json.Unmarshal([]byte(raw), &d.Fields); err != nil {
		return Draft{}, fmt.Errorf("load draft: %w", err)
	}
	d.UpdatedAt = d.UpdatedAt.UTC()
	return d, nil
}

// DiscardDraft removes the author's draft of a note.
func (db *DB) DiscardDraft(ctx context.Context, orgID, familyID, authorID, noteID string) error {
	return db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM note_drafts WHERE org_id = $1 AND family_id = $2 AND author_id = $3 AND note_id = $4`,
			orgID, familyID, authorID, noteID)
		return mapError(err)
	})
}
