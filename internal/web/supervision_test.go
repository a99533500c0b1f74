package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// whenValues fills a "when" date-and-time input (named prefix) with t in UK time.
func whenValues(v url.Values, prefix string, t time.Time) url.Values {
	t = t.In(ukZone)
	v.Set(prefix+"-day", t.Format("2"))
	v.Set(prefix+"-month", t.Format("1"))
	v.Set(prefix+"-year", t.Format("2006"))
	v.Set(prefix+"-time", t.Format("15:04"))
	return v
}

var ukZone = func() *time.Location {
	z, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return z
}()

// TestSupervisionJourney follows a debrief from the practitioner's work to
// the supervisor's agenda, the case direction onto the family's timeline,
// and the session recorded as held with the next one planned, on every engine.
func TestSupervisionJourney(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			ctx := t.Context()
			fx := newMatrixFixture(t, env)
			fam := fx.families[related]
			orgID := fam.OrgID
			prac := newClient(t, env)
			prac.signIn(env.Accounts[access.Practitioner])
			sup := newClient(t, env)
			sup.signIn(env.Accounts[access.Supervisor])
			supID, pracID := mustUser(t, env, access.Supervisor), mustUser(t, env, access.Practitioner)

			// The practitioner debriefs a conversation and sends the debrief.
			if _, _, err := env.DB.SaveDebrief(ctx, orgID, fam.ID, conversation.Debrief{PlanID: fx.plan, HeldOn: time.Now().In(ukZone).Format("2006-01-02"),
				HowItWent: "Calmer than feared", NextSteps: "Visit again on Friday", AuthorID: pracID}); err != nil {
				t.Fatal(err)
			}
			if res := prac.post("/families/"+fam.ID+"/conversations/"+fx.plan+"/supervision", url.Values{"what": {"debrief"}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("send the debrief: %d", res.StatusCode)
			}

			// The supervisor plans a session; bad input is kept and explained.
			bad := sup.post("/supervision", url.Values{"practitioner": {pracID}, "when-day": {"31"}, "when-month": {"2"}, "when-year": {"2027"}, "when-time": {"10:00"}})
			if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Enter the date and time of the session") || !strings.Contains(bad.body, `value="31"`) {
				t.Errorf("an impossible date: %d", bad.StatusCode)
			}
			if res := sup.post("/supervision", whenValues(url.Values{"practitioner": {fx.families[unrelated].ID}}, "when", time.Now().Add(time.Hour))); res.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(res.body, "Choose a practitioner you supervise") {
				t.Errorf("planning with someone not supervised: %d", res.StatusCode)
			}
			planned := sup.post("/supervision", whenValues(url.Values{"practitioner": {pracID}}, "when", time.Now().Add(2*time.Hour)))
			if planned.StatusCode != http.StatusSeeOther || !strings.HasPrefix(planned.Header.Get("Location"), "/supervision/") {
				t.Fatalf("plan a session: %d %s", planned.StatusCode, planned.Header.Get("Location"))
			}
			path := planned.Header.Get("Location")
			id := strings.TrimPrefix(path, "/supervision/")

			// Acceptance 1: the debrief is on the agenda the supervisor sees.
			page := sup.get(path)
			if page.StatusCode != http.StatusOK || !strings.Contains(page.body, "Conversation debrief: "+html.EscapeString(fam.Name)) || !strings.Contains(page.body, "/families/"+fam.ID+"/conversations/"+fx.plan) {
				t.Fatalf("the supervisor's agenda: %d\n%s", page.StatusCode, page.body)
			}
			// The caseload brings up the family whose worker feels at risk.
			if !strings.Contains(page.body, "A worker feels at risk: Joint visits") {
				t.Error("the agenda does not gather the family with a safety step")
			}
			// Both home pages remind them of the date.
			if home := prac.get("/"); !strings.Contains(home.body, "Your next supervision") || !strings.Contains(home.body, path) {
				t.Error("the practitioner's home has no reminder of the next session")
			}
			if home := sup.get("/"); !strings.Contains(home.body, path) {
				t.Error("the supervisor's home has no reminder of the next session")
			}

			// Either of them adds to the agenda.
			if res := prac.post(path+"/agenda", url.Values{"text": {""}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Enter what you want to talk about") {
				t.Errorf("an empty agenda item: %d", res.StatusCode)
			}
			if res := prac.post(path+"/agenda", url.Values{"text": {"The weekend duty rota"}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("add to the agenda: %d", res.StatusCode)
			}
			if !strings.Contains(sup.get(path).body, "The weekend duty rota") {
				t.Error("the supervisor does not see what the practitioner added")
			}

			// Only the supervisor records case direction, for the practitioner's families.
			if res := prac.get(path + "/direction"); res.StatusCode != http.StatusForbidden {
				t.Errorf("the practitioner's direction form: %d", res.StatusCode)
			}
			missing := sup.post(path+"/direction", url.Values{"family": {fam.ID}, "what-to-do": {"Ring the school"}, "owner": {pracID}})
			if missing.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(missing.body, "Enter what was decided") || !strings.Contains(missing.body, "Ring the school") {
				t.Errorf("direction without a decision: %d", missing.StatusCode)
			}
			if res := sup.post(path+"/direction", url.Values{"family": {fx.families[unrelated].ID}, "decision": {"x"}}); res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("direction for a family outside the caseload: %d", res.StatusCode)
			}
			due := time.Now().In(ukZone).AddDate(0, 0, 14)
			direction := url.Values{"family": {fam.ID}, "decision": {"Keep visiting weekly and ask the school nurse to join the next visit"},
				"what-to-do": {"Ring the school nurse"}, "owner": {pracID}, "due-day": {due.Format("2")}, "due-month": {due.Format("1")}, "due-year": {due.Format("2006")}, "action": {"save"}}
			if res := sup.post(path+"/direction", direction); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("record case direction: %d\n%s", res.StatusCode, res.body)
			}
			timeline := prac.get("/families/" + fam.ID + "/timeline")
			if !strings.Contains(timeline.body, "Case direction from supervision") || !strings.Contains(timeline.body, "ask the school nurse to join the next visit") ||
				!strings.Contains(timeline.body, "Ring the school nurse") {
				t.Error("the case direction is not on the family's timeline")
			}

			// Held: the debrief was discussed; the rota waits; the next session is planned.
			items, err := env.DB.WaitingSupervisionItems(ctx, orgID, pracID)
			var discussed []string // the debrief, and what the demo sent earlier
			for _, it := range items {
				discussed = append(discussed, it.ID)
			}
			if err != nil || len(items) == 0 {
				t.Fatalf("waiting items: %+v, %v", items, err)
			}
			if res := sup.post(path+"/held", whenValues(url.Values{"item": discussed}, "when", time.Now().Add(48*time.Hour))); res.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(res.body, "once it has happened") {
				t.Errorf("held in the future: %d", res.StatusCode)
			}
			held := whenValues(whenValues(url.Values{"item": discussed}, "when", time.Now().Add(-time.Minute)), "next-when", time.Now().Add(28*24*time.Hour))
			res := sup.post(path+"/held", held)
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") == path {
				t.Fatalf("record as held: %d %s", res.StatusCode, res.Header.Get("Location"))
			}
			next := sup.get(res.Header.Get("Location"))
			if !strings.Contains(next.body, "The weekend duty rota") || strings.Contains(next.body, "Conversation debrief: "+html.EscapeString(fam.Name)) {
				t.Error("the next agenda should keep the rota and not the discussed debrief")
			}
			done := prac.get(path)
			if !strings.Contains(done.body, "What you talked about") || !strings.Contains(done.body, "Conversation debrief: "+html.EscapeString(fam.Name)) {
				t.Error("the held session does not show what was discussed")
			}
			if list := prac.get("/supervision"); !strings.Contains(list.body, path) || !strings.Contains(list.body, res.Header.Get("Location")) {
				t.Error("the practitioner's supervision list lacks a session")
			}

			// The supervisor moves the next session, then calls it off; the
			// practitioner can do neither.
			nextPath := res.Header.Get("Location")
			if r := prac.get(nextPath + "/move"); r.StatusCode != http.StatusForbidden {
				t.Errorf("the practitioner's move form: %d", r.StatusCode)
			}
			if r := sup.post(nextPath+"/move", url.Values{"when-day": {"30"}, "when-month": {"2"}, "when-year": {"2027"}, "when-time": {"10:00"}}); r.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(r.body, `value="30"`) {
				t.Errorf("moving to 30 February: %d", r.StatusCode)
			}
			moveTo := time.Now().Add(30 * 24 * time.Hour)
			if r := sup.post(nextPath+"/move", whenValues(url.Values{}, "when", moveTo)); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("move the session: %d", r.StatusCode)
			}
			if r := prac.get(nextPath); !strings.Contains(r.body, moveTo.In(ukZone).Format("2 January 2006")) {
				t.Error("the practitioner does not see the new date")
			}
			if r := sup.get(nextPath + "/cancel"); r.StatusCode != http.StatusOK || !strings.Contains(r.body, "Call off this session?") {
				t.Errorf("the confirmation before calling off: %d", r.StatusCode)
			}
			if r := prac.post(nextPath+"/cancel", nil); r.StatusCode != http.StatusForbidden {
				t.Errorf("the practitioner calls the session off: %d", r.StatusCode)
			}
			if r := sup.post(nextPath+"/cancel", nil); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("call the session off: %d", r.StatusCode)
			}
			if home := prac.get("/"); strings.Contains(home.body, nextPath) {
				t.Error("the practitioner's home still shows the session called off")
			}
			if r := prac.get(nextPath); !strings.Contains(r.body, "This session was called off") {
				t.Error("the session called off does not say so")
			}
			if r := sup.post(nextPath+"/held", whenValues(url.Values{}, "when", time.Now().Add(-time.Minute))); r.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("holding a session called off: %d", r.StatusCode)
			}
			notes, err := env.DB.WaitingAgendaNotes(ctx, orgID, pracID)
			rotaWaits := false
			for _, n := range notes {
				rotaWaits = rotaWaits || n.Text == "The weekend duty rota"
			}
			if err != nil || !rotaWaits {
				t.Errorf("what waited on the agenda: %+v, %v; want the rota, still waiting", notes, err)
			}

			// Every view of the session is recorded.
			page2, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ActorID: supID, ResourceType: string(access.KindSupervision), ResourceID: id, Action: audit.Read}, 100, 0)
			if err != nil || page2.Total < 3 {
				t.Errorf("the supervisor's reads of the session recorded %d times, %v; want at least 3", page2.Total, err)
			}
		})
	}
}

// TestReflectionPrivateToTheTwo writes reflective notes in a session and
// asks for them as everyone else: the administrator (also after opening
// the family's record through break-glass), another supervisor who
// manages the supervisor's team and also supervises the practitioner,
// another practitioner, a co-facilitator and a parent. Every one is told
// nothing, and the words appear in no answer. An administrator's export
// for a legal request is the one way out, and it is recorded and shown to
// the two.
func TestReflectionPrivateToTheTwo(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, Config: web.Config{Demo: true}})
			ctx := t.Context()
			fx := newMatrixFixture(t, env)
			orgID := fx.families[related].OrgID
			pracID := mustUser(t, env, access.Practitioner)
			path := "/supervision/" + fx.supervision
			const secret = "Noticed-only-by-us: my jaw tightened when dad raised his voice"

			prac := newClient(t, env)
			prac.signIn(env.Accounts[access.Practitioner])
			if res := prac.post(path+"/reflection", url.Values{"noticed": {secret}, "how-i-am": {"Tired but steady"}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("save the reflection: %d", res.StatusCode)
			}
			sup := newClient(t, env)
			sup.signIn(env.Accounts[access.Supervisor])
			if res := sup.get(path + "/reflection"); res.StatusCode != http.StatusOK || !strings.Contains(res.body, secret) {
				t.Fatalf("the supervisor in the session cannot read it: %d", res.StatusCode)
			}

			// The supervisor's manager: a senior supervisor in the same team
			// who also supervises the practitioner.
			manager := newStaffAccount(t, env, orgID, "Morgan Manager", access.Supervisor)
			if err := env.DB.LinkSupervisor(ctx, orgID, mustUserByEmail(t, env, manager.Email), pracID); err != nil {
				t.Fatal(err)
			}
			colleague := newStaffAccount(t, env, orgID, "Casey Colleague", access.Practitioner)
			others := map[string]demo.Account{"administrator": env.Accounts[access.Admin], "supervisor's manager": manager,
				"another practitioner": colleague, "co-facilitator": env.Accounts[access.CoFacilitator], "parent": env.Accounts[access.Parent]}
			for who, acct := range others {
				c := newClient(t, env)
				c.signIn(acct)
				if who == "administrator" {
					// Break-glass on the practitioner's family opens the family, not the notes.
					if res := c.post("/families/"+fx.families[related].ID, url.Values{"reason": {"Duty call about tonight; the allocated worker is off sick."}}); res.StatusCode != http.StatusSeeOther {
						t.Fatalf("break-glass: %d", res.StatusCode)
					}
				}
				for _, p := range []string{path, path + "/reflection", "/supervision", "/supervision/records", "/families/" + fx.families[related].ID + "/timeline", "/admin/audit", "/"} {
					res := c.get(p)
					if strings.Contains(res.body, secret) || strings.Contains(res.body, "Tired but steady") {
						t.Errorf("%s reads the reflective notes at %s", who, p)
					}
					if (p == path || p == path+"/reflection") && res.StatusCode != http.StatusNotFound {
						t.Errorf("%s: %s answered %d; want 404", who, p, res.StatusCode)
					}
				}
				if res := c.post(path+"/reflection", url.Values{"noticed": {"overwritten"}}); res.StatusCode != http.StatusNotFound {
					t.Errorf("%s writes the reflective notes: %d", who, res.StatusCode)
				}
			}
			if res := sup.get(path + "/reflection"); !strings.Contains(res.body, secret) {
				t.Error("someone else changed the reflective notes")
			}
			// The supervisor's view of their team's audit trail leaves out
			// what people keep about themselves; the administrator's keeps it.
			if res := prac.post("/wellbeing", url.Values{"score": {"3"}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("a check-in: %d", res.StatusCode)
			}
			for _, c := range []*client{sup, newClient(t, env)} {
				if c != sup {
					c.signIn(manager)
				}
				for _, q := range []string{fx.supervision, pracID} {
					trail := c.get("/audit?resource=" + q)
					if trail.StatusCode != http.StatusOK || strings.Contains(trail.body, "reflective notes saved") || strings.Contains(trail.body, "wellbeing changed") {
						t.Errorf("a supervisor's audit trail shows reflective notes or wellbeing being written: %d", trail.StatusCode)
					}
				}
			}
			adminTrail := newClient(t, env)
			adminTrail.signIn(env.Accounts[access.Admin])
			if trail := adminTrail.get("/admin/audit?resource=" + fx.supervision); !strings.Contains(trail.body, "reflective notes saved") {
				t.Error("the administrator's audit trail lacks the reflective notes being saved, which the supervisor's leaves out")
			}
			if trail := adminTrail.get("/admin/audit?resource=" + pracID); !strings.Contains(trail.body, "wellbeing changed") {
				t.Error("the administrator's audit trail lacks the check-in, which the supervisor's leaves out")
			}

			// The legal export: administrators only, with a reason, recorded and shown.
			admin := newClient(t, env)
			admin.signIn(env.Accounts[access.Admin])
			if res := sup.post("/supervision/legal-export", url.Values{"practitioner": {pracID}, "reason": {"A court order, reference C123/2026"}, "confirm": {"yes"}}); res.StatusCode != http.StatusForbidden {
				t.Errorf("a supervisor's legal export: %d", res.StatusCode)
			}
			short := admin.post("/supervision/legal-export", url.Values{"practitioner": {pracID}, "reason": {"asked"}})
			if short.StatusCode != http.StatusUnprocessableEntity || strings.Contains(short.body, secret) || !strings.Contains(short.body, "Confirm that this export answers a legal request") {
				t.Errorf("an export without a reason: %d", short.StatusCode)
			}
			reason := "Family court order C123/2026, served on 2 November 2026"
			export := admin.post("/supervision/legal-export", url.Values{"practitioner": {pracID}, "reason": {reason}, "confirm": {"yes"}})
			if export.StatusCode != http.StatusOK || !strings.HasPrefix(export.Header.Get("Content-Type"), "text/plain") ||
				!strings.Contains(export.Header.Get("Content-Disposition"), "attachment") || !strings.Contains(export.body, secret) || !strings.Contains(export.body, reason) {
				t.Fatalf("the legal export: %d %s", export.StatusCode, export.Header.Get("Content-Type"))
			}
			events, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ActorID: mustUser(t, env, access.Admin), ResourceType: string(access.KindReflection), ResourceID: pracID}, 10, 0)
			if err != nil || events.Total != 1 || events.Events[0].Reason != "legal request: "+reason {
				t.Errorf("the export's audit record: %+v, %v", events, err)
			}
			for _, c := range []*client{prac, sup} {
				if res := c.get(path + "/reflection"); !strings.Contains(res.body, "exported for a legal request") || !strings.Contains(res.body, reason) {
					t.Error("the two people are not shown the legal export")
				}
			}
		})
	}
}

// newStaffAccount adds a staff member who can sign in (in demo mode, with
// no second factor) and returns their sign-in.
func newStaffAccount(t *testing.T, env *webtest.Env, orgID, name string, role access.Role) demo.Account {
	t.Helper()
	const password = "a long passphrase for a test colleague"
	hash, err := access.NewHasher().Hash(t.Context(), password)
	if err != nil {
		t.Fatal(err)
	}
	email := strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@riverside-demo.example"
	if _, err := env.DB.CreateUser(t.Context(), store.NewUser{OrgID: orgID, Email: email, Name: name, Role: role, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	return demo.Account{Email: email, Password: password, Role: string(role)}
}

func mustUserByEmail(t *testing.T, env *webtest.Env, email string) string {
	t.Helper()
	u, err := env.DB.UserByEmail(t.Context(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// TestTakingSomethingOffTheAgenda: the person who added an item takes it
// off after a confirmation; the other person in the session cannot.
func TestTakingSomethingOffTheAgenda(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	path := "/supervision/" + fx.supervision + "/agenda/" + fx.agendaNote + "/remove"
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])
	page := prac.get("/supervision/" + fx.supervision)
	if !strings.Contains(page.body, `href="`+path+`"`) {
		t.Error("the session page offers the author no way to take their item off")
	}
	if strings.Contains(sup.get("/supervision/"+fx.supervision).body, `href="`+path+`"`) {
		t.Error("the session page offers the other person a way to take the item off")
	}
	if res := sup.post(path, nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("the supervisor takes the practitioner's item off: %d", res.StatusCode)
	}
	if res := prac.get(path); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Take this off the agenda?") || !strings.Contains(res.body, "Matrix agenda item") {
		t.Errorf("the confirmation: %d", res.StatusCode)
	}
	if res := prac.post(path, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("take it off: %d", res.StatusCode)
	}
	if strings.Contains(sup.get("/supervision/"+fx.supervision).body, "Matrix agenda item") {
		t.Error("the item is still on the agenda")
	}
	if res := prac.get(path); res.StatusCode != http.StatusNotFound {
		t.Errorf("the item taken off: %d; want 404", res.StatusCode)
	}
}
