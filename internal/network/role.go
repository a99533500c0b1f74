package network

// Role is something a supporter can do to help: what the parent has asked
// of them, or hopes to.
type Role string

// The roles a supporter can take, in the order forms offer them.
const (
	TelephoneRound Role = "telephone-round"
	SitIn          Role = "sit-in"
	MessageToChild Role = "message-to-child"
	Supervision    Role = "supervision"
)

// Roles lists every role, in the order forms offer them.
func Roles() []Role { return []Role{TelephoneRound, SitIn, MessageToChild, Supervision} }

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case TelephoneRound, SitIn, MessageToChild, Supervision:
		return true
	}
	return false
}

// Label names the role in plain words for the parent.
func (r Role) Label() string {
	switch r {
	case TelephoneRound:
		return "Take part in a telephone round"
	case SitIn:
		return "Be there at a sit-in"
	case MessageToChild:
		return "Send my child a message"
	case Supervision:
		return "Help keep an eye on my child"
	}
	return string(r)
}

// Short names the role in a few words, for lists.
func (r Role) Short() string {
	switch r {
	case TelephoneRound:
		return "Telephone round"
	case SitIn:
		return "Sit-in"
	case MessageToChild:
		return "Message to my child"
	case Supervision:
		return "Helps keep an eye"
	}
	return string(r)
}

// Agreement is where the parent is with asking a supporter for help.
type Agreement string

// The answers a supporter can have given, in the order forms offer them.
const (
	Agreed   Agreement = "agreed"
	NotAsked Agreement = "not-asked"
	SaidNo   Agreement = "said-no"
)

// Agreements lists every answer, in the order forms offer them.
func Agreements() []Agreement { return []Agreement{Agreed, NotAsked, SaidNo} }

// Valid reports whether a is a known answer.
func (a Agreement) Valid() bool { return a == Agreed || a == NotAsked || a == SaidNo }

// Label says the answer in plain words.
func (a Agreement) Label() string {
	switch a {
	case Agreed:
		return "They have agreed"
	case NotAsked:
		return "Not asked yet"
	case SaidNo:
		return "They said no for now"
	}
	return string(a)
}

// Tag is the answer in one or two words, for a tag beside a name.
func (a Agreement) Tag() string {
	switch a {
	case Agreed:
		return "Agreed"
	case NotAsked:
		return "Not asked yet"
	case SaidNo:
		return "Said no for now"
	}
	return string(a)
}

// Colour is the GOV.UK tag colour for the answer. A no is grey, never
// red: it is nobody's fault.
func (a Agreement) Colour() string {
	switch a {
	case Agreed:
		return "green"
	case NotAsked:
		return "blue"
	}
	return "grey"
}
