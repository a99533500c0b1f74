package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// TestParentCannotReachAnotherFamilysVigilanceOrBaskets gives another
// family of the same organisation a concern and a behaviour, and asks for
// each by ID, as the demo parent, on every /my/vigilance and /my/baskets
// route with an ID and on the practitioner's pages of that family. Every
// answer is 404, no page names anything of the other family, and nothing of
// theirs changes.
func TestParentCannotReachAnotherFamilysVigilanceOrBaskets(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			ctx := t.Context()
			orgID := env.Accounts.OrgID(t, env)
			otherAccount, otherUser := newParentAccount(t, env, orgID, "The Elsewhere-Hartley family", "Morgan Elsewhere-Hartley")
			theirs := otherAccount.FamilyID
			c, err := env.DB.AddConcern(ctx, orgID, otherUser, journal.Concern{FamilyID: theirs, About: "Private concern words", Level: journal.FocusedAttention}, "Private warning sign")
			if err != nil {
				t.Fatal(err)
			}
			b, err := env.DB.AddBehaviour(ctx, orgID, otherUser, journal.Behaviour{FamilyID: theirs, What: "Private behaviour words", Basket: journal.MustResist})
			if err != nil {
				t.Fatal(err)
			}
			secrets := []string{"Private concern words", "Private warning sign", "Private behaviour words", "Elsewhere-Hartley", theirs}

			parent := newClient(t, env)
			parent.signIn(env.Accounts[access.Parent])
			post := url.Values{"level": {string(journal.ProtectiveAction)}, "sign": {"Changed by someone else"}, "basket": {string(journal.LetGo)}}
			probed := 0
			for _, r := range env.Server.Routes() {
				path := r.Path()
				if !strings.HasPrefix(path, "/my/vigilance") && !strings.HasPrefix(path, "/my/baskets") &&
					path != "/families/{id}/vigilance" && path != "/families/{id}/baskets" {
					continue
				}
				if !strings.Contains(path, "{") {
					continue // no ID to aim at another family
				}
				id := c.ID
				if strings.HasPrefix(path, "/my/baskets") {
					id = b.ID
				}
				target := strings.NewReplacer("/families/{id}", "/families/"+theirs, "{id}", id).Replace(path)
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
			if probed < 9 {
				t.Errorf("probed only %d routes", probed)
			}
			// The parent's own pages never show the other family's.
			for _, path := range []string{"/my/vigilance", "/my/baskets", "/my/baskets/new", "/my/vigilance/new"} {
				res := parent.get(path)
				if res.StatusCode != http.StatusOK {
					t.Errorf("%s: status %d", path, res.StatusCode)
				}
				for _, s := range secrets {
					if strings.Contains(res.body, s) {
						t.Errorf("%s contains %q", path, s)
					}
				}
			}
			// The same words are the parent's own to sort: not "already in
			// a basket" because another family has them.
			if res := parent.post("/my/baskets", url.Values{"what": {"Private behaviour words"}, "basket": {string(journal.Negotiable)}}); res.StatusCode != http.StatusSeeOther {
				t.Errorf("sorting words another family sorted: status %d", res.StatusCode)
			}
			// Nothing of theirs changed.
			still, err := env.DB.Concern(ctx, orgID, theirs, c.ID)
			if err != nil || still.Level != journal.FocusedAttention || still.IsSettled() || len(still.History) != 1 {
				t.Errorf("the other family's concern = %+v, %v", still, err)
			}
			if sb, err := env.DB.Behaviour(ctx, orgID, theirs, b.ID); err != nil || sb.Basket != journal.MustResist {
				t.Errorf("the other family's behaviour = %+v, %v", sb, err)
			}
			if moves, _ := env.DB.BasketMoves(ctx, orgID, theirs, 10); len(moves) != 1 {
				t.Errorf("the other family's moves = %+v", moves)
			}
		})
	}
}
