package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/engagement"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/network"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/supervision"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

// The access matrix: for every registered route, what every caller gets.
// A caller is a role and its relationship to the resource in the path.
// TestAccessMatrixCoversEveryRoute fails when a route has no row, or a
// family route lacks a cell for any role and relationship.

// target is which family a family route is aimed at.
type target string

const (
	// related is the family the demo's parent belongs to: the parent's own,
	// the practitioner's allocated, the supervisor's supervised family, and
	// no relation of the administrator or co-facilitator.
	related target = "related"
	// unrelated is a family of the same organisation with no one allocated.
	unrelated target = "unrelated"
	// otherOrg is a family of another organisation.
	otherOrg target = "other-organisation"
)

var targets = []target{related, unrelated, otherOrg}

// matrixRow says how to exercise a route and what each caller should get.
type matrixRow struct {
	path      string // {family} stands for the target family's ID
	signedOut int
	// byRole gives the status for each role, for routes with no family.
	byRole map[access.Role]int
	// byTarget gives the status for each target and role, for family routes.
	byTarget map[target]map[access.Role]int
	html     bool
}

func (m matrixRow) isFamilyRoute() bool { return strings.Contains(m.path, "{family}") }

func (m matrixRow) want(role access.Role, t target) (int, bool) {
	if role == "" {
		return m.signedOut, true
	}
	if m.isFamilyRoute() {
		code, ok := m.byTarget[t][role]
		return code, ok
	}
	code, ok := m.byRole[role]
	return code, ok
}

// same gives every role one status.
func same(path string, signedOut, status int, html bool) matrixRow {
	r := matrixRow{path: path, signedOut: signedOut, byRole: map[access.Role]int{}, html: html}
	for _, role := range access.Roles() {
		r.byRole[role] = status
	}
	return r
}

// adminOnly is the row for administration routes: administrators get
// adminStatus, everyone else signed in is refused.
func adminOnly(path string, adminStatus int) matrixRow {
	r := same(path, http.StatusSeeOther, http.StatusForbidden, true)
	r.byRole[access.Admin] = adminStatus
	return r
}

// roles builds a role-to-status map in role order: admin, supervisor,
// practitioner, co-facilitator, parent.
func roles(admin, supervisor, practitioner, cofacilitator, parent int) map[access.Role]int {
	return map[access.Role]int{access.Admin: admin, access.Supervisor: supervisor,
		access.Practitioner: practitioner, access.CoFacilitator: cofacilitator, access.Parent: parent}
}

// familyWork is the row for casework on a family: its practitioner and their
// supervisor get workerStatus; other staff are offered break-glass (403);
// co-facilitators and parents are told nothing (404); another
// organisation's family does not exist (404).
func familyWork(path string, workerStatus int) matrixRow {
	return matrixRow{path: path, signedOut: 303, html: true, byTarget: map[target]map[access.Role]int{
		related:   roles(403, workerStatus, workerStatus, 404, 404),
		unrelated: roles(403, 403, 403, 404, 404),
		otherOrg:  roles(404, 404, 404, 404, 404),
	}}
}

// parentOnly is the row for a parent's own pages: the parent gets
// parentStatus, everyone else signed in is told nothing (404).
func parentOnly(path string, parentStatus int) matrixRow {
	r := same(path, http.StatusSeeOther, http.StatusNotFound, true)
	r.byRole[access.Parent] = parentStatus
	return r
}

// noSuchUser is an ID with the right shape that belongs to no one.
const noSuchUser = "aaaaaaaaaaaaaaaaaaaa"

var accessMatrix = map[string]matrixRow{
	// Reflective supervision. {supervision} is a session between the demo
	// supervisor and the practitioner they supervise: only those two reach
	// it and its reflective part; everyone else is told nothing (404).
	// Empty forms are refused with 422; the reflective part's fields are
	// all optional, so an empty one saves (303).
	"GET /supervision":               {path: "/supervision", signedOut: 303, html: true, byRole: roles(200, 200, 200, 404, 404)},
	"GET /supervision/new":           {path: "/supervision/new", signedOut: 303, html: true, byRole: roles(403, 200, 403, 404, 404)},
	"POST /supervision":              {path: "/supervision", signedOut: 303, html: true, byRole: roles(403, 422, 403, 404, 404)},
	"GET /supervision/records":       {path: "/supervision/records", signedOut: 303, html: true, byRole: roles(200, 200, 403, 404, 404)},
	"GET /supervision/settings":      {path: "/supervision/settings", signedOut: 303, html: true, byRole: roles(200, 403, 403, 404, 404)},
	"POST /supervision/settings":     {path: "/supervision/settings", signedOut: 303, html: true, byRole: roles(422, 403, 403, 404, 404)},
	"GET /supervision/legal-export":  {path: "/supervision/legal-export", signedOut: 303, html: true, byRole: roles(200, 403, 403, 404, 404)},
	"POST /supervision/legal-export": {path: "/supervision/legal-export", signedOut: 303, html: true, byRole: roles(422, 403, 403, 404, 404)},
	"GET /supervision/{id}":          {path: "/supervision/{supervision}", signedOut: 303, html: true, byRole: roles(404, 200, 200, 404, 404)},
	"POST /supervision/{id}/agenda":  {path: "/supervision/{supervision}/agenda", signedOut: 303, html: true, byRole: roles(404, 422, 422, 404, 404)},
	// {agenda-note} is one the practitioner added: only they take it off.
	"GET /supervision/{id}/agenda/{note}/remove":  {path: "/supervision/{supervision}/agenda/{agenda-note}/remove", signedOut: 303, html: true, byRole: roles(404, 403, 200, 404, 404)},
	"POST /supervision/{id}/agenda/{note}/remove": {path: "/supervision/{supervision}/agenda/{agenda-note}/remove", signedOut: 303, html: true, byRole: roles(404, 403, 303, 404, 404)},
	"POST /supervision/{id}/held":                 {path: "/supervision/{supervision}/held", signedOut: 303, html: true, byRole: roles(404, 422, 422, 404, 404)},
	"GET /supervision/{id}/reflection":            {path: "/supervision/{supervision}/reflection", signedOut: 303, html: true, byRole: roles(404, 200, 200, 404, 404)},
	"POST /supervision/{id}/reflection":           {path: "/supervision/{supervision}/reflection", signedOut: 303, html: true, byRole: roles(404, 303, 303, 404, 404)},
	"GET /supervision/{id}/direction":             {path: "/supervision/{supervision}/direction", signedOut: 303, html: true, byRole: roles(404, 200, 403, 404, 404)},
	"POST /supervision/{id}/direction":            {path: "/supervision/{supervision}/direction", signedOut: 303, html: true, byRole: roles(404, 422, 403, 404, 404)},
	// Moving or calling off a session is planning again: its supervisor
	// only. The empty move is refused; calling off comes last, as it closes
	// the session.
	"GET /supervision/{id}/move":    {path: "/supervision/{supervision}/move", signedOut: 303, html: true, byRole: roles(404, 200, 403, 404, 404)},
	"POST /supervision/{id}/move":   {path: "/supervision/{supervision}/move", signedOut: 303, html: true, byRole: roles(404, 422, 403, 404, 404)},
	"GET /supervision/{id}/cancel":  {path: "/supervision/{supervision}/cancel", signedOut: 303, html: true, byRole: roles(404, 200, 403, 404, 404)},
	"POST /supervision/{id}/cancel": {path: "/supervision/{supervision}/cancel", signedOut: 303, html: true, byRole: roles(404, 303, 403, 404, 404)},

	"GET /healthz":        same("/healthz", 200, 200, false),
	"GET /readyz":         same("/readyz", 200, 200, false),
	"GET /metrics":        same("/metrics", 200, 200, false),
	"GET /static/":        same("/static/dist/app.css", 200, 200, false),
	"GET /accessibility":  same("/accessibility", 200, 200, true),
	"GET /privacy":        same("/privacy", 200, 200, true),
	"GET /setup/{token}":  same("/setup/not-a-real-token", 410, 410, true),
	"POST /setup/{token}": same("/setup/not-a-real-token", 410, 410, true),
	"GET /sign-in":        same("/sign-in", 200, 303, true),
	"POST /sign-in":       same("/sign-in", 422, 422, true),
	"POST /sign-out":      same("/sign-out", 303, 303, false),
	"GET /{$}":            {path: "/", signedOut: 303, html: true, byRole: roles(200, 200, 200, 200, 303)}, // a parent's home is /my
	"/":                   same("/no-such-page", 404, 404, true),

	// Without a password just checked, there is no code to ask for.
	"GET /sign-in/code":  same("/sign-in/code", 303, 303, false),
	"POST /sign-in/code": same("/sign-in/code", 303, 303, false),
	// Every signed-in caller here has an authenticator app already.
	"GET /account/two-step/set-up":      same("/account/two-step/set-up", 303, 303, false),
	"POST /account/two-step/set-up":     same("/account/two-step/set-up", 303, 303, false),
	"GET /account":                      same("/account", 303, 200, true),
	"GET /account/password":             same("/account/password", 303, 200, true),
	"POST /account/password":            same("/account/password", 303, 422, true),
	"GET /account/sessions":             same("/account/sessions", 303, 200, true),
	"POST /account/sessions/end-others": same("/account/sessions/end-others", 303, 303, false),

	"GET /set-password/{token}":  same("/set-password/not-a-real-token", 404, 404, true),
	"POST /set-password/{token}": same("/set-password/not-a-real-token", 404, 404, true),

	"GET /admin/users":                                       adminOnly("/admin/users", 200),
	"GET /admin/users/new":                                   adminOnly("/admin/users/new", 200),
	"POST /admin/users":                                      adminOnly("/admin/users", 422),
	"GET /admin/users/{id}":                                  adminOnly("/admin/users/"+noSuchUser, 404),
	"POST /admin/users/{id}/role":                            adminOnly("/admin/users/"+noSuchUser+"/role", 404),
	"POST /admin/users/{id}/team":                            adminOnly("/admin/users/"+noSuchUser+"/team", 404),
	"POST /admin/users/{id}/supervisors":                     adminOnly("/admin/users/"+noSuchUser+"/supervisors", 404),
	"POST /admin/users/{id}/supervisors/{supervisor}/remove": adminOnly("/admin/users/"+noSuchUser+"/supervisors/"+noSuchUser+"/remove", 404),
	"POST /admin/users/{id}/link":                            adminOnly("/admin/users/"+noSuchUser+"/link", 404),
	"GET /admin/users/{id}/disable":                          adminOnly("/admin/users/"+noSuchUser+"/disable", 404),
	"POST /admin/users/{id}/disable":                         adminOnly("/admin/users/"+noSuchUser+"/disable", 404),
	"POST /admin/users/{id}/enable":                          adminOnly("/admin/users/"+noSuchUser+"/enable", 404),
	"POST /admin/users/{id}/unlock":                          adminOnly("/admin/users/"+noSuchUser+"/unlock", 404),
	"GET /admin/users/{id}/reset-second-factor":              adminOnly("/admin/users/"+noSuchUser+"/reset-second-factor", 404),
	"POST /admin/users/{id}/reset-second-factor":             adminOnly("/admin/users/"+noSuchUser+"/reset-second-factor", 404),
	"GET /admin/teams":                                       adminOnly("/admin/teams", 200),
	"GET /admin/audit":                                       adminOnly("/admin/audit", 200),
	"GET /audit":                                             {path: "/audit", signedOut: 303, html: true, byRole: roles(200, 200, 403, 403, 403)},
	"POST /admin/teams":                                      adminOnly("/admin/teams", 422),

	// Allocation: supervisors and administrators. An empty form is refused.
	"GET /allocations":  {path: "/allocations", signedOut: 303, html: true, byRole: roles(200, 200, 403, 403, 403)},
	"POST /allocations": {path: "/allocations", signedOut: 303, html: true, byRole: roles(422, 422, 403, 403, 403)},
	// Ending an allocation: the practitioner's supervisor, or an administrator.
	// Its confirmation page names the practitioner, so the row asks about the
	// related family's real allocation.
	"GET /families/{id}/allocations/{practitioner}/end": {path: "/families/{family}/allocations/{practitioner}/end", signedOut: 303, html: true,
		byTarget: map[target]map[access.Role]int{
			related:   roles(404, 200, 404, 404, 404),
			unrelated: roles(404, 404, 404, 404, 404),
			otherOrg:  roles(404, 404, 404, 404, 404),
		}},
	"POST /families/{id}/allocations/{practitioner}/end": {path: "/families/{family}/allocations/" + noSuchUser + "/end", signedOut: 303, html: false,
		byTarget: map[target]map[access.Role]int{
			related:   roles(404, 303, 404, 404, 404),
			unrelated: roles(404, 404, 404, 404, 404),
			otherOrg:  roles(404, 404, 404, 404, 404),
		}},
	// The caseload and family search: staff who work with families.
	// Wording hints as people type: a field must be named.
	"POST /language/check": same("/language/check", 303, 404, false),
	"GET /families":        {path: "/families?q=family", signedOut: 303, html: true, byRole: roles(200, 200, 200, 404, 404)},

	// The organisation's respectful-language settings. An empty form is
	// refused; unknown terms do not exist.
	"GET /admin/language":                      adminOnly("/admin/language", 200),
	"POST /admin/language/terms":               adminOnly("/admin/language/terms", 422),
	"GET /admin/language/terms/{id}/remove":    adminOnly("/admin/language/terms/"+noSuchUser+"/remove", 404),
	"POST /admin/language/terms/{id}/remove":   adminOnly("/admin/language/terms/"+noSuchUser+"/remove", 404),
	"POST /admin/language/base/{term}/disable": adminOnly("/admin/language/base/no-such-term/disable", 404),
	"POST /admin/language/base/{term}/enable":  adminOnly("/admin/language/base/no-such-term/enable", 404),
	"POST /admin/language/try":                 adminOnly("/admin/language/try", 422),

	// The family's case record. Staff outside the family's work are offered
	// break-glass (403 with a reason form); parents and co-facilitators are
	// told nothing (404); another organisation's families do not exist (404).
	"GET /families/{id}": {path: "/families/{family}", signedOut: 303, html: true, byTarget: map[target]map[access.Role]int{
		related:   roles(403, 200, 200, 404, 404),
		unrelated: roles(403, 403, 403, 404, 404),
		otherOrg:  roles(404, 404, 404, 404, 404),
	}},
	// Who has looked at the family's record: its own workers only.
	"GET /families/{id}/audit": {path: "/families/{family}/audit", signedOut: 303, html: true, byTarget: map[target]map[access.Role]int{
		related:   roles(404, 200, 200, 404, 404),
		unrelated: roles(404, 404, 404, 404, 404),
		otherOrg:  roles(404, 404, 404, 404, 404),
	}},
	// People in the family's record, and the three columns. Staff outside
	// the family's work are offered break-glass; forms posted empty are
	// explained (422).
	"GET /families/{id}/people/new":       familyWork("/families/{family}/people/new", 200),
	"POST /families/{id}/people":          familyWork("/families/{family}/people", 422),
	"GET /families/{id}/people/{person}":  familyWork("/families/{family}/people/{person}", 200),
	"POST /families/{id}/people/{person}": familyWork("/families/{family}/people/{person}", 422),
	"GET /families/{id}/summary":          familyWork("/families/{family}/summary", 200),
	"POST /families/{id}/summary":         familyWork("/families/{family}/summary", 422),
	// The timeline, contact notes and their drafts.
	"GET /families/{id}/timeline":          familyWork("/families/{family}/timeline", 200),
	"GET /families/{id}/notes/new":         familyWork("/families/{family}/notes/new", 200),
	"POST /families/{id}/notes":            familyWork("/families/{family}/notes", 422),
	"POST /families/{id}/drafts":           familyWork("/families/{family}/drafts", 204),
	"GET /families/{id}/notes/{note}":      familyWork("/families/{family}/notes/{note}", 200),
	"GET /families/{id}/notes/{note}/edit": familyWork("/families/{family}/notes/{note}/edit", 200),
	"POST /families/{id}/notes/{note}":     familyWork("/families/{family}/notes/{note}", 422),
	// The 0–10 scale: a form posted empty is explained.
	"GET /families/{id}/scale":  familyWork("/families/{family}/scale", 200),
	"POST /families/{id}/scale": familyWork("/families/{family}/scale", 422),
	// Context, consent and status. Unknown contexts and consents do not exist.
	"GET /families/{id}/details":                      familyWork("/families/{family}/details", 200),
	"POST /families/{id}/contexts":                    familyWork("/families/{family}/contexts", 422),
	"GET /families/{id}/contexts/{context}/end":       familyWork("/families/{family}/contexts/"+noSuchUser+"/end", 404),
	"POST /families/{id}/contexts/{context}/end":      familyWork("/families/{family}/contexts/"+noSuchUser+"/end", 404),
	"POST /families/{id}/consents":                    familyWork("/families/{family}/consents", 422),
	"GET /families/{id}/consents/{consent}/withdraw":  familyWork("/families/{family}/consents/"+noSuchUser+"/withdraw", 404),
	"POST /families/{id}/consents/{consent}/withdraw": familyWork("/families/{family}/consents/"+noSuchUser+"/withdraw", 404),
	"POST /families/{id}/status":                      familyWork("/families/{family}/status", 422),
	// Engagement records. Forms posted empty are explained (422). Taking a
	// record to supervision is for practitioners, whose agenda it joins; a
	// supervisor is refused (403). The fixture's safety flag was raised by
	// the related family's practitioner, whose supervisor may also end it.
	"GET /families/{id}/engagement":                                   familyWork("/families/{family}/engagement", 200),
	"GET /families/{id}/engagement/new":                               familyWork("/families/{family}/engagement/new", 200),
	"POST /families/{id}/engagement":                                  familyWork("/families/{family}/engagement", 422),
	"GET /families/{id}/engagement/{record}":                          familyWork("/families/{family}/engagement/{engagement}", 200),
	"POST /families/{id}/engagement/{record}/actions/{action}":        familyWork("/families/{family}/engagement/{engagement}/actions/{action}", 422),
	"POST /families/{id}/engagement/{record}/hypotheses/{hypothesis}": familyWork("/families/{family}/engagement/{engagement}/hypotheses/{hypothesis}", 422),
	"POST /families/{id}/engagement/{record}/safety/end":              familyWork("/families/{family}/engagement/{engagement}/safety/end", 422),
	"POST /families/{id}/engagement/{record}/supervision": {path: "/families/{family}/engagement/{engagement}/supervision", signedOut: 303, html: true,
		byTarget: map[target]map[access.Role]int{
			related:   roles(403, 403, 303, 404, 404),
			unrelated: roles(403, 403, 403, 404, 404),
			otherOrg:  roles(404, 404, 404, 404, 404),
		}},
	// Where work is stuck: a supervisor's team, a practitioner's own caseload.
	"GET /team": {path: "/team", signedOut: 303, html: true, byRole: roles(200, 200, 200, 404, 404)},
	// Conversation plans and debriefs: forms posted empty are explained.
	// Taking one to supervision is for the practitioner's own supervision:
	// a supervisor is refused, and a post naming nothing to send finds nothing.
	"GET /families/{id}/conversations":                         familyWork("/families/{family}/conversations", 200),
	"GET /families/{id}/conversations/new":                     familyWork("/families/{family}/conversations/new", 200),
	"GET /families/{id}/journal":                               familyWork("/families/{family}/journal", 200),
	"GET /families/{id}/announcement":                          familyWork("/families/{family}/announcement", 200),
	"POST /families/{id}/announcement/comments":                familyWork("/families/{family}/announcement/comments", 422),
	"POST /families/{id}/journal/alerts/{entry}":               familyWork("/families/{family}/journal/alerts/{journal}", 422),
	"GET /families/{id}/groups":                                familyWork("/families/{family}/groups", 200),
	"POST /families/{id}/groups":                               familyWork("/families/{family}/groups", 422),
	"POST /families/{id}/conversations":                        familyWork("/families/{family}/conversations", 422),
	"GET /families/{id}/conversations/{conversation}":          familyWork("/families/{family}/conversations/{conversation}", 200),
	"GET /families/{id}/conversations/{conversation}/edit":     familyWork("/families/{family}/conversations/{conversation}/edit", 200),
	"POST /families/{id}/conversations/{conversation}/edit":    familyWork("/families/{family}/conversations/{conversation}/edit", 422),
	"GET /families/{id}/conversations/{conversation}/debrief":  familyWork("/families/{family}/conversations/{conversation}/debrief", 200),
	"POST /families/{id}/conversations/{conversation}/debrief": familyWork("/families/{family}/conversations/{conversation}/debrief", 422),
	"POST /families/{id}/conversations/{conversation}/supervision": {path: "/families/{family}/conversations/{conversation}/supervision", signedOut: 303, html: true,
		byTarget: map[target]map[access.Role]int{
			related:   roles(403, 403, 404, 404, 404),
			unrelated: roles(403, 403, 403, 404, 404),
			otherOrg:  roles(404, 404, 404, 404, 404),
		}},
	// NVR programme templates: no personal data. Practitioners, supervisors
	// and administrators read; supervisors and administrators copy (an
	// empty post copies) and edit. Co-facilitators see plans through their
	// groups, not the library (403); parents are told nothing (404).
	// Steadfast's own templates are copied, never changed, so their edit
	// form does not exist.
	"GET /programmes":            {path: "/programmes", signedOut: 303, html: true, byRole: roles(200, 200, 200, 403, 404)},
	"GET /programmes/{id}":       {path: "/programmes/steadfast-group-12-week", signedOut: 303, html: true, byRole: roles(200, 200, 200, 403, 404)},
	"POST /programmes/{id}/copy": {path: "/programmes/steadfast-one-to-one/copy", signedOut: 303, html: true, byRole: roles(303, 303, 403, 403, 404)},
	"GET /programmes/{id}/edit":  {path: "/programmes/steadfast-group-12-week/edit", signedOut: 303, html: true, byRole: roles(404, 404, 403, 403, 404)},
	"POST /programmes/{id}/edit": {path: "/programmes/" + noSuchUser + "/edit", signedOut: 303, html: true, byRole: roles(404, 404, 403, 403, 404)},
	// Groups: the fixture group is run by the practitioner (whose supervisor
	// reads it) with the co-facilitator attached, and the parent's family is
	// enrolled in it; its first session has been held. Administrators read
	// names only. The parent reads their own group's page and its handouts,
	// and nothing else of it (404): not the list of groups, not a session's
	// page with its plan and attendance, and no changes. Empty posts are
	// refused by the form (422).
	// The parent's space is the parent's own: everyone else is told
	// nothing. The entry in /my/support is an alerting entry of the
	// parent's family; the log is posted empty.
	"GET /my":                                   {path: "/my", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 200)},
	"GET /my/log/{kind}":                        {path: "/my/log/incident", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 200)},
	"POST /my/log/{kind}":                       {path: "/my/log/incident", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 422)},
	"POST /my/drafts":                           {path: "/my/drafts", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 404)}, // posted without saying which form
	"GET /my/progress":                          {path: "/my/progress", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 200)},
	"GET /my/support":                           {path: "/my/support?entry={journal}", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 200)},
	"GET /my/announcement":                      {path: "/my/announcement", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 200)},
	"POST /my/announcement":                     {path: "/my/announcement", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 404)}, // posted with no action, there is nothing to do
	"GET /groups":                               {path: "/groups", signedOut: 303, html: true, byRole: roles(200, 200, 200, 200, 404)},
	"GET /groups/new":                           {path: "/groups/new", signedOut: 303, html: true, byRole: roles(403, 403, 200, 403, 404)},
	"POST /groups":                              {path: "/groups", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"GET /groups/{id}":                          {path: "/groups/{group}", signedOut: 303, html: true, byRole: roles(200, 200, 200, 200, 200)},
	"POST /groups/{id}/enrolments":              {path: "/groups/{group}/enrolments", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"GET /groups/{id}/sessions/{n}":             {path: "/groups/{group}/sessions/1", signedOut: 303, html: true, byRole: roles(200, 200, 200, 200, 404)},
	"GET /groups/{id}/handouts/{n}":             {path: "/groups/{group}/handouts/1", signedOut: 303, html: true, byRole: roles(200, 200, 200, 200, 200)},
	"POST /groups/{id}/sessions/{n}/attendance": {path: "/groups/{group}/sessions/1/attendance", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"POST /groups/{id}/sessions/{n}/notes":      {path: "/groups/{group}/sessions/1/notes", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	// Changing a running group is for its facilitators. The POSTs are sent
	// empty, so they are refused for want of an answer (422), except taking
	// the matrix's spare co-facilitator off the group.
	"GET /groups/{id}/enrolments/{enrolment}/withdraw":     {path: "/groups/{group}/enrolments/{enrolment}/withdraw", signedOut: 303, html: true, byRole: roles(403, 403, 200, 403, 404)},
	"POST /groups/{id}/enrolments/{enrolment}/withdraw":    {path: "/groups/{group}/enrolments/{enrolment}/withdraw", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"GET /groups/{id}/sessions/{n}/move":                   {path: "/groups/{group}/sessions/1/move", signedOut: 303, html: true, byRole: roles(403, 403, 200, 403, 404)},
	"POST /groups/{id}/sessions/{n}/move":                  {path: "/groups/{group}/sessions/1/move", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"GET /groups/{id}/sessions/{n}/catch-ups/{enrolment}":  {path: "/groups/{group}/sessions/1/catch-ups/{enrolment}", signedOut: 303, html: true, byRole: roles(403, 403, 200, 403, 404)},
	"POST /groups/{id}/sessions/{n}/catch-ups/{enrolment}": {path: "/groups/{group}/sessions/1/catch-ups/{enrolment}", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"GET /groups/{id}/supporters-session":                  {path: "/groups/{group}/supporters-session", signedOut: 303, html: true, byRole: roles(403, 403, 200, 403, 404)},
	"POST /groups/{id}/supporters-session":                 {path: "/groups/{group}/supporters-session", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"GET /groups/{id}/staff":                               {path: "/groups/{group}/staff", signedOut: 303, html: true, byRole: roles(403, 403, 200, 403, 404)},
	"POST /groups/{id}/staff":                              {path: "/groups/{group}/staff", signedOut: 303, html: true, byRole: roles(403, 403, 422, 403, 404)},
	"GET /groups/{id}/staff/{user}/remove":                 {path: "/groups/{group}/staff/{spare}/remove", signedOut: 303, html: true, byRole: roles(403, 403, 200, 403, 404)},
	"POST /groups/{id}/staff/{user}/remove":                {path: "/groups/{group}/staff/{spare}/remove", signedOut: 303, html: true, byRole: roles(403, 403, 303, 403, 404)},
	// Reports. A group's report is read by everyone who reads the group
	// (administrators see counts, co-facilitators first names); its CSV,
	// with names, only by its facilitators and their supervisors. The
	// report across groups is counts only, for staff who run or oversee
	// groups: co-facilitators are refused, parents told nothing.
	"GET /groups/{id}/report":     {path: "/groups/{group}/report", signedOut: 303, html: true, byRole: roles(200, 200, 200, 200, 404)},
	"GET /groups/{id}/report.csv": {path: "/groups/{group}/report.csv", signedOut: 303, html: false, byRole: roles(403, 200, 200, 403, 404)},
	"GET /groups/reports":         {path: "/groups/reports", signedOut: 303, html: true, byRole: roles(200, 200, 200, 403, 404)},
	"GET /groups/reports.csv":     {path: "/groups/reports.csv", signedOut: 303, html: false, byRole: roles(200, 200, 200, 403, 404)},
	// The support network: a parent keeps their own at /my/supporters, and
	// nobody else reaches those pages (404). The fixture's supporter,
	// contact and round are the parent's own family's; the removals post
	// to a spare supporter and a spare contact. Empty forms are explained
	// (422). The family's workers read the same network, read only,
	// through the family policy.
	"GET /my/supporters":                                        parentOnly("/my/supporters", 200),
	"GET /my/supporters/new":                                    parentOnly("/my/supporters/new", 200),
	"POST /my/supporters":                                       parentOnly("/my/supporters", 422),
	"GET /my/supporters/people/{id}":                            parentOnly("/my/supporters/people/{supporter}", 200),
	"GET /my/supporters/people/{id}/edit":                       parentOnly("/my/supporters/people/{supporter}/edit", 200),
	"POST /my/supporters/people/{id}/edit":                      parentOnly("/my/supporters/people/{supporter}/edit", 422),
	"GET /my/supporters/people/{id}/remove":                     parentOnly("/my/supporters/people/{supporter}/remove", 200),
	"POST /my/supporters/people/{id}/remove":                    parentOnly("/my/supporters/people/{spare-supporter}/remove", 303),
	"GET /my/supporters/people/{id}/contacts/new":               parentOnly("/my/supporters/people/{supporter}/contacts/new", 200),
	"POST /my/supporters/people/{id}/contacts":                  parentOnly("/my/supporters/people/{supporter}/contacts", 422),
	"GET /my/supporters/people/{id}/contacts/{contact}/remove":  parentOnly("/my/supporters/people/{supporter}/contacts/{contact}/remove", 200),
	"POST /my/supporters/people/{id}/contacts/{contact}/remove": parentOnly("/my/supporters/people/{supporter}/contacts/{spare-contact}/remove", 303),
	"GET /my/supporters/rounds/new":                             parentOnly("/my/supporters/rounds/new", 200),
	"POST /my/supporters/rounds":                                parentOnly("/my/supporters/rounds", 422),
	"GET /my/supporters/rounds/{id}":                            parentOnly("/my/supporters/rounds/{round}", 200),
	"GET /families/{id}/supporters":                             familyWork("/families/{family}/supporters", 200),
	// Sit-ins: the parent plans and records their own; the family's workers
	// read them. Posted empty, every form is refused and saves nothing.
	"GET /my/sit-ins":            parentOnly("/my/sit-ins", 200),
	"GET /my/sit-ins/new":        parentOnly("/my/sit-ins/new", 200),
	"POST /my/sit-ins":           parentOnly("/my/sit-ins", 422),
	"GET /my/sit-ins/{id}":       parentOnly("/my/sit-ins/{sit-in}", 200),
	"POST /my/sit-ins/{id}":      parentOnly("/my/sit-ins/{sit-in}", 422),
	"GET /my/sit-ins/{id}/done":  parentOnly("/my/sit-ins/{sit-in}/done", 200),
	"POST /my/sit-ins/{id}/done": parentOnly("/my/sit-ins/{sit-in}/done", 422),
	// Calling the sit-in off comes last: it closes the sit-in.
	"GET /my/sit-ins/{id}/cancel":  parentOnly("/my/sit-ins/{sit-in}/cancel", 200),
	"POST /my/sit-ins/{id}/cancel": parentOnly("/my/sit-ins/{sit-in}/cancel", 303),
	"GET /families/{id}/sit-ins":   familyWork("/families/{family}/sit-ins", 200),
	// Vigilant care and baskets: the parent's own at /my/vigilance and
	// /my/baskets, nobody else's (404). The fixture's concern and behaviour
	// are the parent's family's; settling and taking off post to spares.
	// Empty forms are explained (422). The family's workers read both,
	// read only, through the family policy.
	"GET /my/vigilance":              parentOnly("/my/vigilance", 200),
	"GET /my/vigilance/new":          parentOnly("/my/vigilance/new", 200),
	"POST /my/vigilance":             parentOnly("/my/vigilance", 422),
	"GET /my/vigilance/{id}":         parentOnly("/my/vigilance/{concern}", 200),
	"POST /my/vigilance/{id}/level":  parentOnly("/my/vigilance/{concern}/level", 422),
	"GET /my/vigilance/{id}/settle":  parentOnly("/my/vigilance/{concern}/settle", 200),
	"POST /my/vigilance/{id}/settle": parentOnly("/my/vigilance/{spare-concern}/settle", 303),
	"GET /my/baskets":                parentOnly("/my/baskets", 200),
	"GET /my/baskets/new":            parentOnly("/my/baskets/new", 200),
	"POST /my/baskets":               parentOnly("/my/baskets", 422),
	"GET /my/baskets/{id}/move":      parentOnly("/my/baskets/{behaviour}/move", 200),
	"POST /my/baskets/{id}/move":     parentOnly("/my/baskets/{behaviour}/move", 422),
	"GET /my/baskets/{id}/remove":    parentOnly("/my/baskets/{behaviour}/remove", 200),
	"POST /my/baskets/{id}/remove":   parentOnly("/my/baskets/{spare-behaviour}/remove", 303),
	"GET /families/{id}/vigilance":   familyWork("/families/{family}/vigilance", 200),
	"GET /families/{id}/baskets":     familyWork("/families/{family}/baskets", 200),
	// Inviting a parent or carer to their own space: the fixture's carer has
	// no account yet, so the form is shown (200), an empty one is explained
	// (422), and there is no account to make a new link for (404). Staff
	// outside the family's work are offered break-glass, which still does
	// not let them invite (the policy's KindParentInvite).
	"GET /families/{id}/people/{person}/invite":           familyWork("/families/{family}/people/{carer}/invite", 200),
	"POST /families/{id}/people/{person}/invite":          familyWork("/families/{family}/people/{carer}/invite", 422),
	"GET /families/{id}/people/{person}/invite/new-link":  familyWork("/families/{family}/people/{carer}/invite/new-link", 404),
	"POST /families/{id}/people/{person}/invite/new-link": familyWork("/families/{family}/people/{carer}/invite/new-link", 404),
	// The parent's own pages: who sees what they write (confirming it sends
	// them on), and where to get help now. They do not exist for staff.
	"GET /my/who-can-see":  {path: "/my/who-can-see", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 200)},
	"POST /my/who-can-see": {path: "/my/who-can-see", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 303)},
	"GET /my/help":         {path: "/my/help", signedOut: 303, html: true, byRole: roles(404, 404, 404, 404, 200)},
	// Where parents are told to get help: administrators. An empty form is
	// refused; unknown contacts do not exist.
	"GET /admin/help-contacts":              adminOnly("/admin/help-contacts", 200),
	"GET /admin/help-contacts/new":          adminOnly("/admin/help-contacts/new", 200),
	"POST /admin/help-contacts":             adminOnly("/admin/help-contacts", 422),
	"GET /admin/help-contacts/{id}/edit":    adminOnly("/admin/help-contacts/"+noSuchUser+"/edit", 404),
	"POST /admin/help-contacts/{id}/edit":   adminOnly("/admin/help-contacts/"+noSuchUser+"/edit", 404),
	"GET /admin/help-contacts/{id}/remove":  adminOnly("/admin/help-contacts/"+noSuchUser+"/remove", 404),
	"POST /admin/help-contacts/{id}/remove": adminOnly("/admin/help-contacts/"+noSuchUser+"/remove", 404),
	// Break-glass, posted with no reason: those who may break glass are asked
	// for one (422); those already in the family's work are sent to it (303).
	"POST /families/{id}": {path: "/families/{family}", signedOut: 303, html: true, byTarget: map[target]map[access.Role]int{
		related:   roles(422, 303, 303, 404, 404),
		unrelated: roles(422, 422, 422, 404, 404),
		otherOrg:  roles(404, 404, 404, 404, 404),
	}},

	// Practitioners' wellbeing: staff who are not co-facilitators have a
	// wellbeing page; practitioners check in and choose whether to share
	// (empty forms are explained, 422); practitioners and supervisors keep
	// a self-care plan; the supervisor reads their team's figures and the
	// trend of the fixture's practitioner, who shares it with them (the
	// practitioner reads their own); administrators read the
	// organisation's figures. Everyone else is told nothing (404).
	"GET /wellbeing":              {path: "/wellbeing", signedOut: 303, html: true, byRole: roles(200, 200, 200, 404, 404)},
	"POST /wellbeing":             {path: "/wellbeing", signedOut: 303, html: true, byRole: roles(404, 404, 422, 404, 404)},
	"POST /wellbeing/sharing":     {path: "/wellbeing/sharing", signedOut: 303, html: true, byRole: roles(404, 404, 422, 404, 404)},
	"GET /wellbeing/self-care":    {path: "/wellbeing/self-care", signedOut: 303, html: true, byRole: roles(404, 200, 200, 404, 404)},
	"POST /wellbeing/self-care":   {path: "/wellbeing/self-care", signedOut: 303, html: true, byRole: roles(404, 422, 422, 404, 404)},
	"GET /wellbeing/team":         {path: "/wellbeing/team", signedOut: 303, html: true, byRole: roles(404, 200, 404, 404, 404)},
	"GET /wellbeing/organisation": {path: "/wellbeing/organisation", signedOut: 303, html: true, byRole: roles(200, 404, 404, 404, 404)},
	"GET /wellbeing/people/{id}":  {path: "/wellbeing/people/{practitioner}", signedOut: 303, html: true, byRole: roles(404, 200, 200, 404, 404)},
}

// matrixFixture holds the families each target stands for.
type matrixFixture struct {
	families map[target]store.Family
	otherOrg string // the other organisation's name
	child    string // a child in the related family
	note     string // a contact note about the related family
	// engagement is an engagement record of the related family, by its
	// practitioner, who feels at risk; action and hypothesis are its own.
	engagement, action, hypothesis string
	prac                           string // the practitioner allocated to the related family
	plan                           string // a conversation plan about the related family
	group                          string // a group the practitioner runs, with the co-facilitator attached and the parent's family enrolled
	// enrolment is the related family's place in the group, absent from
	// its first session; spare is a second co-facilitator of the group.
	enrolment, spare string
	// journal is a hard moment in the related family's journal, written by
	// its parent, that raised an alert.
	journal string
	// supporter, contact and round are the related family's support
	// network; spareSupporter and spareContact are there to be removed.
	supporter, contact, round, spareSupporter, spareContact string
	// sitIn is a planned sit-in of the related family, answering journal.
	sitIn string
	carer string // a carer in the related family, with no account of their own
	// concern and behaviour are the related family's vigilant care and
	// baskets; spareConcern is there to be settled and spareBehaviour to be
	// taken off.
	concern, spareConcern, behaviour, spareBehaviour string
	// supervision is a planned session between the demo supervisor and
	// the practitioner; agendaNote is something the practitioner added to
	// their agenda.
	supervision, agendaNote string
}

func newMatrixFixture(t *testing.T, env *webtest.Env) matrixFixture {
	t.Helper()
	ctx := t.Context()
	parent, err := env.DB.UserByEmail(ctx, env.Accounts[access.Parent].Email)
	if err != nil {
		t.Fatal(err)
	}
	own, err := env.DB.FamilyInOrg(ctx, parent.OrgID, parent.FamilyID)
	if err != nil {
		t.Fatal(err)
	}
	loose, err := env.DB.CreateFamily(ctx, parent.OrgID, "The Unallocated-Fairweather family")
	if err != nil {
		t.Fatal(err)
	}
	org, err := env.DB.CreateOrganisation(ctx, "Elsewhere Borough Council")
	if err != nil {
		t.Fatal(err)
	}
	far, err := env.DB.CreateFamily(ctx, org.ID, "The Faraway-Elsewhere family")
	if err != nil {
		t.Fatal(err)
	}
	child, err := env.DB.AddMember(ctx, parent.OrgID, family.Member{FamilyID: own.ID, Kind: family.Child, Name: "Matrix Child", DateOfBirth: "2016-05-04"})
	if err != nil {
		t.Fatal(err)
	}
	prac, err := env.DB.UserByEmail(ctx, env.Accounts[access.Practitioner].Email)
	if err != nil {
		t.Fatal(err)
	}
	note, err := env.DB.SaveNote(ctx, parent.OrgID, family.Note{FamilyID: own.ID, AuthorID: prac.ID, OccurredAt: time.Now().Add(-time.Hour),
		Kind: family.Phone, ChildSeen: family.NotSeen, Body: "Matrix note"})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := env.DB.SaveEngagementRecord(ctx, parent.OrgID, engagement.Record{FamilyID: own.ID, AuthorID: prac.ID,
		RecordedOn: engagement.Day(env.Clock.Now()), ReviewOn: engagement.Day(env.Clock.Now()).AddDate(0, 1, 0),
		Patterns:   []engagement.ObservedPattern{{Pattern: engagement.Avoidance, Seen: "Matrix: no answer at the door"}},
		Hypotheses: []engagement.Hypothesis{{Reason: engagement.StaffChanges}}, ForChild: "Matrix: not seen for a fortnight",
		Risk: engagement.AtRisk, Safety: engagement.JointVisit,
		Actions: []engagement.Action{{What: "Matrix action", Owner: "Me", DueOn: engagement.Day(env.Clock.Now()).AddDate(0, 0, 7)}}})
	if err != nil {
		t.Fatal(err)
	}
	plan, _, err := env.DB.SavePlan(ctx, parent.OrgID, conversation.Plan{FamilyID: own.ID, AuthorID: prac.ID, Purpose: "Matrix plan",
		Worries: "Matrix worries", Opening: "Matrix opening"})
	if err != nil {
		t.Fatal(err)
	}
	cofac, err := env.DB.UserByEmail(ctx, env.Accounts[access.CoFacilitator].Email)
	if err != nil {
		t.Fatal(err)
	}
	shipped, _, err := nvr.ShippedTemplate("steadfast-group-12-week")
	if err != nil {
		t.Fatal(err)
	}
	start := nvr.Date(env.Clock.Now()).AddDate(0, 0, -7) // session 1 has been held; session 2 is today
	group, err := env.DB.CreateGroup(ctx, parent.OrgID, prac.ID, store.NewGroup{Course: nvr.Course{Name: "Matrix group", Kind: nvr.Group,
		Capacity: 12, Facilitators: []string{prac.ID}, CoFacilitators: []string{cofac.ID},
		Schedule: nvr.Schedule{Start: start, Weekday: start.Weekday(), Time: "18:30"}}, Template: shipped, Zone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	carer, err := env.DB.AddMember(ctx, parent.OrgID, family.Member{FamilyID: own.ID, Kind: family.Carer, Name: "Matrix Carer"})
	if err != nil {
		t.Fatal(err)
	}
	enrolment, err := env.DB.Enrol(ctx, parent.OrgID, group.ID, own.ID, carer.ID, prac.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.RecordAttendance(ctx, parent.OrgID, group.ID, 1, prac.ID, []store.AttendanceEntry{{EnrolmentID: enrolment.ID, Value: nvr.Absent}}); err != nil {
		t.Fatal(err)
	}
	spare, err := env.DB.CreateUser(ctx, store.NewUser{OrgID: parent.OrgID, Email: "matrix-spare@example.org", Name: "Matrix Spare", Role: access.CoFacilitator})
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.AddGroupStaff(ctx, parent.OrgID, group.ID, spare.ID, nvr.CoFacilitator); err != nil {
		t.Fatal(err)
	}
	hurt, _, err := env.DB.SaveJournalEntry(ctx, parent.OrgID, journal.Entry{FamilyID: own.ID, AuthorID: parent.ID, Kind: journal.HardMoment,
		OccurredAt: env.Clock.Now().Add(-time.Hour), What: []journal.What{journal.PhysicalViolence}, Intensity: &[]int{6}[0], Hurt: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.SaveAnnouncement(ctx, parent.OrgID, parent.ID, journal.Announcement{FamilyID: own.ID, Status: journal.Draft,
		Parts: journal.AnnouncementParts{NoLonger: "Matrix: no more hitting"}, Text: "Matrix: no more hitting"}); err != nil {
		t.Fatal(err)
	}
	fx := matrixFixture{families: map[target]store.Family{related: own, unrelated: loose, otherOrg: far}, otherOrg: org.Name, child: child.ID, note: note.ID,
		prac: prac.ID, plan: plan.ID, group: group.ID, engagement: rec.ID, action: rec.Actions[0].ID, hypothesis: rec.Hypotheses[0].ID,
		enrolment: enrolment.ID, spare: spare.ID, journal: hurt.ID, carer: carer.ID}
	fx.addNetwork(t, env, parent)
	sitIn, err := env.DB.AddSitIn(ctx, parent.OrgID, parent.ID, journal.SitIn{FamilyID: own.ID, Status: journal.SitInPlanned, EntryID: hurt.ID,
		PlannedFor: env.Clock.Now().Add(24 * time.Hour), With: "Matrix Supporter", WillSay: "Matrix words"})
	if err != nil {
		t.Fatal(err)
	}
	fx.sitIn = sitIn.ID
	if err := env.DB.SetTrendSharing(ctx, parent.OrgID, prac.ID, true); err != nil { // the practitioner shares their wellbeing trend
		t.Fatal(err)
	}
	fx.addVigilanceAndBaskets(t, env, parent)
	fx.supervision = addMatrixSupervision(t, env, parent.OrgID, prac.ID)
	agendaNote, err := env.DB.AddAgendaNote(ctx, parent.OrgID, supervision.AgendaNote{PractitionerID: prac.ID, Text: "Matrix agenda item", AddedBy: prac.ID})
	if err != nil {
		t.Fatal(err)
	}
	fx.agendaNote = agendaNote.ID
	return fx
}

// addMatrixSupervision plans a session between the demo supervisor and
// the practitioner, who the demo links.
func addMatrixSupervision(t *testing.T, env *webtest.Env, orgID, pracID string) string {
	t.Helper()
	sup, err := env.DB.UserByEmail(t.Context(), env.Accounts[access.Supervisor].Email)
	if err != nil {
		t.Fatal(err)
	}
	ses, err := env.DB.PlanSupervision(t.Context(), orgID, supervision.Session{SupervisorID: sup.ID, PractitionerID: pracID,
		PlannedFor: env.Clock.Now().Add(48 * time.Hour), CreatedBy: sup.ID})
	if err != nil {
		t.Fatal(err)
	}
	return ses.ID
}

// addVigilanceAndBaskets gives the parent's family a concern and a
// behaviour, and a spare of each to settle and to take off.
func (fx *matrixFixture) addVigilanceAndBaskets(t *testing.T, env *webtest.Env, parent access.User) {
	t.Helper()
	ctx := t.Context()
	concern := func(about string) string {
		c, err := env.DB.AddConcern(ctx, parent.OrgID, parent.ID, journal.Concern{FamilyID: parent.FamilyID, About: about, Level: journal.OpenAttention}, "")
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	behaviour := func(what string) string {
		b, err := env.DB.AddBehaviour(ctx, parent.OrgID, parent.ID, journal.Behaviour{FamilyID: parent.FamilyID, What: what, Basket: journal.Negotiable})
		if err != nil {
			t.Fatal(err)
		}
		return b.ID
	}
	fx.concern, fx.spareConcern = concern("Matrix concern"), concern("Matrix spare concern")
	fx.behaviour, fx.spareBehaviour = behaviour("Matrix behaviour"), behaviour("Matrix spare behaviour")
}

// addNetwork gives the parent's family a supporter with a contact, a
// telephone round, and a spare supporter and contact to remove.
func (fx *matrixFixture) addNetwork(t *testing.T, env *webtest.Env, parent access.User) {
	t.Helper()
	ctx := t.Context()
	add := func(name string) string {
		sp, err := env.DB.AddSupporter(ctx, parent.OrgID, parent.ID, network.Supporter{FamilyID: parent.FamilyID, Name: name,
			Roles: []network.Role{network.TelephoneRound}, Agreement: network.Agreed})
		if err != nil {
			t.Fatal(err)
		}
		return sp.ID
	}
	contact := func(supporter string) string {
		c, err := env.DB.AddContact(ctx, parent.OrgID, parent.ID, network.Contact{FamilyID: parent.FamilyID, SupporterID: supporter,
			On: "2026-01-05", About: "Matrix contact"})
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	fx.supporter, fx.spareSupporter = add("Matrix Supporter"), add("Matrix Spare Supporter")
	fx.contact, fx.spareContact = contact(fx.supporter), contact(fx.supporter)
	round, err := env.DB.AddRound(ctx, parent.OrgID, parent.ID, network.Round{FamilyID: parent.FamilyID, At: env.Clock.Now().Add(-time.Hour),
		Why: "Matrix round", Calls: []network.Call{{SupporterID: fx.supporter, Outcome: network.ReachedHelped}}})
	if err != nil {
		t.Fatal(err)
	}
	fx.round = round.ID
}

func (fx matrixFixture) path(pattern string, t target) string {
	return strings.NewReplacer("{family}", fx.families[t].ID, "{person}", fx.child, "{note}", fx.note, "{practitioner}", fx.prac,
		"{engagement}", fx.engagement, "{action}", fx.action, "{hypothesis}", fx.hypothesis, "{conversation}", fx.plan, "{group}", fx.group,
		"{enrolment}", fx.enrolment, "{spare}", fx.spare, "{supporter}", fx.supporter, "{contact}", fx.contact, "{round}", fx.round,
		"{spare-supporter}", fx.spareSupporter, "{spare-contact}", fx.spareContact, "{journal}", fx.journal, "{carer}", fx.carer, "{sit-in}", fx.sitIn,
		"{concern}", fx.concern, "{spare-concern}", fx.spareConcern, "{behaviour}", fx.behaviour, "{spare-behaviour}", fx.spareBehaviour, "{supervision}", fx.supervision, "{agenda-note}", fx.agendaNote).Replace(pattern)
}

func TestAccessMatrixCoversEveryRoute(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Empty: true})
	missing := matrixGaps(env.Server.Routes(), accessMatrix)
	for _, m := range missing {
		t.Error(m)
	}
	registered := map[string]bool{}
	for _, r := range env.Server.Routes() {
		registered[r.Pattern] = true
	}
	for pattern := range accessMatrix {
		if !registered[pattern] {
			t.Errorf("the access matrix names %q, which is not registered", pattern)
		}
	}
}

// matrixGaps lists every route without a row, and every missing cell.
func matrixGaps(routes []web.Route, matrix map[string]matrixRow) []string {
	var gaps []string
	for _, r := range routes {
		row, ok := matrix[r.Pattern]
		if !ok {
			gaps = append(gaps, "route "+r.Pattern+" has no row in the access matrix")
			continue
		}
		if row.signedOut == 0 {
			gaps = append(gaps, r.Pattern+": no status for signed-out callers")
		}
		for _, role := range access.Roles() {
			if !row.isFamilyRoute() {
				if _, ok := row.want(role, ""); !ok {
					gaps = append(gaps, r.Pattern+": no status for "+string(role))
				}
				continue
			}
			for _, tg := range targets {
				if _, ok := row.want(role, tg); !ok {
					gaps = append(gaps, r.Pattern+": no status for "+string(role)+" on the "+string(tg)+" family")
				}
			}
		}
	}
	return gaps
}

// TestAccessMatrixCatchesGaps shows the coverage check can fail: a new route
// with no row, and a family route missing one cell, are both reported.
func TestAccessMatrixCatchesGaps(t *testing.T) {
	partial := roles(200, 200, 200, 404, 404)
	delete(partial, access.Parent)
	matrix := map[string]matrixRow{
		"GET /healthz": same("/healthz", 200, 200, false),
		"GET /families/{id}/notes": {path: "/families/{family}/notes", signedOut: 303, byTarget: map[target]map[access.Role]int{
			related: roles(403, 200, 200, 404, 404), unrelated: partial, otherOrg: roles(404, 404, 404, 404, 404),
		}},
	}
	routes := []web.Route{{Pattern: "GET /healthz"}, {Pattern: "GET /families/{id}/notes"}, {Pattern: "GET /families/{id}/plans"}}
	gaps := matrixGaps(routes, matrix)
	if len(gaps) != 2 || !strings.Contains(gaps[0], "parent on the unrelated family") || !strings.Contains(gaps[1], "/plans has no row") {
		t.Fatalf("gaps = %q; want the missing cell and the missing row", gaps)
	}
}

// TestAccessMatrix requests every route as every caller, fully signed in
// with a second factor as staff must be, and checks the status and security
// headers, on every engine.
func TestAccessMatrix(t *testing.T) {
	for _, engine := range engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine, EnrolTOTP: true})
			fx := newMatrixFixture(t, env)
			signedIn := map[access.Role]*client{"": newClient(t, env)}
			for _, role := range access.Roles() {
				signedIn[role] = newClient(t, env)
				signedIn[role].signIn(env.Accounts[role])
			}
			for _, r := range env.Server.Routes() {
				row := accessMatrix[r.Pattern]
				tgs := []target{""}
				if row.isFamilyRoute() {
					tgs = targets
				}
				for _, role := range append([]access.Role{""}, access.Roles()...) {
					for _, tg := range tgs {
						c := signedIn[role]
						if r.Pattern == "POST /sign-out" && role != "" {
							// Signing out would end the session the other rows use.
							c = newClient(t, env)
							c.signIn(env.Accounts[role])
						}
						path := fx.path(row.path, tg)
						var res response
						if r.Method() == http.MethodPost {
							res = c.post(path, url.Values{})
						} else {
							res = c.get(path)
						}
						want, _ := row.want(role, tg)
						who := string(role)
						if who == "" {
							who = "signed out"
						}
						if res.StatusCode != want {
							t.Errorf("%s as %s (%s family): status %d, want %d", r.Pattern, who, tg, res.StatusCode, want)
						}
						checkSecurityHeaders(t, r.Pattern+" as "+who, res, !strings.HasPrefix(path, "/static/"))
						if row.html && res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusNoContent && !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
							t.Errorf("%s as %s: content type %q", r.Pattern, who, res.Header.Get("Content-Type"))
						}
					}
				}
			}
		})
	}
}
