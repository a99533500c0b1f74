package help

import (
	"strings"
	"testing"
)

func TestDefaults(t *testing.T) {
	d := Defaults()
	if len(d) != 2 || d[0].Reach != "999" || d[1].Reach != "111" {
		t.Fatalf("defaults = %+v; want 999 then 111", d)
	}
	for _, c := range d {
		if p := c.Problems(); len(p) != 0 {
			t.Errorf("default %q has problems: %v", c.Name, p)
		}
		if c.Href() != "tel:"+c.Reach {
			t.Errorf("default %q links to %q", c.Name, c.Href())
		}
	}
	if !strings.Contains(d[0].WhenToUse, "danger now") || !strings.Contains(d[1].WhenToUse, "not an emergency") {
		t.Errorf("defaults say when to use them wrongly: %+v", d)
	}
}

func TestProblemsAndLinks(t *testing.T) {
	cases := []struct {
		reach    string
		problem  bool
		href     string
		isPhone  bool
		comments string
	}{
		{"999", false, "tel:999", true, "short emergency number"},
		{"0808 800 2222", false, "tel:08088002222", true, "spaces dropped from the link"},
		{"+44 (0)20 7946 0000", false, "tel:+440207946000" + "0", true, "international with brackets"},
		{"020-7946-0000", false, "tel:02079460000", true, "hyphens"},
		{"https://www.example.org/help", false, "https://www.example.org/help", false, "web address"},
		{"www.example.org", false, "https://www.example.org", false, "web address without a scheme gets https"},
		{"http://example.org", false, "http://example.org", false, "plain http is still a link"},
		{"javascript:alert(1)", true, "", false, "scripts are never links"},
		{"ftp://example.org", true, "", false, "only web pages"},
		{"12", true, "", false, "too few digits"},
		{"call Sam", true, "", false, "neither"},
		{"example", true, "", false, "a host without a dot"},
		{"1+1", true, "", false, "+ only at the start"},
		{"https://user:pw@example.org", true, "", false, "no credentials in links"},
		{"", true, "", false, "empty"},
	}
	for _, c := range cases {
		ct := Contact{Name: "Helpline", Reach: c.reach, WhenToUse: "When you need to talk"}
		p := ct.Problems()
		if (p["reach"] != "") != c.problem {
			t.Errorf("%s (%q): problem %q, want problem=%v", c.comments, c.reach, p["reach"], c.problem)
		}
		if !c.problem && ct.Href() != c.href {
			t.Errorf("%s (%q): href %q, want %q", c.comments, c.reach, ct.Href(), c.href)
		}
		if ct.IsPhone() != c.isPhone {
			t.Errorf("%s (%q): IsPhone %v", c.comments, c.reach, ct.IsPhone())
		}
	}
}

func TestProblemsByField(t *testing.T) {
	p := Contact{}.Problems()
	for _, f := range []string{"name", "reach", "when"} {
		if p[f] == "" {
			t.Errorf("an empty contact has no problem with %s", f)
		}
	}
	long := strings.Repeat("a", 301)
	p = Contact{Name: long, Reach: "999", WhenToUse: long}.Problems()
	if p["name"] == "" || p["when"] == "" || p["reach"] != "" {
		t.Errorf("long fields: %v", p)
	}
	if p := (Contact{Name: "  Line  ", Reach: " 999 ", WhenToUse: " now "}).Problems(); len(p) != 0 {
		t.Errorf("spaces around the words are not a problem: %v", p)
	}
}
