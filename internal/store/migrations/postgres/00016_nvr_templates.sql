-- +goose Up
-- NVR programme templates an organisation has made its own. The templates
-- Steadfast ships are not stored: they are read from the binary's embedded
-- files (internal/nvr/templates) and shown beside these, so every
-- organisation has them at once and a release can improve their wording.
-- "Make a copy to edit" stores a copy here as version 1.
--
-- nvr_templates holds one row per template, naming its latest version (the
-- one new groups use) and that version's name, for lists. Every version,
-- the latest included, is a row of nvr_template_versions and is never
-- changed: editing adds a version, so a group that started with version 3
-- still reads version 3 after version 4 is saved.
--
-- A version's sessions (title, map elements, aims, timed plan, handout) are
-- a JSON array in a TEXT column rather than child rows. They are always read
-- and written whole with the version they belong to and never searched on
-- their own, so each version stays one row on both engines alike.
CREATE TABLE nvr_templates (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organisations (id),
    kind                TEXT NOT NULL,
    name                TEXT NOT NULL,
    version             INTEGER NOT NULL,
    copied_from         TEXT NOT NULL,
    copied_from_version INTEGER NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX nvr_templates_org ON nvr_templates (org_id, name);

CREATE TABLE nvr_template_versions (
    template_id TEXT NOT NULL REFERENCES nvr_templates (id),
    version     INTEGER NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    sessions    TEXT NOT NULL,
    saved_by    TEXT NOT NULL REFERENCES users (id),
    saved_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (template_id, version)
);

-- +goose Down
DROP TABLE nvr_template_versions;
DROP TABLE nvr_templates;
