package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

func TestCheckIns(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		week, earlier := wellbeing.Week("2026-03-09"), wellbeing.Week("2026-03-02")
		at := time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)
		if err := db.SaveCheckIn(ctx, a.id, a.prac.ID, wellbeing.CheckIn{Week: earlier, Score: 3, Note: " A hard week ", AnsweredAt: at.AddDate(0, 0, -7)}); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveCheckIn(ctx, a.id, a.prac.ID, wellbeing.CheckIn{Week: week, Score: 4, AnsweredAt: at}); err != nil {
			t.Fatal(err)
		}
		// Answering again in the same week replaces the answer.
		if err := db.SaveCheckIn(ctx, a.id, a.prac.ID, wellbeing.CheckIn{Week: week, Score: 6, Note: "Better", AnsweredAt: at.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		own, err := db.SelfCheckIns(ctx, a.id, a.prac.ID, earlier)
		if err != nil || len(own) != 2 {
			t.Fatalf("SelfCheckIns = %+v, %v", own, err)
		}
		if own[0].Week != earlier || own[0].Score != 3 || own[0].Note != "A hard week" || !own[0].AnsweredAt.Equal(at.AddDate(0, 0, -7)) {
			t.Errorf("first check-in = %+v", own[0])
		}
		if own[1].Week != week || own[1].Score != 6 || own[1].Note != "Better" || !own[1].AnsweredAt.Equal(at.Add(time.Hour)) {
			t.Errorf("replaced check-in = %+v", own[1])
		}
		if later, _ := db.SelfCheckIns(ctx, a.id, a.prac.ID, week); len(later) != 1 {
			t.Errorf("SelfCheckIns since %s = %+v", week, later)
		}
		scores, err := db.CheckInScores(ctx, a.id, a.prac.ID, earlier)
		if err != nil || len(scores) != 2 || scores[1] != (wellbeing.Score{Week: week, Score: 6}) {
			t.Errorf("CheckInScores = %+v, %v", scores, err)
		}
		if other, _ := db.CheckInScores(ctx, b.id, a.prac.ID, earlier); len(other) != 0 {
			t.Errorf("another organisation read the scores: %+v", other)
		}

		// Only an organisation's own practitioners check in.
		for name, c := range map[string]struct{ org, user string }{
			"a supervisor":                  {a.id, a.super.ID},
			"a parent":                      {a.id, a.parent.ID},
			"another organisation's person": {b.id, a.prac.ID},
		} {
			if err := db.SaveCheckIn(ctx, c.org, c.user, wellbeing.CheckIn{Week: week, Score: 5, AnsweredAt: at}); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("check-in by %s = %v; want ErrNotFound", name, err)
			}
		}
		for _, bad := range []wellbeing.CheckIn{{Week: "2026-03-10", Score: 5}, {Week: week, Score: 11}, {Week: week, Score: -1}} {
			if err := db.SaveCheckIn(ctx, a.id, a.prac.ID, bad); err == nil {
				t.Errorf("SaveCheckIn(%+v) was accepted", bad)
			}
		}
	})
}

func TestCheckInTotals(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		team, err := db.CreateTeam(ctx, a.id, "North")
		if err != nil {
			t.Fatal(err)
		}
		week, earlier := wellbeing.Week("2026-03-09"), wellbeing.Week("2026-03-02")
		at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
		var people []access.User
		for i := range 6 {
			u, err := db.CreateUser(ctx, store.NewUser{OrgID: a.id, Email: "team" + string(rune('a'+i)) + "@a.example", Name: "Team member", Role: access.Practitioner, PasswordHash: "h", TeamID: team.ID})
			if err != nil {
				t.Fatal(err)
			}
			people = append(people, u)
		}
		// Five answer this week, four the week before; one outside the
		// team answers both, and someone of another organisation too.
		for i, u := range people[:5] {
			if err := db.SaveCheckIn(ctx, a.id, u.ID, wellbeing.CheckIn{Week: week, Score: i + 4, AnsweredAt: at}); err != nil {
				t.Fatal(err)
			}
			if i < 4 {
				if err := db.SaveCheckIn(ctx, a.id, u.ID, wellbeing.CheckIn{Week: earlier, Score: 2, AnsweredAt: at.AddDate(0, 0, -7)}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, w := range []wellbeing.Week{week, earlier} {
			if err := db.SaveCheckIn(ctx, a.id, a.prac.ID, wellbeing.CheckIn{Week: w, Score: 10, AnsweredAt: at}); err != nil {
				t.Fatal(err)
			}
			if err := db.SaveCheckIn(ctx, b.id, b.prac.ID, wellbeing.CheckIn{Week: w, Score: 0, AnsweredAt: at}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.TeamCheckInTotals(ctx, a.id, team.ID, earlier)
		want := []wellbeing.Total{{Week: earlier, Answers: 4, Sum: 8, Unseen: 4}, {Week: week, Answers: 5, Sum: 30, Unseen: 5}}
		if err != nil || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("TeamCheckInTotals = %+v, %v; want %+v", got, err, want)
		}
		got, err = db.OrganisationCheckInTotals(ctx, a.id, earlier)
		want = []wellbeing.Total{{Week: earlier, Answers: 5, Sum: 18, Unseen: 5}, {Week: week, Answers: 6, Sum: 40, Unseen: 6}}
		if err != nil || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("OrganisationCheckInTotals = %+v, %v; want %+v", got, err, want)
		}
		// Four of the five share their trends: this week's one unseen
		// answer would be the sum less those four, so it is hidden.
		for i, u := range people[:5] {
			if err := db.LinkSupervisor(ctx, a.id, a.super.ID, u.ID); err != nil {
				t.Fatal(err)
			}
			if err := db.SetTrendSharing(ctx, a.id, u.ID, i < 4); err != nil {
				t.Fatal(err)
			}
		}
		got, err = db.TeamCheckInTotals(ctx, a.id, team.ID, earlier)
		want = []wellbeing.Total{{Week: earlier, Answers: 4, Sum: 8, Unseen: 0}, {Week: week, Answers: 5, Sum: 30, Unseen: 1}}
		if err != nil || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("TeamCheckInTotals with shared trends = %+v, %v; want %+v", got, err, want)
		}
		if f := wellbeing.Figures(got, []wellbeing.Week{week}); f[0].Shown {
			t.Errorf("a week with one unseen answer is shown: %+v", f[0])
		}
		// Stopping sharing does not make an answer unseen again (a
		// supervisor may remember it), and moving someone to another team
		// leaves the weeks they answered in their old team there.
		if err := db.SetTrendSharing(ctx, a.id, people[0].ID, false); err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateTeam(ctx, a.id, "South")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetUserTeam(ctx, a.id, people[1].ID, other.ID); err != nil {
			t.Fatal(err)
		}
		if got, err := db.TeamCheckInTotals(ctx, a.id, team.ID, earlier); err != nil || len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("TeamCheckInTotals after a change of mind and a move = %+v, %v; want %+v", got, err, want)
		}
		if got, _ := db.TeamCheckInTotals(ctx, b.id, team.ID, earlier); len(got) != 0 {
			t.Errorf("another organisation summed the team: %+v", got)
		}
	})
}

func TestTrendSharing(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if err := db.LinkSupervisor(ctx, a.id, a.super.ID, a.prac.ID); err != nil {
			t.Fatal(err)
		}
		rel := func(actor, subject string) access.Relationship {
			t.Helper()
			r, err := db.TrendRelationship(ctx, a.id, actor, subject)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		if shares, err := db.SharesTrend(ctx, a.id, a.prac.ID); err != nil || shares {
			t.Errorf("SharesTrend before choosing = %v, %v; want not shared", shares, err)
		}
		if r := rel(a.prac.ID, a.prac.ID); r != access.Own {
			t.Errorf("own trend: %s", r)
		}
		if r := rel(a.super.ID, a.prac.ID); r != access.None {
			t.Errorf("supervisor before sharing: %s; want none", r)
		}
		if list, _ := db.SharedTrends(ctx, a.id, a.super.ID); len(list) != 0 {
			t.Errorf("SharedTrends before sharing = %+v", list)
		}
		if err := db.SetTrendSharing(ctx, a.id, a.prac.ID, true); err != nil {
			t.Fatal(err)
		}
		if err := db.SetTrendSharing(ctx, a.id, a.other.ID, true); err != nil { // shares, but is not supervised by a.super
			t.Fatal(err)
		}
		if shares, _ := db.SharesTrend(ctx, a.id, a.prac.ID); !shares {
			t.Error("SharesTrend after sharing = false")
		}
		if r := rel(a.super.ID, a.prac.ID); r != access.Supervised {
			t.Errorf("supervisor after sharing: %s; want supervised", r)
		}
		if r := rel(a.super.ID, a.other.ID); r != access.None {
			t.Errorf("supervisor of someone else's practitioner: %s; want none", r)
		}
		if r := rel(a.admin.ID, a.prac.ID); r != access.None {
			t.Errorf("administrator: %s; want none", r)
		}
		if r, _ := db.TrendRelationship(ctx, b.id, b.super.ID, a.prac.ID); r != access.None {
			t.Errorf("another organisation: %s; want none", r)
		}
		if r := rel(a.super.ID, "aaaaaaaaaaaaaaaaaaaa"); r != access.None {
			t.Errorf("no such person: %s; want none", r)
		}
		list, err := db.SharedTrends(ctx, a.id, a.super.ID)
		if err != nil || len(list) != 1 || list[0].ID != a.prac.ID {
			t.Errorf("SharedTrends = %+v, %v", list, err)
		}
		// Changing one's mind closes it again.
		if err := db.SetTrendSharing(ctx, a.id, a.prac.ID, false); err != nil {
			t.Fatal(err)
		}
		if r := rel(a.super.ID, a.prac.ID); r != access.None {
			t.Errorf("supervisor after sharing stopped: %s; want none", r)
		}
		for name, c := range map[string]struct{ org, user string }{
			"a supervisor": {a.id, a.super.ID}, "another organisation's practitioner": {a.id, b.prac.ID},
		} {
			if err := db.SetTrendSharing(ctx, c.org, c.user, true); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("SetTrendSharing for %s = %v; want ErrNotFound", name, err)
			}
		}
	})
}

func TestSelfCare(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if _, err := db.SelfCare(ctx, a.id, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("SelfCare before any = %v; want ErrNotFound", err)
		}
		saved, err := db.SaveSelfCare(ctx, a.id, a.prac.ID, wellbeing.SelfCare{Helps: " A walk at lunch ", TalkTo: "Sam"})
		if err != nil || saved.Helps != "A walk at lunch" {
			t.Fatalf("SaveSelfCare = %+v, %v", saved, err)
		}
		if _, err := db.SaveSelfCare(ctx, a.id, a.prac.ID, wellbeing.SelfCare{Helps: "A walk at lunch", EarlySigns: "Skipping breaks", TalkTo: "Sam"}); err != nil {
			t.Fatal(err)
		}
		got, err := db.SelfCare(ctx, a.id, a.prac.ID)
		if err != nil || got.Helps != "A walk at lunch" || got.EarlySigns != "Skipping breaks" || got.TalkTo != "Sam" || got.UpdatedAt.IsZero() {
			t.Errorf("SelfCare = %+v, %v", got, err)
		}
		if _, err := db.SaveSelfCare(ctx, a.id, a.super.ID, wellbeing.SelfCare{Helps: "Music"}); err != nil {
			t.Errorf("a supervisor's plan: %v", err)
		}
		for name, c := range map[string]struct{ org, user string }{
			"an administrator": {a.id, a.admin.ID}, "a co-facilitator": {a.id, a.cofac.ID}, "a parent": {a.id, a.parent.ID},
			"another organisation's practitioner": {a.id, b.prac.ID},
		} {
			if _, err := db.SaveSelfCare(ctx, c.org, c.user, wellbeing.SelfCare{Helps: "x"}); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("SaveSelfCare for %s = %v; want ErrNotFound", name, err)
			}
		}
		if _, err := db.SelfCare(ctx, b.id, a.prac.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("SelfCare from another organisation = %v; want ErrNotFound", err)
		}
	})
}
