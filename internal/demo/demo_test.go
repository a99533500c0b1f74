package demo_test

import (
	"context"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// plainHasher keeps these tests quick; the real hasher is tested in access.
type plainHasher struct{}

func (plainHasher) Hash(_ context.Context, p string) (string, error) { return "plain:" + p, nil }

func generate(t *testing.T, seed uint64) (demo.Result, *store.DB) {
	t.Helper()
	db := storetest.Open(t, store.SQLite)
	res, err := demo.Generate(context.Background(), db, plainHasher{}, seed)
	if err != nil {
		t.Fatal(err)
	}
	return res, db
}

func TestSameSeedSameData(t *testing.T) {
	a, _ := generate(t, 42)
	b, _ := generate(t, 42)
	c, _ := generate(t, 43)
	if len(a.SignIns) != len(access.Roles()) {
		t.Fatalf("%d sign-ins, want one per role", len(a.SignIns))
	}
	for i := range a.SignIns {
		a.SignIns[i].FamilyID, b.SignIns[i].FamilyID = "", "" // identifiers are random by design
		if a.SignIns[i] != b.SignIns[i] {
			t.Errorf("seed 42 gave %+v then %+v", a.SignIns[i], b.SignIns[i])
		}
		if role := access.Roles()[i]; a.SignIns[i].Role != string(role) {
			t.Errorf("sign-in %d is %s, want %s", i, a.SignIns[i].Role, role)
		}
		if access.PasswordProblem(a.SignIns[i].Password, false) != "" {
			t.Errorf("demo password %q breaks the password rules", a.SignIns[i].Password)
		}
	}
	if a.SignIns[0] == c.SignIns[0] {
		t.Error("seeds 42 and 43 gave the same administrator")
	}
}

func TestDemoRelationships(t *testing.T) {
	res, db := generate(t, 7)
	ctx := context.Background()
	byRole := map[string]demo.Account{}
	for _, a := range res.SignIns {
		byRole[a.Role] = a
	}
	parent, err := db.UserByEmail(ctx, byRole["parent"].Email)
	if err != nil || parent.FamilyID == "" {
		t.Fatalf("demo parent %+v, %v: want a family", parent.ID, err)
	}
	for role, want := range map[string]access.Relationship{"practitioner": access.Allocated, "supervisor": access.Supervised, "admin": access.None} {
		u, err := db.UserByEmail(ctx, byRole[role].Email)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.FamilyRelationship(ctx, u.Actor(), parent.FamilyID); err != nil || got != want {
			t.Errorf("demo %s to the parent's family: %s, %v; want %s", role, got, err, want)
		}
	}
	if res.Families < 12 {
		t.Errorf("the demo made %d families, want at least 12", res.Families)
	}
	if byRole["parent"].FamilyID != parent.FamilyID {
		t.Error("the parent's sign-in does not carry their family")
	}
	members, err := db.Members(ctx, parent.OrgID, parent.FamilyID)
	if err != nil || len(members) < 2 || members[0].Kind != "child" {
		t.Errorf("the parent's family has %d members (%v), want children first and a carer", len(members), err)
	}
	if sums, _ := db.Summaries(ctx, parent.OrgID, parent.FamilyID, 1); len(sums) != 1 {
		t.Error("the allocated family has no worries, strengths and next steps")
	}
	if teams, _ := db.ListTeams(ctx, parent.OrgID); len(teams) != 3 {
		t.Errorf("%d teams, want 3", len(teams))
	}
	if _, err := demo.Generate(ctx, db, plainHasher{}, 7); err == nil {
		t.Error("a second demo went into a database that already had one")
	}
}
