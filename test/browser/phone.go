//go:build browser

package browser

import "testing"

// phoneWidth and phoneHeight are a common phone's screen in CSS pixels:
// the parent's pages are built for it first.
const phoneWidth, phoneHeight = 390, 844

// deskWidth and deskHeight are a desktop screen in CSS pixels.
const deskWidth, deskHeight = 1280, 900

// smallTargetsJS lists the controls in the page's content smaller than 24
// by 24 CSS pixels (WCAG 2.2 success criterion 2.5.8): buttons, fields, the
// back link, and the boxes of radios and checkboxes, which their labels'
// ::before draws. Links inside a sentence are left out, as the criterion
// leaves them out.
const smallTargetsJS = `Array.from(document.querySelectorAll('#main-content .govuk-button, #main-content button, #main-content input:not([type=hidden]), #main-content select, #main-content textarea, #main-content .govuk-back-link, .govuk-service-navigation a, .govuk-service-navigation button'))
  .map(e => (e.type === 'radio' || e.type === 'checkbox') ? e.nextElementSibling : e)
  .filter(e => e && e.getBoundingClientRect().width > 0)
  .filter(e => {
    const r = e.getBoundingClientRect();
    const before = getComputedStyle(e, '::before');
    const bw = parseFloat(before.width) || 0, bh = parseFloat(before.height) || 0;
    return Math.max(r.width, bw) < 24 || Math.max(r.height, bh) < 24;
  })
  .map(e => e.outerHTML.slice(0, 120))`

// phoneFriendly fails when anything spills off the right of a phone's
// screen, or a control is too small to tap.
func (tb *tab) phoneFriendly(t *testing.T) {
	t.Helper()
	if over := eval[[]string](t, tb, overflowJS); len(over) > 0 {
		t.Errorf("on %s at %d pixels wide, %d element(s) spill off the screen, first: %s", tb.path(t), phoneWidth, len(over), over[0])
	}
	if small := eval[[]string](t, tb, smallTargetsJS); len(small) > 0 {
		t.Errorf("on %s, %d control(s) are smaller than 24 by 24 pixels, first: %s", tb.path(t), len(small), small[0])
	}
}

// checkPhone checks the page as a phone shows it: nothing spills off the
// screen, every control is big enough to tap, and axe finds nothing.
func (tb *tab) checkPhone(t *testing.T, page string) {
	t.Helper()
	tb.phoneFriendly(t)
	tb.checkA11y(t, page+", on a phone")
}
