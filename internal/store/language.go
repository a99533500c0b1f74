package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/language"
)

// maxLanguageTerms bounds the terms one organisation may add, so that the
// checker built for every request stays small.
const maxLanguageTerms = 500

// LanguageTerm is a term an organisation added to the respectful-language
// checker, with who added it and when.
type LanguageTerm struct {
	language.Term
	OrgID     string
	CreatedBy string
	// CreatedByName is the name of the person who added it, for the
	// administration page.
	CreatedByName string
	CreatedAt     time.Time
}

// AddLanguageTerm adds an organisation's own term, recorded as added by
// createdBy. The term's ID is chosen here; t.ID is ignored. A term the
// organisation already has, in any case or spacing, gives ErrAlreadyExists.
// The caller validates the term first (language.Term.Validate).
func (db *DB) AddLanguageTerm(ctx context.Context, orgID, createdBy string, t language.Term) (LanguageTerm, error) {
	lt := LanguageTerm{Term: t, OrgID: orgID, CreatedBy: createdBy, CreatedAt: db.Now()}
	lt.ID = ids.New()
	lt.Phrase = strings.TrimSpace(t.Phrase)
	key := language.Key(lt.Phrase)
	if key == "" {
		return LanguageTerm{}, fmt.Errorf("add language term: %w: %q has no words", ErrConflict, t.Phrase)
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM language_terms WHERE org_id = $1`, orgID).Scan(&n); err != nil {
			return mapError(err)
		}
		if n >= maxLanguageTerms {
			return fmt.Errorf("%w: the organisation already has %d terms", ErrConflict, n)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO language_terms
			(id, org_id, term, term_key, forms, reason, suggestions, label, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			lt.ID, orgID, lt.Phrase, key, joinLines(lt.Forms), lt.Why, joinLines(lt.Suggestions), lt.Label, createdBy, lt.CreatedAt)
		return mapError(err)
	})
	if err != nil {
		return LanguageTerm{}, fmt.Errorf("add language term: %w", err)
	}
	return lt, nil
}

// ListLanguageTerms returns an organisation's own terms, alphabetically.
func (db *DB) ListLanguageTerms(ctx context.Context, orgID string) ([]LanguageTerm, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT t.id, t.org_id, t.term, t.forms, t.reason, t.suggestions, t.label,
			t.created_by, u.name, t.created_at
		FROM language_terms t JOIN users u ON u.id = t.created_by
		WHERE t.org_id = $1 ORDER BY t.term_key LIMIT $2`, orgID, maxLanguageTerms)
	if err != nil {
		return nil, fmt.Errorf("list language terms: %w", mapError(err))
	}
	defer rows.Close()
	var out []LanguageTerm
	for rows.Next() {
		lt, err := scanLanguageTerm(rows)
		if err != nil {
			return nil, fmt.Errorf("list language terms: %w", err)
		}
		out = append(out, lt)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list language terms: %w", mapError(err))
	}
	return out, nil
}

// LanguageTerm returns one of an organisation's own terms, or ErrNotFound.
func (db *DB) LanguageTerm(ctx context.Context, orgID, id string) (LanguageTerm, error) {
	row := db.reads.QueryRowContext(ctx, `SELECT t.id, t.org_id, t.term, t.forms, t.reason, t.suggestions, t.label,
			t.created_by, u.name, t.created_at
		FROM language_terms t JOIN users u ON u.id = t.created_by
		WHERE t.org_id = $1 AND t.id = $2`, orgID, id)
	lt, err := scanLanguageTerm(row)
	if err != nil {
		return LanguageTerm{}, fmt.Errorf("language term: %w", err)
	}
	return lt, nil
}

// scanLanguageTerm reads one row of the columns ListLanguageTerms selects.
func scanLanguageTerm(row interface{ Scan(...any) error }) (LanguageTerm, error) {
	var lt LanguageTerm
	var forms, suggestions string
	if err := row.Scan(&lt.ID, &lt.OrgID, &lt.Phrase, &forms, &lt.Why, &suggestions, &lt.Label,
		&lt.CreatedBy, &lt.CreatedByName, &lt.CreatedAt); err != nil {
		return LanguageTerm{}, mapError(err)
	}
	lt.Forms = language.Lines(forms)
	lt.Suggestions = language.Lines(suggestions)
	lt.CreatedAt = lt.CreatedAt.UTC()
	return lt, nil
}

// RemoveLanguageTerm deletes one of an organisation's own terms and returns
// what it was, or ErrNotFound.
func (db *DB) RemoveLanguageTerm(ctx context.Context, orgID, id string) (LanguageTerm, error) {
	lt, err := db.LanguageTerm(ctx, orgID, id)
	if err != nil {
		return LanguageTerm{}, fmt.Errorf("remove language term: %w", err)
	}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM language_terms WHERE org_id = $1 AND id = $2`, orgID, id)
		if err != nil {
			return mapError(err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return ErrNotFound // removed by someone else a moment ago
		}
		return nil
	})
	if err != nil {
		return LanguageTerm{}, fmt.Errorf("remove language term: %w", err)
	}
	return lt, nil
}

// DisableLanguageTerm switches off one of Steadfast's own terms for an
// organisation. Switching off a term that is already off changes nothing.
// The caller checks that termID names a term in the lexicon.
func (db *DB) DisableLanguageTerm(ctx context.Context, orgID, termID, by string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO language_disabled_terms (org_id, term_id, disabled_by, disabled_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (org_id, term_id) DO NOTHING`, orgID, termID, by, db.Now())
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("switch off language term %s: %w", termID, err)
	}
	return nil
}

// EnableLanguageTerm switches one of Steadfast's own terms back on for an
// organisation. Switching on a term that is on changes nothing.
func (db *DB) EnableLanguageTerm(ctx context.Context, orgID, termID string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM language_disabled_terms WHERE org_id = $1 AND term_id = $2`, orgID, termID)
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("switch on language term %s: %w", termID, err)
	}
	return nil
}

// DisabledLanguageTerms returns the IDs of Steadfast's own terms that an
// organisation has switched off, sorted.
func (db *DB) DisabledLanguageTerms(ctx context.Context, orgID string) ([]string, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT term_id FROM language_disabled_terms WHERE org_id = $1 ORDER BY term_id LIMIT 1000`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list switched-off language terms: %w", mapError(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list switched-off language terms: %w", mapError(err))
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list switched-off language terms: %w", mapError(err))
	}
	return out, nil
}

// LanguageSettings returns what the web layer needs to build an
// organisation's checker with language.NewChecker: its own terms and the
// IDs of Steadfast's terms it has switched off.
func (db *DB) LanguageSettings(ctx context.Context, orgID string) (extra []language.Term, disabled []string, err error) {
	own, err := db.ListLanguageTerms(ctx, orgID)
	if err != nil {
		return nil, nil, fmt.Errorf("language settings: %w", err)
	}
	disabled, err = db.DisabledLanguageTerms(ctx, orgID)
	if err != nil {
		return nil, nil, fmt.Errorf("language settings: %w", err)
	}
	extra = make([]language.Term, len(own))
	for i, t := range own {
		extra[i] = t.Term
	}
	return extra, disabled, nil
}

// joinLines stores a list one item a line. Items never hold new lines,
// because they come from language.Lines.
func joinLines(items []string) string {
	clean := make([]string, 0, len(items))
	for _, s := range items {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			clean = append(clean, s)
		}
	}
	return strings.Join(clean, "\n")
}
