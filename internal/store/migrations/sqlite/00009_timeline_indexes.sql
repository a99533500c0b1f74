-- +goose Up
-- At county scale (10,000 families, 2 million timeline items) the caseload's
-- last-contact query and the timeline read every note of a family from the
-- table to check its organisation. With org_id in the index they read the
-- index alone, newest first, and stop at the page's end.
CREATE INDEX contact_notes_family_org ON contact_notes (family_id, org_id, occurred_at);
DROP INDEX contact_notes_family;
CREATE INDEX family_summaries_family_org ON family_summaries (family_id, org_id, created_at);
DROP INDEX family_summaries_family;

-- +goose Down
CREATE INDEX family_summaries_family ON family_summaries (family_id, created_at);
DROP INDEX family_summaries_family_org;
CREATE INDEX contact_notes_family ON contact_notes (family_id, occurred_at);
DROP INDEX contact_notes_family_org;
