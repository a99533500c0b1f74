package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestParentInvitationJourney: the family's practitioner invites a carer,
// is refused clearly for a child, someone who is not a carer, a taken email
// and a second invitation; makes a new link after confirming; and the
// parent follows it, sets a password, reads who sees what they write
// before anything else, confirms it, and finds help without confirming.
func TestParentInvitationJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	demoParent, err := env.DB.UserByEmail(ctx, env.Accounts[access.Parent].Email)
	if err != nil {
		t.Fatal(err)
	}
	fam := demoParent.FamilyID
	add := func(kind family.Kind, name string) family.Member {
		m, err := env.DB.AddMember(ctx, demoParent.OrgID, family.Member{FamilyID: fam, Kind: kind, Name: name, DateOfBirth: "2014-02-03"})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	jo, kit, viv := add(family.Carer, "Jo Marsh-Invited"), add(family.Child, "Kit Marsh-Invited"), add(family.Outside, "Viv Marsh-Invited")
	invite := func(m family.Member) string { return "/families/" + fam + "/people/" + m.ID + "/invite" }

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	page := prac.get("/families/" + fam)
	if !strings.Contains(page.body, invite(jo)) || strings.Contains(page.body, invite(kit)) || strings.Contains(page.body, invite(viv)) {
		t.Error("the family page should offer an invitation for the carer only")
	}
	if !strings.Contains(page.body, "Has their own space") {
		t.Error("the family page does not say the demo parent has their own space")
	}

	// Refusals, each saying why.
	if r := prac.get(invite(kit)); r.StatusCode != http.StatusOK || !strings.Contains(r.body, "recorded as a child") || strings.Contains(r.body, `name="email"`) {
		t.Errorf("inviting a child: %d, no plain refusal", r.StatusCode)
	}
	if r := prac.post(invite(kit), url.Values{"email": {"kit@example.org"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.body, "recorded as a child") {
		t.Errorf("posting an invitation for a child: %d", r.StatusCode)
	}
	if r := prac.post(invite(viv), url.Values{"email": {"viv@example.org"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.body, "parent or carer first") {
		t.Errorf("inviting someone who is not a carer: %d", r.StatusCode)
	}
	if r := prac.post(invite(jo), url.Values{"email": {"jo@"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="jo@"`) {
		t.Errorf("a malformed email: %d", r.StatusCode)
	}
	if r := prac.post(invite(jo), url.Values{"email": {env.Accounts[access.Admin].Email}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "already has a Steadfast account") {
		t.Errorf("an email in use: %d, not said plainly", r.StatusCode)
	}

	// The invitation.
	form := prac.get(invite(jo))
	if form.StatusCode != http.StatusOK || !strings.Contains(form.body, `name="email"`) {
		t.Fatalf("invitation form: %d", form.StatusCode)
	}
	res := prac.post(invite(jo), url.Values{"email": {" Jo.Marsh@Families.example "}})
	first := setPasswordLink.FindString(res.body)
	if res.StatusCode != http.StatusOK || first == "" || !strings.Contains(res.body, "jo.marsh@families.example") {
		t.Fatalf("invitation: %d, link %q", res.StatusCode, first)
	}
	u, err := env.DB.UserByEmail(ctx, "jo.marsh@families.example")
	if err != nil || u.Role != access.Parent || u.FamilyID != fam || u.Name != jo.Name {
		t.Fatalf("the invited account = %+v, %v", u, err)
	}
	events, err := env.DB.ListAudit(ctx, u.OrgID, store.AuditFilter{ResourceID: u.ID}, 10, 0)
	if err != nil || len(events.Events) < 2 || !strings.HasPrefix(events.Events[len(events.Events)-1].Reason, "invited as parent: family "+fam) {
		t.Errorf("the invitation was not recorded: %+v, %v", events.Events, err)
	}

	// A second invitation is refused; a new link is offered instead.
	again := prac.get(invite(jo))
	if !strings.Contains(again.body, "already has their own space") || !strings.Contains(again.body, invite(jo)+"/new-link") ||
		!strings.Contains(again.body, "Not yet") {
		t.Error("inviting again does not offer a new link")
	}
	if r := prac.post(invite(jo), url.Values{"email": {"jo.other@families.example"}}); r.StatusCode != http.StatusConflict {
		t.Errorf("posting a second invitation: %d, want 409", r.StatusCode)
	}
	confirm := prac.get(invite(jo) + "/new-link")
	if confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.body, "stops working straight away") {
		t.Errorf("new link confirmation: %d", confirm.StatusCode)
	}
	relink := prac.post(invite(jo)+"/new-link", url.Values{})
	second := setPasswordLink.FindString(relink.body)
	if relink.StatusCode != http.StatusOK || second == "" || second == first {
		t.Fatalf("new link: %d %q", relink.StatusCode, second)
	}
	if r := newClient(t, env).get(strings.TrimPrefix(first, env.URL)); r.StatusCode != http.StatusNotFound {
		t.Errorf("the first link still works: %d", r.StatusCode)
	}

	// Break-glass opens the record, but does not let anyone invite.
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	if r := admin.post("/families/"+fam, url.Values{"reason": {"checking the family's record for a complaint"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("break-glass: %d", r.StatusCode)
	}
	if r := admin.get("/families/" + fam); r.StatusCode != http.StatusOK || strings.Contains(r.body, invite(jo)) {
		t.Errorf("after break-glass: %d, and the invitation offered", r.StatusCode)
	}
	if r := admin.get(invite(jo)); r.StatusCode != http.StatusForbidden {
		t.Errorf("invitation after break-glass: %d, want 403", r.StatusCode)
	}
	if r := admin.post(invite(jo)+"/new-link", url.Values{}); r.StatusCode != http.StatusForbidden {
		t.Errorf("new link after break-glass: %d, want 403", r.StatusCode)
	}
	// The practitioner's supervisor may invite.
	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])
	if r := sup.get(invite(jo) + "/new-link"); r.StatusCode != http.StatusOK {
		t.Errorf("the supervisor's new link page: %d", r.StatusCode)
	}

	// The parent follows the link.
	parent := newClient(t, env)
	path := strings.TrimPrefix(second, env.URL)
	if r := parent.get(path); r.StatusCode != http.StatusOK {
		t.Fatalf("set-password page: %d", r.StatusCode)
	}
	done := parent.post(path, url.Values{"password": {"heron willow quill anchor"}, "password-confirm": {"heron willow quill anchor"}})
	wantRedirect(t, "setting the password", done, "/")
	wantRedirect(t, "home before reading the statement", parent.get("/"), "/my/who-can-see")
	help := parent.get("/my/help")
	if help.StatusCode != http.StatusOK || !strings.Contains(help.body, `href="tel:999"`) || !strings.Contains(help.body, "NHS 111") {
		t.Errorf("help before reading the statement: %d", help.StatusCode)
	}
	statement := parent.get("/my/who-can-see")
	pracName := env.Accounts[access.Practitioner].Name
	for _, want := range []string{pracName, env.Accounts[access.Supervisor].Name, "Other parents never see it", "I have read this",
		`href="/my/who-can-see"`, "Who sees what I write"} {
		if !strings.Contains(statement.body, want) {
			t.Errorf("the statement does not say %q", want)
		}
	}
	if r := parent.post("/my/who-can-see", url.Values{}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" {
		t.Fatalf("confirming: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	wantRedirect(t, "home after confirming", parent.get("/"), "/my")
	home := parent.get("/my")
	if home.StatusCode != http.StatusOK || !strings.Contains(home.body, "Who sees what I write") || !strings.Contains(home.body, "You can read this again") {
		t.Errorf("home after confirming: %d", home.StatusCode)
	}
	if r := parent.get("/my/who-can-see"); !strings.Contains(r.body, "You told us you had read this") || strings.Contains(r.body, "I have read this") {
		t.Error("the statement does not say when it was confirmed")
	}
	if a, err := env.DB.ParentAccountFor(ctx, u.OrgID, fam, jo.ID); err != nil || !a.PasswordSet {
		t.Errorf("after setting a password, the account = %+v, %v", a, err)
	}
	// Staff have no such link; parents reach none of the invitation pages.
	if strings.Contains(prac.get("/").body, "Who sees what I write") {
		t.Error("staff are shown the parent's link")
	}
	for _, p := range []string{invite(jo), invite(jo) + "/new-link"} {
		if r := parent.get(p); r.StatusCode != http.StatusNotFound {
			t.Errorf("a parent asks for %s: %d, want 404", p, r.StatusCode)
		}
	}
}

// TestHelpContactsAdministration: an administrator adds, changes and
// removes the organisation's help contacts, and parents see them; the
// defaults are kept when the first is added and come back when the last
// is removed.
func TestHelpContactsAdministration(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	parent := newClient(t, env)
	parent.signIn(env.Accounts[access.Parent])

	list := admin.get("/admin/help-contacts")
	if list.StatusCode != http.StatusOK || !strings.Contains(list.body, "Steadfast's defaults") || !strings.Contains(list.body, "999") {
		t.Fatalf("the list before any are set: %d", list.StatusCode)
	}
	bad := admin.post("/admin/help-contacts", url.Values{"name": {"Line"}, "reach": {"javascript:alert(1)"}, "when": {""}})
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Enter a phone number using only numbers") ||
		!strings.Contains(bad.body, "Say when to use it") {
		t.Errorf("a bad contact: %d", bad.StatusCode)
	}
	ok := admin.post("/admin/help-contacts", url.Values{"name": {"Parent line"}, "reach": {"0808 800 2222"}, "when": {"Any time you need to talk"}})
	wantRedirect(t, "adding a contact", ok, "/admin/help-contacts")
	contacts, err := env.DB.HelpContacts(ctx, orgID)
	if err != nil || len(contacts) != 3 || contacts[2].Name != "Parent line" {
		t.Fatalf("after adding: %+v, %v", contacts, err)
	}
	helpPage := parent.get("/my/help")
	if !strings.Contains(helpPage.body, `href="tel:08088002222"`) || !strings.Contains(helpPage.body, "Any time you need to talk") || !strings.Contains(helpPage.body, `href="tel:999"`) {
		t.Error("the parent does not see the new contact beside the defaults")
	}
	line := contacts[2].ID
	if r := admin.get("/admin/help-contacts/" + line + "/edit"); r.StatusCode != http.StatusOK || !strings.Contains(r.body, `value="0808 800 2222"`) {
		t.Errorf("edit form: %d", r.StatusCode)
	}
	wantRedirect(t, "changing a contact", admin.post("/admin/help-contacts/"+line+"/edit",
		url.Values{"name": {"Parent line"}, "reach": {"www.parentline.example"}, "when": {"If you would rather type"}}), "/admin/help-contacts")
	if r := parent.get("/my/help"); !strings.Contains(r.body, `href="https://www.parentline.example"`) || !strings.Contains(r.body, "Open their website") {
		t.Error("the changed contact is not a web link")
	}
	for _, c := range contacts {
		confirm := admin.get("/admin/help-contacts/" + c.ID + "/remove")
		if confirm.StatusCode != http.StatusOK || !strings.Contains(confirm.body, "Remove "+c.Name+"?") {
			t.Errorf("removal confirmation for %s: %d", c.Name, confirm.StatusCode)
		}
		wantRedirect(t, "removing "+c.Name, admin.post("/admin/help-contacts/"+c.ID+"/remove", url.Values{}), "/admin/help-contacts")
	}
	if r := parent.get("/my/help"); !strings.Contains(r.body, `href="tel:999"`) || strings.Contains(r.body, "Parent line") {
		t.Error("with every contact removed, the parent does not see the defaults")
	}
	events, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ResourceType: "help-contact"}, 20, 0)
	if err != nil || len(events.Events) != 1+1+len(contacts) {
		t.Errorf("help contact changes recorded: %d, %v; want %d", len(events.Events), err, 2+len(contacts))
	}
}

// TestParentPagesShowOnlyTheirOwn: what the parent's own pages show names
// nobody outside their family's work, and no other family.
func TestParentPagesShowOnlyTheirOwn(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			fx := newMatrixFixture(t, env)
			parent := newClient(t, env)
			parent.signIn(env.Accounts[access.Parent])
			secrets := []string{fx.families[unrelated].ID, fx.families[unrelated].Name, fx.families[otherOrg].ID, fx.families[otherOrg].Name,
				fx.otherOrg, env.Accounts[access.CoFacilitator].Name, env.Accounts[access.Admin].Name}
			for _, r := range env.Server.Routes() {
				if r.Method() != http.MethodGet || !strings.HasPrefix(r.Path(), "/my") {
					continue
				}
				// Every page of the parent's own, with the IDs of their own
				// family's records (a supporter, a contact, a round, a
				// journal entry) as the access matrix fills them in.
				path := fx.path(accessMatrix[r.Pattern].path, related)
				res := parent.get(path)
				if res.StatusCode != http.StatusOK {
					t.Errorf("%s: %d", path, res.StatusCode)
				}
				for _, s := range secrets {
					if strings.Contains(res.body, s) {
						t.Errorf("%s shows %q", path, s)
					}
				}
			}
		})
	}
}
