package demo

import (
	"strings"
	"testing"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/language"
)

// sampleVoices fill the demo's texts for a girl and a boy, with a mum who
// needs an interpreter and a dad who does not.
var sampleVoices = []voice{
	{child: "Ava", carer: "Ioana", call: "Mama", school: "Riverside Primary", interpreterLanguage: "Romanian"},
	{child: "Kacper", childMan: true, carer: "Marek", carerMan: true, call: "Dad"},
}

// filled checks that every placeholder in text is filled and returns the
// filled text.
func filled(t *testing.T, v voice, text string) string {
	t.Helper()
	out := v.replacer().Replace(text)
	if strings.ContainsAny(out, "{}") {
		t.Errorf("a placeholder is left in %q", out)
	}
	return out
}

func TestNoteTextsFlaggedOnlyOnPurpose(t *testing.T) {
	checker := language.NewChecker(language.Base(), nil, nil)
	for _, v := range sampleVoices {
		for _, n := range noteTexts {
			body := filled(t, v, n.body)
			if found := checker.Check(body); (len(found) > 0) != n.flagged {
				t.Errorf("flagged %v, but the checker found %v in %q", n.flagged, found, body)
			}
			for _, s := range []string{filled(t, v, n.present), filled(t, v, n.said)} {
				if found := checker.Check(s); len(found) > 0 {
					t.Errorf("the checker found %v in %q", found, s)
				}
			}
		}
	}
}

func TestNoteTextsFitTheirKind(t *testing.T) {
	for _, n := range noteTexts {
		if n.kind == family.Phone && n.seen != family.NotSeen {
			t.Errorf("a phone call saw the child: %q", n.body)
		}
		if n.seen == family.NotSeen && n.said != "" {
			t.Errorf("the child's words %q in a note that did not see the child", n.said)
		}
		if n.flagged && n.topic != topicAny {
			t.Errorf("flagged note %q fits only %s; flagged notes must fit any period", n.body, n.topic)
		}
	}
	ch := newChooser()
	for _, topic := range []string{topicAny, topicProtection, topicLookedAfter, topicYouthJustice} {
		for _, older := range []bool{false, true} {
			for _, n := range []need{anyNote, seenVisit, notSeen} {
				k := chooserKey{topic: topic, need: n, older: older}
				for i, t2 := range noteTexts {
					if !t2.flagged && t2.fits(topic, n, older) {
						ch.fitting[k] = append(ch.fitting[k], i)
					}
				}
				if len(ch.fitting[k]) < 2 {
					t.Errorf("%d notes fit %+v; want a choice", len(ch.fitting[k]), k)
				}
			}
		}
	}
}

func TestOtherDemoTextIsRespectful(t *testing.T) {
	checker := language.NewChecker(language.Base(), nil, nil)
	var texts []string
	texts = append(texts, worriesFor(true)...)
	texts = append(texts, goingWell...)
	texts = append(texts, nextSteps...)
	texts = append(texts, mattersToThem...)
	for _, c := range cultures {
		texts = append(texts, c.matters...)
	}
	for _, s := range situations {
		for _, c := range s.contexts {
			texts = append(texts, c.detail)
		}
		for _, p := range s.people {
			texts = append(texts, p.relationship, p.access)
		}
	}
	for _, c := range countyContexts {
		texts = append(texts, c.details...)
	}
	for _, v := range sampleVoices {
		for _, text := range texts {
			if s := filled(t, v, text); len(checker.Check(s)) > 0 {
				t.Errorf("the checker found %v in %q", checker.Check(s), s)
			}
		}
	}
}

func TestSituationsAreConsistent(t *testing.T) {
	parents := 0
	for _, s := range staffing {
		if s.role == access.Parent {
			parents = s.count
		}
	}
	if len(situations) < 12 || len(situations) < parents+2 {
		t.Fatalf("%d situations for %d parents; want at least 12, and two families without an account waiting for a worker", len(situations), parents)
	}
	for i, s := range situations {
		if s.culture == familyCulture || len(s.people) == 0 || s.people[0].kind != family.Carer || len(s.contexts) == 0 {
			t.Errorf("situation %d needs a culture, a main carer first, and a context", i)
			continue
		}
		for j, c := range s.contexts {
			if c.carer >= len(s.people) || j > 0 && c.from >= s.contexts[j-1].from-30 {
				t.Errorf("situation %d: context %d is with person %d, from %d days ago; want someone in the family, and steps in order", i, j, c.carer, c.from)
			}
		}
		for _, c := range s.consents {
			if c.by >= len(s.people) {
				t.Errorf("situation %d: a consent by person %d", i, c.by)
			}
		}
		waiting := i >= len(situations)-2
		if waiting != (len(s.consents) == 0) || waiting && s.contexts[0].kind != family.EarlyHelp {
			t.Errorf("situation %d: waiting for a worker %v, with %d consents, in %s", i, waiting, len(s.consents), s.contexts[0].kind)
		}
	}
}
