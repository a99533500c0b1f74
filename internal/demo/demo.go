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
	// FamilyID is a parent's family, so tests and tools can find it.
	FamilyID string `json:"family_id,omitempty"`
}

// Result is what Generate made.
type Result struct {
	// SignIns holds one account for each role, in role order, with passwords.
	SignIns []Account
	// People counts every account made, by role.
	People map[access.Role]int
	// Families counts the families made.
	Families int
	// TimelineItems counts the contact notes and summary versions made by a
	// county-scale generation.
	TimelineItems int
	// Rows counts the rows a county-scale generation wrote in bulk.
	Rows int
}

// staffing says how many accounts of each role the demo organisation has.
var staffing = []struct {
	role  access.Role
	count int
}{
	{access.Admin, 1},
	{access.Supervisor, 3},
	{access.Practitioner, 6},
	{access.CoFacilitator, 2},
	{access.Parent, 8},
}

// Hasher is the part of access.Hasher that Generate needs.
type Hasher interface {
	Hash(ctx context.Context, password string) (string, error)
}

// Generate creates the demo organisation and its people in db, which must
// hold no organisation yet: three teams, their supervisors and
// practitioners, and fourteen families of varied backgrounds (see
// situations), each with its history of contexts and, when it has a worker,
// its consents and two years of contact notes; and, for team wellbeing,
// four more practitioners in the first team and 12 weeks of check-ins.
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
	today := db.Now()
	names := newNamer(rng)
	households := drawHouseholds(rng, names, today)
	res := Result{People: map[access.Role]int{}}
	made := map[access.Role][]string{} // user IDs by role, in order
	var families []string              // family IDs, in the order of households
	for _, s := range staffing {
		for i := 0; i < s.count; i++ {
			var first, last string
			if s.role == access.Parent {
				carer := households[i].adults[0]
				first, last = carer.first, carer.last
			} else {
				first, last = names.next()
			}
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
				f, err := db.CreateFamily(ctx, org.ID, "The "+households[i].surname+" family")
				if err != nil {
					return Result{}, fmt.Errorf("demo: create family: %w", err)
				}
				nu.FamilyID, acct.FamilyID = f.ID, f.ID
				families = append(families, f.ID)
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
	// Families whose parents have no account of their own, as most do not.
	for _, h := range households[len(families):] {
		f, err := db.CreateFamily(ctx, org.ID, "The "+h.surname+" family")
		if err != nil {
			return Result{}, fmt.Errorf("demo: create family: %w", err)
		}
		families = append(families, f.ID)
	}
	workers, err := relate(ctx, db, org.ID, made, families)
	if err != nil {
		return Result{}, err
	}
	ch := newChooser()
	for i, h := range households {
		// A family waiting for a worker was taken in by a team manager.
		recordedBy := workers[i]
		if recordedBy == "" {
			recordedBy = made[access.Supervisor][0]
		}
		spans := planContexts(rng, h.sit, today)
		if err := writeContexts(ctx, db, org.ID, families[i], recordedBy, h, spans, today); err != nil {
			return Result{}, err
		}
		if err := fillFamily(ctx, db, rng, ch, org.ID, families[i], workers[i], h, spans, today); err != nil {
			return Result{}, err
		}
		if workers[i] != "" {
			if err := writeConsents(ctx, db, org.ID, families[i], workers[i], h); err != nil {
				return Result{}, err
			}
		}
	}
	if err := linkParents(ctx, db, org.ID, made[access.Parent]); err != nil {
		return Result{}, err
	}
	if err := addConversations(ctx, db, org.ID, families, households, workers, today); err != nil {
		return Result{}, err
	}
	if err := addGroups(ctx, db, org.ID, made, families, workers, today); err != nil {
		return Result{}, err
	}
	if err := addJournal(ctx, db, org.ID, made, families, workers, today); err != nil {
		return Result{}, err
	}
	if err := writeEngagement(ctx, db, org.ID, families, households, workers, today); err != nil {
		return Result{}, err
	}
	if err := addSupervision(ctx, db, org.ID, made, families, workers, today); err != nil {
		return Result{}, err
	}
	if err := addWellbeing(ctx, db, hasher, rng, names, org.ID, made, &res, today); err != nil {
		return Result{}, err
	}
	res.Families = len(families)
	return res, nil
}

// relate sets up the working relationships: each supervisor leads a team and
// supervises its practitioners, and families are allocated to practitioners
// in turn, so the first parent's family is allocated to the first
// practitioner, who is supervised by the first supervisor. The last two
// families are waiting for a worker, as some families are in real services.
// It returns each family's allocated practitioner, or "".
func relate(ctx context.Context, db *store.DB, orgID string, made map[access.Role][]string, families []string) ([]string, error) {
	sups, pracs := made[access.Supervisor], made[access.Practitioner]
	teams := make([]string, len(sups))
	for i, name := range teamNames[:len(sups)] {
		t, err := db.CreateTeam(ctx, orgID, name)
		if err != nil {
			return nil, fmt.Errorf("demo: team: %w", err)
		}
		teams[i] = t.ID
		if err := db.SetUserTeam(ctx, orgID, sups[i], t.ID); err != nil {
			return nil, fmt.Errorf("demo: team: %w", err)
		}
	}
	for i, p := range pracs {
		lead := i * len(sups) / len(pracs)
		if err := db.LinkSupervisor(ctx, orgID, sups[lead], p); err != nil {
			return nil, fmt.Errorf("demo: supervision: %w", err)
		}
		if err := db.SetUserTeam(ctx, orgID, p, teams[lead]); err != nil {
			return nil, fmt.Errorf("demo: team: %w", err)
		}
	}
	workers := make([]string, len(families))
	for i, f := range families[:len(families)-2] {
		workers[i] = pracs[i%len(pracs)]
		if err := db.Allocate(ctx, orgID, f, workers[i]); err != nil {
			return nil, fmt.Errorf("demo: allocation: %w", err)
		}
	}
	return workers, nil
}

// teamNames name the demo's teams, one for each supervisor.
var teamNames = []string{"North locality", "South locality", "Edge of care"}

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
