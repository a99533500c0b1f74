package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// conversationsShown bounds the plans listed for one family; a family has a
// handful over years of work.
const conversationsShown = 100

// newPlanRows is how many rows of anticipated responses a new plan offers.
const newPlanRows = 2

// conversationsData is what the list of a family's conversation plans shows.
type conversationsData struct {
	FamilyID string
	Plans    []conversation.Plan // newest first
}

// recordPlanRead records which of a family's conversation plans a page
// showed. The policy decision that allowed the page names only the family;
// this names what was read in it, in the family's own audit list.
func (s *Server) recordPlanRead(r *http.Request, familyID, what string) error {
	return s.record(r, audit.Event{Action: audit.Read, ResourceType: string(access.KindFamily), ResourceID: familyID, Reason: what})
}

// planInPath reads the plan named in the path, of the family familyID.
func (s *Server) planInPath(r *http.Request, familyID string) (conversation.Plan, error) {
	p, err := planFrom(r.Context(), s.db, actorFrom(r.Context()).OrgID, familyID, r.PathValue("conversation"))
	if errors.Is(err, store.ErrNotFound) {
		return conversation.Plan{}, errNotFound
	}
	return p, err
}

// planFrom reads a plan named in a path from db, which may be a snapshot.
// An ID that cannot be one is not found.
func planFrom(ctx context.Context, db *store.DB, orgID, familyID, planID string) (conversation.Plan, error) {
	if !ids.Valid(planID) {
		return conversation.Plan{}, store.ErrNotFound
	}
	return db.Plan(ctx, orgID, familyID, planID)
}

func (s *Server) conversationsPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	plans, err := s.db.Plans(r.Context(), actorFrom(r.Context()).OrgID, id, conversationsShown)
	if err != nil {
		return err
	}
	if err := s.recordPlanRead(r, id, "conversation plans listed"); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "conversations", "Conversation plans", conversationsData{FamilyID: id, Plans: plans})
}

func (s *Server) newPlanPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Create)
	if handled {
		return err
	}
	d := planFormData{FamilyID: id, Action: "/families/" + id + "/conversations", Form: newForm()}
	rows := newPlanRows
	a := actorFrom(r.Context())
	draft, err := s.db.LoadDraft(r.Context(), a.OrgID, id, a.UserID, planDraft)
	switch {
	case err == nil:
		d.Form.Values, d.DraftSaved = draft.Fields, &draft.UpdatedAt
		rows = max(1, draftRows(draft.Fields))
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	return s.renderPlanForm(w, r, http.StatusOK, d, rows)
}

func (s *Server) editPlanPage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	p, err := s.planInPath(r, id)
	if err != nil {
		return err
	}
	if err := s.recordPlanRead(r, id, "conversation plan read to change: "+p.ID); err != nil {
		return err
	}
	f, rows := formFromPlan(p)
	return s.renderPlanForm(w, r, http.StatusOK, planFormData{FamilyID: id, PlanID: p.ID, Action: r.URL.Path, Form: f}, rows)
}

// savePlan handles a new plan and a new version of one. "Check my wording"
// and "Add another response" show the form again, saving nothing.
func (s *Server) savePlan(w http.ResponseWriter, r *http.Request) error {
	action := access.Create
	if r.PathValue("conversation") != "" {
		action = access.Update
	}
	id, _, handled, err := s.familyFor(w, r, action)
	if handled {
		return err
	}
	var existing conversation.Plan
	if action == access.Update {
		if existing, err = s.planInPath(r, id); err != nil {
			return err
		}
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f, rows := postedPlanForm(r)
	d := planFormData{FamilyID: id, PlanID: existing.ID, Action: r.URL.Path, Form: f}
	actor := actorFrom(r.Context())
	if existing.ID == "" {
		// Every submit of a new plan keeps a draft; saving the plan removes it.
		if err := s.db.SaveDraft(r.Context(), actor.OrgID, id, actor.UserID, planDraft, f.Values); err != nil {
			return err
		}
	}
	switch {
	case checkOnly(r):
		return s.renderPlanForm(w, r, http.StatusOK, d, rows)
	case r.PostForm.Get("action") == "add":
		return s.renderPlanForm(w, r, http.StatusOK, d, rows+1)
	}
	p, dateOK := planFromForm(f, rows)
	addPlanProblems(f, p, dateOK, rows)
	if !f.Valid() {
		return s.renderPlanForm(w, r, http.StatusUnprocessableEntity, d, rows)
	}
	p.ID, p.FamilyID, p.AuthorID = existing.ID, id, actor.UserID
	what := "conversation plan added"
	if p.ID != "" {
		what = "conversation plan changed: " + p.ID
	}
	if err := s.recordChange(r, audit.Action(action), access.KindFamily, id, what); err != nil {
		return err
	}
	p, added, err := s.db.SavePlan(r.Context(), actor.OrgID, p)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if existing.ID == "" {
		if err := s.db.DiscardDraft(r.Context(), actor.OrgID, id, actor.UserID, planDraft); err != nil {
			return err
		}
	}
	switch {
	case existing.ID == "":
		s.flash(r, "Plan saved.")
	case added:
		s.flash(r, "Plan saved. The earlier version is kept below.")
	default:
		s.flash(r, "Nothing had changed, so nothing new was saved.")
	}
	http.Redirect(w, r, "/families/"+id+"/conversations/"+p.ID, http.StatusSeeOther)
	return nil
}
