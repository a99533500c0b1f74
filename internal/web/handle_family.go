package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// sessionBreakGlass holds the families opened through break-glass in this
// session, comma-separated. The grant ends with the session.
const sessionBreakGlass = "break_glass"

// familyData is what the family page shows.
type familyData struct {
	Family       store.Family
	Members      []family.Member // children first
	Summary      *family.Summary // the current three columns, if written
	Today        time.Time
	Practitioner []access.User
	Relationship access.Relationship
	BreakGlass   []store.BreakGlassEntry
	ShowOpenings bool
	// SafetyFlags are the safety steps workers who feel at risk have asked
	// for; every member of staff who opens the record sees them.
	SafetyFlags []engagement.SafetyFlag
	// Glance is the family's row as its caseload shows it: current
	// contexts, last contact, next due and alerts.
	Glance caseloadRow
	// ParentAccounts are the parents' own accounts, by the person in the
	// record they are for; CanInvite is set for the family's own workers,
	// who may invite its parents and carers.
	ParentAccounts map[string]*store.ParentAccount
	CanInvite      bool
	// Progress is the parents' journal in figures, the same charts the
	// parents see in their own space.
	Progress progressData
}

// Children returns the family's children, oldest first.
func (d familyData) Children() []family.Member { return d.byKind(true) }

// Others returns everyone in the record who is not a child.
func (d familyData) Others() []family.Member { return d.byKind(false) }

func (d familyData) byKind(children bool) []family.Member {
	var out []family.Member
	for _, m := range d.Members {
		if (m.Kind == family.Child) == children {
			out = append(out, m)
		}
	}
	return out
}

// breakGlassData is what the page asking for a reason shows. It names no
// family: someone outside the family's work learns nothing before giving a reason.
type breakGlassData struct {
	Form *form
}

// familyAccess works out the actor's relationship to the family in the path,
// counting a break-glass grant in this session.
func (s *Server) familyAccess(r *http.Request) (string, access.Relationship, error) {
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return "", access.None, errNotFound
	}
	actor := actorFrom(r.Context())
	rel, err := s.db.FamilyRelationship(r.Context(), *actor, id)
	if err != nil {
		return "", access.None, err
	}
	if rel == access.None && slices.Contains(s.breakGlassGrants(r), id) {
		rel = access.Granted
	}
	return id, rel, nil
}

func (s *Server) breakGlassGrants(r *http.Request) []string {
	v := s.sessions.GetString(r.Context(), sessionBreakGlass)
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}

// familyFor checks that the actor may do action to the family in the path.
// When they may not, it answers for the handler: the break-glass page for
// staff who may open the record with a reason, "not found" for everyone else.
// handled is true when the handler must stop.
func (s *Server) familyFor(w http.ResponseWriter, r *http.Request, action access.Action) (id string, rel access.Relationship, handled bool, err error) {
	id, rel, err = s.familyAccess(r)
	if err != nil {
		return "", rel, true, err
	}
	actor := actorFrom(r.Context())
	d, err := s.authorize(r, action, access.Resource{Kind: access.KindFamily, ID: id, OrgID: actor.OrgID, Relationship: rel})
	if err == nil {
		return id, rel, false, nil
	}
	if d.CanBreakGlass && errors.Is(err, errForbidden) {
		return id, rel, true, s.render(w, r, http.StatusForbidden, "break_glass", "You are not working with this family", breakGlassData{Form: newForm()})
	}
	if errors.Is(err, errForbidden) {
		return id, rel, true, errNotFound
	}
	return id, rel, true, err
}

func (s *Server) familyPage(w http.ResponseWriter, r *http.Request) error {
	id, rel, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	actor := actorFrom(r.Context())
	f, err := s.db.FamilyInOrg(r.Context(), actor.OrgID, id)
	if err != nil {
		return err
	}
	data := familyData{Family: f, Relationship: rel, Today: s.db.Now()}
	if data.Members, err = s.db.Members(r.Context(), actor.OrgID, id); err != nil {
		return err
	}
	if err := s.addParentAccounts(r, &data); err != nil {
		return err
	}
	summaries, err := s.db.Summaries(r.Context(), actor.OrgID, id, 1)
	if err != nil {
		return err
	}
	if len(summaries) > 0 {
		data.Summary = &summaries[0]
	}
	if data.Practitioner, err = s.db.AllocatedPractitioners(r.Context(), actor.OrgID, id); err != nil {
		return err
	}
	if data.SafetyFlags, err = s.db.ActiveSafetyFlags(r.Context(), actor.OrgID, id); err != nil {
		return err
	}
	signals, err := s.db.CaseloadSignals(r.Context(), actor.OrgID, []string{id}, data.Today.Add(-family.AlertWindow))
	if err != nil {
		return err
	}
	data.Glance = newCaseloadRow(f, true, signals[id], data.Today)
	// Openings outside people's work are shown to the family's own workers.
	if rel == access.Allocated || rel == access.Supervised {
		data.ShowOpenings = true
		if data.BreakGlass, err = s.db.BreakGlassEntries(r.Context(), actor.OrgID, id, 50); err != nil {
			return err
		}
	}
	if data.Progress, err = s.familyProgress(r, id, false); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "family", f.Name, data)
}

// familyBreakGlass opens a family outside the actor's work, for this session
// only, once they have given a reason. The form posts to the family's own
// address, so the page asking for the reason carries no identifier.
func (s *Server) familyBreakGlass(w http.ResponseWriter, r *http.Request) error {
	id, rel, err := s.familyAccess(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if rel != access.None {
		// Already in the family's work: there is nothing to open.
		if _, err := s.authorize(r, access.Read, access.Resource{Kind: access.KindFamily, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
			return errNotFound
		}
		http.Redirect(w, r, "/families/"+id, http.StatusSeeOther)
		return nil
	}
	if _, err := s.authorize(r, access.BreakGlass, access.Resource{Kind: access.KindFamily, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return errNotFound
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values["reason"] = r.PostForm.Get("reason")
	f.Add("reason", access.BreakGlassReasonProblem(f.Values["reason"]))
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "break_glass", "You are not working with this family", breakGlassData{Form: f})
	}
	// The reason itself may name people, so the audit trail does not copy it;
	// it is kept in the family's list of openings.
	if err := s.recordChange(r, audit.BreakGlass, access.KindFamily, id, "opened with a written reason"); err != nil {
		return err
	}
	if _, err := s.db.RecordBreakGlass(r.Context(), actor.OrgID, id, actor.UserID, f.Values["reason"]); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errNotFound
		}
		return err
	}
	s.sessions.Put(r.Context(), sessionBreakGlass, strings.Join(append(s.breakGlassGrants(r), id), ","))
	s.flash(r, "You have opened this family's record. Your reason has been recorded and is shown to the family's worker. Access ends when you sign out.")
	http.Redirect(w, r, "/families/"+id, http.StatusSeeOther)
	return nil
}
