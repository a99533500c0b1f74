// Package demo fills an empty Steadfast database with a realistic, entirely
// fictional organisation, so that people can try every role safely.
//
// Everything is drawn from a seeded random source: the same seed gives the
// same people, emails and passwords.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
)

// OrganisationName is the demo service's name.
const OrganisationName = "Riverside Family Support (demo)"

// Account is a demo sign-in, printed for people trying Steadfast.
type Account struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Role     string `json:"role"`
	Name     string `json:"name"`
}

// Result is what Generate made.
type Result struct {
	// SignIns holds one account for each role, in role order, with passwords.
	SignIns []Account
	// People counts every account made, by role.
	People map[access.Role]int
}

// staffing says how many accounts of each role the demo organisation has.
var staffing = []struct {
	role  access.Role
	count int
}{
	{access.Admin, 1},
	{access.Supervisor, 2},
	{access.Practitioner, 6},
	{access.CoFacilitator, 2},
	{access.Parent, 8},
}

// Hasher is the part of access.Hasher that Generate needs.
type Hasher interface {
	Hash(ctx context.Context, password string) (string, error)
}

// Generate creates the demo organisation and its people in db, which must
// hold no organisation yet.
func Generate(ctx context.Context, db *store.DB, hasher Hasher, seed uint64) (Result, error) {
	has, err := db.HasOrganisations(ctx)
	if err != nil {
		return Result{}, err
	}
	if has {
		return Result{}, fmt.Errorf("demo: the database already holds an organisation; the demo needs an empty one")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eadfa57))
	org, err := db.CreateOrganisation(ctx, OrganisationName)
	if err != nil {
		return Result{}, err
	}
	names := newNamer(rng)
	res := Result{People: map[access.Role]int{}}
	made := map[access.Role][]string{} // user IDs by role, in order
	var families []string
	for _, s := range staffing {
		for i := 0; i < s.count; i++ {
			first, last := names.next()
			acct := Account{
				Name:     first + " " + last,
				Email:    emailFor(first, last, s.role),
				Password: passphrase(rng),
				Role:     string(s.role),
			}
			hash, err := hasher.Hash(ctx, acct.Password)
			if err != nil {
				return Result{}, fmt.Errorf("demo: hash password: %w", err)
			}
			nu := store.NewUser{OrgID: org.ID, Email: acct.Email, Name: acct.Name, Role: s.role, PasswordHash: hash}
			if s.role == access.Parent {
				family, err := db.CreateFamily(ctx, org.ID, "The "+last+" family")
				if err != nil {
					return Result{}, fmt.Errorf("demo: create family: %w", err)
				}
				nu.FamilyID = family.ID
				families = append(families, family.ID)
			}
			u, err := db.CreateUser(ctx, nu)
			if err != nil {
				return Result{}, fmt.Errorf("demo: create %s: %w", s.role, err)
			}
			made[s.role] = append(made[s.role], u.ID)
			if i == 0 {
				res.SignIns = append(res.SignIns, acct)
			}
			res.People[s.role]++
		}
	}
	if err := relate(ctx, db, org.ID, made, families); err != nil {
		return Result{}, err
	}
	return res, nil
}

// relate sets up the working relationships: each supervisor supervises half
// of the practitioners, and families are allocated to practitioners in turn,
// so the first parent's family is allocated to the first practitioner, who is
// supervised by the first supervisor. Some families are left unallocated, as
// families waiting for a worker are in real services.
func relate(ctx context.Context, db *store.DB, orgID string, made map[access.Role][]string, families []string) error {
	sups, pracs := made[access.Supervisor], made[access.Practitioner]
	for i, p := range pracs {
		if err := db.LinkSupervisor(ctx, orgID, sups[i*len(sups)/len(pracs)], p); err != nil {
			return fmt.Errorf("demo: supervision: %w", err)
		}
	}
	for i, f := range families[:len(families)-2] {
		if err := db.Allocate(ctx, orgID, f, pracs[i%len(pracs)]); err != nil {
			return fmt.Errorf("demo: allocation: %w", err)
		}
	}
	return nil
}

// emailFor makes a demo email on a reserved domain (RFC 2606), so no real
// mailbox can ever receive anything.
func emailFor(first, last string, role access.Role) string {
	local := strings.ToLower(first + "." + strings.ReplaceAll(last, "'", ""))
	domain := "riverside-demo.example"
	if role == access.Parent {
		domain = "families.example"
	}
	return strings.ReplaceAll(local, " ", "-") + "@" + domain
}
