package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestParentCannotReachAnotherFamilysRecords is acceptance 3 of the
// parent's space issue: a parent of another family, signed in, asks every
// /my route that names a record (a journal entry, a supporter, a contact,
// a round, and whatever else the access matrix fills in) with the IDs of
// the matrix family's records, and gets 404 with nothing of that family
// in the page, on both engines.
func TestParentCannotReachAnotherFamilysRecords(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			fx := newMatrixFixture(t, env)
			other, _ := newParentAccount(t, env, env.Accounts.OrgID(t, env), "The Next-Door family", "Alex Next-Door")
			c := newClient(t, env)
			c.signIn(other)
			c.post("/my/who-can-see", url.Values{})
			secrets := []string{fx.families[related].Name, "Matrix", fx.journal}
			probed := 0
			for _, r := range env.Server.Routes() {
				row := accessMatrix[r.Pattern]
				// The matrix writes a record's ID as a placeholder, such as
				// {supporter} or {journal}; /my/log/{kind} names no record.
				if !strings.HasPrefix(r.Path(), "/my/") || !strings.Contains(row.path, "{") {
					continue
				}
				path := fx.path(row.path, related)
				var res response
				if r.Method() == http.MethodPost {
					res = c.post(path, url.Values{"note": {"probing"}, "name": {"probing"}})
				} else {
					res = c.get(path)
				}
				probed++
				if res.StatusCode != http.StatusNotFound {
					t.Errorf("%s %s as another family's parent: %d; want 404", r.Method(), path, res.StatusCode)
				}
				for _, s := range secrets {
					if strings.Contains(res.body, s) {
						t.Errorf("%s %s as another family's parent shows %q", r.Method(), path, s)
					}
				}
			}
			if probed < 10 {
				t.Errorf("probed %d routes that name a record; the list looks short", probed)
			}
		})
	}
}
