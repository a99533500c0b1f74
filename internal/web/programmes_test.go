package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// programmeFormFor is a template as its edit form posts it.
func programmeFormFor(t nvr.Template) url.Values {
	v := url.Values{"name": {t.Name}, "description": {t.Description}, "version": {strconv.Itoa(t.Version)}, "action": {"save"}}
	for i, s := range t.Sessions {
		v.Set(nvr.SessionField(i, nvr.PartTitle), s.Title)
		v.Set(nvr.SessionField(i, nvr.PartAims), strings.Join(s.Aims, "\n"))
		v.Set(nvr.SessionField(i, nvr.PartHandout), s.Handout)
		for _, e := range s.Elements {
			v.Add(nvr.SessionField(i, nvr.PartElements), string(e))
		}
		for j, a := range s.Plan {
			v.Set(nvr.ActivityField(i, j, nvr.PartMinutes), strconv.Itoa(a.Minutes))
			v.Set(nvr.ActivityField(i, j, nvr.PartWhat), a.What)
		}
		// The spare row every session has.
		v.Set(nvr.ActivityField(i, len(s.Plan), nvr.PartMinutes), "")
		v.Set(nvr.ActivityField(i, len(s.Plan), nvr.PartWhat), "")
	}
	return v
}

// TestProgrammeJourney copies the default group template as a supervisor,
// edits it (a validation error keeps every typed value), saves a new
// version, and reads the old version still.
func TestProgrammeJourney(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	shipped, ok, err := nvr.ShippedTemplate("steadfast-group-12-week")
	if err != nil || !ok {
		t.Fatal(err)
	}
	prac := newClient(t, env)
	prac.signIn(env.Accounts[access.Practitioner])
	list := prac.get("/programmes")
	if list.StatusCode != http.StatusOK || !strings.Contains(list.body, `href="/programmes/steadfast-group-12-week"`) ||
		!strings.Contains(list.body, `href="/programmes/steadfast-one-to-one"`) || !strings.Contains(list.body, `href="/programmes"`) {
		t.Fatalf("programme list as a practitioner: %d; want both shipped templates and a navigation link", list.StatusCode)
	}
	page := prac.get("/programmes/steadfast-group-12-week")
	body := html.UnescapeString(page.body)
	for _, want := range []string{shipped.Sessions[11].Title, shipped.Sessions[5].Plan[2].What, "Things to try this week", "Looking after yourself", ">120<"} {
		if !strings.Contains(body, want) {
			t.Errorf("the template page lacks %q", want)
		}
	}
	if strings.Contains(page.body, "Make a copy to edit") {
		t.Error("a practitioner is offered a copy")
	}
	if res := prac.post("/programmes/steadfast-group-12-week/copy", nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("a practitioner copying: %d; want 403", res.StatusCode)
	}

	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])
	if page := sup.get("/programmes/steadfast-group-12-week"); !strings.Contains(page.body, "Make a copy to edit") {
		t.Fatal("a supervisor is not offered a copy")
	}
	res := sup.post("/programmes/steadfast-group-12-week/copy", nil)
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/programmes/") || !strings.HasSuffix(loc, "/edit") {
		t.Fatalf("copy: %d %q", res.StatusCode, loc)
	}
	base := strings.TrimSuffix(loc, "/edit")
	form := sup.get(loc)
	if form.StatusCode != http.StatusOK || !strings.Contains(form.body, `value="Copy of NVR parent group: twelve weeks"`) ||
		!strings.Contains(form.body, `name="session-12-title"`) || !strings.Contains(form.body, `value="looking-after-yourself" aria-describedby="session-1-elements-hint" checked`) {
		t.Fatalf("edit form: %d, want the copy's name, twelve sessions and ticked elements", form.StatusCode)
	}

	// Adding and removing sessions posts back, saving nothing.
	copied := shipped
	copied.Name, copied.Version = "Copy of NVR parent group: twelve weeks", 1
	v := programmeFormFor(copied)
	v.Set("action", "add-session")
	if res := sup.post(loc, v); res.StatusCode != http.StatusOK || !strings.Contains(res.body, `name="session-13-title"`) {
		t.Errorf("add a session: %d, want a 13th session", res.StatusCode)
	}
	v.Set("action", "remove-2")
	if res := sup.post(loc, v); res.StatusCode != http.StatusOK || strings.Contains(res.body, `name="session-12-title"`) ||
		!strings.Contains(html.UnescapeString(res.body), shipped.Sessions[2].Title) || strings.Contains(html.UnescapeString(res.body), "value=\""+shipped.Sessions[1].Title) {
		t.Errorf("remove session 2: %d, want eleven sessions without session 2", res.StatusCode)
	}

	// A save with problems keeps every typed value.
	v = programmeFormFor(copied)
	v.Set("name", "")
	v.Set("session-3-activity-2-minutes", "twenty")
	v.Set("session-4-handout", "A handout of our own, typed but not yet saved.")
	res = sup.post(loc, v)
	body = html.UnescapeString(res.body)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "There is a problem") ||
		!strings.Contains(body, `href="#name"`) || !strings.Contains(body, `href="#session-3-activity-2-minutes"`) ||
		!strings.Contains(body, `value="twenty"`) || !strings.Contains(body, "A handout of our own, typed but not yet saved.") {
		t.Fatalf("invalid save: %d; want 422 with the summary and every value kept", res.StatusCode)
	}

	// A good save makes version 2; version 1 is still readable.
	v = programmeFormFor(copied)
	v.Set("name", "Our twelve weeks")
	v.Set("session-1-title", "Welcome to our group")
	res = sup.post(loc, v)
	wantRedirect(t, "save", res, base)
	latest := sup.get(base)
	body = html.UnescapeString(latest.body)
	if !strings.Contains(body, "Saved as version 2") || !strings.Contains(body, "Welcome to our group") || !strings.Contains(body, "?version=1") {
		t.Errorf("after saving, the page lacks version 2, its new title or the link to version 1")
	}
	old := sup.get(base + "?version=1")
	body = html.UnescapeString(old.body)
	if old.StatusCode != http.StatusOK || !strings.Contains(body, shipped.Sessions[0].Title) || strings.Contains(body, "Welcome to our group") ||
		!strings.Contains(body, "New groups use version 2") {
		t.Errorf("version 1: %d; want the original title and a note that new groups use version 2", old.StatusCode)
	}
	if res := sup.get(base + "?version=9"); res.StatusCode != http.StatusNotFound {
		t.Errorf("version 9: %d; want 404", res.StatusCode)
	}
	// Saving again from version 1 clashes, keeping the typed values.
	v.Set("session-1-title", "A stale change")
	if res := sup.post(loc, v); res.StatusCode != http.StatusConflict || !strings.Contains(res.body, "A stale change") {
		t.Errorf("stale save: %d; want 409 with the typed values", res.StatusCode)
	}
	// The organisation's programme is listed, and practitioners read it.
	if res := prac.get("/programmes"); !strings.Contains(res.body, "Our twelve weeks") {
		t.Error("the list lacks the organisation's own programme")
	}
	if res := prac.get(loc); res.StatusCode != http.StatusForbidden {
		t.Errorf("a practitioner editing: %d; want 403", res.StatusCode)
	}
}

// TestProgrammesStayInTheirOrganisation checks another organisation's
// template does not exist for us.
func TestProgrammesStayInTheirOrganisation(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	org, err := env.DB.CreateOrganisation(t.Context(), "Elsewhere Council")
	if err != nil {
		t.Fatal(err)
	}
	other, err := env.DB.CreateUser(t.Context(), store.NewUser{OrgID: org.ID, Email: "lead@elsewhere.example", Name: "Elsewhere Lead",
		Role: access.Supervisor, PasswordHash: "h"})
	if err != nil {
		t.Fatal(err)
	}
	shipped, _, _ := nvr.ShippedTemplate("steadfast-one-to-one")
	theirs, err := env.DB.CopyTemplate(t.Context(), org.ID, other.ID, "Elsewhere's programme", shipped)
	if err != nil {
		t.Fatal(err)
	}
	sup := newClient(t, env)
	sup.signIn(env.Accounts[access.Supervisor])
	for _, path := range []string{"/programmes/" + theirs.ID, "/programmes/" + theirs.ID + "/edit"} {
		if res := sup.get(path); res.StatusCode != http.StatusNotFound || strings.Contains(res.body, "Elsewhere") {
			t.Errorf("GET %s: %d; want 404 naming nothing", path, res.StatusCode)
		}
	}
	for _, path := range []string{"/programmes/" + theirs.ID + "/copy", "/programmes/" + theirs.ID + "/edit"} {
		if res := sup.post(path, programmeFormFor(theirs)); res.StatusCode != http.StatusNotFound {
			t.Errorf("POST %s: %d; want 404", path, res.StatusCode)
		}
	}
	if res := sup.get("/programmes"); strings.Contains(res.body, "Elsewhere") {
		t.Error("the list shows another organisation's programme")
	}
}
