package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/language"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
)

// planData is what the page of one conversation plan shows: the plan, its
// debrief, the versions of both, and whether either is waiting on the
// practitioner's supervision agenda.
type planData struct {
	FamilyID  string
	Plan      conversation.Plan
	Responses []planResponseRow
	Versions  []conversation.Plan    // newest first; the first is the current one
	Debriefs  []conversation.Debrief // newest first
	// Findings holds the wording hints for each checked field, by field name.
	Findings map[string][]language.Finding
	// CanSend is true for a practitioner, who can take the plan or its
	// debrief to their own supervision.
	CanSend               bool
	PlanSent, DebriefSent bool
}

// planResponseRow is one anticipated response with its fields' names, so
// the page can draw each half's wording hints.
type planResponseRow struct {
	conversation.Response
	TheyField, MeField string
}

// planPage shows a plan and its debrief. The practitioner's own words are
// checked and their hints shown, as on the form; what the family said is
// their own words and is never checked.
func (s *Server) planPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	actor := actorFrom(r.Context())
	d := planData{FamilyID: id, CanSend: actor.Role == access.Practitioner}
	err = s.db.ReadSnapshot(r.Context(), func(db *store.DB) error { return readPlanPage(r, db, actor, &d) })
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if err := s.recordPlanRead(r, id, "conversation plan read: "+d.Plan.ID); err != nil {
		return err
	}
	checker, err := s.languageChecker(r.Context(), actor.OrgID)
	if err != nil {
		return err
	}
	p := d.Plan
	texts := map[string]string{conversation.FieldPurpose: p.Purpose, conversation.FieldWorries: p.Worries, conversation.FieldWorkingWell: p.WorkingWell,
		conversation.FieldNeedsToHappen: p.NeedsToHappen, conversation.FieldOpening: p.Opening, conversation.FieldSupport: p.Support}
	for i, resp := range p.Responses {
		slot := slotAt(i)
		d.Responses = append(d.Responses, planResponseRow{Response: resp, TheyField: slot.TheyMight, MeField: slot.IWill})
		texts[slot.TheyMight], texts[slot.IWill] = resp.TheyMight, resp.IWill
	}
	if p.Debrief != nil {
		texts[conversation.FieldHowItWent], texts[conversation.FieldHowIFelt], texts[conversation.FieldNextSteps] = p.Debrief.HowItWent, p.Debrief.HowIFelt, p.Debrief.NextSteps
	}
	d.Findings = make(map[string][]language.Finding, len(texts))
	for field, text := range texts {
		d.Findings[field] = checker.Check(text)
	}
	return s.render(w, r, http.StatusOK, "conversation", "Conversation plan", d)
}

// readPlanPage reads everything the plan page shows, from one snapshot.
func readPlanPage(r *http.Request, db *store.DB, actor *access.Actor, d *planData) error {
	ctx := r.Context()
	p, err := planFrom(ctx, db, actor.OrgID, d.FamilyID, r.PathValue("conversation"))
	if err != nil {
		return err
	}
	d.Plan = p
	if d.Versions, err = db.PlanVersions(ctx, actor.OrgID, d.FamilyID, p.ID); err != nil {
		return err
	}
	if d.Debriefs, err = db.DebriefVersions(ctx, actor.OrgID, d.FamilyID, p.ID); err != nil {
		return err
	}
	if !d.CanSend {
		return nil
	}
	if d.PlanSent, err = db.SentToSupervision(ctx, actor.OrgID, actor.UserID, supervision.ConversationPlan, p.ID); err != nil {
		return err
	}
	d.DebriefSent, err = db.SentToSupervision(ctx, actor.OrgID, actor.UserID, supervision.ConversationDebrief, p.ID)
	return err
}

// sendPlanToSupervision puts the plan, or its debrief, on the signed-in
// practitioner's next supervision agenda ("take this to supervision"). The
// item links to the family and the plan; a debrief is named by its plan.
// Supervision is the practitioner's own, so only practitioners send.
func (s *Server) sendPlanToSupervision(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	p, err := s.planInPath(r, id)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if actor.Role != access.Practitioner {
		return errForbidden
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	kind, done := supervision.ConversationPlan, "The plan is on your next supervision agenda."
	switch r.PostForm.Get("what") {
	case "plan":
	case "debrief":
		if p.Debrief == nil {
			return errNotFound
		}
		kind, done = supervision.ConversationDebrief, "The debrief is on your next supervision agenda."
	default:
		return errNotFound
	}
	if err := s.recordChange(r, audit.Create, access.KindFamily, id, "sent to supervision: "+string(kind)+" "+p.ID); err != nil {
		return err
	}
	if _, err := s.db.SendToSupervision(r.Context(), actor.OrgID, supervision.Item{PractitionerID: actor.UserID, FamilyID: id,
		Kind: kind, ItemID: p.ID}); err != nil {
		return err
	}
	s.flash(r, done)
	http.Redirect(w, r, "/families/"+id+"/conversations/"+p.ID, http.StatusSeeOther)
	return nil
}
