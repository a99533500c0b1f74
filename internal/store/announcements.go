package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
)

// AnnouncementVersion is one saved text of an announcement.
type AnnouncementVersion struct {
	Status      journal.AnnouncementStatus
	Text        string
	SavedByName string
	SavedAt     time.Time
}

// AnnouncementComment is a worker's comment on a family's announcement.
type AnnouncementComment struct {
	AuthorName string
	Body       string
	CreatedAt  time.Time
}

// CurrentAnnouncement reads the family's latest announcement, or
// ErrNotFound when it has none yet.
func (db *DB) CurrentAnnouncement(ctx context.Context, orgID, familyID string) (journal.Announcement, error) {
	var a journal.Announcement
	var parts string
	var updated sqlTime
	err := db.reads.QueryRowContext(ctx, `SELECT id, family_id, status, parts, body, delivered_on, present, supporters_told, updated_at
		FROM announcements WHERE family_id = $1 AND org_id = $2 ORDER BY created_at DESC, id LIMIT 1`, familyID, orgID).
		Scan(&a.ID, &a.FamilyID, &a.Status, &parts, &a.Text, &a.DeliveredOn, &a.Present, &a.SupportersTold, &updated)
	if err != nil {
		return journal.Announcement{}, fmt.Errorf("announcement of family %s: %w", familyID, mapError(err))
	}
	if err := json.Unmarshal([]byte(parts), &a.Parts); err != nil {
		return journal.Announcement{}, fmt.Errorf("announcement %s parts: %w", a.ID, err)
	}
	a.UpdatedAt = updated.Time.UTC()
	return a, nil
}

// SaveAnnouncement keeps a's parts, text and status for the family, by
// userID, as a new announcement when a.ID is "" and otherwise over the
// current one (which must not be delivered: ErrConflict), and adds the
// text to its versions. It returns the announcement as stored.
func (db *DB) SaveAnnouncement(ctx context.Context, orgID, userID string, a journal.Announcement) (journal.Announcement, error) {
	parts, err := json.Marshal(a.Parts)
	if err != nil {
		return journal.Announcement{}, fmt.Errorf("save announcement: %w", err)
	}
	now := db.Now()
	a.Text, a.UpdatedAt = strings.TrimSpace(a.Text), now
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if a.ID == "" {
			if err := familyInOrg(ctx, tx, orgID, a.FamilyID); err != nil {
				return err
			}
			a.ID = ids.New()
			if _, err := tx.ExecContext(ctx, `INSERT INTO announcements (id, org_id, family_id, status, parts, body, delivered_on, present,
				supporters_told, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
				a.ID, orgID, a.FamilyID, string(a.Status), string(parts), a.Text, a.DeliveredOn, a.Present, a.SupportersTold, userID, now); err != nil {
				return mapError(err)
			}
		} else {
			var status string
			if err := tx.QueryRowContext(ctx, `SELECT status FROM announcements WHERE id = $1 AND family_id = $2 AND org_id = $3`,
				a.ID, a.FamilyID, orgID).Scan(&status); err != nil {
				return mapError(err)
			}
			if journal.AnnouncementStatus(status) == journal.Delivered {
				return ErrConflict
			}
			if err := execOne(ctx, tx, `UPDATE announcements SET status = $1, parts = $2, body = $3, delivered_on = $4, present = $5,
				supporters_told = $6, updated_at = $7 WHERE id = $8`, string(a.Status), string(parts), a.Text, a.DeliveredOn, a.Present,
				a.SupportersTold, now, a.ID); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO announcement_versions (announcement_id, org_id, status, body, saved_by, saved_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, a.ID, orgID, string(a.Status), a.Text, userID, now)
		return mapError(err)
	})
	if err != nil {
		return journal.Announcement{}, fmt.Errorf("save announcement: %w", err)
	}
	return a, nil
}

// AnnouncementVersions lists every saved text of an announcement, oldest
// first.
func (db *DB) AnnouncementVersions(ctx context.Context, orgID, announcementID string) ([]AnnouncementVersion, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT v.status, v.body, u.name, v.saved_at FROM announcement_versions v JOIN users u ON u.id = v.saved_by
		WHERE v.announcement_id = $1 AND v.org_id = $2 ORDER BY v.saved_at, v.body`, announcementID, orgID)
	if err != nil {
		return nil, fmt.Errorf("announcement versions: %w", mapError(err))
	}
	defer rows.Close()
	var out []AnnouncementVersion
	for rows.Next() {
		var v AnnouncementVersion
		var at sqlTime
		if err := rows.Scan(&v.Status, &v.Text, &v.SavedByName, &at); err != nil {
			return nil, fmt.Errorf("announcement versions: %w", mapError(err))
		}
		v.SavedAt = at.Time.UTC()
		out = append(out, v)
	}
	return out, mapError(rows.Err())
}

// CommentOnAnnouncement adds a worker's comment to the family's
// announcement; one of another family or organisation is ErrNotFound.
func (db *DB) CommentOnAnnouncement(ctx context.Context, orgID, familyID, announcementID, authorID, body string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `INSERT INTO announcement_comments (id, announcement_id, org_id, author_id, body, created_at)
			SELECT $1, id, org_id, $2, $3, $4 FROM announcements WHERE id = $5 AND family_id = $6 AND org_id = $7`,
			ids.New(), authorID, strings.TrimSpace(body), db.Now(), announcementID, familyID, orgID)
	})
	if err != nil {
		return fmt.Errorf("comment on announcement %s: %w", announcementID, err)
	}
	return nil
}

// AnnouncementComments lists the comments on an announcement, oldest first.
func (db *DB) AnnouncementComments(ctx context.Context, orgID, announcementID string) ([]AnnouncementComment, error) {
	rows, err := db.reads.QueryContext(ctx, `SELECT u.name, c.body, c.created_at FROM announcement_comments c JOIN users u ON u.id = c.author_id
		WHERE c.announcement_id = $1 AND c.org_id = $2 ORDER BY c.created_at, c.id`, announcementID, orgID)
	if err != nil {
		return nil, fmt.Errorf("announcement comments: %w", mapError(err))
	}
	defer rows.Close()
	var out []AnnouncementComment
	for rows.Next() {
		var c AnnouncementComment
		var at sqlTime
		if err := rows.Scan(&c.AuthorName, &c.Body, &at); err != nil {
			return nil, fmt.Errorf("announcement comments: %w", mapError(err))
		}
		c.CreatedAt = at.Time.UTC()
		out = append(out, c)
	}
	return out, mapError(rows.Err())
}
