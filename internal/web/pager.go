package web

import (
	"fmt"
	"net/url"
	"strings"
)

// pager describes one page of a long list, for the GOV.UK pagination component.
type pager struct {
	Page, PerPage, Total int
	base                 string
}

func newPager(base string, page, perPage, total int) pager {
	return pager{Page: page, PerPage: perPage, Total: total, base: base}
}

// Pages is the number of pages.
func (p pager) Pages() int {
	if p.Total == 0 {
		return 1
	}
	return (p.Total + p.PerPage - 1) / p.PerPage
}

// First and Last are the 1-based positions of the items on this page.
func (p pager) First() int { return min(p.Total, (p.Page-1)*p.PerPage+1) }

// Last is the position of the last item on this page.
func (p pager) Last() int { return min(p.Total, p.Page*p.PerPage) }

// HasPrev reports whether there is an earlier page.
func (p pager) HasPrev() bool { return p.Page > 1 }

// HasNext reports whether there is a later page.
func (p pager) HasNext() bool { return p.Page < p.Pages() }

// PrevHref links to the previous page.
func (p pager) PrevHref() string { return p.href(p.Page - 1) }

// NextHref links to the next page.
func (p pager) NextHref() string { return p.href(p.Page + 1) }

func (p pager) href(n int) string {
	sep := "?"
	if strings.Contains(p.base, "?") {
		sep = "" // the base already ends ready for another parameter
	}
	return p.base + sep + url.Values{"page": {fmt.Sprint(n)}}.Encode()
}
