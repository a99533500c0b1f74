-- +goose Up
-- Vigilant care and baskets in NVR (internal/journal): the concerns a
-- parent is watching over with every change of level and the warning sign
-- behind it, and their child's behaviours sorted into baskets with every
-- move. Parents write these; the family's practitioner and their
-- supervisor read them.

-- A concern, with its current level. settled_at is when the parent said it
-- is no longer a worry (NULL while it is one); a settled concern is kept.
CREATE TABLE vigilance_concerns (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    about      TEXT NOT NULL,
    level      TEXT NOT NULL,
    settled_at TIMESTAMP,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX vigilance_concerns_family ON vigilance_concerns (family_id, org_id);

-- Every level a concern has had, in order (position from 0): the first has
-- no from_level (''), and sign is the warning sign behind the change in
-- the parent's words (needed for every change after the first).
CREATE TABLE vigilance_changes (
    concern_id TEXT NOT NULL REFERENCES vigilance_concerns (id),
    position   INTEGER NOT NULL,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    from_level TEXT NOT NULL,
    to_level   TEXT NOT NULL,
    sign       TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users (id),
    changed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (concern_id, position)
);

-- A behaviour and the one basket it is in. what_key is the words in lower
-- case with single spaces (journal.BehaviourKey): one family cannot sort
-- the same behaviour twice, so it is never in two baskets at once. Taking
-- a behaviour off deletes the row; its moves keep its words.
CREATE TABLE basket_behaviours (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    what       TEXT NOT NULL,
    what_key   TEXT NOT NULL,
    basket     TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX basket_behaviours_key ON basket_behaviours (family_id, what_key);

-- Every change to a family's baskets, in order (position from 0 within the
-- family): from_basket is '' when a behaviour was put in, to_basket '' when
-- it was taken off. behaviour_id is kept without a reference, as the
-- behaviour may since have been taken off.
CREATE TABLE basket_moves (
    family_id    TEXT NOT NULL REFERENCES families (id),
    position     INTEGER NOT NULL,
    org_id       TEXT NOT NULL REFERENCES organisations (id),
    behaviour_id TEXT NOT NULL,
    what         TEXT NOT NULL,
    from_basket  TEXT NOT NULL,
    to_basket    TEXT NOT NULL,
    moved_by     TEXT NOT NULL REFERENCES users (id),
    moved_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (family_id, position)
);

-- +goose Down
DROP TABLE basket_moves;
DROP TABLE basket_behaviours;
DROP TABLE vigilance_changes;
DROP TABLE vigilance_concerns;
