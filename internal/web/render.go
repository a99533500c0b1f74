package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/language"
)

//go:embed templates
var templateFiles embed.FS

// templates holds one parsed template set per page, each built on the layout.
type templates struct {
	pages map[string]*template.Template
}

func loadTemplates(zone *time.Location, staticVersion string) (*templates, error) {
	funcs := template.FuncMap{
		"field":       field,
		"withRows":    withRows,
		"columns":     summaryColumns,
		"when":        whenIn(zone),
		"asset":       assetPath(staticVersion),
		"actionLabel": actionLabel,
		"age":         ageOn,
		"date":        dateLabel,
		"day":         func(t time.Time) string { return t.Format("Mon 2 January 2006") },
		"dict":        dict,
		"noteKind":    func(k string) string { return family.NoteKind(k).Label() },
		"excerpt":     excerpt,
		"parts":       dateParts,
		"add":         func(a, b int) int { return a + b },
		"sub":         func(a, b int) int { return a - b },
		"lower":       strings.ToLower,
		"picked":      picked,
		"journalKind": func(k string) string { return strings.ToLower(journal.Kind(k).Label()) },
		// languageHints builds the data for the "language-hints" partial.
		"languageHints": languageHints,
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range names {
		page := strings.TrimSuffix(path.Base(name), ".html")
		if page == "layout" {
			continue
		}
		set, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := set.ParseFS(templateFiles, name); err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		t.pages[page] = set
	}
	return t, nil
}

// Pages lists the page templates, for the test that renders every one.
func (t *templates) names() []string {
	out := make([]string, 0, len(t.pages))
	for name := range t.pages {
		out = append(out, name)
	}
	return out
}

// whenIn returns a formatter of times for people in zone:
// "3 November 2026 at 2:05pm".
func whenIn(zone *time.Location) func(time.Time) string {
	return func(t time.Time) string { return t.In(zone).Format("2 January 2006 at 3:04pm") }
}

// ageOn describes the age of someone born on dob (YYYY-MM-DD) on today, or
// says the date of birth is not known.
func ageOn(dob string, today time.Time) string {
	d, err := family.ParseDate(dob)
	if err != nil {
		return "age not known"
	}
	return family.Age(d, today)
}

// dateLabel shows a stored YYYY-MM-DD date as people write it: 3 March 2015.
func dateLabel(s string) string {
	d, err := family.ParseDate(s)
	if err != nil {
		return s
	}
	return d.Format("2 January 2006")
}

// datePart is one box of a GOV.UK date input.
type datePart struct {
	Name, Label, Width string
	Numeric            bool
}

// dateParts lists a date input's boxes, with a time box when withTime is set.
func dateParts(withTime bool) []datePart {
	parts := []datePart{
		{"day", "Day", "govuk-input--width-2", true},
		{"month", "Month", "govuk-input--width-2", true},
		{"year", "Year", "govuk-input--width-4", true},
	}
	if withTime {
		parts = append(parts, datePart{"time", "Time", "govuk-input--width-4", false})
	}
	return parts
}

// excerpt shortens long text for lists, at a word boundary.
func excerpt(s string) string {
	const limit = 300
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)[:limit]
	if i := strings.LastIndexAny(string(r), " \n"); i > limit/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// dict builds a map from alternating keys and values, so a template can pass
// several values to a partial.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// view is what every page template receives.
type view struct {
	Title string // the page's own title; the layout adds the service name
	Nonce string
	Demo  bool
	Actor *access.Actor
	Nav   []navItem
	Flash string // a confirmation of what the person just did
	Data  any
}

// navItem is one link in the service navigation.
type navItem struct {
	Text    string
	Href    string
	Current bool
}

// navigationFor returns the service navigation for a signed-in role. Someone
// who must set up a second factor first gets none: they can go nowhere else.
func navigationFor(actor *access.Actor, mustEnrol bool, currentPath string) []navItem {
	if actor == nil || mustEnrol {
		return nil
	}
	var items []navItem
	switch actor.Role {
	case access.Admin:
		items = []navItem{{Text: "Organisation", Href: "/"}, {Text: "People", Href: "/admin/users"}, {Text: "Teams", Href: "/admin/teams"},
			{Text: "Language", Href: "/admin/language"}, {Text: "Help contacts", Href: "/admin/help-contacts"}, {Text: "Audit", Href: "/admin/audit"}, {Text: "Find a family", Href: "/families"},
			{Text: "Waiting", Href: "/allocations"}, {Text: "Programmes", Href: "/programmes"}, {Text: "Supervision", Href: "/supervision"}}
	case access.Supervisor:
		items = []navItem{{Text: "Team", Href: "/"}, {Text: "Families", Href: "/families"}, {Text: "Where work is stuck", Href: "/team"},
			{Text: "Waiting", Href: "/allocations"}, {Text: "Audit", Href: "/audit"}, {Text: "Groups", Href: "/groups"}, {Text: "Programmes", Href: "/programmes"}, {Text: "Supervision", Href: "/supervision"}}
	case access.Practitioner:
		items = []navItem{{Text: "Caseload", Href: "/"}, {Text: "Groups", Href: "/groups"}, {Text: "Programmes", Href: "/programmes"}, {Text: "Supervision", Href: "/supervision"}} // the caseload page has the search too
	case access.CoFacilitator:
		items = []navItem{{Text: "Groups", Href: "/"}}
	case access.Parent:
		// What they write and who sees it stays one tap away on every page.
		items = []navItem{{Text: "My space", Href: "/my"}, {Text: "How things are changing", Href: "/my/progress"},
			{Text: "Who sees what I write", Href: transparencyPath}, {Text: "Get help now", Href: "/my/help"}}
	}
	if actor.Role == access.Admin || actor.Role == access.Supervisor || actor.Role == access.Practitioner {
		items = append(items, navItem{Text: "Wellbeing", Href: "/wellbeing"})
	}
	items = append(items, navItem{Text: "Account", Href: "/account"})
	// The current item is the one whose address is the page's, or the
	// longest that the page's address lies under.
	best := -1
	for i, it := range items {
		if it.Href == currentPath || it.Href != "/" && strings.HasPrefix(currentPath, it.Href+"/") {
			if best < 0 || len(it.Href) > len(items[best].Href) {
				best = i
			}
		}
	}
	if best >= 0 {
		items[best].Current = true
	}
	return items
}

// render writes page with status. It renders into a buffer first, so a
// template failure becomes a clean error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page, title string, data any) error {
	set, ok := s.pages.pages[page]
	if !ok {
		return fmt.Errorf("render: no page template %q", page)
	}
	actor := actorFrom(r.Context())
	if status == http.StatusUnprocessableEntity || status == http.StatusUnauthorized || status == http.StatusTooManyRequests {
		// Screen reader users hear the title first, so it says there is a problem.
		title = "Error: " + title
	}
	v := view{
		Title: title,
		Nonce: nonceFrom(r.Context()),
		Demo:  s.cfg.Demo,
		Actor: actor,
		Nav:   navigationFor(actor, mustEnrolFrom(r.Context()), r.URL.Path),
		Flash: s.takeFlash(r),
		Data:  data,
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "layout.html", v); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// form carries what a user typed and what was wrong with it, so that a form
// shown again keeps every word.
type form struct {
	Values map[string]string
	Errors []fieldError
	// Findings holds the respectful-language checker's findings for each
	// field whose wording is checked, by field name. A field is checked when
	// its name is a key, even with no findings; Server.checkFields fills it.
	Findings map[string][]language.Finding
}

// fieldError is one problem with one field, shown in the error summary and
// beside the field.
type fieldError struct {
	Field   string
	Message string
}

func newForm() *form { return &form{Values: map[string]string{}} }

// Add records a problem with a field.
func (f *form) Add(field, message string) {
	if message != "" {
		f.Errors = append(f.Errors, fieldError{Field: field, Message: message})
	}
}

// Error returns the first problem with field, or "".
func (f *form) Error(field string) string {
	for _, e := range f.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Value returns what the user typed in field.
func (f *form) Value(field string) string { return f.Values[field] }

// Valid reports whether no problems were found.
func (f *form) Valid() bool { return len(f.Errors) == 0 }
