package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// familyLabels are phrases that label a family rather than describe what
// happened. Steadfast's own pages never say them; a note may quote one,
// and the language checker then points it out.
var familyLabels = []string{"uncooperative family", "uncooperative families", "unco-operative family", "non-compliant family",
	"resistant family", "hard to reach family", "hard-to-reach family"}

// badgeLabels are words no tag or badge may carry.
var badgeLabels = []string{"uncooperative", "unco-operative", "non-compliant", "non-compliance", "disguised compliance", "hard to reach",
	"resistant", "failed to engage"}

var tagText = regexp.MustCompile(`(?s)<[^>]*class="[^"]*(?:govuk-tag|moj-badge)[^"]*"[^>]*>(.*?)</`)

// labelFindings says how a page labels a family, if it does.
func labelFindings(body string) []string {
	body = strings.ToLower(body)
	var out []string
	for _, l := range familyLabels {
		if strings.Contains(body, l) {
			out = append(out, "says "+l)
		}
	}
	for _, m := range tagText.FindAllStringSubmatch(body, -1) {
		for _, l := range badgeLabels {
			if strings.Contains(m[1], l) {
				out = append(out, "has a tag saying "+m[1])
			}
		}
	}
	return out
}

var pageLink = regexp.MustCompile(`href="(/[^"#]*)`)

// TestNoRenderedPageLabelsAFamily signs in to the demo as every role and
// follows every link it can reach, reading each page for a label on a
// family: acceptance 4 of the working-with-resistance issue, over every
// page of the demo a person can reach by following links.
func TestNoRenderedPageLabelsAFamily(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	const most = 600 // pages per role; the demo has fewer
	for _, role := range []access.Role{access.Admin, access.Supervisor, access.Practitioner, access.CoFacilitator, access.Parent} {
		c := newClient(t, env)
		c.signIn(env.Accounts[role])
		seen := map[string]bool{"/": true}
		queue := []string{"/"}
		for len(queue) > 0 && len(seen) <= most {
			path := queue[0]
			queue = queue[1:]
			r := c.get(path)
			if r.StatusCode != http.StatusOK {
				continue // a page this role may not see, or a download
			}
			// The language settings list the very phrases the checker flags.
			if !strings.HasPrefix(path, "/admin/language") {
				for _, f := range labelFindings(r.body) {
					t.Errorf("%s as %s %s", path, role, f)
				}
			}
			for _, m := range pageLink.FindAllStringSubmatch(r.body, -1) {
				next := strings.ReplaceAll(m[1], "&amp;", "&")
				if seen[next] || strings.HasPrefix(next, "/static/") || strings.HasPrefix(next, "/sign-out") {
					continue
				}
				seen[next] = true
				queue = append(queue, next)
			}
		}
		if len(seen) > most {
			t.Errorf("%s reached more than %d pages; raise the bound so every page is read", role, most)
		}
		if role == access.Practitioner && len(seen) < 50 {
			t.Errorf("the practitioner reached only %d pages; the crawl is not following links", len(seen))
		}
		t.Logf("%s: %d pages", role, len(seen))
	}
}
