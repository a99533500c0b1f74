package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/language"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestLanguageAdministration follows an administrator who adds a term,
// tries the checker, switches one of Steadfast's terms off and on, and
// removes their term, with every change in the audit trail.
func TestLanguageAdministration(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			ctx := t.Context()
			orgID := env.Accounts.OrgID(t, env)
			admin := newClient(t, env)
			admin.signIn(env.Accounts[access.Admin])

			page := admin.get("/admin/language")
			if page.StatusCode != http.StatusOK || !strings.Contains(page.body, "has not added any terms yet") ||
				!strings.Contains(page.body, `href="/admin/language" aria-current="page"`) {
				t.Fatalf("language page: %d, without its empty state or current navigation item", page.StatusCode)
			}
			if !strings.Contains(page.body, "failed to engage") || !strings.Contains(page.body, `action="/admin/language/base/failed-to-engage/disable"`) {
				t.Error("the page does not list Steadfast's terms with a way to switch them off")
			}

			// A term without a reason is refused, keeping every word typed.
			bad := admin.post("/admin/language/terms", url.Values{"term": {"non-attender"}, "forms": {"non-attenders"},
				"suggestions": {"say they did not come"}, "label": {"yes"}})
			if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.body, "Enter why this can be a problem") ||
				!strings.Contains(bad.body, `value="non-attender"`) || !strings.Contains(bad.body, ">non-attenders</textarea>") ||
				!strings.Contains(bad.body, `value="yes" checked`) {
				t.Fatalf("a term without a reason: %d, or what was typed was lost", bad.StatusCode)
			}
			noLabel := admin.post("/admin/language/terms", url.Values{"term": {"non-attender"}, "why": {"w"}, "suggestions": {"s"}})
			if !strings.Contains(noLabel.body, "Select yes if the term labels a person") {
				t.Error("the label question was not required")
			}

			good := url.Values{"term": {"non-attender"}, "forms": {"non-attenders\r\nnon attendance"},
				"why": {"It labels a family by the appointments they missed."}, "suggestions": {"say they did not come\r\nadd why, if you know"}, "label": {"yes"}}
			wantRedirect(t, "add a term", admin.post("/admin/language/terms", good), "/admin/language#own-terms")
			page = admin.get("/admin/language")
			if !strings.Contains(page.body, "‘non-attender’ added") || !strings.Contains(page.body, "Also: non-attenders, non attendance") {
				t.Error("the added term is not confirmed and listed")
			}
			if again := admin.post("/admin/language/terms", good); again.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(again.body, "already has this term") {
				t.Errorf("the same term twice: %d", again.StatusCode)
			}

			// Trying the checker shows the hints as a field would, and skips quoted speech.
			sample := "Mum is a non-attender and failed to engage. She said “I refused because I was scared”."
			tried := admin.post("/admin/language/try", url.Values{"sample": {sample}})
			for _, want := range []string{`id="sample-language-hints"`, `aria-describedby="sample-hint sample-language-hints"`,
				"You wrote ‘non-attender’.", "You wrote ‘failed to engage’. This can read as blame or a label.", "Try: describe what was offered and what happened",
				"You can still save."} {
				if !strings.Contains(tried.body, want) {
					t.Errorf("trying the checker: the page lacks %q", want)
				}
			}
			if strings.Contains(tried.body, "You wrote ‘refused’") {
				t.Error("quoted speech was flagged")
			}
			if !strings.Contains(tried.body, "Mum is a non-attender and failed to engage.") {
				t.Error("the text tried was not kept")
			}
			if empty := admin.post("/admin/language/try", url.Values{"sample": {"  "}}); empty.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("trying nothing: %d", empty.StatusCode)
			}
			if clean := admin.post("/admin/language/try", url.Values{"sample": {"Mum and I agreed a new time."}}); !strings.Contains(clean.body, "found nothing to suggest") {
				t.Error("a clean text is not reported as clean")
			}

			// Switching one of Steadfast's terms off, then on again.
			wantRedirect(t, "switch off", admin.post("/admin/language/base/failed-to-engage/disable", nil), "/admin/language#steadfast-terms")
			page = admin.get("/admin/language")
			if !strings.Contains(page.body, "‘failed to engage’ switched off") || !strings.Contains(page.body, `action="/admin/language/base/failed-to-engage/enable"`) ||
				!strings.Contains(page.body, "1 is switched off") {
				t.Error("the switched-off term is not confirmed and shown as off")
			}
			if tried := admin.post("/admin/language/try", url.Values{"sample": {sample}}); strings.Contains(tried.body, "You wrote ‘failed to engage’") {
				t.Error("a switched-off term is still flagged")
			}
			wantRedirect(t, "switch on", admin.post("/admin/language/base/failed-to-engage/enable", nil), "/admin/language#steadfast-terms")
			if tried := admin.post("/admin/language/try", url.Values{"sample": {sample}}); !strings.Contains(tried.body, "You wrote ‘failed to engage’") {
				t.Error("a term switched back on is not flagged")
			}

			// Removing asks first, then confirms.
			own, err := env.DB.ListLanguageTerms(ctx, orgID)
			if err != nil || len(own) != 1 {
				t.Fatalf("own terms = %v, %v", own, err)
			}
			id := own[0].ID
			if confirm := admin.get("/admin/language/terms/" + id + "/remove"); !strings.Contains(confirm.body, "Remove ‘non-attender’?") {
				t.Errorf("removal is not confirmed first: %d", confirm.StatusCode)
			}
			wantRedirect(t, "remove", admin.post("/admin/language/terms/"+id+"/remove", nil), "/admin/language#own-terms")
			if page := admin.get("/admin/language"); !strings.Contains(page.body, "‘non-attender’ removed") || !strings.Contains(page.body, "has not added any terms yet") {
				t.Error("the removal is not confirmed")
			}

			// Every change is in the audit trail.
			events, err := env.DB.ListAudit(ctx, orgID, store.AuditFilter{ActorID: mustUser(t, env, access.Admin)}, 200, 0)
			if err != nil {
				t.Fatal(err)
			}
			changes := map[string]int{}
			for _, e := range events.Events {
				if strings.HasPrefix(e.ResourceType, "language-") {
					changes[string(e.Action)+" "+e.ResourceType+" "+e.Reason]++
				}
			}
			for _, want := range []string{
				string(audit.Create) + " language-term respectful-language term added",
				string(audit.Update) + " language-base-term respectful-language term switched off",
				string(audit.Update) + " language-base-term respectful-language term switched on",
				string(audit.Delete) + " language-term respectful-language term removed",
			} {
				if changes[want] != 1 {
					t.Errorf("audit trail has %d of %q; it holds %v", changes[want], want, changes)
				}
			}
		})
	}
}

// TestLanguageTermsStayInTheirOrganisation checks that an administrator
// cannot see or remove another organisation's term.
func TestLanguageTermsStayInTheirOrganisation(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	ctx := t.Context()
	other, err := env.DB.CreateOrganisation(ctx, "Elsewhere Borough Council")
	if err != nil {
		t.Fatal(err)
	}
	elsewhereAdmin, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: other.ID, Email: "admin@elsewhere.example", Name: "Elsewhere Admin", Role: access.Admin, PasswordHash: "h"})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := env.DB.AddLanguageTerm(ctx, other.ID, elsewhereAdmin.ID, language.Term{Phrase: "elsewhere jargon", Why: "Theirs.", Suggestions: []string{"plain words"}})
	if err != nil {
		t.Fatal(err)
	}
	admin := newClient(t, env)
	admin.signIn(env.Accounts[access.Admin])
	if page := admin.get("/admin/language"); strings.Contains(page.body, "elsewhere jargon") {
		t.Error("another organisation's term is listed")
	}
	if r := admin.get("/admin/language/terms/" + theirs.ID + "/remove"); r.StatusCode != http.StatusNotFound {
		t.Errorf("another organisation's removal page: %d, want 404", r.StatusCode)
	}
	if r := admin.post("/admin/language/terms/"+theirs.ID+"/remove", nil); r.StatusCode != http.StatusNotFound {
		t.Errorf("removing another organisation's term: %d, want 404", r.StatusCode)
	}
	if tried := admin.post("/admin/language/try", url.Values{"sample": {"Some elsewhere jargon here."}}); strings.Contains(tried.body, "You wrote") {
		t.Error("another organisation's term was flagged")
	}
	if list, _ := env.DB.ListLanguageTerms(ctx, other.ID); len(list) != 1 {
		t.Error("another organisation's term was removed")
	}
}
