package demo_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/language"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// plainHasher keeps these tests quick; the real hasher is tested in access.
type plainHasher struct{}

func (plainHasher) Hash(_ context.Context, p string) (string, error) { return "plain:" + p, nil }

func generate(t *testing.T, seed uint64) (demo.Result, *store.DB) {
	t.Helper()
	return generateAt(t, seed, nil)
}

// generateAt makes the demo in a fresh SQLite file whose store reads the
// time from now (nil for the real time).
func generateAt(t *testing.T, seed uint64, now func() time.Time) (demo.Result, *store.DB) {
	t.Helper()
	db := storetest.OpenWithClock(t, store.SQLite, now)
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

// demoFamily is a demo family as the store reads it back.
type demoFamily struct {
	Name     string
	Worker   string // the allocated practitioner's name, or ""
	Members  []family.Member
	Contexts []family.Context // continuing first, then newest first
	Consents []family.Consent
	Notes    []family.Note // newest first
	workerID string
}

// readFamilies reads every demo family back through the store, by name.
func readFamilies(t *testing.T, db *store.DB, res demo.Result) []demoFamily {
	t.Helper()
	ctx := context.Background()
	admin, err := db.UserByEmail(ctx, res.SignIns[0].Email)
	if err != nil {
		t.Fatal(err)
	}
	org := admin.OrgID
	list, err := db.SearchFamilies(ctx, org, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []demoFamily
	for _, f := range list {
		d := demoFamily{Name: f.Name}
		allocs, err := db.AllocationHistory(ctx, org, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(allocs) > 0 && allocs[0].EndedAt == nil {
			d.Worker, d.workerID = allocs[0].PractitionerName, allocs[0].PractitionerID
		}
		if d.Members, err = db.Members(ctx, org, f.ID); err != nil {
			t.Fatal(err)
		}
		if d.Contexts, err = db.Contexts(ctx, org, f.ID); err != nil {
			t.Fatal(err)
		}
		if d.Consents, err = db.Consents(ctx, org, f.ID); err != nil {
			t.Fatal(err)
		}
		page, err := db.Notes(ctx, org, f.ID, "", time.Time{}, time.Time{}, 1000, 0)
		if err != nil {
			t.Fatal(err)
		}
		d.Notes = page.Notes
		out = append(out, d)
	}
	return out
}

// visitRhythm is how many working days may pass between seeing the
// children, by context; contexts without one are absent.
var visitRhythm = map[family.ContextKind]int{family.ChildProtection: 10, family.ChildInNeed: 20, family.LookedAfter: 30}

// workingDaysSince counts the working days after day up to and including today.
func workingDaysSince(day, today time.Time) int {
	n := 0
	for d := dateOnly(day).AddDate(0, 0, 1); !d.After(today); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			n++
		}
	}
	return n
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func TestDemoContexts(t *testing.T) {
	res, db := generate(t, 11)
	families := readFamilies(t, db, res)
	kinds := map[family.ContextKind]int{}
	steppedUp, steppedDown := false, false
	for _, f := range families {
		if len(f.Contexts) == 0 {
			t.Errorf("%s has no context", f.Name)
			continue
		}
		current := 0
		for _, c := range f.Contexts {
			kinds[c.Kind]++
			if c.Current() {
				current++
			}
			if p := c.Problems(db.Now()); len(p) > 0 {
				t.Errorf("%s: context %+v: %v", f.Name, c, p)
			}
			if c.Detail == "" {
				t.Errorf("%s: a %s context has no detail", f.Name, c.Kind)
			}
		}
		if f.Worker == "" {
			for _, c := range f.Contexts {
				if c.Kind != family.EarlyHelp {
					t.Errorf("%s waits for a worker but is in %s", f.Name, c.Kind)
				}
			}
		} else if current != 1 {
			t.Errorf("%s has %d current contexts, want 1", f.Name, current)
		}
		// Contexts come continuing first, then newest first: each ended
		// the day the one after it started.
		for i := 1; i < len(f.Contexts); i++ {
			next, prev := f.Contexts[i-1], f.Contexts[i]
			if prev.EndedOn != next.StartedOn {
				t.Errorf("%s: %s ended %s but %s started %s", f.Name, prev.Kind, prev.EndedOn, next.Kind, next.StartedOn)
			}
			steppedUp = steppedUp || prev.Kind == family.ChildInNeed && next.Kind == family.ChildProtection
			steppedDown = steppedDown || prev.Kind == family.ChildProtection && next.Kind == family.ChildInNeed
		}
	}
	for _, k := range family.ContextKinds() {
		if kinds[k] == 0 {
			t.Errorf("no family has been in %s", k.Label())
		}
	}
	if !steppedUp || !steppedDown {
		t.Errorf("stepped up from child in need to a plan: %v; stepped down from a plan to child in need: %v; want both", steppedUp, steppedDown)
	}
}

func TestDemoConsentsAndPeople(t *testing.T) {
	res, db := generate(t, 12)
	families := readFamilies(t, db, res)
	kinds, hows := map[family.ConsentKind]bool{}, map[family.ConsentHow]bool{}
	withdrawn, withConsents, allocated := 0, 0, 0
	relationships := map[string]bool{}
	interpreters := 0
	for _, f := range families {
		if f.Worker != "" {
			allocated++
		}
		if len(f.Consents) > 0 {
			withConsents++
		}
		for _, c := range f.Consents {
			kinds[c.Kind], hows[c.How] = true, true
			if !c.Active() {
				withdrawn++
			}
			if c.RecordedBy != f.Worker {
				t.Errorf("%s: consent recorded by %q, not the family's worker %q", f.Name, c.RecordedBy, f.Worker)
			}
		}
		carers := 0
		for _, m := range f.Members {
			if m.Kind == family.Carer {
				carers++
				relationships[m.Relationship] = true
			}
			if m.Interpreter {
				interpreters++
			}
		}
		if carers == 0 || f.Members[0].Kind != family.Child {
			t.Errorf("%s has %d carers and %s first; want a carer, and children first", f.Name, carers, f.Members[0].Kind)
		}
	}
	if len(kinds) != len(family.ConsentKinds()) || len(hows) != 2 {
		t.Errorf("consent kinds %v and ways %v; want every kind, spoken and written", kinds, hows)
	}
	if withdrawn == 0 {
		t.Error("no consent was withdrawn")
	}
	if withConsents*4 < allocated*3 {
		t.Errorf("%d of %d allocated families have consents; want most", withConsents, allocated)
	}
	for _, want := range []string{"Mum", "Dad", "Foster carer"} {
		if !relationships[want] {
			t.Errorf("no carer is a %s; relationships %v", want, relationships)
		}
	}
	if len(relationships) < 6 || interpreters == 0 {
		t.Errorf("%d kinds of carer and %d people needing an interpreter; want varied families", len(relationships), interpreters)
	}
}

func TestDemoNotes(t *testing.T) {
	res, db := generate(t, 13)
	today := dateOnly(db.Now())
	checker := language.NewChecker(language.Base(), nil, nil)
	total, flagged, overdue, recent, allocated := 0, 0, 0, 0, 0
	for _, f := range readFamilies(t, db, res) {
		if f.Worker == "" {
			if len(f.Notes) > 0 {
				t.Errorf("%s waits for a worker but has %d notes", f.Name, len(f.Notes))
			}
			continue
		}
		allocated++
		if len(f.Notes) < 15 {
			t.Errorf("%s has %d notes over two years, want a steady rhythm", f.Name, len(f.Notes))
			continue
		}
		total += len(f.Notes)
		newest, oldest := f.Notes[0].OccurredAt, f.Notes[len(f.Notes)-1].OccurredAt
		if span := newest.Sub(oldest); span < 548*24*time.Hour {
			t.Errorf("%s's notes span %s, want more than 18 months", f.Name, span)
		}
		if today.Sub(dateOnly(newest)) <= 21*24*time.Hour {
			recent++
		}
		var lastSeen time.Time
		for _, n := range f.Notes {
			if n.AuthorID != f.workerID {
				t.Errorf("%s: a note by %s, not the allocated worker %s", f.Name, n.AuthorName, f.Worker)
			}
			seen := n.ChildSeen != family.NotSeen
			if n.Kind == family.Phone && seen {
				t.Errorf("%s: a phone call saw the child: %q", f.Name, n.Body)
			}
			if !seen && n.ChildWords != "" {
				t.Errorf("%s: the child's words %q from a contact that did not see the child", f.Name, n.ChildWords)
			}
			if seen && lastSeen.IsZero() {
				lastSeen = n.OccurredAt
			}
			if len(checker.Check(n.Body)) > 0 {
				flagged++
			}
		}
		if rhythm, ok := visitRhythm[f.Contexts[0].Kind]; ok && workingDaysSince(lastSeen, today) > rhythm {
			overdue++
		}
	}
	if overdue < 1 || overdue > 2 {
		t.Errorf("%d families' children were not seen within their visiting rhythm, want one or two", overdue)
	}
	if recent < allocated-2 {
		t.Errorf("%d of %d allocated families had a note in the last three weeks, want most", recent, allocated)
	}
	if total < 200 || total > 600 {
		t.Errorf("%d notes; want a few hundred, so the demo starts quickly", total)
	}
	if flagged < 3 || flagged*10 > total {
		t.Errorf("%d of %d notes have phrases the checker flags; want a few, in a small minority", flagged, total)
	}
}

func TestSameSeedSameFamilies(t *testing.T) {
	at := time.Date(2026, 3, 11, 10, 30, 0, 0, time.UTC)
	clock := func() time.Time { return at }
	view := func(seed uint64) []demoFamily {
		res, db := generateAt(t, seed, clock)
		families := readFamilies(t, db, res)
		for i := range families { // identifiers are random by design
			f := &families[i]
			f.workerID = ""
			for j := range f.Members {
				f.Members[j].ID, f.Members[j].FamilyID = "", ""
			}
			for j := range f.Contexts {
				f.Contexts[j].ID, f.Contexts[j].FamilyID = "", ""
			}
			for j := range f.Consents {
				f.Consents[j].ID, f.Consents[j].FamilyID = "", ""
			}
			for j := range f.Notes {
				f.Notes[j].ID, f.Notes[j].FamilyID, f.Notes[j].AuthorID = "", "", ""
			}
		}
		return families
	}
	a, b, c := view(21), view(21), view(22)
	if len(a) != len(b) {
		t.Fatalf("seed 21 made %d families, then %d", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Errorf("seed 21 gave two versions of %s", a[i].Name)
		}
	}
	if reflect.DeepEqual(a, c) {
		t.Error("seeds 21 and 22 gave the same families")
	}
}
