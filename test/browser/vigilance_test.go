//go:build browser

package browser

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/demo"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// phoneTab opens a tab at a phone's size, signed in as account.
func phoneTab(t *testing.T, b context.Context, env *webtest.Env, account demo.Account) *tab {
	t.Helper()
	p := newTab(t, b, env.URL)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatalf("set a phone's viewport: %v", err)
	}
	p.signInAs(t, account)
	return p
}

// TestVigilanceAndBasketsOnAPhone: on a 390 by 844 phone, the demo parent
// adds a concern (forgetting its words at first), changes its level
// (forgetting the warning sign at first), and asks to mark it as no longer
// a worry; in a second tab they add a behaviour to a basket, move it, and
// ask to take it off. The practitioner then reads both on the family's
// record. axe checks every page, at phone width and at desktop width.
func TestVigilanceAndBasketsOnAPhone(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{Demo: true}})
	b := newBrowser(t)
	parent := env.Accounts[access.Parent]

	// Vigilant care.
	p := phoneTab(t, b, env, parent)
	wantStatus(t, "the parent's concerns", p.click(t, `#main-content a[href="/my/vigilance"]`), 200)
	p.checkPhone(t, "vigilant care")
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Staying out late at weekends") || !strings.Contains(got, "No longer a worry") {
		t.Errorf("the demo parent's concerns: %q", got)
	}
	wantStatus(t, "the form to add a concern", p.click(t, `a[href="/my/vigilance/new"]`), 200)
	p.checkPhone(t, "add a concern")
	p.clickOn(t, "#level-focused")
	wantStatus(t, "a concern with no words", p.click(t, `#main-content form button[type=submit]`), 422)
	p.checkPhone(t, "add a concern, with an error")
	if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Say in a few words what you are keeping an eye on") {
		t.Errorf("the error summary says %q", got)
	}
	if !eval[bool](t, p, `document.querySelector('#level-focused').checked`) {
		t.Error("the form lost the level")
	}
	p.typeInto(t, "#about", "Money going missing from my purse")
	wantStatus(t, "saving the concern", p.click(t, `#main-content form button[type=submit]`), 200)
	wantStatus(t, "the concern's page", p.click(t, `.govuk-summary-card__title a[href^="/my/vigilance/"]:not([href$="/new"])`), 200)
	p.checkPhone(t, "a concern")
	concern := p.path(t)
	p.clickOn(t, "#level-protective")
	wantStatus(t, "a change with no warning sign", p.click(t, `#main-content form button[type=submit]`), 422)
	p.checkPhone(t, "a concern, with an error")
	if got := p.text(t, ".govuk-error-summary"); !strings.Contains(got, "Say what you noticed that made you change the level") {
		t.Errorf("the error summary says %q", got)
	}
	p.typeInto(t, "#sign", "Twenty pounds gone on Friday")
	wantStatus(t, "saving the change", p.click(t, `#main-content form button[type=submit]`), 200)
	if got := p.text(t, "#main-content"); !strings.Contains(got, "Protective action") || !strings.Contains(got, "Twenty pounds gone on Friday") {
		t.Errorf("the concern after the change: %q", got)
	}
	wantStatus(t, "asking if it is no longer a worry", p.click(t, `a[href$="/settle"]`), 200)
	p.checkPhone(t, "no longer a worry?")

	// Baskets, in a tab of their own.
	q := phoneTab(t, b, env, parent)
	wantStatus(t, "the parent's baskets", q.open(t, "/my/baskets"), 200)
	q.checkPhone(t, "baskets")
	if got := q.text(t, "#main-content"); !strings.Contains(got, "Hitting or pushing me") || !strings.Contains(got, "moved from") {
		t.Errorf("the demo parent's baskets: %q", got)
	}
	wantStatus(t, "the form to add a behaviour", q.click(t, `a[href="/my/baskets/new"]`), 200)
	q.checkPhone(t, "add a behaviour")
	q.typeInto(t, "#what", "Slamming doors")
	q.clickOn(t, "#basket-negotiable")
	wantStatus(t, "saving the behaviour", q.click(t, `#main-content form button[type=submit]`), 200)
	move := eval[string](t, q, `Array.from(document.querySelectorAll('#main-content .govuk-summary-list__row')).find(r => r.textContent.includes('Slamming doors')).querySelector('a[href$="/move"]').getAttribute('href')`)
	wantStatus(t, "the form to move it", q.open(t, move), 200)
	q.checkPhone(t, "move a behaviour")
	wantStatus(t, "a move to nowhere", q.click(t, `#main-content form button[type=submit]`), 422)
	q.checkPhone(t, "move a behaviour, with an error")
	q.clickOn(t, "#basket-let-go")
	wantStatus(t, "moving it", q.click(t, `#main-content form button[type=submit]`), 200)
	if got := q.text(t, "#main-content"); !strings.Contains(got, "moved from negotiable to let go for now") {
		t.Errorf("the baskets after the move: %q", got)
	}
	remove := strings.TrimSuffix(move, "/move") + "/remove"
	wantStatus(t, "asking to take it off", q.open(t, remove), 200)
	q.checkPhone(t, "take a behaviour off")

	// The same pages pass axe at desktop width too.
	d := newTab(t, b, env.URL)
	d.signInAs(t, parent)
	if err := chromedp.Do(d.ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/my/vigilance", "/my/vigilance/new", concern, concern + "/settle", "/my/baskets", "/my/baskets/new", move, remove} {
		wantStatus(t, path, d.open(t, path), 200)
		d.checkA11y(t, path+", desktop")
	}

	// The practitioner reads both on the family's record.
	pr := newTab(t, b, env.URL)
	pr.signInAs(t, env.Accounts[access.Practitioner])
	fam := parent.FamilyID
	wantStatus(t, "the family's page", pr.open(t, "/families/"+fam), 200)
	wantStatus(t, "the family's vigilant care", pr.click(t, `a[href="/families/`+fam+`/vigilance"]`), 200)
	pr.checkA11y(t, "the family's vigilant care, desktop")
	if got := pr.text(t, "#main-content"); !strings.Contains(got, "Money going missing") || !strings.Contains(got, "Twenty pounds gone on Friday") {
		t.Errorf("the practitioner's vigilant care: %q", got)
	}
	wantStatus(t, "the family's page", pr.open(t, "/families/"+fam), 200)
	wantStatus(t, "the family's baskets", pr.click(t, `a[href="/families/`+fam+`/baskets"]`), 200)
	pr.checkA11y(t, "the family's baskets, desktop")
	if got := pr.text(t, "#main-content"); !strings.Contains(got, "Slamming doors") {
		t.Errorf("the practitioner's baskets: %q", got)
	}
	if pr.has(t, `a[href^="/my/"]`) {
		t.Error("the practitioner's view links to the parent's pages")
	}
	if err := chromedp.Do(pr.ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight)); err != nil {
		t.Fatal(err)
	}
	pr.checkPhone(t, "the family's baskets")
	wantStatus(t, "the family's vigilant care", pr.open(t, "/families/"+fam+"/vigilance"), 200)
	pr.checkPhone(t, "the family's vigilant care")
}
