package web_test

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/language"
)

// copyAllowed lists the only flagged phrases allowed in Steadfast's own
// template copy, by template and term. Keep it tiny: it is for copy that
// talks about a word rather than using it. Today nothing needs it, because
// the language page and the hints partial draw the words from the lexicon
// at run time; an entry that stops being needed fails the test, so the
// list cannot quietly grow stale.
var copyAllowed = map[string][]string{}

var (
	// templateAction is a template action or comment, {{ … }}. It becomes a
	// line break, which no phrase can cross, because the copy either side
	// may never appear together.
	templateAction = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	// hiddenElement is markup whose content is never read as copy.
	hiddenElement = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>|<!--.*?-->`)
	// visibleAttribute is an attribute whose value people see or hear.
	visibleAttribute = regexp.MustCompile(`(?i)\b(?:aria-label|title|alt|placeholder)="([^"]*)"`)
	// tag is any other HTML tag. It becomes a space, so a phrase split by
	// inline markup, such as "failed to <strong>engage</strong>", is still one.
	tag = regexp.MustCompile(`(?s)<[^>]*>`)
)

// visibleCopy returns what people read or hear of a template's own words:
// its text and visible attributes, without markup or template actions.
func visibleCopy(source string) string {
	text := templateAction.ReplaceAllString(source, "\n.\n")
	text = hiddenElement.ReplaceAllString(text, "\n.\n")
	var attrs []string
	for _, m := range visibleAttribute.FindAllStringSubmatch(text, -1) {
		attrs = append(attrs, m[1])
	}
	text = tag.ReplaceAllString(text, " ")
	return html.UnescapeString(text + "\n.\n" + strings.Join(attrs, "\n.\n"))
}

// TestTemplateCopyIsRespectful runs Steadfast's own language checker over
// the copy of every template, so that Steadfast writes as it asks others to.
func TestTemplateCopyIsRespectful(t *testing.T) {
	checker := language.NewChecker(language.Base(), nil, nil)
	used := map[string]bool{}
	files := 0
	err := filepath.WalkDir("templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		files++
		source, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(strings.TrimPrefix(path, "templates"+string(filepath.Separator)))
		for _, f := range checker.Check(visibleCopy(string(source))) {
			if slices.Contains(copyAllowed[name], f.TermID) {
				used[name+" "+f.TermID] = true
				continue
			}
			t.Errorf("%s says %q: %s Try: %s.", name, strings.Join(strings.Fields(f.Text), " "), f.Why, strings.Join(f.Suggestions, "; "))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("checked only %d templates", files)
	}
	for name, ids := range copyAllowed {
		for _, id := range ids {
			if !used[name+" "+id] {
				t.Errorf("copyAllowed lets %s use %q, but it no longer does: remove the entry", name, id)
			}
		}
	}
}

// TestVisibleCopy checks what the copy test reads: text and visible
// attributes, but not markup, scripts or template actions.
func TestVisibleCopy(t *testing.T) {
	src := `<p class="placement">Mum failed to <strong>engage</strong>.</p>` +
		`<a aria-label="kicked off">x</a><script>var chaotic = 1</script><!-- respite -->` +
		`{{if .Care}}care{{else}}plan{{end}} Jo&nbsp;absconded &lsquo;refused&rsquo;`
	got := language.NewChecker(language.Base(), nil, nil).Check(visibleCopy(src))
	var ids []string
	for _, f := range got {
		ids = append(ids, f.TermID)
	}
	if !slices.Equal(ids, []string{"failed-to-engage", "absconded", "kicked-off"}) {
		t.Errorf("found %q in the copy, want failed-to-engage, absconded and kicked-off", ids)
	}
}
