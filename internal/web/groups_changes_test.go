package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// startTestGroup starts a group on the next Monday as the practitioner,
// with the co-facilitator added through the staff page, and enrols the
// families given. It returns the group's path and its enrolments by the
// parent's first name.
func startTestGroup(t *testing.T, env *webtest.Env, prac *client, families ...groupFamily) (string, map[string]store.Enrolment) {
	t.Helper()
	monday := nextMonday(env.Clock.Now())
	res := prac.post("/groups", url.Values{"name": {"Monday changes group"}, "kind": {"group"}, "template": {"steadfast-group-12-week"},
		"start-day": {monday.Format("2")}, "start-month": {monday.Format("1")}, "start-year": {monday.Format("2006")},
		"time": {"18:30"}, "capacity": {"12"}})
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/groups/") {
		t.Fatalf("start a group: %d %q", res.StatusCode, loc)
	}
	for _, f := range families {
		if res := prac.post(loc+"/enrolments", url.Values{"parent": {f.id + "/" + f.carer}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("enrol: %d", res.StatusCode)
		}
	}
	if res := prac.post(loc+"/staff", url.Values{"user": {mustUser(t, env, access.CoFacilitator)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add the co-facilitator: %d", res.StatusCode)
	}
	all, err := env.DB.Enrolments(t.Context(), env.Accounts.OrgID(t, env), strings.TrimPrefix(loc, "/groups/"))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]store.Enrolment{}
	for _, e := range all {
		byName[e.FirstName] = e
	}
	return loc, byName
}

// TestWithdrawingAParent takes a parent out of a group, and checks who
// still sees them; then a withdrawn consent takes another out.
func TestWithdrawingAParent(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	okafor := newGroupFamily(t, env, "The Okafor-Changes family", "Sam Okafor", true)
	brennan := newGroupFamily(t, env, "The Brennan-Changes family", "Ali Brennan", true)
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	loc, parents := startTestGroup(t, env, prac, okafor, brennan)
	ali := parents["Ali"]

	page := prac.get(loc + "/enrolments/" + ali.ID + "/withdraw")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.body, "Withdraw Ali from the group?") {
		t.Fatalf("the withdraw page: %d", page.StatusCode)
	}
	if res := prac.post(loc+"/enrolments/"+ali.ID+"/withdraw", url.Values{"reason": {"  "}}); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "Say why the parent is no longer coming") {
		t.Errorf("withdrawing without a reason: %d; want 422 with the message", res.StatusCode)
	}
	if res := prac.post(loc+"/enrolments/"+ali.ID+"/withdraw", url.Values{"reason": {"Ali has started one-to-one work instead."}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", res.StatusCode)
	}
	if res := prac.get(loc + "/enrolments/" + ali.ID + "/withdraw"); res.StatusCode != http.StatusNotFound {
		t.Errorf("withdrawing twice: %d; want 404", res.StatusCode)
	}
	group := html.UnescapeString(prac.get(loc).body)
	if !strings.Contains(group, "No longer coming") || !strings.Contains(group, "Ali has started one-to-one work instead.") || !strings.Contains(group, "1 of 12 taken") {
		t.Error("the group page does not show Ali as no longer coming, with the reason, and the place free")
	}
	if s := prac.get(loc + "/sessions/1"); strings.Contains(s.body, "Did Ali come?") || !strings.Contains(s.body, "Did Sam come?") {
		t.Error("the session still asks about Ali, or no longer about Sam")
	}
	cofac := newClient(t, env)
	cofac.signIn(env.Accounts[access.CoFacilitator])
	if view := cofac.get(loc); view.StatusCode != http.StatusOK || strings.Contains(view.body, "Ali") || strings.Contains(view.body, "one-to-one work instead") ||
		!strings.Contains(view.body, "Sam") {
		t.Errorf("the co-facilitator's page: %d; want Sam and no trace of Ali", view.StatusCode)
	}

	// Sam's family withdraws its consent to share with the group.
	consents, err := env.DB.Consents(t.Context(), env.Accounts.OrgID(t, env), okafor.id)
	if err != nil || len(consents) != 1 {
		t.Fatalf("consents = %+v, %v", consents, err)
	}
	ask := prac.get("/families/" + okafor.id + "/consents/" + consents[0].ID + "/withdraw")
	if !strings.Contains(ask.body, "taken out of any NVR group") {
		t.Error("the consent's confirmation does not say the family leaves its groups")
	}
	if res := prac.post("/families/"+okafor.id+"/consents/"+consents[0].ID+"/withdraw", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("withdraw consent: %d", res.StatusCode)
	}
	if view := cofac.get(loc); strings.Contains(view.body, "Sam") {
		t.Error("the co-facilitator still sees Sam after the family withdrew its consent")
	}
	if group := html.UnescapeString(prac.get(loc).body); !strings.Contains(group, nvr.ConsentWithdrawnReason) {
		t.Error("the facilitator is not told why Sam left the group")
	}
}

// TestSessionChanges moves a session, adds a supporters' session, and
// changes who runs the group.
func TestSessionChanges(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	okafor := newGroupFamily(t, env, "The Okafor-Moves family", "Sam Okafor", true)
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	loc, _ := startTestGroup(t, env, prac, okafor)
	monday := nextMonday(env.Clock.Now())

	if res := prac.get(loc + "/sessions/2/move"); res.StatusCode != http.StatusOK || !strings.Contains(res.body, `value="18:30"`) {
		t.Fatalf("the move page: %d; want the session's time filled in", res.StatusCode)
	}
	early := monday.AddDate(0, 0, -1)
	form := url.Values{"date-day": {early.Format("2")}, "date-month": {early.Format("1")}, "date-year": {early.Format("2006")}, "date-time": {"18:30"},
		"reason": {"The centre is closed"}}
	if res := prac.post(loc+"/sessions/2/move", form); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "must come after the one before it") || !strings.Contains(res.body, "The centre is closed") {
		t.Errorf("moving session 2 before session 1: %d; want 422 keeping the reason", res.StatusCode)
	}
	wed := monday.AddDate(0, 0, 9)
	form.Set("date-day", wed.Format("2"))
	form.Set("date-month", wed.Format("1"))
	form.Set("date-year", wed.Format("2006"))
	if res := prac.post(loc+"/sessions/2/move", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d", res.StatusCode)
	}
	if s := html.UnescapeString(prac.get(loc + "/sessions/2").body); !strings.Contains(s, "Moved from") || !strings.Contains(s, "The centre is closed") ||
		!strings.Contains(s, wed.Format("2 January 2006")+" at 6:30pm") {
		t.Error("session 2 does not show its move")
	}

	if res := prac.post(loc+"/supporters-session", url.Values{"date-day": {"31"}, "date-month": {"2"}, "date-year": {"2027"}, "date-time": {"18:30"}}); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, `value="31"`) {
		t.Errorf("a supporters' session on 31 February: %d; want 422 keeping what was typed", res.StatusCode)
	}
	sat := monday.AddDate(0, 0, 40)
	res := prac.post(loc+"/supporters-session", url.Values{"date-day": {sat.Format("2")}, "date-month": {sat.Format("1")}, "date-year": {sat.Format("2006")}, "date-time": {"11:00"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != loc+"/sessions/13" {
		t.Fatalf("add a supporters' session: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	sup := html.UnescapeString(prac.get(loc + "/sessions/13").body)
	if !strings.Contains(sup, "Supporters' session") || !strings.Contains(sup, "What you might do:") || !strings.Contains(sup, "session 13 of 13") {
		t.Error("the supporters' session lacks its plan and handout")
	}
	if g := prac.get(loc).body; !strings.Contains(g, "For supporters") {
		t.Error("the group's sessions do not mark the supporters' session")
	}

	// Who runs the group: the only facilitator cannot be taken off.
	pracID := mustUser(t, env, access.Practitioner)
	if res := prac.get(loc + "/staff/" + pracID + "/remove"); res.StatusCode != http.StatusConflict || !strings.Contains(res.body, "at least one facilitator") {
		t.Errorf("taking off the only facilitator: %d; want 409 with the reason", res.StatusCode)
	}
	if res := prac.post(loc+"/staff/"+pracID+"/remove", url.Values{}); res.StatusCode != http.StatusConflict {
		t.Errorf("posting to take off the only facilitator: %d; want 409", res.StatusCode)
	}
	if res := prac.post(loc+"/staff", url.Values{"user": {mustUser(t, env, access.Admin)}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("adding an administrator to the staff: %d; want 422", res.StatusCode)
	}
	cofacID := mustUser(t, env, access.CoFacilitator)
	if res := prac.get(loc + "/staff/" + cofacID + "/remove"); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "will no longer see the group") {
		t.Errorf("the confirmation to take off the co-facilitator: %d", res.StatusCode)
	}
	if res := prac.post(loc+"/staff/"+cofacID+"/remove", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("take off the co-facilitator: %d", res.StatusCode)
	}
	cofac := newClient(t, env)
	cofac.signIn(env.Accounts[access.CoFacilitator])
	if res := cofac.get(loc); res.StatusCode != http.StatusForbidden {
		t.Errorf("the co-facilitator after being taken off: %d; want 403", res.StatusCode)
	}
}

// TestCatchUpJourney arranges and records a catch-up for a parent who
// missed a session; its note reaches the family's timeline.
func TestCatchUpJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	okafor := newGroupFamily(t, env, "The Okafor-Catchup family", "Sam Okafor", true)
	brennan := newGroupFamily(t, env, "The Brennan-Catchup family", "Ali Brennan", true)
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	loc, parents := startTestGroup(t, env, prac, okafor, brennan)
	sam, ali := parents["Sam"], parents["Ali"]
	if res := prac.post(loc+"/sessions/1/attendance", url.Values{"attendance-" + sam.ID: {"absent"}, "attendance-" + ali.ID: {"present"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("attendance: %d", res.StatusCode)
	}
	if g := prac.get(loc).body; !strings.Contains(g, "To arrange") || !strings.Contains(g, "/sessions/1/catch-ups/"+sam.ID) {
		t.Error("the group page does not list Sam's catch-up to arrange")
	}
	if res := prac.get(loc + "/sessions/1/catch-ups/" + ali.ID); res.StatusCode != http.StatusNotFound {
		t.Errorf("a catch-up for a parent who came: %d; want 404", res.StatusCode)
	}
	path := loc + "/sessions/1/catch-ups/" + sam.ID
	if res := prac.get(path); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Catch-up with Sam") {
		t.Fatalf("the catch-up page: %d", res.StatusCode)
	}
	today := env.Clock.Now().In(time.UTC)
	form := url.Values{"how": {"phone"}, "date-day": {today.Format("2")}, "date-month": {today.Format("1")}, "date-year": {today.Format("2006")},
		"date-time": {"23:59"}, "action": {"arrange"}}
	if res := prac.post(path, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("arrange: %d", res.StatusCode)
	}
	if g := prac.get(loc).body; !strings.Contains(g, "Arranged") {
		t.Error("the group page does not show the catch-up arranged")
	}
	form.Set("action", "record")
	form.Set("date-time", "00:01")
	if res := prac.post(path, form); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(res.body), "Write a short note of what you covered") {
		t.Errorf("recording without a note: %d; want 422", res.StatusCode)
	}
	form.Set("note", "We went through the handout on looking after yourself, and Sam chose one thing to try.")
	if res := prac.post(path, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("record: %d", res.StatusCode)
	}
	if res := prac.post(path, form); res.StatusCode != http.StatusSeeOther {
		t.Errorf("recording twice: %d; want to be sent back to the catch-up as it is", res.StatusCode)
	}
	timeline := html.UnescapeString(prac.get("/families/" + okafor.id + "/timeline").body)
	if !strings.Contains(timeline, "Sam chose one thing to try") || !strings.Contains(timeline, "catch-up for session 1") {
		t.Error("the catch-up note is not on the family's timeline")
	}
	if g := prac.get(loc).body; !strings.Contains(g, "Done") {
		t.Error("the group page does not show the catch-up done")
	}
}

// TestReferralToAnotherPractitionersGroup refers a family, as the
// supervisor of its practitioner, to a group someone else runs; its
// facilitator can then enrol them, though the family is not in their work.
func TestReferralToAnotherPractitionersGroup(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	orgID := env.Accounts.OrgID(t, env)
	// A family allocated to another practitioner, whom the supervisor
	// supervises.
	other, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: orgID, Email: "referring@example.org", Name: "Rhiannon Referring", Role: access.Practitioner})
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.LinkSupervisor(ctx, orgID, mustUser(t, env, access.Supervisor), other.ID); err != nil {
		t.Fatal(err)
	}
	f, err := env.DB.CreateFamily(ctx, orgID, "The Nowak-Referral family")
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Allocate(ctx, orgID, f.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	kasia, err := env.DB.AddMember(ctx, orgID, family.Member{FamilyID: f.ID, Kind: family.Carer, Name: "Kasia Nowak"})
	if err != nil {
		t.Fatal(err)
	}

	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	loc, _ := startTestGroup(t, env, prac)
	groupID := strings.TrimPrefix(loc, "/groups/")
	refused := prac.post(loc+"/enrolments", url.Values{"parent": {f.ID + "/" + kasia.ID}})
	if refused.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(refused.body, "You can only enrol families you work with") {
		t.Fatalf("enrolling a family from outside one's work: %d; want 422", refused.StatusCode)
	}

	super := newClient(t, env)
	super.signIn(env.Accounts[access.Supervisor])
	page := super.get("/families/" + f.ID + "/groups")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.body, "Monday changes group") || !strings.Contains(page.body, "12 places left") {
		t.Fatalf("the referral page: %d; want the group with its places", page.StatusCode)
	}
	form := url.Values{"group": {groupID}, "parent": {kasia.ID}}
	if res := super.post("/families/"+f.ID+"/groups", form); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(html.UnescapeString(res.body), "Record the family's consent to share with the group first") {
		t.Errorf("referring without consent: %d; want 422 with the reason", res.StatusCode)
	}
	if _, err := env.DB.RecordConsent(ctx, orgID, other.ID, family.Consent{FamilyID: f.ID, Kind: family.ShareWithGroup, How: family.Spoken, GivenBy: "Kasia"}); err != nil {
		t.Fatal(err)
	}
	if res := super.post("/families/"+f.ID+"/groups", url.Values{"group": {groupID}}); res.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(res.body, "Choose the parent or carer who will come") {
		t.Errorf("referring without choosing the parent: %d; want 422", res.StatusCode)
	}
	if res := super.post("/families/"+f.ID+"/groups", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("refer: %d", res.StatusCode)
	}
	if res := super.post("/families/"+f.ID+"/groups", form); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.body, "referred to this group already") {
		t.Errorf("referring twice: %d; want 422", res.StatusCode)
	}

	if g := prac.get(loc); !strings.Contains(g.body, "Kasia Nowak, The Nowak-Referral family") {
		t.Error("the facilitator is not offered the referred family")
	}
	if res := prac.post(loc+"/enrolments", url.Values{"parent": {f.ID + "/" + kasia.ID}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("enrolling the referred family: %d; want 303", res.StatusCode)
	}
	all, err := env.DB.Enrolments(ctx, orgID, groupID)
	if err != nil || len(all) != 1 || all[0].FamilyID != f.ID {
		t.Errorf("enrolments = %+v, %v; want the referred family", all, err)
	}
	// The facilitator still cannot open the family's record.
	if res := prac.get("/families/" + f.ID); res.StatusCode != http.StatusForbidden {
		t.Errorf("the facilitator opening the referred family's record: %d; want 403 (break-glass only)", res.StatusCode)
	}
}
