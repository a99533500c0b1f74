package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
)

// TemplateVersion describes one saved version of an organisation's
// programme template, for its version history.
type TemplateVersion struct {
	Version     int
	Name        string
	SavedBy     string
	SavedByName string
	SavedAt     time.Time
}

// templateColumns reads one version of a template from nvr_templates t
// joined to nvr_template_versions v.
const templateColumns = `t.id, t.org_id, t.kind, t.copied_from, t.copied_from_version, v.version, v.name, v.description, v.sessions,
	v.saved_by, v.saved_at`

func scanTemplate(row interface{ Scan(...any) error }) (nvr.Template, error) {
	var t nvr.Template
	var sessions string
	var savedAt sqlTime
	if err := row.Scan(&t.ID, &t.OrgID, &t.Kind, &t.CopiedFrom, &t.CopiedFromVersion, &t.Version, &t.Name, &t.Description, &sessions,
		&t.SavedBy, &savedAt); err != nil {
		return nvr.Template{}, mapError(err)
	}
	t.SavedAt = savedAt.Time.UTC()
	if err := json.Unmarshal([]byte(sessions), &t.Sessions); err != nil {
		return nvr.Template{}, fmt.Errorf("template %s version %d: decode sessions: %w", t.ID, t.Version, err)
	}
	return t, nil
}

// encodeSessions keeps a version's sessions as a JSON array (see migration
// 00016 for why they are a column and not rows of their own).
func encodeSessions(ss []nvr.Session) (string, error) {
	if ss == nil {
		ss = []nvr.Session{}
	}
	b, err := json.Marshal(ss)
	if err != nil {
		return "", fmt.Errorf("encode sessions: %w", err)
	}
	return string(b), nil
}

// CopyTemplate makes a new template of the organisation, version 1, saying
// what from says, with the given name, saved by userID. from may be a
// shipped template or one of the organisation's own; the copy remembers
// which, and which version.
func (db *DB) CopyTemplate(ctx context.Context, orgID, userID, name string, from nvr.Template) (nvr.Template, error) {
	var t nvr.Template
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = copyTemplate(ctx, tx, orgID, userID, name, from, db.Now())
		return err
	})
	if err != nil {
		return nvr.Template{}, fmt.Errorf("copy template %s: %w", from.ID, err)
	}
	return t, nil
}

// copyTemplate does CopyTemplate's work inside tx, so that starting a group
// from a shipped template can copy it in the same transaction.
func copyTemplate(ctx context.Context, tx *sql.Tx, orgID, userID, name string, from nvr.Template, now time.Time) (nvr.Template, error) {
	t := from.Trimmed()
	t.ID, t.OrgID, t.Name, t.Version, t.SavedBy = ids.New(), orgID, name, 1, userID
	t.CopiedFrom, t.CopiedFromVersion = from.ID, from.Version
	sessions, err := encodeSessions(t.Sessions)
	if err != nil {
		return nvr.Template{}, err
	}
	t.SavedAt = now
	if _, err := tx.ExecContext(ctx, `INSERT INTO nvr_templates (id, org_id, kind, name, version, copied_from, copied_from_version,
		created_at, updated_at) VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $7)`,
		t.ID, orgID, string(t.Kind), t.Name, t.CopiedFrom, t.CopiedFromVersion, now); err != nil {
		return nvr.Template{}, mapError(err)
	}
	if err := insertTemplateVersion(ctx, tx, t, sessions); err != nil {
		return nvr.Template{}, err
	}
	return t, nil
}

func insertTemplateVersion(ctx context.Context, tx *sql.Tx, t nvr.Template, sessions string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO nvr_template_versions (template_id, version, org_id, name, description, sessions, saved_by,
		saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, t.ID, t.Version, t.OrgID, t.Name, t.Description, sessions, t.SavedBy, t.SavedAt)
	return mapError(err)
}

// SaveTemplate saves t as a new version of the organisation's template
// t.ID, saved by t.SavedBy, and returns it as saved with added true.
// t.Version must be the version the change was made from: if another
// version has been saved since, SaveTemplate returns ErrConflict, so one
// person's edit never silently replaces another's. A change that says the
// same as the latest version adds nothing: SaveTemplate returns the latest
// with added false. Saved versions are never changed. A template of another
// organisation is ErrNotFound.
func (db *DB) SaveTemplate(ctx context.Context, orgID string, t nvr.Template) (nvr.Template, bool, error) {
	t = t.Trimmed()
	sessions, err := encodeSessions(t.Sessions)
	if err != nil {
		return nvr.Template{}, false, err
	}
	now := db.Now()
	added := true
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		current, err := latestTemplate(ctx, tx, orgID, t.ID)
		if err != nil {
			return err
		}
		if current.Version != t.Version {
			return ErrConflict
		}
		t.Kind = current.Kind // a template's kind is fixed when it is made
		if current.SameContent(t) {
			t, added = current, false
			return nil
		}
		t.OrgID, t.Version, t.SavedAt = orgID, current.Version+1, now
		t.CopiedFrom, t.CopiedFromVersion = current.CopiedFrom, current.CopiedFromVersion
		if _, err := tx.ExecContext(ctx, `UPDATE nvr_templates SET name = $1, version = $2, updated_at = $3 WHERE id = $4 AND org_id = $5`,
			t.Name, t.Version, now, t.ID, orgID); err != nil {
			return mapError(err)
		}
		return insertTemplateVersion(ctx, tx, t, sessions)
	})
	if err != nil {
		return nvr.Template{}, false, fmt.Errorf("save template %s: %w", t.ID, err)
	}
	return t, added, nil
}

func latestTemplate(ctx context.Context, q querier, orgID, id string) (nvr.Template, error) {
	return scanTemplate(q.QueryRowContext(ctx, `SELECT `+templateColumns+` FROM nvr_templates t
		JOIN nvr_template_versions v ON v.template_id = t.id AND v.version = t.version
		WHERE t.id = $1 AND t.org_id = $2`, id, orgID))
}

// Template reads the latest version of one of the organisation's
// templates: the one new groups use.
func (db *DB) Template(ctx context.Context, orgID, id string) (nvr.Template, error) {
	t, err := latestTemplate(ctx, db.reads, orgID, id)
	if err != nil {
		return nvr.Template{}, fmt.Errorf("template %s: %w", id, err)
	}
	return t, nil
}

// TemplateAt reads one saved version of one of the organisation's
// templates.
func (db *DB) TemplateAt(ctx context.Context, orgID, id string, version int) (nvr.Template, error) {
	t, err := scanTemplate(db.reads.QueryRowContext(ctx, `SELECT `+templateColumns+` FROM nvr_templates t
		JOIN nvr_template_versions v ON v.template_id = t.id
		WHERE t.id = $1 AND t.org_id = $2 AND v.version = $3`, id, orgID, version))
	if err != nil {
		return nvr.Template{}, fmt.Errorf("template %s version %d: %w", id, version, err)
	}
	return t, nil
}

// maxTemplates bounds the organisation's template list.
const maxTemplates = 200

// Templates lists the latest version of each of the organisation's own
// templates, by name, at most 200.
func (db *DB) Templates(ctx context.Context, orgID string) ([]nvr.Template, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT `+templateColumns+` FROM nvr_templates t
		JOIN nvr_template_versions v ON v.template_id = t.id AND v.version = t.version
		WHERE t.org_id = $1 ORDER BY t.name, t.id LIMIT $2`, orgID, maxTemplates)
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", mapError(err))
	}
	defer rows.Close()
	var out []nvr.Template
	for rows.Next() {
		t, err := scanTemplate(rows)
		if err != nil {
			return nil, fmt.Errorf("list templates: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list templates: %w", mapError(err))
	}
	return out, nil
}

// TemplateVersions lists every saved version of one of the organisation's
// templates, newest first.
func (db *DB) TemplateVersions(ctx context.Context, orgID, id string) ([]TemplateVersion, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT v.version, v.name, v.saved_by, u.name, v.saved_at FROM nvr_template_versions v
		JOIN users u ON u.id = v.saved_by WHERE v.template_id = $1 AND v.org_id = $2 ORDER BY v.version DESC`, id, orgID)
	if err != nil {
		return nil, fmt.Errorf("template %s versions: %w", id, mapError(err))
	}
	defer rows.Close()
	var out []TemplateVersion
	for rows.Next() {
		var v TemplateVersion
		var at sqlTime
		if err := rows.Scan(&v.Version, &v.Name, &v.SavedBy, &v.SavedByName, &at); err != nil {
			return nil, fmt.Errorf("template %s versions: %w", id, mapError(err))
		}
		v.SavedAt = at.Time.UTC()
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("template %s versions: %w", id, mapError(err))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("template %s versions: %w", id, ErrNotFound)
	}
	return out, nil
}
