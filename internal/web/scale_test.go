package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

func TestSafetyScale(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	fx := newMatrixFixture(t, env)
	base := "/families/" + fx.families[related].ID + "/scale"
	c := newClient(t, env)
	c.signIn(env.Accounts[access.Practitioner])
	if r := c.post(base, url.Values{"score": {"12"}, "note": {"Calmer at home"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Say whose view this is") || !strings.Contains(r.body, `value="Calmer at home"`) {
		t.Fatalf("a bad rating: %d", r.StatusCode)
	}
	for _, v := range []url.Values{
		{"score": {"3"}, "view": {"practitioner"}},
		{"score": {"6"}, "view": {"parent"}, "note": {"Calmer since the sit-in"}},
		{"score": {"5"}, "view": {"child"}},
	} {
		if r := c.post(base, v); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("add rating %v: %d", v, r.StatusCode)
		}
	}
	page := c.get(base)
	for _, want := range []string{"<svg", `<title id="chart-title">`, "<desc", html.EscapeString("Parent's view: most recently 6"), "Calmer since the sit-in", "<polyline", "Every rating, newest first"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the scale page lacks %q", want)
		}
	}
}
