package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// countyGen holds what a county-scale generation has made so far.
type countyGen struct {
	c        County
	db       *store.DB
	rng      *rand.Rand
	bulk     *store.Bulk
	hasher   Hasher
	orgID    string
	teams    []string
	today    time.Time
	res      Result
	progress func(Progress)
	chooser  *chooser

	sharedHash    string   // the one hash every unprinted account shares
	supervisors   []string // user IDs, in order
	practitioners []string // user IDs; practitioner i is supervised by supervisor i / PractitionersPerSupervisor
	items, total  int      // timeline items written, and to write
}

// staff makes the admins, supervisors, practitioners and co-facilitators,
// with teams and supervision links. Parents come with their families.
//
// Hashing a password with argon2 takes tens of milliseconds on purpose, too
// long for 600 accounts, so the first account of each role, whose password
// is printed, gets its own hash, and every other county account shares one
// hash of one random passphrase that is never shown. Those accounts exist to
// be seen in lists and caseloads, not to sign in with.
func (g *countyGen) staff(ctx context.Context) error {
	var err error
	if g.sharedHash, err = g.hasher.Hash(ctx, passphrase(g.rng)); err != nil {
		return fmt.Errorf("demo: hash password: %w", err)
	}
	for _, s := range []struct {
		role  access.Role
		count int
	}{
		{access.Admin, g.c.Admins},
		{access.Supervisor, g.c.Supervisors},
		{access.Practitioner, g.c.practitioners()},
		{access.CoFacilitator, g.c.CoFacilitators},
	} {
		for i := 0; i < s.count; i++ {
			team := ""
			switch s.role {
			case access.Supervisor:
				team = g.teams[i]
			case access.Practitioner:
				team = g.teams[i/g.c.PractitionersPerSupervisor]
			}
			id, err := g.account(ctx, s.role, i, team, "", "")
			if err != nil {
				return err
			}
			switch s.role {
			case access.Supervisor:
				g.supervisors = append(g.supervisors, id)
			case access.Practitioner:
				g.practitioners = append(g.practitioners, id)
				lead := g.supervisors[i/g.c.PractitionersPerSupervisor]
				if err := g.bulk.SupervisionLink(g.orgID, lead, id, g.today); err != nil {
					return fmt.Errorf("demo: supervision: %w", err)
				}
			}
		}
	}
	return nil
}

// account makes the i-th account of a role and returns its ID. The first of
// each role is printed as that role's sign-in, with its own password. A
// parent's name is given (the family's carer); staff names are drawn.
func (g *countyGen) account(ctx context.Context, role access.Role, i int, teamID, familyID, name string) (string, error) {
	first, last, _ := strings.Cut(name, " ")
	if name == "" {
		first, last = firstNames[g.rng.IntN(len(firstNames))], lastNames[g.rng.IntN(len(lastNames))]
	}
	email := emailFor(first, last, role)
	if i > 0 { // numbered, so that 600 accounts drawn from a few names stay unique
		local, domain, _ := strings.Cut(email, "@")
		email = fmt.Sprintf("%s.%d@%s", local, i, domain)
	}
	nu := store.NewUser{ID: ids.New(), OrgID: g.orgID, Email: email, Name: first + " " + last, Role: role,
		PasswordHash: g.sharedHash, TeamID: teamID, FamilyID: familyID}
	if i == 0 {
		acct := Account{Email: email, Password: passphrase(g.rng), Role: string(role), Name: nu.Name, FamilyID: familyID}
		hash, err := g.hasher.Hash(ctx, acct.Password)
		if err != nil {
			return "", fmt.Errorf("demo: hash password: %w", err)
		}
		nu.PasswordHash = hash
		g.res.SignIns = append(g.res.SignIns, acct)
	}
	if err := g.bulk.User(nu, g.today); err != nil {
		return "", fmt.Errorf("demo: %s: %w", role, err)
	}
	g.res.People[role]++
	return nu.ID, nil
}

// report tells the progress function how far the generation has gone.
func (g *countyGen) report() {
	if g.progress != nil {
		g.progress(Progress{Items: g.items, TotalItems: g.total, Rows: g.bulk.Written()})
	}
}
