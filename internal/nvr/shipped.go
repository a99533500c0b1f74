package nvr

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// shippedFS holds the templates Steadfast ships, one folder each: a
// template.md that names it, and one file per session, numbered so that
// their names sort in session order (01.md, 02.md, …). The files are
// read-only; ShippedTemplates parses them on each call, which takes
// microseconds.
//
//go:embed templates
var shippedFS embed.FS

// ShippedPrefix begins the ID of every shipped template. Stored templates
// have random IDs without a hyphen, so the two never meet.
const ShippedPrefix = "steadfast-"

// ShippedTemplates parses every template Steadfast ships, in the order of
// their folders' names.
func ShippedTemplates() ([]Template, error) {
	return parseShipped(shippedFS, "templates")
}

// ShippedTemplate returns the shipped template with the given ID, and false
// if there is none.
func ShippedTemplate(id string) (Template, bool, error) {
	all, err := ShippedTemplates()
	if err != nil {
		return Template{}, false, err
	}
	for _, t := range all {
		if t.ID == id {
			return t, true, nil
		}
	}
	return Template{}, false, nil
}

// parseShipped reads every template folder under root.
func parseShipped(fsys fs.FS, root string) ([]Template, error) {
	dirs, err := fs.ReadDir(fsys, root)
	if err != nil {
		return nil, fmt.Errorf("nvr: reading shipped templates: %w", err)
	}
	var out []Template
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t, err := parseTemplateDir(fsys, path.Join(root, d.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// parseTemplateDir reads one template's folder.
func parseTemplateDir(fsys fs.FS, dir string) (Template, error) {
	head, err := fs.ReadFile(fsys, path.Join(dir, "template.md"))
	if err != nil {
		return Template{}, fmt.Errorf("nvr: reading %s: %w", dir, err)
	}
	fm, body, err := splitFrontMatter(string(head))
	if err != nil {
		return Template{}, fmt.Errorf("nvr: %s/template.md: %w", dir, err)
	}
	t := Template{ID: fm.scalars["id"], Name: fm.scalars["name"], Kind: Kind(fm.scalars["kind"]), Description: strings.TrimSpace(body), Version: 1}
	if !strings.HasPrefix(t.ID, ShippedPrefix) {
		return Template{}, fmt.Errorf("nvr: %s/template.md: id %q must begin %q", dir, t.ID, ShippedPrefix)
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return Template{}, fmt.Errorf("nvr: reading %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") && e.Name() != "template.md" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return Template{}, fmt.Errorf("nvr: reading %s/%s: %w", dir, name, err)
		}
		s, err := parseSession(string(data))
		if err != nil {
			return Template{}, fmt.Errorf("nvr: %s/%s: %w", dir, name, err)
		}
		t.Sessions = append(t.Sessions, s)
	}
	if pr := t.Problems(); len(pr) > 0 {
		return Template{}, fmt.Errorf("nvr: %s is not a complete template: %v", dir, pr)
	}
	return t, nil
}

// frontMatter is the header of a shipped file: "key: value" lines, and
// lists written as "key:" followed by "- item" lines.
type frontMatter struct {
	scalars map[string]string
	lists   map[string][]string
}

// splitFrontMatter parses a file that opens with a header between two
// "---" lines, and returns the header and the text after it.
func splitFrontMatter(text string) (frontMatter, string, error) {
	fm := frontMatter{scalars: map[string]string{}, lists: map[string][]string{}}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return fm, "", fmt.Errorf("the file must open with a line of three hyphens")
	}
	header, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return fm, "", fmt.Errorf("the header has no closing line of three hyphens")
	}
	list := ""
	for n, line := range strings.Split(header, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "- "):
			if list == "" {
				return fm, "", fmt.Errorf("header line %d: a list item outside a list", n+1)
			}
			fm.lists[list] = append(fm.lists[list], strings.TrimSpace(line[2:]))
		default:
			key, value, ok := strings.Cut(line, ":")
			if !ok {
				return fm, "", fmt.Errorf("header line %d: want \"key: value\"", n+1)
			}
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			if _, dup := fm.scalars[key]; dup {
				return fm, "", fmt.Errorf("header line %d: %q given twice", n+1, key)
			}
			if _, dup := fm.lists[key]; dup {
				return fm, "", fmt.Errorf("header line %d: %q given twice", n+1, key)
			}
			if value == "" {
				list = key
				fm.lists[key] = nil
				continue
			}
			list = ""
			fm.scalars[key] = value
		}
	}
	return fm, body, nil
}

// parseSession reads one session file: a header with its title, elements
// (comma-separated), aims (a list) and plan (a list of "minutes | what"),
// then the parent handout.
func parseSession(text string) (Session, error) {
	fm, body, err := splitFrontMatter(text)
	if err != nil {
		return Session{}, err
	}
	s := Session{Title: fm.scalars["title"], Aims: fm.lists["aims"], Handout: strings.TrimSpace(body)}
	if s.Title == "" {
		return Session{}, fmt.Errorf("no title")
	}
	for _, part := range strings.Split(fm.scalars["elements"], ",") {
		e, err := ParseElement(strings.TrimSpace(part))
		if err != nil {
			return Session{}, err
		}
		s.Elements = append(s.Elements, e)
	}
	for _, item := range fm.lists["plan"] {
		mins, what, ok := strings.Cut(item, "|")
		if !ok {
			return Session{}, fmt.Errorf("plan item %q: want \"minutes | what happens\"", item)
		}
		m, err := strconv.Atoi(strings.TrimSpace(mins))
		if err != nil {
			return Session{}, fmt.Errorf("plan item %q: minutes: %w", item, err)
		}
		s.Plan = append(s.Plan, Activity{Minutes: m, What: strings.TrimSpace(what)})
	}
	return s, nil
}
