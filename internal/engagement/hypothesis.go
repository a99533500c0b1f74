package engagement

import "time"

// Reason is a possible reason a family finds it hard to engage: something a
// practitioner holds as a hypothesis and tests, never a verdict.
type Reason string

// The reasons offered, from practice guidance on why families resist, with
// the service's own fit and the worker's own approach among them. Other is
// a reason the practitioner puts in their own words.
const (
	Privacy         Reason = "privacy"
	SomethingToHide Reason = "something-to-hide"
	NoProblem       Reason = "no-problem"
	Interference    Reason = "interference"
	Culture         Reason = "culture"
	Expectations    Reason = "expectations"
	PastExperience  Reason = "past-experience"
	StaffChanges    Reason = "staff-changes"
	Authority       Reason = "authority"
	Removal         Reason = "removal"
	Shame           Reason = "shame"
	Judged          Reason = "judged"
	NothingToLose   Reason = "nothing-to-lose"
	Regulation      Reason = "regulation"
	Commitments     Reason = "commitments"
	ServiceFit      Reason = "service-fit"
	MyApproach      Reason = "my-approach"
	OtherReason     Reason = "other"
)

// Reasons lists the reasons offered as choices, in the order forms show
// them. OtherReason is not among them: it comes from free text.
func Reasons() []Reason {
	return []Reason{Privacy, SomethingToHide, NoProblem, Interference, Culture, Expectations, PastExperience, StaffChanges,
		Authority, Removal, Shame, Judged, NothingToLose, Regulation, Commitments, ServiceFit, MyApproach}
}

// Valid reports whether r is a listed reason or OtherReason.
func (r Reason) Valid() bool {
	if r == OtherReason {
		return true
	}
	for _, q := range Reasons() {
		if r == q {
			return true
		}
	}
	return false
}

// Label is the reason in plain words, phrased as a possibility.
func (r Reason) Label() string {
	switch r {
	case Privacy:
		return "Not wanting their privacy invaded"
	case SomethingToHide:
		return "Having something to hide"
	case NoProblem:
		return "Not thinking they have a problem"
	case Interference:
		return "Resenting outside interference"
	case Culture:
		return "Seeing cultural differences between us"
	case Expectations:
		return "Not understanding what is expected"
	case PastExperience:
		return "A poor experience of practitioners before"
	case StaffChanges:
		return "Resenting changes of staff"
	case Authority:
		return "Disliking or fearing authority"
	case Removal:
		return "Fearing their children will be taken away"
	case Shame:
		return "Shame"
	case Judged:
		return "Fearing they will be judged as parents because of substance use, domestic abuse or mental health"
	case NothingToLose:
		return "Feeling they have nothing to lose, for example when the children have already been removed"
	case Regulation:
		return "Finding it hard to manage their feelings after their own hard experiences, which can look like giving up or withdrawing"
	case Commitments:
		return "Work or family commitments"
	case ServiceFit:
		return "The service itself is not fit for purpose: what we offer does not fit what they need"
	case MyApproach:
		return "My own approach: how I have come across, or what I have done"
	case OtherReason:
		return "Another reason"
	}
	return string(r)
}

// HypothesisStatus is where a practitioner has got to with a hypothesis.
type HypothesisStatus string

// The statuses a hypothesis moves through, in the order forms show them.
const (
	Held     HypothesisStatus = "held"
	Tested   HypothesisStatus = "tested"
	SetAside HypothesisStatus = "set-aside"
)

// HypothesisStatuses lists the statuses in order.
func HypothesisStatuses() []HypothesisStatus { return []HypothesisStatus{Held, Tested, SetAside} }

// Valid reports whether s is a known status.
func (s HypothesisStatus) Valid() bool { return s == Held || s == Tested || s == SetAside }

// Label is the status in plain words.
func (s HypothesisStatus) Label() string {
	switch s {
	case Held:
		return "Held: a working idea"
	case Tested:
		return "Tested: checked with the family or others"
	case SetAside:
		return "Set aside: I no longer think this"
	}
	return string(s)
}

// Short is the status in one or two words, for tables.
func (s HypothesisStatus) Short() string {
	switch s {
	case Held:
		return "Held"
	case Tested:
		return "Tested"
	case SetAside:
		return "Set aside"
	}
	return string(s)
}

// Hypothesis is one idea about why engagement is hard, formed in a record
// and then held, tested or set aside over time. Its history is kept.
type Hypothesis struct {
	ID       string
	FamilyID string
	RecordID string
	// RecordedOn is the date of the record it was formed in.
	RecordedOn time.Time
	Reason     Reason
	// Text is the practitioner's own words for OtherReason.
	Text      string
	Status    HypothesisStatus
	ChangedAt time.Time
	// History holds every status it has had, oldest first, the first being
	// when it was formed.
	History []Change
}

// Describe is the hypothesis in words: its reason's label, or the
// practitioner's own words.
func (h Hypothesis) Describe() string {
	if h.Reason == OtherReason {
		return h.Text
	}
	return h.Reason.Label()
}

// Change is one status an action or hypothesis was given, by whom and when.
type Change struct {
	Status string
	Note   string // why, if they said
	By     string // the person's name
	At     time.Time
}

// Label is the status given, in plain words.
func (c Change) Label() string {
	if s := ActionStatus(c.Status); s.Valid() {
		return s.Label()
	}
	if s := HypothesisStatus(c.Status); s.Valid() {
		return s.Short()
	}
	return c.Status
}
