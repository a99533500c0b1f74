-- +goose Up
-- A parent can call a planned sit-in off. It is kept, marked with when,
-- and can no longer be changed or recorded as done.
ALTER TABLE sit_ins ADD COLUMN cancelled_at TIMESTAMPTZ;

-- +goose Down
ALTER TABLE sit_ins DROP COLUMN cancelled_at;
