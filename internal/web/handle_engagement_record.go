package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// engagementRecordData is what the page for one engagement record shows.
type engagementRecordData struct {
	FamilyID   string
	FamilyName string
	Record     engagement.Record
	Today      time.Time
	// Latest is true when this is the family's newest record, whose review is the one due.
	Latest bool
	// Form holds any problem with a status change posted from the page.
	Form               *form
	ActionStatuses     []engagement.ActionStatus
	HypothesisStatuses []engagement.HypothesisStatus
	// CanSend is true for practitioners, who can take the record to their supervision.
	CanSend bool
	// Sent is true when it is waiting on their next supervision agenda.
	Sent bool
	// CanEndFlag is true when the actor may say the record's safety step is no longer needed.
	CanEndFlag bool
}

// engagementInPath reads the engagement record named in the path, of the
// family id.
func (s *Server) engagementInPath(r *http.Request, familyID string) (engagement.Record, error) {
	rid := r.PathValue("record")
	if !ids.Valid(rid) {
		return engagement.Record{}, errNotFound
	}
	rec, err := s.db.EngagementRecord(r.Context(), actorFrom(r.Context()).OrgID, familyID, rid)
	if errors.Is(err, store.ErrNotFound) {
		return engagement.Record{}, errNotFound
	}
	return rec, err
}

func (s *Server) engagementRecordPage(w http.ResponseWriter, r *http.Request) error {
	id, rel, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	rec, err := s.engagementInPath(r, id)
	if err != nil {
		return err
	}
	return s.renderEngagementRecord(w, r, http.StatusOK, id, rel, rec, newForm())
}

func (s *Server) renderEngagementRecord(w http.ResponseWriter, r *http.Request, status int, id string, rel access.Relationship, rec engagement.Record, f *form) error {
	actor := actorFrom(r.Context())
	fam, err := s.db.FamilyInOrg(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	latest, err := s.db.LatestEngagement(r.Context(), actor.OrgID, []string{id})
	if err != nil {
		return err
	}
	d := engagementRecordData{FamilyID: id, FamilyName: fam.Name, Record: rec, Today: s.db.Now(), Latest: latest[id].RecordID == rec.ID,
		Form: f, ActionStatuses: engagement.ActionStatuses(), HypothesisStatuses: engagement.HypothesisStatuses(),
		CanSend: actor.Role == access.Practitioner}
	if rec.Flag != nil {
		d.CanEndFlag = rec.Flag.CanEnd(actor.UserID, rel == access.Supervised)
	}
	if d.CanSend {
		if d.Sent, err = s.db.SentToSupervision(r.Context(), actor.OrgID, actor.UserID, supervision.EngagementRecord, rec.ID); err != nil {
			return err
		}
	}
	// Besides the policy decision naming the family, the read names the record.
	if err := s.record(r, audit.Event{Action: audit.Read, ResourceType: string(access.KindFamily), ResourceID: id,
		Reason: "engagement record read: " + rec.ID}); err != nil {
		return err
	}
	return s.render(w, r, status, "engagement_record", "Engagement record of "+rec.RecordedOn.Format("2 January 2006"), d)
}

// changeEngagementStatus handles the page's small forms that change a plan
// action's or a hypothesis's status. The change is kept as history.
func (s *Server) changeEngagementStatus(w http.ResponseWriter, r *http.Request, param, kind string) error {
	id, rel, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	rec, err := s.engagementInPath(r, id)
	if err != nil {
		return err
	}
	itemID := r.PathValue(param)
	if !ids.Valid(itemID) {
		return errNotFound
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	status, note := r.PostForm.Get("status"), strings.TrimSpace(r.PostForm.Get("note"))
	field := kind + "-" + itemID
	f := newForm()
	switch {
	case kind == "action" && !engagement.ActionStatus(status).Valid():
		f.Add(field, "Choose where this action has got to")
	case kind == "hypothesis" && !engagement.HypothesisStatus(status).Valid():
		f.Add(field, "Choose held, tested or set aside")
	case len([]rune(note)) > 1000:
		f.Add(field+"-note", "Keep this to 1,000 characters or fewer")
	}
	if !f.Valid() {
		return s.renderEngagementRecord(w, r, http.StatusUnprocessableEntity, id, rel, rec, f)
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "engagement "+kind+" status "+status+": "+itemID); err != nil {
		return err
	}
	var changed bool
	if kind == "action" {
		changed, err = s.db.SetActionStatus(r.Context(), actor.OrgID, id, rec.ID, itemID, engagement.ActionStatus(status), note, actor.UserID)
	} else {
		changed, err = s.db.SetHypothesisStatus(r.Context(), actor.OrgID, id, rec.ID, itemID, engagement.HypothesisStatus(status), note, actor.UserID)
	}
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if changed {
		s.flash(r, "Saved. The earlier status is kept in the history.")
	} else {
		s.flash(r, "That was already its status, so nothing changed.")
	}
	http.Redirect(w, r, "/families/"+id+"/engagement/"+rec.ID+"#"+kind+"-"+itemID, http.StatusSeeOther)
	return nil
}

func (s *Server) changeEngagementAction(w http.ResponseWriter, r *http.Request) error {
	return s.changeEngagementStatus(w, r, "action", "action")
}

func (s *Server) changeEngagementHypothesis(w http.ResponseWriter, r *http.Request) error {
	return s.changeEngagementStatus(w, r, "hypothesis", "hypothesis")
}

// sendEngagementToSupervision puts the record on the practitioner's next
// supervision agenda ("take this to supervision").
func (s *Server) sendEngagementToSupervision(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	rec, err := s.engagementInPath(r, id)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if actor.Role != access.Practitioner {
		// Supervision agendas are practitioners'; a supervisor is the one they meet.
		return errForbidden
	}
	if err := s.recordChange(r, audit.Create, access.KindFamily, id, "engagement record sent to supervision: "+rec.ID); err != nil {
		return err
	}
	if _, err := s.db.SendToSupervision(r.Context(), actor.OrgID, supervision.Item{PractitionerID: actor.UserID, FamilyID: id,
		Kind: supervision.EngagementRecord, ItemID: rec.ID}); err != nil {
		return err
	}
	s.flash(r, "This record is on your next supervision agenda.")
	http.Redirect(w, r, "/families/"+id+"/engagement/"+rec.ID, http.StatusSeeOther)
	return nil
}

// endSafetyFlag records, with a reason, that the safety step a record
// asked for is no longer needed. Only the worker who asked for it, or a
// supervisor of the family's work, may say so.
func (s *Server) endSafetyFlag(w http.ResponseWriter, r *http.Request) error {
	id, rel, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	rec, err := s.engagementInPath(r, id)
	if err != nil {
		return err
	}
	if rec.Flag == nil || !rec.Flag.Active() {
		return errNotFound
	}
	actor := actorFrom(r.Context())
	if !rec.Flag.CanEnd(actor.UserID, rel == access.Supervised) {
		return errForbidden
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values["end-reason"] = r.PostForm.Get("end-reason")
	f.Add("end-reason", engagement.EndReasonProblem(f.Values["end-reason"]))
	if !f.Valid() {
		return s.renderEngagementRecord(w, r, http.StatusUnprocessableEntity, id, rel, rec, f)
	}
	// The reason may name people, so the audit trail does not copy it; it is kept with the flag.
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "safety step ended: "+rec.Flag.ID); err != nil {
		return err
	}
	if err := s.db.EndSafetyFlag(r.Context(), actor.OrgID, id, rec.ID, actor.UserID, f.Values["end-reason"]); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errNotFound
		}
		return err
	}
	s.flash(r, "The safety step is no longer shown. Your reason is kept with this record.")
	http.Redirect(w, r, "/families/"+id+"/engagement/"+rec.ID, http.StatusSeeOther)
	return nil
}
