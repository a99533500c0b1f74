-- +goose Up
-- Answers to "how safe are things for the children?", 0 to 10, each with
-- whose view it is. Kept as a history; never changed.
CREATE TABLE scale_ratings (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    view        TEXT NOT NULL CHECK (view IN ('practitioner', 'parent', 'child')),
    note        TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX scale_ratings_family ON scale_ratings (family_id, recorded_at);

-- +goose Down
DROP TABLE scale_ratings;
