package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
	"github.com/steadfast-care/steadfast/internal/wellbeing"
)

// ukWeeks is the last 12 weeks, by the server's calendar.
func ukWeeks(t *testing.T, env *webtest.Env) []wellbeing.Week {
	t.Helper()
	zone, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return wellbeing.LastWeeks(12, env.Clock.Now(), zone)
}

// tableRow returns the table row of body whose heading is label.
func tableRow(t *testing.T, body, label string) string {
	t.Helper()
	for _, row := range strings.Split(body, "<tr") {
		if strings.Contains(row, ">"+label+"<") {
			return row
		}
	}
	t.Fatalf("no row for %q", label)
	return ""
}

// rowHas checks the table row of body headed label holds every want.
func rowHas(t *testing.T, body, label string, wants ...string) {
	t.Helper()
	row := tableRow(t, body, label)
	for _, w := range wants {
		if !strings.Contains(row, w) {
			t.Errorf("the row for %s lacks %q: %s", label, w, row)
		}
	}
}

// TestWellbeingTrendIsSharedOnlyByChoice walks the practitioner through
// the weekly check-in and the choice to share, and checks that their
// supervisor sees their scores only once shared, and never their note;
// that another supervisor's practitioner and anyone but the supervisor are
// told nothing.
func TestWellbeingTrendIsSharedOnlyByChoice(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	check := pageChecks{t}
	pracID, supID := mustUser(t, env, access.Practitioner), mustUser(t, env, access.Supervisor)
	prac, sup, admin := newClient(t, env), newClient(t, env), newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	sup.signIn(env.Accounts[access.Supervisor])
	admin.signIn(env.Accounts[access.Admin])
	const note = "Zebra-crossing private note"
	trend := "/wellbeing/people/" + pracID

	// The practitioner stops sharing (the demo shares): the supervisor is
	// told nothing, and is not offered the link.
	check.status(prac.post("/wellbeing/sharing", url.Values{"share": {"no"}}), http.StatusSeeOther)
	closed := sup.get(trend)
	check.status(closed, http.StatusNotFound)
	if strings.Contains(closed.body, "out of 10") {
		t.Error("the refusal hints at scores")
	}
	if strings.Contains(sup.get("/wellbeing").body, trend) {
		t.Error("the supervisor is offered a trend that is not shared")
	}

	// A check-in with no score keeps the note; with one, it is saved.
	page := prac.get("/wellbeing")
	check.status(page, http.StatusOK)
	check.contains(page, "How are you this week?", "0 – really struggling", "10 – really well", `name="score"`, `href="/wellbeing/self-care"`)
	res := prac.post("/wellbeing", url.Values{"note": {note}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "There is a problem", `href="#score"`, note)
	check.status(prac.post("/wellbeing", url.Values{"score": {"2"}, "note": {note}}), http.StatusSeeOther)
	check.status(prac.post("/wellbeing", url.Values{"score": {"3"}, "note": {note}}), http.StatusSeeOther) // answering again replaces it
	weeks := ukWeeks(t, env)
	own, err := env.DB.SelfCheckIns(ctx, orgID, pracID, weeks[len(weeks)-1])
	if err != nil || len(own) != 1 || own[0].Score != 3 || own[0].Note != note {
		t.Fatalf("this week's check-ins = %+v, %v; want the one answer, replaced", own, err)
	}
	mine := prac.get("/wellbeing")
	check.contains(mine, note, `value="3" checked`, "answering again replaces it")
	rowHas(t, mine.body, weeks[len(weeks)-1].Label(), "3 out of 10")
	check.status(sup.get(trend), http.StatusNotFound)

	// Shared: the supervisor sees the scores, never the note.
	res = prac.post("/wellbeing/sharing", url.Values{})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "Choose whether to share your trend with your supervisor")
	check.status(prac.post("/wellbeing/sharing", url.Values{"share": {"yes"}}), http.StatusSeeOther)
	check.contains(sup.get("/wellbeing"), `href="`+trend+`"`)
	open := sup.get(trend)
	check.status(open, http.StatusOK)
	rowHas(t, open.body, weeks[len(weeks)-1].Label(), "3 out of 10")
	if strings.Contains(open.body, "Zebra") {
		t.Error("the supervisor was shown the practitioner's private note")
	}

	// Nobody else: not an administrator, nor another supervisor's
	// practitioner who shares with their own supervisor.
	check.status(admin.get(trend), http.StatusNotFound)
	others, err := env.DB.UsersWithRole(ctx, orgID, access.Practitioner)
	if err != nil {
		t.Fatal(err)
	}
	stranger := ""
	for _, u := range others {
		sups, _ := env.DB.Supervisors(ctx, orgID, u.ID)
		if len(sups) > 0 && sups[0].ID != supID {
			stranger = u.ID
			break
		}
	}
	if stranger == "" {
		t.Fatal("no practitioner with another supervisor")
	}
	if err := env.DB.SetTrendSharing(ctx, orgID, stranger, true); err != nil {
		t.Fatal(err)
	}
	check.status(sup.get("/wellbeing/people/"+stranger), http.StatusNotFound)
	check.status(sup.get("/wellbeing/people/not-an-id"), http.StatusNotFound)

	// Every read and change is in the audit trail, without the score.
	events, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ResourceType: string(access.KindWellbeingTrend), ResourceID: pracID}, 50, 0)
	if err != nil || len(events.Events) < 3 {
		t.Fatalf("trend reads audited: %+v, %v", events, err)
	}
	changes, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ResourceType: string(access.KindWellbeing), ResourceID: pracID}, 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, e := range changes.Events {
		if e.Decision == "" { // a change, not a policy decision
			reasons = append(reasons, e.Reason)
		}
	}
	all := strings.Join(reasons, "\n")
	// A check-in, sharing on and sharing off: each recorded, and each only
	// as "wellbeing changed", so that no one reading the trail learns which
	// week was answered or who chose not to share.
	if n := strings.Count(all, "wellbeing changed"); n < 3 || n != len(reasons) {
		t.Errorf("the audit trail holds %d changes, %d of them plainly worded: %q", len(reasons), n, reasons)
	}
	if strings.Contains(all, "Zebra") || strings.Contains(all, string(weeks[len(weeks)-1])) {
		t.Error("the audit trail holds the private note or the week answered")
	}
}

// TestWellbeingFiguresNeedFiveAnswers checks the team and organisation
// pages: a week with 4 answers is not shown, one with 5 is, and no one's
// own score appears.
func TestWellbeingFiguresNeedFiveAnswers(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	check := pageChecks{t}
	supID := mustUser(t, env, access.Supervisor)
	team, err := env.DB.CreateTeam(ctx, orgID, "Figures team")
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.SetUserTeam(ctx, orgID, supID, team.ID); err != nil {
		t.Fatal(err)
	}
	weeks := ukWeeks(t, env)
	four, five, now := weeks[9], weeks[10], weeks[11]
	var people []string
	for i := range 5 {
		u, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: orgID, Email: "figures" + string(rune('a'+i)) + "@riverside-demo.example",
			Name: "Figures Person " + string(rune('A'+i)), Role: access.Practitioner, PasswordHash: "h", TeamID: team.ID})
		if err != nil {
			t.Fatal(err)
		}
		save := func(w wellbeing.Week, score int) {
			if err := env.DB.SaveCheckIn(ctx, orgID, u.ID, wellbeing.CheckIn{Week: w, Score: score, AnsweredAt: env.Clock.Now()}); err != nil {
				t.Fatal(err)
			}
		}
		people = append(people, u.ID)
		save(five, 4+i) // 4, 5, 6, 7, 8: average 6.0
		if i < 4 {
			save(four, 9)
			save(now, 1) // this week: 4 answers so far, across the organisation too
		}
	}
	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])
	check.contains(sup.get("/wellbeing"), `href="/wellbeing/team"`)
	page := sup.get("/wellbeing/team")
	check.status(page, http.StatusOK)
	check.contains(page, "Figures team", "average", "fewer than 5 people answered are not shown", "Not shown, so no one can be singled out")
	hidden := tableRow(t, page.body, four.Label())
	rowHas(t, page.body, four.Label(), "Not shown, so no one can be singled out")
	if strings.Contains(hidden, ">4<") || strings.Contains(hidden, "9.0") {
		t.Errorf("the week with 4 answers shows figures: %s", hidden)
	}
	rowHas(t, page.body, five.Label(), ">5<", ">6.0<")
	if strings.Contains(page.body, "Figures Person") {
		t.Error("the team's figures name a person")
	}
	// Once four of the five share their trends with this supervisor, the
	// week's sum less their four scores would be the fifth person's: hidden.
	for i, id := range people {
		if err := env.DB.LinkSupervisor(ctx, orgID, supID, id); err != nil {
			t.Fatal(err)
		}
		if err := env.DB.SetTrendSharing(ctx, orgID, id, i < 4); err != nil {
			t.Fatal(err)
		}
	}
	rowHas(t, sup.get("/wellbeing/team").body, five.Label(), "Not shown, so no one can be singled out")

	// The organisation's figures, for administrators, show completed weeks
	// only: this week's answers are not shown while it runs, since each
	// change would give an answer away. Once it is over, its 4 answers are
	// hidden, and a fifth shows it.
	check.status(sup.get("/wellbeing/organisation"), http.StatusNotFound)
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	check.contains(admin.get("/wellbeing"), `href="/wellbeing/organisation"`)
	org := admin.get("/wellbeing/organisation")
	check.status(org, http.StatusOK)
	if strings.Contains(org.body, now.Label()) {
		t.Error("the organisation's figures show the week still in progress")
	}
	env.Clock.Advance(7 * 24 * time.Hour)
	admin = newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	org = admin.get("/wellbeing/organisation")
	rowHas(t, org.body, now.Label(), "Not shown, so no one can be singled out")
	if err := env.DB.SaveCheckIn(ctx, orgID, mustUser(t, env, access.Practitioner), wellbeing.CheckIn{Week: now, Score: 6, AnsweredAt: env.Clock.Now()}); err != nil {
		t.Fatal(err)
	}
	org = admin.get("/wellbeing/organisation")
	rowHas(t, org.body, now.Label(), ">5<", ">2.0<")
	if strings.Contains(org.body, "Figures Person") || strings.Contains(org.body, " out of 10</td>") {
		t.Error("the organisation's figures show a person or one person's score")
	}
	// Others do not reach the figures.
	check.status(admin.get("/wellbeing/team"), http.StatusNotFound)
}

// TestSelfCarePlan checks a practitioner's plan: what was typed is kept
// when something needs another look, and the plan is theirs alone.
func TestSelfCarePlan(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	check := pageChecks{t}
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])

	check.status(prac.get("/wellbeing/self-care"), http.StatusOK)
	res := prac.post("/wellbeing/self-care", url.Values{})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "Write at least one thing in your plan")
	res = prac.post("/wellbeing/self-care", url.Values{"helps": {"Swimming on Tuesdays"}, "early-signs": {strings.Repeat("a", wellbeing.MaxText+1)}})
	check.status(res, http.StatusUnprocessableEntity)
	check.contains(res, "Swimming on Tuesdays", "Keep this to 2000 characters or fewer")
	check.status(prac.post("/wellbeing/self-care", url.Values{"helps": {"Swimming on Tuesdays"}, "talk-to": {"Jo on the duty desk"}}), http.StatusSeeOther)
	check.contains(prac.get("/wellbeing/self-care"), "Swimming on Tuesdays", "Jo on the duty desk", "Last saved")

	// The supervisor has their own plan, and never sees the practitioner's.
	mine := sup.get("/wellbeing/self-care")
	check.status(mine, http.StatusOK)
	if strings.Contains(mine.body, "Swimming") {
		t.Error("the supervisor was shown the practitioner's plan")
	}
	check.status(sup.post("/wellbeing/self-care", url.Values{"helps": {"Music on the drive home"}}), http.StatusSeeOther)
	check.contains(sup.get("/wellbeing/self-care"), "Music on the drive home")
	if strings.Contains(prac.get("/wellbeing/self-care").body, "Music") {
		t.Error("the practitioner was shown the supervisor's plan")
	}
}
