package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// supervisionRecordsData is what the supervision record shows.
type supervisionRecordsData struct {
	Records  []supervision.Record
	Settings supervision.Settings
	Now      time.Time
	Overdue  int
	IsAdmin  bool
}

// supervisionRecordsPage shows how often each practitioner is supervised,
// against the organisation's expected frequency: dates and counts, no
// content. Supervisors see the practitioners they supervise; administrators
// see every practitioner.
func (s *Server) supervisionRecordsPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return err
	}
	if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindSupervisionRecord, OrgID: actor.OrgID}); err != nil {
		return err
	}
	settings, err := s.db.SupervisionSettings(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	records, err := s.db.SupervisionRecords(r.Context(), *actor, settings.EveryWeeks)
	if err != nil {
		return err
	}
	d := supervisionRecordsData{Records: records, Settings: settings, Now: s.db.Now().In(ukTime()), IsAdmin: actor.Role == access.Admin}
	for _, rec := range records {
		if rec.Overdue(d.Now) {
			d.Overdue++
		}
	}
	if err := s.recordList(r, "supervision-record", len(records)); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "supervision_records", "Supervision record", d)
}

// supervisionSettingsPage shows the organisation's supervision settings.
func (s *Server) supervisionSettingsPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return err
	}
	if _, err := s.authorize(r, access.Update, access.Resource{Kind: access.KindSupervisionRecord, OrgID: actor.OrgID}); err != nil {
		return err
	}
	settings, err := s.db.SupervisionSettings(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	f := newForm()
	f.Values[supervision.FieldEveryWeeks] = strconv.Itoa(settings.EveryWeeks)
	f.Values[supervision.FieldNotSeenWeeks] = strconv.Itoa(settings.NotSeenWeeks)
	return s.render(w, r, http.StatusOK, "supervision_settings", "Supervision settings", f)
}

// saveSupervisionSettings saves how often practitioners are expected to be
// supervised and when an unseen family comes onto the agenda.
func (s *Server) saveSupervisionSettings(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if err := s.supervisionStaff(r); err != nil {
		return err
	}
	if _, err := s.authorize(r, access.Update, access.Resource{Kind: access.KindSupervisionRecord, OrgID: actor.OrgID}); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	var set supervision.Settings
	for k, into := range map[string]*int{supervision.FieldEveryWeeks: &set.EveryWeeks, supervision.FieldNotSeenWeeks: &set.NotSeenWeeks} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
		*into, _ = strconv.Atoi(f.Values[k])
	}
	problems := set.Problems()
	f.Add(supervision.FieldEveryWeeks, problems[supervision.FieldEveryWeeks])
	f.Add(supervision.FieldNotSeenWeeks, problems[supervision.FieldNotSeenWeeks])
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "supervision_settings", "Supervision settings", f)
	}
	if err := s.recordChange(r, audit.Update, access.KindSupervisionRecord, actor.OrgID,
		"supervision every "+strconv.Itoa(set.EveryWeeks)+" weeks; unseen after "+strconv.Itoa(set.NotSeenWeeks)); err != nil {
		return err
	}
	if err := s.db.SaveSupervisionSettings(r.Context(), actor.OrgID, actor.UserID, set); err != nil {
		return err
	}
	s.flash(r, "Supervision settings saved.")
	http.Redirect(w, r, "/supervision/records", http.StatusSeeOther)
	return nil
}
