package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// org is a small organisation for identity tests.
type org struct {
	id                               string
	admin, super, prac, other, cofac access.User
	parent                           access.User
	family, otherFamily              store.Family
}

func newOrg(t *testing.T, db *store.DB, name string) org {
	t.Helper()
	ctx := context.Background()
	o, err := db.CreateOrganisation(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	out := org{id: o.ID}
	mk := func(email string, role access.Role, family string) access.User {
		u, err := db.CreateUser(ctx, store.NewUser{OrgID: o.ID, Email: email + "@" + name + ".example", Name: email, Role: role, PasswordHash: "h", FamilyID: family})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	out.family, err = db.CreateFamily(ctx, o.ID, "Family A")
	if err != nil {
		t.Fatal(err)
	}
	out.otherFamily, err = db.CreateFamily(ctx, o.ID, "Family B")
	if err != nil {
		t.Fatal(err)
	}
	out.admin = mk("admin", access.Admin, "")
	out.super = mk("super", access.Supervisor, "")
	out.prac = mk("prac", access.Practitioner, "")
	out.other = mk("other", access.Practitioner, "")
	out.cofac = mk("cofac", access.CoFacilitator, "")
	out.parent = mk("parent", access.Parent, out.family.ID)
	return out
}

func TestFamilyRelationships(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if err := db.Allocate(ctx, a.id, a.family.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			who    access.User
			family string
			want   access.Relationship
			err    error
		}{
			{a.parent, a.family.ID, access.Own, nil},
			{a.parent, a.otherFamily.ID, access.None, nil},
			{a.prac, a.family.ID, access.Allocated, nil},
			{a.other, a.family.ID, access.None, nil},
			{a.super, a.family.ID, access.Supervised, nil},
			{a.super, a.otherFamily.ID, access.None, nil},
			{a.admin, a.family.ID, access.None, nil},
			{a.cofac, a.family.ID, access.None, nil},
			{a.prac, b.family.ID, access.None, store.ErrNotFound},
			{a.parent, "aaaaaaaaaaaaaaaaaaaa", access.None, store.ErrNotFound},
		}
		for _, c := range cases {
			got, err := db.FamilyRelationship(ctx, c.who.Actor(), c.family)
			if got != c.want || !errors.Is(err, c.err) && !(c.err == nil && err == nil) {
				t.Errorf("%s to %s: %s, %v; want %s, %v", c.who.Name, c.family, got, err, c.want, c.err)
			}
		}
		// An ended allocation is history, not access.
		if err := db.EndAllocation(ctx, a.id, a.family.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.FamilyRelationship(ctx, a.prac.Actor(), a.family.ID); got != access.None {
			t.Errorf("after the allocation ended: %s", got)
		}
		if got, _ := db.FamilyRelationship(ctx, a.super.Actor(), a.family.ID); got != access.None {
			t.Errorf("supervisor after the allocation ended: %s", got)
		}
		// Allocation across organisations is refused.
		if err := db.Allocate(ctx, a.id, b.family.ID, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("allocating to another organisation's family: %v", err)
		}
		if err := db.LinkSupervisor(ctx, a.id, b.super.ID, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("linking another organisation's supervisor: %v", err)
		}
	})
}

func TestUserAdministration(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")

		// The last administrator can be neither demoted nor disabled.
		if err := db.SetUserRole(ctx, a.id, a.admin.ID, access.Supervisor); !errors.Is(err, store.ErrLastAdmin) {
			t.Errorf("demoting the last admin: %v", err)
		}
		if err := db.DisableUser(ctx, a.id, a.admin.ID); !errors.Is(err, store.ErrLastAdmin) {
			t.Errorf("disabling the last admin: %v", err)
		}
		// Staff and parent accounts cannot be swapped.
		if err := db.SetUserRole(ctx, a.id, a.parent.ID, access.Practitioner); !errors.Is(err, store.ErrConflict) {
			t.Errorf("making a parent staff: %v", err)
		}
		// Another organisation's user is not found.
		if err := db.SetUserRole(ctx, a.id, b.prac.ID, access.Supervisor); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("changing another organisation's user: %v", err)
		}
		if err := db.DisableUser(ctx, a.id, b.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("disabling another organisation's user: %v", err)
		}

		// A role change away from practitioner removes their supervision links.
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.SetUserRole(ctx, a.id, a.prac.ID, access.Supervisor); err != nil {
			t.Fatal(err)
		}
		if s, _ := db.Supervisees(ctx, a.id, a.super.ID); len(s) != 0 {
			t.Errorf("supervisees after role change: %d", len(s))
		}

		// Teams belong to one organisation.
		team, err := db.CreateTeam(ctx, a.id, "North")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateTeam(ctx, a.id, "North"); !errors.Is(err, store.ErrAlreadyExists) {
			t.Errorf("duplicate team: %v", err)
		}
		if err := db.SetUserTeam(ctx, a.id, a.other.ID, team.ID); err != nil {
			t.Fatal(err)
		}
		if u, _ := db.UserInOrg(ctx, a.id, a.other.ID); u.TeamID != team.ID {
			t.Errorf("team = %q", u.TeamID)
		}
		if err := db.SetUserTeam(ctx, b.id, b.prac.ID, team.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("joining another organisation's team: %v", err)
		}

		// Disabling ends every session at once.
		data, _ := scs.GobCodec{}.Encode(time.Now().Add(time.Hour), map[string]any{store.SessionUserKey: a.other.ID})
		for _, tok := range []string{"s1", "s2"} {
			if err := db.Sessions().CommitCtx(ctx, tok, data, time.Now().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.DisableUser(ctx, a.id, a.other.ID); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.CountUserSessions(ctx, a.other.ID); n != 0 {
			t.Errorf("%d sessions left after disabling", n)
		}
		if u, _ := db.UserInOrg(ctx, a.id, a.other.ID); u.Active() {
			t.Error("user still active")
		}
		if err := db.EnableUser(ctx, a.id, a.other.ID); err != nil {
			t.Fatal(err)
		}
		if u, _ := db.UserInOrg(ctx, a.id, a.other.ID); !u.Active() {
			t.Error("user not enabled")
		}
	})
}

func TestPasswordLinks(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		invited, err := db.CreateUser(ctx, store.NewUser{OrgID: a.id, Email: "new@a.example", Name: "New Person", Role: access.Practitioner})
		if err != nil {
			t.Fatal(err)
		}
		first, _, err := db.CreatePasswordLink(ctx, a.id, invited.ID, a.admin.ID)
		if err != nil {
			t.Fatal(err)
		}
		second, expires, err := db.CreatePasswordLink(ctx, a.id, invited.ID, a.admin.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Until(expires); d < 71*time.Hour || d > 73*time.Hour {
			t.Errorf("link lasts %v", d)
		}
		if _, err := db.PasswordLinkUser(ctx, first); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("older link still valid: %v", err)
		}
		u, err := db.PasswordLinkUser(ctx, second)
		if err != nil || u.ID != invited.ID {
			t.Fatalf("PasswordLinkUser = %v, %v", u.ID, err)
		}
		if _, err := db.UsePasswordLink(ctx, second, "$argon2id$new"); err != nil {
			t.Fatal(err)
		}
		if u, _ := db.UserInOrg(ctx, a.id, invited.ID); u.PasswordHash != "$argon2id$new" {
			t.Error("password not set")
		}
		if _, err := db.UsePasswordLink(ctx, second, "again"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("link used twice: %v", err)
		}
		if _, _, err := db.CreatePasswordLink(ctx, a.id, "aaaaaaaaaaaaaaaaaaaa", a.admin.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("link for unknown user: %v", err)
		}
	})
}
