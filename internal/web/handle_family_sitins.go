package web

import (
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
)

// familySitIns shows a family's sit-ins, read only, to those the family
// policy lets read the family: its practitioner, their supervisor, and
// staff who opened it with a reason.
func (s *Server) familySitIns(w http.ResponseWriter, r *http.Request) error {
	fam, handled, err := s.familyToRead(w, r)
	if handled {
		return err
	}
	orgID, id := fam.OrgID, fam.ID
	list, err := s.db.SitIns(r.Context(), orgID, id, sitInsListed)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamily, id, "sit-ins read"); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "my_sitins", sitInsHeading+": "+fam.Name, sitInsData{Family: fam, SitIns: list})
}
