package web

import (
	"html/template"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/help"
)

// helpLink is a help contact ready for the "help-contacts" partial.
type helpLink struct {
	Contact help.Contact
	// Href calls the number or opens the page. help.Contact.Href makes only
	// tel: links of digits and http(s) addresses, so it is safe as a URL.
	Href  template.URL
	Phone bool
}

// helpLinks prepares contacts for the "help-contacts" partial, leaving out
// any that are neither a phone number nor a web address.
func helpLinks(contacts []help.Contact) []helpLink {
	out := make([]helpLink, 0, len(contacts))
	for _, c := range contacts {
		href := c.Href()
		if href == "" {
			continue
		}
		out = append(out, helpLink{Contact: c, Href: template.URL(href), Phone: c.IsPhone()})
	}
	return out
}

// helpContactsFor reads the organisation's help contacts for the signed-in
// person, as the policy allows everyone in the organisation.
func (s *Server) helpContactsFor(r *http.Request) ([]helpLink, error) {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindHelpContacts, ID: actor.OrgID, OrgID: actor.OrgID}); err != nil {
		return nil, err
	}
	contacts, err := s.db.HelpContacts(r.Context(), actor.OrgID)
	if err != nil {
		return nil, err
	}
	return helpLinks(contacts), nil
}

// myHelpPage shows a parent where to get help now. It is never behind the
// statement of who sees what they write: help comes first.
func (s *Server) myHelpPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := parentOnly(r); err != nil {
		return err
	}
	links, err := s.helpContactsFor(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "my_help", "Where to get help now", links)
}
