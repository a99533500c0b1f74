package demo_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// smallCounty is about 1% of the county: the same shape, quick to build.
var smallCounty = demo.County{
	Families: 120, Admins: 2, Supervisors: 3, CoFacilitators: 2, PractitionersPerSupervisor: 2,
	FamiliesPerPractitioner: 18, Parents: 4, ItemsPerFamily: 20,
}

func count(t *testing.T, raw *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := raw.QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestCountyShape(t *testing.T) {
	storetest.ForEachEngineConfig(t, func(t *testing.T, db *store.DB, cfg store.Config) {
		ctx := context.Background()
		var last demo.Progress
		res, err := demo.GenerateCounty(ctx, db, plainHasher{}, 3, smallCounty, func(p demo.Progress) { last = p })
		if err != nil {
			t.Fatal(err)
		}
		raw := storetest.Raw(t, cfg)
		c := smallCounty
		pracs := c.Supervisors * c.PractitionersPerSupervisor
		wantPeople := map[access.Role]int{access.Admin: c.Admins, access.Supervisor: c.Supervisors, access.Practitioner: pracs,
			access.CoFacilitator: c.CoFacilitators, access.Parent: c.Parents}
		for role, want := range wantPeople {
			if res.People[role] != want {
				t.Errorf("%d %s accounts, want %d", res.People[role], role, want)
			}
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM users`); n != c.Admins+c.Supervisors+pracs+c.CoFacilitators+c.Parents {
			t.Errorf("%d users stored", n)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM families`); n != c.Families || res.Families != c.Families {
			t.Errorf("%d families stored, %d reported, want %d", n, res.Families, c.Families)
		}
		items := count(t, raw, `SELECT (SELECT COUNT(*) FROM contact_notes) + (SELECT COUNT(*) FROM family_summaries)`)
		if items != res.TimelineItems || last.Items != items || last.TotalItems != items {
			t.Errorf("%d timeline items stored, %d reported, progress %+v", items, res.TimelineItems, last)
		}
		if items < c.Families*c.ItemsPerFamily*8/10 || items > c.Families*c.ItemsPerFamily*12/10 {
			t.Errorf("%d timeline items, want about %d", items, c.Families*c.ItemsPerFamily)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM contact_note_versions`); n != count(t, raw, `SELECT SUM(version) FROM contact_notes`) {
			t.Errorf("%d note versions do not match the notes' version numbers", n)
		}
		rows := count(t, raw, `SELECT (SELECT COUNT(*) FROM families) + (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM supervision_links)
			+ (SELECT COUNT(*) FROM allocations) + (SELECT COUNT(*) FROM family_members) + (SELECT COUNT(*) FROM family_summaries)
			+ (SELECT COUNT(*) FROM contact_notes) + (SELECT COUNT(*) FROM contact_note_versions) + (SELECT COUNT(*) FROM family_contexts)`)
		if rows != res.Rows {
			t.Errorf("%d rows stored, %d reported", rows, res.Rows)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM families f WHERE NOT EXISTS (SELECT 1 FROM family_members m WHERE m.family_id = f.id AND m.kind = 'child')
			OR NOT EXISTS (SELECT 1 FROM family_members m WHERE m.family_id = f.id AND m.kind = 'carer')`); n != 0 {
			t.Errorf("%d families lack a child or a carer", n)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM families f WHERE NOT EXISTS (SELECT 1 FROM allocations a WHERE a.family_id = f.id)`); n != c.Families-pracs*c.FamiliesPerPractitioner {
			t.Errorf("%d families wait for a worker, want %d", n, c.Families-pracs*c.FamiliesPerPractitioner)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM families f WHERE (SELECT COUNT(*) FROM family_contexts c WHERE c.family_id = f.id AND c.ended_on = '') <> 1`); n != 0 {
			t.Errorf("%d families do not have exactly one current context", n)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM family_contexts c WHERE c.kind <> 'early-help'
			AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.family_id = c.family_id)`); n != 0 {
			t.Errorf("%d contexts other than early help for families waiting for a worker", n)
		}
		if n := count(t, raw, `SELECT COUNT(DISTINCT kind) FROM family_contexts WHERE ended_on = ''`); n != len(family.ContextKinds()) {
			t.Errorf("families are currently in %d kinds of context, want all %d", n, len(family.ContextKinds()))
		}
		past := count(t, raw, `SELECT COUNT(*) FROM family_contexts p JOIN family_contexts c ON c.family_id = p.family_id
			AND c.ended_on = '' AND p.ended_on = c.started_on AND p.started_on < c.started_on`)
		if all := count(t, raw, `SELECT COUNT(*) FROM family_contexts WHERE ended_on <> ''`); past == 0 || past != all {
			t.Errorf("%d of %d past contexts ended the day the current one started; want some, and all", past, all)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM users WHERE role = 'practitioner' AND team_id IS NULL`); n != 0 {
			t.Errorf("%d practitioners have no team", n)
		}
		if n := count(t, raw, `SELECT COUNT(*) FROM contact_notes WHERE occurred_at > recorded_at`); n != 0 {
			t.Errorf("%d notes were recorded before they happened", n)
		}

		if len(res.SignIns) != len(access.Roles()) {
			t.Fatalf("%d sign-ins, want one per role", len(res.SignIns))
		}
		signIn := map[access.Role]access.User{}
		for i, a := range res.SignIns {
			if a.Role != string(access.Roles()[i]) {
				t.Errorf("sign-in %d is %s, want %s", i, a.Role, access.Roles()[i])
			}
			u, err := db.UserByEmail(ctx, a.Email)
			if err != nil {
				t.Fatal(err)
			}
			if u.PasswordHash != "plain:"+a.Password {
				t.Errorf("%s's stored hash is not of the printed password", a.Email)
			}
			signIn[u.Role] = u
		}
		mine, err := db.AllocatedFamilies(ctx, signIn[access.Practitioner].OrgID, signIn[access.Practitioner].ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(mine) != c.FamiliesPerPractitioner {
			t.Errorf("the practitioner holds %d families, want %d", len(mine), c.FamiliesPerPractitioner)
		}
		parentFamily := signIn[access.Parent].FamilyID
		held := false
		for _, f := range mine {
			held = held || f.ID == parentFamily
		}
		if !held {
			t.Error("the printed parent's family is not on the printed practitioner's caseload")
		}
		team, err := db.TeamFamilies(ctx, signIn[access.Supervisor].OrgID, signIn[access.Supervisor].ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(team) != c.PractitionersPerSupervisor*c.FamiliesPerPractitioner {
			t.Errorf("the supervisor's team holds %d families, want %d", len(team), c.PractitionersPerSupervisor*c.FamiliesPerPractitioner)
		}
		page, err := db.Timeline(ctx, signIn[access.Parent].OrgID, parentFamily, "", time.Time{}, time.Time{}, 25, 0)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 3*c.ItemsPerFamily || len(page.Items) != 25 {
			t.Errorf("the busiest family's timeline has %d items (%d on the page), want %d", page.Total, len(page.Items), 3*c.ItemsPerFamily)
		}
	})
}

func TestCountySameSeedSameSignIns(t *testing.T) {
	gen := func(seed uint64) []demo.Account {
		res, err := demo.GenerateCounty(context.Background(), storetest.Open(t, store.SQLite), plainHasher{}, seed, smallCounty, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.SignIns {
			res.SignIns[i].FamilyID = "" // identifiers are random by design
		}
		return res.SignIns
	}
	a, b, c := gen(5), gen(5), gen(6)
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("seed 5 gave %+v then %+v", a[i], b[i])
		}
	}
	if a[0] == c[0] {
		t.Error("seeds 5 and 6 gave the same administrator")
	}
}

func TestCountyRefusesBadSizes(t *testing.T) {
	bad := smallCounty
	bad.Parents = bad.Families + 1
	if _, err := demo.GenerateCounty(context.Background(), storetest.Open(t, store.SQLite), plainHasher{}, 1, bad, nil); err == nil {
		t.Error("more parents than families was accepted")
	}
}
