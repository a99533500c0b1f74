package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/network"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestParentKeepsTheirSupportNetwork walks the demo parent through their
// network: adding a supporter (with a mistake first, keeping every word),
// changing them, recording a contact and a telephone round, and removing
// both; and checks that their practitioner reads the same, read only, and
// that every change and read is in the audit trail.
func TestParentKeepsTheirSupportNetwork(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	// A parent of their own, since the demo parent already has a network.
	parent, fam := freshParent(t, env, "The Fresh-Network family", "Robin Fresh-Network")
	orgID := env.Accounts.OrgID(t, env)
	mustContain := func(res response, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(res.body, w) && !strings.Contains(res.body, html.EscapeString(w)) {
				t.Errorf("%s: the page lacks %q", res.Request.URL.Path, w)
			}
		}
	}
	wantStatus := func(res response, want int) {
		t.Helper()
		if res.StatusCode != want {
			t.Fatalf("%s %s: status %d, want %d", res.Request.Method, res.Request.URL.Path, res.StatusCode, want)
		}
	}

	mustContain(parent.get("/my"), `href="/my/supporters"`)
	empty := parent.get("/my/supporters")
	wantStatus(empty, http.StatusOK)
	mustContain(empty, "There is no one on your list yet", "Your practitioner and their supervisor can see")

	// A supporter with no name: the form comes back with every word kept.
	res := parent.post("/my/supporters", url.Values{"relationship": {"My sister"}, "contact": {"jo@example.org"},
		"roles": {string(network.SitIn)}, "agreement": {string(network.Agreed)}})
	wantStatus(res, http.StatusUnprocessableEntity)
	mustContain(res, "There is a problem", `href="#name"`, "Enter their name", `value="My sister"`, `value="jo@example.org"`,
		`value="sit-in" checked`, `value="agreed" checked`)
	res = parent.post("/my/supporters", url.Values{"name": {"Auntie Jo"}, "relationship": {"My sister"}, "contact": {"jo@example.org"},
		"roles": {string(network.SitIn), string(network.TelephoneRound)}, "agreement": {string(network.Agreed)}})
	wantStatus(res, http.StatusSeeOther)
	list := parent.get("/my/supporters")
	mustContain(list, "Auntie Jo", "My sister", "jo@example.org", "Telephone round", "Sit-in", "Agreed")
	supporters, err := env.DB.Supporters(ctx, orgID, fam)
	if err != nil || len(supporters) != 1 {
		t.Fatalf("Supporters = %+v, %v", supporters, err)
	}
	jo := supporters[0].ID
	page := "/my/supporters/people/" + jo

	// Changing them: she said no for now, which is nobody's fault.
	mustContain(parent.get(page+"/edit"), "Change Auntie Jo&#39;s details", `value="Auntie Jo"`)
	res = parent.post(page+"/edit", url.Values{"name": {" "}, "agreement": {string(network.SaidNo)}})
	wantStatus(res, http.StatusUnprocessableEntity)
	mustContain(res, "Change Auntie Jo&#39;s details", "Enter their name", `value="said-no" checked`)
	wantStatus(parent.post(page+"/edit", url.Values{"name": {"Auntie Jo"}, "relationship": {"My sister"}, "contact": {"07700 900123"},
		"agreement": {string(network.SaidNo)}}), http.StatusSeeOther)
	mustContain(parent.get(page), "Said no for now", "That is all right", "07700 900123")

	// A contact: not in the future; then today's.
	today := env.Clock.Now().In(londonTime(t))
	tomorrow := today.AddDate(0, 0, 1)
	res = parent.post(page+"/contacts", url.Values{"on-day": {tomorrow.Format("2")}, "on-month": {tomorrow.Format("1")},
		"on-year": {tomorrow.Format("2006")}, "about": {"Asked about Friday"}})
	wantStatus(res, http.StatusUnprocessableEntity)
	mustContain(res, "The date must be today or before", "Asked about Friday")
	wantStatus(parent.post(page+"/contacts", url.Values{"on-day": {today.Format("2")}, "on-month": {today.Format("1")},
		"on-year": {today.Format("2006")}, "about": {"Asked about Friday"}}), http.StatusSeeOther)
	mustContain(parent.get(page), "Asked about Friday")

	// A telephone round: one more row on asking, nothing saved; a call
	// with "something else" needs words; then saved.
	when := url.Values{"when-day": {today.Format("2")}, "when-month": {today.Format("1")}, "when-year": {today.Format("2006")},
		"when-time": {"00:00"}, "why": {"Sam was not home by ten"}}
	form := func(extra map[string]string) url.Values {
		v := url.Values{}
		for k, vs := range when {
			v[k] = vs
		}
		for k, x := range extra {
			v.Set(k, x)
		}
		return v
	}
	res = parent.post("/my/supporters/rounds", form(map[string]string{"action": "add-call", "call-1-who": jo, "call-2-who": ""}))
	wantStatus(res, http.StatusOK)
	mustContain(res, "Call 3", "Sam was not home by ten", `value="`+jo+`" selected`)
	res = parent.post("/my/supporters/rounds", form(map[string]string{"call-1-who": jo, "call-1-outcome": "other", "call-2-who": ""}))
	wantStatus(res, http.StatusUnprocessableEntity)
	mustContain(res, "Say in a few words how the call went", `href="#call-1-note"`)
	res = parent.post("/my/supporters/rounds", form(map[string]string{"call-1-who": jo, "call-1-outcome": "reached", "call-1-note": "She drove round",
		"call-2-who": "someone-else", "call-2-name": "Kai's mum", "call-2-outcome": "no-answer", "call-3-who": ""}))
	wantStatus(res, http.StatusSeeOther)
	roundPath := res.Header.Get("Location")
	if !strings.HasPrefix(roundPath, "/my/supporters/rounds/") {
		t.Fatalf("saving a round went to %q", roundPath)
	}
	mustContain(parent.get(roundPath), "Sam was not home by ten", "Auntie Jo", "Reached them, and they helped", "She drove round",
		"Kai's mum", "No answer", "1 of 2 calls reached someone who helped")

	// The practitioner reads the same, with no way to change it.
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	mustContain(prac.get("/families/"+fam), `href="/families/`+fam+`/supporters"`)
	staff := prac.get("/families/" + fam + "/supporters")
	wantStatus(staff, http.StatusOK)
	mustContain(staff, "Support network", "Auntie Jo", "07700 900123", "Said no for now", "Asked about Friday", "Sam was not home by ten",
		"Kai's mum", "She drove round", "only they can change it")
	if strings.Contains(staff.body, "/my/supporters") {
		t.Error("the practitioner's page links to the parent's pages")
	}
	mustContain(prac.get("/families/"+fam+"/audit"), "support network read")

	// Removing a contact and then the supporter, each after asking.
	contacts, err := env.DB.Contacts(ctx, orgID, fam, jo, 10)
	if err != nil || len(contacts) != 1 {
		t.Fatalf("Contacts = %+v, %v", contacts, err)
	}
	contactPath := page + "/contacts/" + contacts[0].ID + "/remove"
	mustContain(parent.get(contactPath), "Remove this contact?", "Asked about Friday")
	wantStatus(parent.post(contactPath, nil), http.StatusSeeOther)
	if strings.Contains(parent.get(page).body, "Asked about Friday") {
		t.Error("the removed contact is still listed")
	}
	mustContain(parent.get(page+"/remove"), "Take Auntie Jo off your list?", "Telephone rounds you have recorded still say that you called them")
	wantStatus(parent.post(page+"/remove", nil), http.StatusSeeOther)
	wantStatus(parent.get(page), http.StatusNotFound)
	mustContain(parent.get(roundPath), "Auntie Jo", "Kai's mum")

	// Every change was recorded, each before it was made, and each read.
	events, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ResourceType: string(access.KindFamilyShared), ResourceID: fam}, 200, 0)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, e := range events.Events {
		reasons = append(reasons, e.Reason)
	}
	all := strings.Join(reasons, "\n")
	for _, want := range []string{"supporter added", "supporter changed: " + jo, "contact with supporter added: " + jo,
		"contact with supporter removed: " + contacts[0].ID, "telephone round added", "supporter removed: " + jo, "supporter read: " + jo,
		"telephone round read: " + strings.TrimPrefix(roundPath, "/my/supporters/rounds/"), "parent-own-family"} {
		if !strings.Contains(all, want) {
			t.Errorf("the audit trail lacks %q", want)
		}
	}
}

// londonTime is the UK's time zone, in which parents type dates.
func londonTime(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}

// TestParentCannotReachAnotherFamilysNetwork gives another family of the
// same organisation a supporter, a contact and a telephone round, and asks
// for each of them by ID, as the demo parent, on every /my/supporters
// route and on the practitioner's page of that family's network. Every
// answer is 404, no page names anything of the other family, and nothing
// of theirs changes.
func TestParentCannotReachAnotherFamilysNetwork(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			ctx := t.Context()
			orgID := env.Accounts.OrgID(t, env)
			otherAccount, otherUser := newParentAccount(t, env, orgID, "The Elsewhere-Hartley family", "Morgan Elsewhere-Hartley")
			theirs := otherAccount.FamilyID
			sp, err := env.DB.AddSupporter(ctx, orgID, otherUser, network.Supporter{FamilyID: theirs, Name: "Secret Supporter-Quill",
				Relationship: "Their uncle", Contact: "quill@elsewhere.example", Agreement: network.Agreed})
			if err != nil {
				t.Fatal(err)
			}
			c, err := env.DB.AddContact(ctx, orgID, otherUser, network.Contact{FamilyID: theirs, SupporterID: sp.ID, On: "2026-01-05", About: "Private contact words"})
			if err != nil {
				t.Fatal(err)
			}
			round, err := env.DB.AddRound(ctx, orgID, otherUser, network.Round{FamilyID: theirs, At: env.Clock.Now().Add(-time.Hour),
				Why: "Private round reason", Calls: []network.Call{{SupporterID: sp.ID, Outcome: network.ReachedHelped}}})
			if err != nil {
				t.Fatal(err)
			}
			secrets := []string{"Secret Supporter-Quill", "Their uncle", "quill@elsewhere.example", "Private contact words", "Private round reason",
				"Elsewhere-Hartley", theirs}

			parent := newClient(t, env)
			parent.signIn(env.Accounts[access.Parent])
			// The parent's own network has something in it, so a wrong
			// answer cannot hide behind an empty page.
			wantOwn, err := env.DB.AddSupporter(ctx, orgID, mustUser(t, env, access.Parent), network.Supporter{FamilyID: env.Accounts[access.Parent].FamilyID,
				Name: "Own Supporter", Agreement: network.NotAsked})
			if err != nil {
				t.Fatal(err)
			}
			if res := parent.get("/my/supporters/people/" + wantOwn.ID); res.StatusCode != http.StatusOK {
				t.Fatalf("the parent's own supporter: status %d", res.StatusCode)
			}

			post := url.Values{"name": {"Changed by someone else"}, "agreement": {"said-no"}, "about": {"x"}, "on-day": {"1"}, "on-month": {"1"},
				"on-year": {"2026"}}
			probed := 0
			for _, r := range env.Server.Routes() {
				path := r.Path()
				if !strings.HasPrefix(path, "/my/supporters") && path != "/families/{id}/supporters" {
					continue
				}
				if !strings.Contains(path, "{") {
					continue // no ID to aim at another family
				}
				target := strings.NewReplacer("/families/{id}", "/families/"+theirs, "/rounds/{id}", "/rounds/"+round.ID,
					"{id}", sp.ID, "{contact}", c.ID).Replace(path)
				var res response
				if r.Method() == http.MethodPost {
					res = parent.post(target, post)
				} else {
					res = parent.get(target)
				}
				probed++
				if res.StatusCode != http.StatusNotFound {
					t.Errorf("%s %s: status %d, want 404", r.Method(), target, res.StatusCode)
				}
				for _, s := range secrets {
					if strings.Contains(res.body, s) || strings.Contains(res.body, html.EscapeString(s)) {
						t.Errorf("%s %s: the page contains %q", r.Method(), target, s)
					}
				}
			}
			if probed < 11 {
				t.Errorf("probed only %d routes", probed)
			}
			// A round naming the other family's supporter is refused, and
			// says nothing of them.
			before, err := env.DB.Rounds(ctx, orgID, env.Accounts[access.Parent].FamilyID, 10)
			if err != nil {
				t.Fatal(err)
			}
			now := env.Clock.Now().In(londonTime(t))
			res := parent.post("/my/supporters/rounds", url.Values{"when-day": {now.Format("2")}, "when-month": {now.Format("1")},
				"when-year": {now.Format("2006")}, "why": {"Probing"}, "call-1-who": {sp.ID}, "call-1-outcome": {"reached"}})
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Choose who you called from your list") {
				t.Errorf("a round calling another family's supporter: status %d", res.StatusCode)
			}
			if rs, _ := env.DB.Rounds(ctx, orgID, env.Accounts[access.Parent].FamilyID, 10); len(rs) != len(before) {
				t.Errorf("a round was saved: %+v", rs)
			}
			// The parent's own pages never show the other family's network.
			for _, page := range []response{res, parent.get("/my/supporters"), parent.get("/my/supporters/rounds/new")} {
				path, body := page.Request.URL.Path, page.body
				for _, s := range secrets {
					if strings.Contains(body, s) {
						t.Errorf("%s contains %q", path, s)
					}
				}
			}
			// Nothing of theirs changed.
			still, err := env.DB.Supporter(ctx, orgID, theirs, sp.ID)
			if err != nil || still.Name != "Secret Supporter-Quill" || still.Agreement != network.Agreed {
				t.Errorf("the other family's supporter = %+v, %v", still, err)
			}
			if _, err := env.DB.Contact(ctx, orgID, theirs, sp.ID, c.ID); err != nil {
				t.Errorf("the other family's contact: %v", err)
			}
			if cs, _ := env.DB.Contacts(ctx, orgID, theirs, "", 10); len(cs) != 1 {
				t.Errorf("the other family's contacts = %+v", cs)
			}
			if rs, _ := env.DB.Rounds(ctx, orgID, theirs, 10); len(rs) != 1 {
				t.Errorf("the other family's rounds = %+v", rs)
			}
		})
	}
}
