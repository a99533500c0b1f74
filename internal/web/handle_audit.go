package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// auditPerPage bounds one page of the audit viewer.
const auditPerPage = 50

// auditData is what an audit page shows.
type auditData struct {
	Heading  string
	Intro    string
	Form     *form // the filters as typed
	Actions  []audit.Action
	Rows     []auditRow
	Pager    pager
	Filtered bool
	// ShowPeople and ShowResources say which filters apply on this page.
	ShowPeople, ShowResources bool
}

// auditRow is one event as people read it.
type auditRow struct {
	At        time.Time
	Who       string
	Role      string
	Action    audit.Action
	Resource  string
	Decision  audit.Decision
	Reason    string
	RequestID string
}

// actionLabels say what each audited action means, in plain words.
var actionLabels = map[audit.Action]string{
	audit.Read: "Looked at a record", audit.Create: "Added", audit.Update: "Changed", audit.Delete: "Removed",
	audit.Export: "Exported", audit.BreakGlass: "Opened outside their work", audit.ManageUsers: "Managed accounts",
	audit.ViewAudit: "Looked at the audit trail", audit.SignIn: "Signed in", audit.SignInFailed: "Sign-in failed",
	audit.SignOut: "Signed out", audit.AccountLocked: "Account locked", audit.AccountUnlocked: "Account unlocked",
	audit.PasswordChange: "Password changed", audit.SessionEnded: "Ended sessions", audit.MFAEnrol: "Set up two-step sign-in",
	audit.MFAVerify: "Used their second step", audit.MFAFailed: "Second step failed", audit.MFAReset: "Two-step sign-in reset",
	audit.RecoveryCodeUsed: "Used a recovery code",
}

// actionLabel returns an action's plain description, or the action itself.
func actionLabel(a audit.Action) string {
	if l, ok := actionLabels[a]; ok {
		return l
	}
	return string(a)
}

// viewableActions are the actions offered as a filter.
func viewableActions() []audit.Action {
	return []audit.Action{audit.Read, audit.Create, audit.Update, audit.Delete, audit.BreakGlass, audit.ManageUsers, audit.ViewAudit,
		audit.SignIn, audit.SignInFailed, audit.SignOut, audit.AccountLocked, audit.PasswordChange,
		audit.MFAEnrol, audit.MFAVerify, audit.RecoveryCodeUsed, audit.MFAReset, audit.AccountUnlocked}
}

// readAuditFilter turns the query string into a store filter, keeping what
// was typed and explaining anything that cannot be used.
func (s *Server) readAuditFilter(r *http.Request, orgID string, f *form) (store.AuditFilter, int) {
	q := r.URL.Query()
	for _, k := range []string{"person", "resource", "action", "from", "to"} {
		f.Values[k] = strings.TrimSpace(q.Get(k))
	}
	var filter store.AuditFilter
	if email := f.Values["person"]; email != "" {
		u, err := s.db.UserByEmail(r.Context(), email)
		if err != nil || u.OrgID != orgID {
			f.Add("person", "No one in your organisation has that email address")
		} else {
			filter.ActorID = u.ID
		}
	}
	if res := f.Values["resource"]; res != "" {
		if !ids.Valid(res) {
			f.Add("resource", "A record reference is 20 letters and numbers, as shown in the list below")
		} else {
			filter.ResourceID = res
		}
	}
	if a := f.Values["action"]; a != "" {
		filter.Action = audit.Action(a)
	}
	for _, k := range []string{"from", "to"} {
		if v := f.Values[k]; v != "" {
			d, err := time.ParseInLocation("2006-01-02", v, ukTime())
			if err != nil {
				f.Add(k, "Enter a date like 2026-11-03")
				continue
			}
			if k == "from" {
				filter.From = d
			} else {
				filter.To = d.AddDate(0, 0, 1) // to the end of that day
			}
		}
	}
	return filter, max(1, atoiOr(q.Get("page"), 1))
}

// showAudit lists the events matching filter, a page at a time.
func (s *Server) showAudit(w http.ResponseWriter, r *http.Request, orgID string, filter store.AuditFilter, pageNo int, d auditData) error {
	d.Actions = viewableActions()
	if d.Form.Valid() {
		page, err := s.db.ListAudit(r.Context(), orgID, filter, auditPerPage, (pageNo-1)*auditPerPage)
		if err != nil {
			return fmt.Errorf("audit viewer: %w", err)
		}
		actorIDs := make([]string, 0, len(page.Events))
		for _, e := range page.Events {
			actorIDs = append(actorIDs, e.ActorID)
		}
		people, err := s.db.UserNames(r.Context(), orgID, actorIDs)
		if err != nil {
			return fmt.Errorf("audit viewer: %w", err)
		}
		for _, e := range page.Events {
			row := auditRow{At: e.At, Who: "Someone not signed in", Role: e.ActorRole, Action: e.Action,
				Decision: e.Decision, Reason: e.Reason, RequestID: e.RequestID}
			if u, ok := people[e.ActorID]; ok {
				row.Who = u.Name
			}
			if e.ResourceType != "" {
				row.Resource = e.ResourceType + " " + e.ResourceID
			}
			d.Rows = append(d.Rows, row)
		}
		base := r.URL.Path + "?" + withoutPage(r.URL.Query())
		d.Pager = newPager(base, pageNo, auditPerPage, page.Total)
	}
	status := http.StatusOK
	if !d.Form.Valid() {
		status = http.StatusUnprocessableEntity
	}
	return s.render(w, r, status, "audit", d.Heading, d)
}

// withoutPage returns the query string without its page number, ending so
// that the pager can add one.
func withoutPage(q url.Values) string {
	q.Del("page")
	if enc := q.Encode(); enc != "" {
		return enc + "&"
	}
	return ""
}

// adminAudit is the whole organisation's audit trail, for administrators.
func (s *Server) adminAudit(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.ViewAudit, access.Resource{Kind: access.KindAudit, OrgID: actor.OrgID}); err != nil {
		return err
	}
	f := newForm()
	filter, pageNo := s.readAuditFilter(r, actor.OrgID, f)
	return s.showAudit(w, r, actor.OrgID, filter, pageNo, auditData{
		Heading: "Audit trail", Form: f, ShowPeople: true, ShowResources: true,
		Intro: "Everything people have done with records in your organisation, newest first: who, what, when, and whether it was allowed.",
	})
}

// teamAudit is what a supervisor's practitioners, and the supervisor, have done.
func (s *Server) teamAudit(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.ViewAudit, access.Resource{Kind: access.KindAudit, OrgID: actor.OrgID, Relationship: access.Supervised}); err != nil {
		return err
	}
	team, err := s.db.Supervisees(r.Context(), actor.OrgID, actor.UserID)
	if err != nil {
		return err
	}
	f := newForm()
	filter, pageNo := s.readAuditFilter(r, actor.OrgID, f)
	filter.ActorIn = []string{actor.UserID}
	filter.ExcludeTypes = personalKinds()
	for _, u := range team {
		filter.ActorIn = append(filter.ActorIn, u.ID)
	}
	if filter.ActorID != "" && !containsID(filter.ActorIn, filter.ActorID) {
		f.Add("person", "You can see only what you and the practitioners you supervise have done")
	}
	return s.showAudit(w, r, actor.OrgID, filter, pageNo, auditData{
		Heading: "Your team's audit trail", Form: f, ShowPeople: true, ShowResources: true,
		Intro: "What you and the practitioners you supervise have done with records, newest first.",
	})
}

// personalKinds are the kinds of resource people keep about themselves:
// their wellbeing, their plan for looking after themselves, and reflective
// notes from supervision. A supervisor's view of their team's audit trail
// leaves them out, so it cannot tell who answered a check-in, who chose not
// to share, or when notes were written.
func personalKinds() []string {
	return []string{string(access.KindWellbeing), string(access.KindSelfCare), string(access.KindWellbeingTrend),
		string(access.KindTeamWellbeing), string(access.KindOrganisationWellbeing), string(access.KindReflection)}
}

// familyAudit answers "who has looked at this family's record?".
func (s *Server) familyAudit(w http.ResponseWriter, r *http.Request) error {
	id, rel, err := s.familyAccess(r)
	if err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, access.ViewAudit, access.Resource{Kind: access.KindFamilyAudit, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return errNotFound
	}
	f := newForm()
	filter, pageNo := s.readAuditFilter(r, actor.OrgID, f)
	filter.ResourceType, filter.ResourceID = string(access.KindFamily), id
	return s.showAudit(w, r, actor.OrgID, filter, pageNo, auditData{
		Heading: "Who has looked at this family's record", Form: f, ShowPeople: true,
		Intro: "Everyone who opened or changed this family's record, or was refused, newest first.",
	})
}

func containsID(list []string, id string) bool {
	for _, v := range list {
		if v == id {
			return true
		}
	}
	return false
}
