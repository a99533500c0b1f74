package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
)

// timelinePerPage bounds one page of a family's timeline.
const timelinePerPage = 25

// timelineData is what the timeline page shows.
type timelineData struct {
	FamilyID   string
	FamilyName string
	Form       *form // the filters as typed
	Items      []store.TimelineItem
	Pager      pager
}

func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	actor := actorFrom(r.Context())
	f := newForm()
	q := r.URL.Query()
	for _, k := range []string{"kind", "from", "to"} {
		f.Values[k] = strings.TrimSpace(q.Get(k))
	}
	kind := f.Values["kind"]
	if kind != "" && kind != "note" && kind != "summary" && kind != "group" && kind != "journal" && kind != "sit-in" && kind != "direction" {
		f.Add("kind", "Choose notes, changes to the summary, group sessions, the parents' journal, sit-ins, case direction from supervision, or everything")
		kind = ""
	}
	var from, to time.Time
	for _, k := range []string{"from", "to"} {
		if v := f.Values[k]; v != "" {
			d, err := time.ParseInLocation("2006-01-02", v, ukTime())
			if err != nil {
				f.Add(k, "Enter a date like 2026-11-03")
				continue
			}
			if k == "from" {
				from = d
			} else {
				to = d.AddDate(0, 0, 1)
			}
		}
	}
	fam, err := s.db.FamilyInOrg(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	d := timelineData{FamilyID: id, FamilyName: fam.Name, Form: f}
	status := http.StatusOK
	if f.Valid() {
		pageNo := max(1, atoiOr(q.Get("page"), 1))
		page, err := s.db.Timeline(r.Context(), actor.OrgID, id, kind, from, to, timelinePerPage, (pageNo-1)*timelinePerPage)
		if err != nil {
			return err
		}
		d.Items = page.Items
		d.Pager = newPager(r.URL.Path+"?"+withoutPage(r.URL.Query()), pageNo, timelinePerPage, page.Total)
	} else {
		status = http.StatusUnprocessableEntity
	}
	return s.render(w, r, status, "timeline", "Timeline", d)
}
