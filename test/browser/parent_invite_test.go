//go:build browser

package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// Desktop-sized viewport for the practitioner's pages; phone.go holds the
// phone's size and the check for targets too small to tap.
const (
	deskWidth  = 1280
	deskHeight = 900
)

// TestParentInvitation: the demo practitioner invites a carer in their
// family's record and makes a new link; the parent, on a phone, follows it,
// sets a password, reads and confirms who sees what they write, and opens
// where to get help. axe checks each page, the parent's at phone and
// desktop widths, and nothing on the parent's pages spills off the screen
// or is too small to tap.
func TestParentInvitation(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	ctx := t.Context()
	demoParent, err := env.DB.UserByEmail(ctx, env.Accounts[access.Parent].Email)
	if err != nil {
		t.Fatal(err)
	}
	carer, err := env.DB.AddMember(ctx, demoParent.OrgID, family.Member{FamilyID: demoParent.FamilyID, Kind: family.Carer,
		Name: "Robin Invited-Carer", Relationship: "Dad"})
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)

	// The practitioner, at a desk.
	p := newTab(t, b, env.URL)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(deskWidth, deskHeight)); err != nil {
		t.Fatal(err)
	}
	p.signInAs(t, env.Accounts[access.Practitioner])
	wantStatus(t, "family page", p.open(t, "/families/"+demoParent.FamilyID), 200)
	invite := "/families/" + demoParent.FamilyID + "/people/" + carer.ID + "/invite"
	wantStatus(t, "invitation form", p.click(t, `a[href="`+invite+`"]`), 200)
	p.checkA11y(t, "invitation form")
	wantStatus(t, "invitation with no email", p.click(t, `#main-content form button[type=submit]`), 422)
	p.checkA11y(t, "invitation form with an error")
	p.typeInto(t, "#email", "robin.invited@families.example")
	wantStatus(t, "invitation", p.click(t, `#main-content form button[type=submit]`), 200)
	p.checkA11y(t, "invitation link")
	first := p.text(t, ".app-link-text")
	if !strings.Contains(first, "/set-password/") {
		t.Fatalf("the invitation shows no link: %q", first)
	}
	wantStatus(t, "invitation page again", p.open(t, invite), 200)
	p.checkA11y(t, "a carer who already has their own space")
	wantStatus(t, "new link confirmation", p.click(t, `a[href="`+invite+`/new-link"]`), 200)
	p.checkA11y(t, "new link confirmation")
	wantStatus(t, "new link", p.click(t, `#main-content form button[type=submit]`), 200)
	link := p.text(t, ".app-link-text")
	if link == first || !strings.Contains(link, "/set-password/") {
		t.Fatalf("the new link %q is not new", link)
	}

	// The parent, on a phone.
	m := newTab(t, b, env.URL)
	if err := chromedp.Do(m.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, "set-password page", m.open(t, strings.TrimPrefix(link, env.URL)), 200)
	m.checkA11y(t, "parent's set-password page, phone")
	m.phoneFriendly(t)
	m.typeInto(t, "#password", "heron willow quill anchor")
	m.typeInto(t, "#password-confirm", "heron willow quill anchor")
	wantStatus(t, "after setting the password", m.click(t, `#main-content form button[type=submit]`), 200)
	if got := m.path(t); got != "/my/who-can-see" {
		t.Fatalf("after setting a password the parent is on %s, want the statement", got)
	}
	if got := m.text(t, "#main-content"); !strings.Contains(got, env.Accounts[access.Practitioner].Name) || !strings.Contains(got, "Other parents never see it") {
		t.Errorf("the statement does not name the practitioner or say other parents never see it: %q", got)
	}
	m.checkA11y(t, "who sees what I write, phone")
	m.phoneFriendly(t)
	wantStatus(t, "confirming", m.click(t, `#main-content form[action="/my/who-can-see"] button`), 200)
	if got := m.path(t); got != "/my" {
		t.Errorf("after confirming the parent is on %s, want /my", got)
	}
	m.checkA11y(t, "parent's home after confirming, phone")
	m.phoneFriendly(t)

	// Help, one tap from the navigation (behind the Menu on a phone).
	if err := chromedp.Do(m.ctx, chromedp.Click(chromedp.CSS(".govuk-service-navigation__toggle"))); err != nil {
		t.Fatalf("press Menu: %v", err)
	}
	wantStatus(t, "help", m.click(t, `.govuk-service-navigation a[href="/my/help"]`), 200)
	if links := eval[[]string](t, m, `Array.from(document.querySelectorAll('.app-help-contacts a')).map(a => a.getAttribute('href'))`); len(links) < 2 || links[0] != "tel:999" {
		t.Errorf("help links: %q; want 999 first", links)
	}
	m.checkA11y(t, "where to get help, phone")
	m.phoneFriendly(t)
	if !m.has(t, `.govuk-service-navigation a[href="/my/who-can-see"]`) {
		t.Error("the help page has no link to who sees what I write")
	}

	// The same pages at desktop width.
	if err := chromedp.Do(m.ctx, chromedp.EmulateViewport(deskWidth, deskHeight)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/my/help", "/my/who-can-see"} {
		wantStatus(t, path, m.open(t, path), 200)
		m.checkA11y(t, path+", desktop")
	}
}

// TestHelpContactsPages: an administrator's help contact pages pass axe,
// with an error and after adding a contact.
func TestHelpContactsPages(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	a := newTab(t, b, env.URL)
	a.signInAs(t, env.Accounts[access.Admin])
	wantStatus(t, "help contacts", a.open(t, "/admin/help-contacts"), 200)
	a.checkA11y(t, "help contacts, defaults")
	wantStatus(t, "add form", a.click(t, `#main-content a[href="/admin/help-contacts/new"]`), 200)
	a.checkA11y(t, "add a help contact")
	wantStatus(t, "empty form", a.click(t, `#main-content form button[type=submit]`), 422)
	a.checkA11y(t, "add a help contact, with errors")
	a.typeInto(t, "#name", "Parent line")
	a.typeInto(t, "#reach", "0808 800 2222")
	a.typeInto(t, "#when", "Any time you need to talk")
	wantStatus(t, "added", a.click(t, `#main-content form button[type=submit]`), 200)
	a.checkA11y(t, "help contacts, own")
	wantStatus(t, "remove", a.click(t, `#main-content a[href$="/remove"]`), 200)
	a.checkA11y(t, "remove a help contact")
}

// phoneFriendly fails when anything spills off the right of a phone's
// screen or a control is smaller than 24 by 24 CSS pixels.
func (tb *tab) phoneFriendly(t *testing.T) {
	t.Helper()
	if over := eval[[]string](t, tb, overflowJS); len(over) > 0 {
		t.Errorf("on %s at %d pixels wide, %d element(s) spill off the screen, first: %s", tb.path(t), phoneWidth, len(over), over[0])
	}
	if small := eval[[]string](t, tb, smallTargetsJS); len(small) > 0 {
		t.Errorf("on %s, %d control(s) are smaller than 24 by 24 pixels, first: %s", tb.path(t), len(small), small[0])
	}
}
