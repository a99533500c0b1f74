package family

import (
	"strings"
	"testing"
)

func TestInviteProblem(t *testing.T) {
	cases := []struct {
		kind Kind
		ok   bool
		says string
	}{
		{Carer, true, ""},
		{Child, false, "recorded as a child"},
		{Household, false, "parent or carer first"},
		{Outside, false, "parent or carer first"},
	}
	for _, c := range cases {
		got := InviteProblem(Member{Kind: c.kind, Name: "Sam Doe"})
		if (got == "") != c.ok || !strings.Contains(got, c.says) {
			t.Errorf("%s: %q; want ok=%v mentioning %q", c.kind, got, c.ok, c.says)
		}
		if !c.ok && !strings.Contains(got, "Sam Doe") {
			t.Errorf("%s: %q does not name the person", c.kind, got)
		}
	}
}

func TestMustConfirmTransparency(t *testing.T) {
	if !MustConfirmTransparency(0) {
		t.Error("a parent who never confirmed goes on without reading the statement")
	}
	if MustConfirmTransparency(TransparencyVersion) || MustConfirmTransparency(TransparencyVersion+1) {
		t.Error("a parent who confirmed the current statement is asked again")
	}
	if TransparencyVersion > 1 && !MustConfirmTransparency(TransparencyVersion-1) {
		t.Error("a parent who confirmed an older statement is not asked again")
	}
}
