package family

import (
	"testing"
	"time"
)

func TestContextProblems(t *testing.T) {
	today := day("2026-11-22")
	if p := (Context{Kind: ChildProtection, StartedOn: "2026-09-03"}).Problems(today); len(p) != 0 {
		t.Errorf("a good context has problems: %v", p)
	}
	cases := map[string]Context{
		"kind":    {Kind: "plan", StartedOn: "2026-09-03"},
		"detail":  {Kind: OtherContext, StartedOn: "2026-09-03"},
		"started": {Kind: EarlyHelp, StartedOn: "2027-01-01"},
		"ended":   {Kind: EarlyHelp, StartedOn: "2026-09-03", EndedOn: "2026-09-01"},
	}
	for field, c := range cases {
		if _, bad := c.Problems(today)[field]; !bad {
			t.Errorf("no problem with %s for %+v", field, c)
		}
	}
	if !(Context{}).Current() || (Context{EndedOn: "2026-01-01"}).Current() {
		t.Error("Current is wrong")
	}
}

func TestConsentWithdrawalTakesEffect(t *testing.T) {
	now := time.Now()
	consents := []Consent{
		{Kind: ShareWithGroup, How: Spoken, GivenBy: "Mum"},
		{Kind: UseInEvaluation, How: Written, GivenBy: "Mum", WithdrawnAt: &now},
	}
	if !Holds(consents, ShareWithGroup) {
		t.Error("an active consent does not hold")
	}
	if Holds(consents, UseInEvaluation) {
		t.Error("a withdrawn consent still holds")
	}
	if Holds(consents, ShareWithSupporters) {
		t.Error("a consent never given holds")
	}
	if p := (Consent{Kind: "anything", How: "nodded"}).Problems(); len(p) != 3 {
		t.Errorf("problems = %v, want kind, how and who", p)
	}
}
