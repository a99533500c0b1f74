package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/network"
	"github.com/steadfast-care/steadfast/internal/store"
)

// The support network: a parent keeps their supporters, their contacts
// with them and their telephone rounds at /my/supporters; the family's
// practitioner and their supervisor read the same at
// /families/{id}/supporters. The rules are in internal/network.

// Bounds on what the network's pages list.
const (
	networkContacts = 20  // the latest contacts on the network's page
	supporterHist   = 100 // one supporter's contacts
	networkRounds   = 50  // telephone rounds
)

// networkData is what the network's page shows, to the parent and, read
// only, to the family's workers.
type networkData struct {
	// Own is true for the parent's own page, which offers changes.
	Own        bool
	Family     store.Family // the staff's page only
	Supporters []network.Supporter
	Contacts   []contactRow
	Rounds     []network.Round
}

// contactRow is a contact with the supporter's name, for lists.
type contactRow struct {
	network.Contact
	Supporter string
}

// readNetwork reads a family's supporters, latest contacts and telephone
// rounds in one read snapshot.
func (s *Server) readNetwork(r *http.Request, familyID string) (networkData, error) {
	orgID := actorFrom(r.Context()).OrgID
	var d networkData
	err := s.db.ReadSnapshot(r.Context(), func(snap *store.DB) error {
		var err error
		if d.Supporters, err = snap.Supporters(r.Context(), orgID, familyID); err != nil {
			return err
		}
		contacts, err := snap.Contacts(r.Context(), orgID, familyID, "", networkContacts)
		if err != nil {
			return err
		}
		d.Contacts = withNames(contacts, d.Supporters)
		d.Rounds, err = snap.Rounds(r.Context(), orgID, familyID, networkRounds)
		return err
	})
	return d, err
}

// withNames pairs each contact with its supporter's name.
func withNames(contacts []network.Contact, supporters []network.Supporter) []contactRow {
	names := map[string]string{}
	for _, sp := range supporters {
		names[sp.ID] = sp.Name
	}
	out := make([]contactRow, len(contacts))
	for i, c := range contacts {
		out[i] = contactRow{Contact: c, Supporter: names[c.SupporterID]}
	}
	return out
}

// networkPage shows a parent their own support network.
func (s *Server) networkPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	d, err := s.readNetwork(r, familyID)
	if err != nil {
		return err
	}
	d.Own = true
	return s.render(w, r, http.StatusOK, "network", "Your supporters", d)
}

// familyNetworkPage shows a family's support network, read only, to those
// the family policy lets read the family: its practitioner, their
// supervisor, and staff who opened it with a reason.
func (s *Server) familyNetworkPage(w http.ResponseWriter, r *http.Request) error {
	f, handled, err := s.familyToRead(w, r)
	if handled {
		return err
	}
	id := f.ID
	d, err := s.readNetwork(r, id)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamily, id, "support network read"); err != nil {
		return err
	}
	d.Family = f
	return s.render(w, r, http.StatusOK, "network", "Support network of "+f.Name, d)
}

// ownSupporter reads the supporter named in the path, of the parent's
// family; one of any other family is not found.
func (s *Server) ownSupporter(r *http.Request, familyID string) (network.Supporter, error) {
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return network.Supporter{}, errNotFound
	}
	return s.db.Supporter(r.Context(), actorFrom(r.Context()).OrgID, familyID, id)
}
