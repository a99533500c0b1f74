-- +goose Up
-- An organisation's own terms for the respectful-language checker. forms and
-- suggestions hold one item a line. term_key is the term as the checker
-- compares it (lower case, words separated by single spaces), so that one
-- organisation cannot add the same term twice in different spacing or case.
CREATE TABLE language_terms (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    term        TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 100),
    term_key    TEXT NOT NULL CHECK (length(term_key) >= 1),
    forms       TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    suggestions TEXT NOT NULL CHECK (length(suggestions) >= 1),
    label       INTEGER NOT NULL CHECK (label IN (0, 1)),
    created_by  TEXT NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (org_id, term_key)
);

-- Steadfast's own terms that an organisation has switched off. term_id names
-- a term in the lexicon built into the binary, so it has no foreign key.
CREATE TABLE language_disabled_terms (
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    term_id     TEXT NOT NULL,
    disabled_by TEXT NOT NULL REFERENCES users (id),
    disabled_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, term_id)
);

-- +goose Down
DROP TABLE language_disabled_terms;
DROP TABLE language_terms;
