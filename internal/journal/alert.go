package journal

// Reason is why a hard moment raises a safety alert.
type Reason string

// The reasons for an alert.
const (
	SomeoneHurt      Reason = "someone-hurt"
	ParentHit        Reason = "parent-pushed-or-hit"
	SelfHarmRecorded Reason = "self-harm"
	SevereViolence   Reason = "severe-violence"
)

// SevereIntensity is the intensity from which a hard moment with physical
// violence raises an alert.
const SevereIntensity = 9

// Label says in plain words, for the practitioner, why the alert was raised.
func (r Reason) Label() string {
	switch r {
	case SomeoneHurt:
		return "Someone was hurt"
	case ParentHit:
		return "The parent recorded pushing or hitting"
	case SelfHarmRecorded:
		return "Self-harm was recorded"
	case SevereViolence:
		return "Physical violence at intensity 9 or more"
	}
	return string(r)
}

// AlertReasons is the safety rule: the reasons a journal entry raises an
// alert for the family's practitioner, or none. Only hard moments raise
// alerts: one in which someone was hurt, the parent recorded pushing or
// hitting, self-harm was recorded, or physical violence reached an
// intensity of 9 or more.
func AlertReasons(e Entry) []Reason {
	if e.Kind != HardMoment {
		return nil
	}
	var out []Reason
	if e.Hurt {
		out = append(out, SomeoneHurt)
	}
	if e.DidRespond(PushedOrHit) {
		out = append(out, ParentHit)
	}
	if e.Has(SelfHarm) {
		out = append(out, SelfHarmRecorded)
	}
	if e.Has(PhysicalViolence) && e.Intensity != nil && *e.Intensity >= SevereIntensity {
		out = append(out, SevereViolence)
	}
	return out
}
