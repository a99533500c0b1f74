-- +goose Up
-- When each family was last in contact, and when a child was last seen,
-- kept on the family as contact notes are saved. Caseloads show them for
-- every family on one page; reading them here costs one row per family
-- instead of a search through years of notes.
ALTER TABLE families ADD COLUMN last_contact_at TIMESTAMPTZ;
ALTER TABLE families ADD COLUMN last_seen_at TIMESTAMPTZ;
UPDATE families SET
    last_contact_at = (SELECT MAX(n.occurred_at) FROM contact_notes n WHERE n.family_id = families.id),
    last_seen_at = (SELECT MAX(n.occurred_at) FROM contact_notes n WHERE n.family_id = families.id AND n.child_seen <> 'no');

-- +goose Down
ALTER TABLE families DROP COLUMN last_seen_at;
ALTER TABLE families DROP COLUMN last_contact_at;
