package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
)

// County sizes a county-scale demo: a service big enough to show how
// Steadfast behaves with a real county's records.
type County struct {
	// Families is how many families the service holds.
	Families int
	// Admins, Supervisors and CoFacilitators count those staff.
	Admins, Supervisors, CoFacilitators int
	// PractitionersPerSupervisor is the size of each supervisor's team; each
	// supervisor leads one team.
	PractitionersPerSupervisor int
	// FamiliesPerPractitioner is each practitioner's caseload. Families
	// beyond what the practitioners can hold wait for a worker.
	FamiliesPerPractitioner int
	// Parents counts the parents with an account, each in their own family.
	Parents int
	// ItemsPerFamily is the average number of timeline items (contact notes
	// and summary versions) a family has, over two years.
	ItemsPerFamily int
}

// CountyScale is the size `steadfast demo --scale county` builds: 10,000
// families, 600 staff and about 2 million timeline items.
func CountyScale() County {
	return County{
		Families: 10_000, Admins: 6, Supervisors: 60, CoFacilitators: 54, PractitionersPerSupervisor: 8,
		FamiliesPerPractitioner: 20, Parents: 100, ItemsPerFamily: 200,
	}
}

// practitioners counts the practitioners c makes.
func (c County) practitioners() int { return c.Supervisors * c.PractitionersPerSupervisor }

// check reports a county that cannot be built.
func (c County) check() error {
	if c.Families < 1 || c.Admins < 1 || c.Supervisors < 1 || c.PractitionersPerSupervisor < 1 || c.CoFacilitators < 1 ||
		c.Parents < 1 || c.Parents > c.Families || c.ItemsPerFamily < 2 || c.FamiliesPerPractitioner < 0 {
		return fmt.Errorf("demo: county %+v needs at least one of every role, no more parents than families and 2 items a family", c)
	}
	return nil
}

// Progress reports how far a county-scale generation has gone.
type Progress struct {
	// Items and TotalItems count timeline items written and to write.
	Items, TotalItems int
	// Rows counts every row handed to the database so far.
	Rows int
}

// bulkCommitRows is how many rows each bulk transaction holds.
const bulkCommitRows = 10_000

// GenerateCounty creates a county-scale demo organisation in db, which must
// hold no organisation yet, writing rows in large transactions through
// store.Bulk. It calls progress, when not nil, after each family. The same
// seed gives the same people, passwords, families and notes; identifiers
// are random, as everywhere in Steadfast.
func GenerateCounty(ctx context.Context, db *store.DB, hasher Hasher, seed uint64, c County, progress func(Progress)) (Result, error) {
	if err := c.check(); err != nil {
		return Result{}, err
	}
	has, err := db.HasOrganisations(ctx)
	if err != nil {
		return Result{}, err
	}
	if has {
		return Result{}, fmt.Errorf("demo: the database already holds an organisation; the demo needs an empty one")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0xc0047ea1))
	org, err := db.CreateOrganisation(ctx, OrganisationName)
	if err != nil {
		return Result{}, err
	}
	teams := make([]string, c.Supervisors)
	for i := range teams {
		t, err := db.CreateTeam(ctx, org.ID, teamName(i))
		if err != nil {
			return Result{}, fmt.Errorf("demo: team: %w", err)
		}
		teams[i] = t.ID
	}
	bulk, err := db.NewBulk(ctx, bulkCommitRows)
	if err != nil {
		return Result{}, err
	}
	defer bulk.Abort()
	g := &countyGen{c: c, db: db, rng: rng, bulk: bulk, orgID: org.ID, teams: teams, today: db.Now(), hasher: hasher,
		res: Result{People: map[access.Role]int{}}, progress: progress, chooser: newChooser()}
	if err := g.staff(ctx); err != nil {
		return Result{}, err
	}
	if err := g.families(ctx); err != nil {
		return Result{}, err
	}
	if err := bulk.Close(); err != nil {
		return Result{}, fmt.Errorf("demo: %w", err)
	}
	g.res.Families = c.Families
	g.res.Rows = bulk.Written()
	g.report()
	return g.res, nil
}

// teamName names the i-th county team; names are unique in the organisation.
func teamName(i int) string {
	areas := []string{"North", "South", "East", "West", "Central", "Riverside", "Hillside", "Coastal", "Market towns", "Edge of care"}
	return fmt.Sprintf("%s locality %d", areas[i%len(areas)], i/len(areas)+1)
}
