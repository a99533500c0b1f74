-- +goose Up
-- A family referred to an NVR group by someone who works with it, for the
-- group's facilitators to enrol: the referral is what puts a family from
-- outside the facilitators' own work in their scope for enrolment.
CREATE TABLE nvr_group_referrals (
    group_id    TEXT NOT NULL REFERENCES nvr_groups (id),
    family_id   TEXT NOT NULL REFERENCES families (id),
    org_id      TEXT NOT NULL REFERENCES organisations (id),
    member_id   TEXT NOT NULL REFERENCES family_members (id),
    referred_by TEXT NOT NULL REFERENCES users (id),
    referred_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, family_id)
);
CREATE INDEX nvr_group_referrals_family ON nvr_group_referrals (family_id, org_id);

-- +goose Down
DROP TABLE nvr_group_referrals;
