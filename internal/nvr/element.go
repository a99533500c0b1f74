package nvr

import "fmt"

// Element is one part of the NVR map: something a parent does.
type Element string

// The elements of the NVR map, in the order Steadfast shows them.
const (
	LookingAfterYourself   Element = "looking-after-yourself"
	DeEscalation           Element = "de-escalation"
	DelayedResponse        Element = "delayed-response"
	ParentalPresence       Element = "parental-presence"
	VigilantCare           Element = "vigilant-care"
	Baskets                Element = "baskets"
	ReconciliationGestures Element = "reconciliation-gestures"
	RebuildingRelationship Element = "rebuilding-the-relationship"
	Supporters             Element = "supporters"
	TelephoneRound         Element = "telephone-round"
	Announcement           Element = "announcement"
	SitIn                  Element = "sit-in"
	ActiveResistance       Element = "active-resistance"
	HelpingOthers          Element = "helping-others"
)

type elementInfo struct {
	label, what string
}

// elements is read-only: the map's elements with their plain labels and
// what the parent does, in the map's order.
var elements = []struct {
	e Element
	elementInfo
}{
	{LookingAfterYourself, elementInfo{"Looking after yourself", "Rest, help, and knowing your own triggers and history."}},
	{DeEscalation, elementInfo{"De-escalation", "Stepping out of arguments that build, and out of giving in for peace."}},
	{DelayedResponse, elementInfo{"Delayed response", "Acting at once only for safety; otherwise coming back to it later, calm."}},
	{ParentalPresence, elementInfo{"Parental presence", "Being there, inside and outside the home, and knowing where your child is."}},
	{VigilantCare, elementInfo{"Vigilant care", "Moving between open attention, focused attention and protective action as worries grow or ease."}},
	{Baskets, elementInfo{"Baskets", "Sorting behaviour into what you must resist, what you can negotiate, and what you let go for now."}},
	{ReconciliationGestures, elementInfo{"Reconciliation gestures", "Small acts of care, given freely: never a reward and never a bargain."}},
	{RebuildingRelationship, elementInfo{"Rebuilding the relationship", "Planning good time together."}},
	{Supporters, elementInfo{"Supporters and breaking secrecy", "Telling people you trust what is happening, and asking for their help."}},
	{TelephoneRound, elementInfo{"Telephone round", "Calling supporters and your child's contacts to find your child, or to show that many people care."}},
	{Announcement, elementInfo{"The announcement", "A calm, firm statement of what you will no longer accept, and that you are telling others."}},
	{SitIn, elementInfo{"Sit-in", "After a serious incident, sitting calmly in your child's room and waiting for their ideas."}},
	{ActiveResistance, elementInfo{"Active resistance", "Planning other calm, delayed actions, and reviewing them."}},
	{HelpingOthers, elementInfo{"Helping brothers, sisters and others", "Keeping the other children in the home safe."}},
}

// Elements lists every element of the NVR map, in the map's order.
func Elements() []Element {
	out := make([]Element, len(elements))
	for i, e := range elements {
		out[i] = e.e
	}
	return out
}

func (e Element) info() (elementInfo, bool) {
	for _, x := range elements {
		if x.e == e {
			return x.elementInfo, true
		}
	}
	return elementInfo{}, false
}

// Label names the element in plain words.
func (e Element) Label() string {
	if i, ok := e.info(); ok {
		return i.label
	}
	return string(e)
}

// What says in one plain sentence what a parent does in this element.
func (e Element) What() string {
	i, _ := e.info()
	return i.what
}

// Valid reports whether e is an element of the map.
func (e Element) Valid() bool {
	_, ok := e.info()
	return ok
}

// ParseElement turns stored or posted text into an Element.
func ParseElement(s string) (Element, error) {
	e := Element(s)
	if !e.Valid() {
		return "", fmt.Errorf("nvr: unknown element %q", s)
	}
	return e, nil
}
