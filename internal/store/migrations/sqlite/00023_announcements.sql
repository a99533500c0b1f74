-- +goose Up
-- A family's NVR announcement: built from its parts, rewritten as drafts
-- (every saved version kept), made final, and read out (date, who was
-- there, which supporters were told). The practitioner comments on it.
CREATE TABLE announcements (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    family_id       TEXT NOT NULL REFERENCES families (id),
    status          TEXT NOT NULL CHECK (status IN ('draft', 'final', 'delivered')),
    parts           TEXT NOT NULL,
    body            TEXT NOT NULL,
    delivered_on    TEXT NOT NULL DEFAULT '',
    present         TEXT NOT NULL DEFAULT '',
    supporters_told TEXT NOT NULL DEFAULT '',
    created_by      TEXT NOT NULL REFERENCES users (id),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX announcements_family ON announcements (family_id, org_id, created_at);

CREATE TABLE announcement_versions (
    announcement_id TEXT NOT NULL REFERENCES announcements (id),
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    status          TEXT NOT NULL,
    body            TEXT NOT NULL,
    saved_by        TEXT NOT NULL REFERENCES users (id),
    saved_at        TIMESTAMP NOT NULL
);
CREATE INDEX announcement_versions_announcement ON announcement_versions (announcement_id, saved_at);

CREATE TABLE announcement_comments (
    id              TEXT PRIMARY KEY,
    announcement_id TEXT NOT NULL REFERENCES announcements (id),
    org_id          TEXT NOT NULL REFERENCES organisations (id),
    author_id       TEXT NOT NULL REFERENCES users (id),
    body            TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX announcement_comments_announcement ON announcement_comments (announcement_id, created_at);

-- +goose Down
DROP TABLE announcement_comments;
DROP TABLE announcement_versions;
DROP TABLE announcements;
