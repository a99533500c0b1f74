-- +goose Up
-- A parent's support network in NVR (internal/network): the supporters a
-- family has told about what is happening at home, the parent's contacts
-- with them, and telephone rounds with each call's outcome. Parents write
-- these; the family's practitioner and their supervisor read them.

-- A supporter. roles holds the role codes the supporter may take,
-- comma-separated in the order forms offer them ("telephone-round,sit-in"):
-- they are only ever read and written whole with the supporter. Removing a
-- supporter deletes the row and their contacts.
CREATE TABLE network_supporters (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organisations (id),
    family_id    TEXT NOT NULL REFERENCES families (id),
    name         TEXT NOT NULL,
    relationship TEXT NOT NULL,
    contact      TEXT NOT NULL,
    roles        TEXT NOT NULL,
    agreement    TEXT NOT NULL,
    created_by   TEXT NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX network_supporters_family ON network_supporters (family_id, org_id);

-- A contact with a supporter: the day (YYYY-MM-DD) and what about.
CREATE TABLE network_contacts (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organisations (id),
    family_id    TEXT NOT NULL REFERENCES families (id),
    supporter_id TEXT NOT NULL REFERENCES network_supporters (id),
    held_on      TEXT NOT NULL,
    about        TEXT NOT NULL,
    created_by   TEXT NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX network_contacts_family ON network_contacts (family_id, org_id, held_on);
CREATE INDEX network_contacts_supporter ON network_contacts (supporter_id, held_on);

-- A telephone round and its calls, in the order they were made. A call
-- keeps the name of who was called as it was on the day; supporter_id is
-- cleared if that supporter is later removed, and is NULL for someone not
-- on the family's list.
CREATE TABLE network_rounds (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organisations (id),
    family_id  TEXT NOT NULL REFERENCES families (id),
    held_at    TIMESTAMP NOT NULL,
    why        TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX network_rounds_family ON network_rounds (family_id, org_id, held_at);

CREATE TABLE network_round_calls (
    round_id     TEXT NOT NULL REFERENCES network_rounds (id),
    position     INTEGER NOT NULL,
    org_id       TEXT NOT NULL REFERENCES organisations (id),
    supporter_id TEXT REFERENCES network_supporters (id),
    name         TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    note         TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
);
CREATE INDEX network_round_calls_supporter ON network_round_calls (supporter_id);

-- +goose Down
DROP TABLE network_round_calls;
DROP TABLE network_rounds;
DROP TABLE network_contacts;
DROP TABLE network_supporters;
