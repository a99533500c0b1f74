package web

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// registerRoutes is the one list of everything Steadfast serves. Every route
// added here must also appear in the route tests (see routes_test.go).
func (s *Server) registerRoutes(mux *http.ServeMux) {
	// Operations.
	s.handle(mux, "GET /healthz", Public, s.healthz)
	s.handle(mux, "GET /readyz", Public, s.readyz)
	s.handleRaw(mux, "GET /metrics", promhttp.HandlerFor(s.metrics.gatherer, promhttp.HandlerOpts{}))
	s.handleRaw(mux, "GET /static/", staticHandler(s.static))

	// Public pages.
	s.handle(mux, "GET /accessibility", Public, s.accessibilityPage)
	s.handle(mux, "GET /privacy", Public, s.privacyPage)

	// First run.
	s.handle(mux, "GET /setup/{token}", Public, s.setupPage)
	s.handle(mux, "POST /setup/{token}", Public, s.setupSubmit)

	// Signing in and out.
	s.handle(mux, "GET /sign-in", Public, s.signInPage)
	s.handle(mux, "POST /sign-in", Public, s.signInSubmit)
	s.handle(mux, "GET /sign-in/code", Public, s.signInCodePage)
	s.handle(mux, "POST /sign-in/code", Public, s.signInCodeSubmit)
	s.handle(mux, "POST /sign-out", Public, s.signOut)

	// Setting a password from an invitation or reset link.
	s.handle(mux, "GET /set-password/{token}", Public, s.setPasswordPage)
	s.handle(mux, "POST /set-password/{token}", Public, s.setPasswordSubmit)

	// Administration: people and teams.
	s.handle(mux, "GET /admin/users", SignedIn, s.adminUsers)
	s.handle(mux, "GET /admin/users/new", SignedIn, s.adminInviteForm)
	s.handle(mux, "POST /admin/users", SignedIn, s.adminInvite)
	s.handle(mux, "GET /admin/users/{id}", SignedIn, s.adminUser)
	s.handle(mux, "POST /admin/users/{id}/role", SignedIn, s.adminUserRole)
	s.handle(mux, "POST /admin/users/{id}/team", SignedIn, s.adminUserTeam)
	s.handle(mux, "POST /admin/users/{id}/supervisors", SignedIn, s.adminUserAddSupervisor)
	s.handle(mux, "POST /admin/users/{id}/supervisors/{supervisor}/remove", SignedIn, s.adminUserRemoveSupervisor)
	s.handle(mux, "POST /admin/users/{id}/link", SignedIn, s.adminUserLink)
	s.handle(mux, "GET /admin/users/{id}/disable", SignedIn, s.adminUserDisableConfirm)
	s.handle(mux, "POST /admin/users/{id}/disable", SignedIn, s.adminUserDisable)
	s.handle(mux, "POST /admin/users/{id}/enable", SignedIn, s.adminUserEnable)
	s.handle(mux, "POST /admin/users/{id}/unlock", SignedIn, s.adminUserUnlock)
	s.handle(mux, "GET /admin/users/{id}/reset-second-factor", SignedIn, s.adminUserResetConfirm)
	s.handle(mux, "POST /admin/users/{id}/reset-second-factor", SignedIn, s.adminUserReset)
	s.handle(mux, "GET /admin/audit", SignedIn, s.adminAudit)
	s.handle(mux, "GET /audit", SignedIn, s.teamAudit)
	s.handle(mux, "GET /admin/teams", SignedIn, s.adminTeams)
	s.handle(mux, "POST /admin/teams", SignedIn, s.adminCreateTeam)
	s.handle(mux, "GET /admin/language", SignedIn, s.adminLanguage)
	s.handle(mux, "POST /admin/language/terms", SignedIn, s.adminLanguageAdd)
	s.handle(mux, "GET /admin/language/terms/{id}/remove", SignedIn, s.adminLanguageRemoveConfirm)
	s.handle(mux, "POST /admin/language/terms/{id}/remove", SignedIn, s.adminLanguageRemove)
	s.handle(mux, "POST /admin/language/base/{term}/disable", SignedIn, s.adminLanguageDisable)
	s.handle(mux, "POST /admin/language/base/{term}/enable", SignedIn, s.adminLanguageEnable)
	s.handle(mux, "POST /admin/language/try", SignedIn, s.adminLanguageTry)
	s.handle(mux, "GET /admin/help-contacts", SignedIn, s.adminHelpContacts)
	s.handle(mux, "GET /admin/help-contacts/new", SignedIn, s.adminNewHelpContact)
	s.handle(mux, "POST /admin/help-contacts", SignedIn, s.adminAddHelpContact)
	s.handle(mux, "GET /admin/help-contacts/{id}/edit", SignedIn, s.adminEditHelpContactPage)
	s.handle(mux, "POST /admin/help-contacts/{id}/edit", SignedIn, s.adminEditHelpContact)
	s.handle(mux, "GET /admin/help-contacts/{id}/remove", SignedIn, s.adminRemoveHelpContactConfirm)
	s.handle(mux, "POST /admin/help-contacts/{id}/remove", SignedIn, s.adminRemoveHelpContact)

	// Families. POST to the family's own address opens it through
	// break-glass, so the page asking for a reason names no family.
	s.handle(mux, "GET /families", SignedIn, s.caseload)
	s.handle(mux, "GET /families/{id}", SignedIn, s.familyPage)
	s.handle(mux, "GET /families/{id}/audit", SignedIn, s.familyAudit)
	s.handle(mux, "GET /families/{id}/people/new", SignedIn, s.newPersonPage)
	s.handle(mux, "POST /families/{id}/people", SignedIn, s.addPerson)
	s.handle(mux, "GET /families/{id}/people/{person}", SignedIn, s.editPersonPage)
	s.handle(mux, "POST /families/{id}/people/{person}", SignedIn, s.savePerson)
	s.handle(mux, "POST /language/check", SignedIn, s.checkWording)
	s.handle(mux, "GET /families/{id}/timeline", SignedIn, s.timelinePage)
	s.handle(mux, "GET /families/{id}/notes/new", SignedIn, s.newNotePage)
	s.handle(mux, "POST /families/{id}/notes", SignedIn, s.saveNote)
	s.handle(mux, "POST /families/{id}/drafts", SignedIn, s.saveDraft)
	s.handle(mux, "GET /families/{id}/notes/{note}", SignedIn, s.notePage)
	s.handle(mux, "GET /families/{id}/notes/{note}/edit", SignedIn, s.editNotePage)
	s.handle(mux, "POST /families/{id}/notes/{note}", SignedIn, s.saveNote)
	s.handle(mux, "GET /families/{id}/scale", SignedIn, s.scalePage)
	s.handle(mux, "POST /families/{id}/scale", SignedIn, s.addRating)
	s.handle(mux, "GET /allocations", SignedIn, s.allocationsPage)
	s.handle(mux, "POST /allocations", SignedIn, s.allocate)
	s.handle(mux, "GET /families/{id}/allocations/{practitioner}/end", SignedIn, s.endAllocationConfirm)
	s.handle(mux, "POST /families/{id}/allocations/{practitioner}/end", SignedIn, s.endAllocation)
	s.handle(mux, "GET /families/{id}/details", SignedIn, s.detailsPage)
	s.handle(mux, "POST /families/{id}/contexts", SignedIn, s.addContext)
	s.handle(mux, "GET /families/{id}/contexts/{context}/end", SignedIn, s.endContextConfirm)
	s.handle(mux, "POST /families/{id}/contexts/{context}/end", SignedIn, s.endContext)
	s.handle(mux, "POST /families/{id}/consents", SignedIn, s.recordConsent)
	s.handle(mux, "GET /families/{id}/consents/{consent}/withdraw", SignedIn, s.withdrawConsentConfirm)
	s.handle(mux, "POST /families/{id}/consents/{consent}/withdraw", SignedIn, s.withdrawConsent)
	s.handle(mux, "POST /families/{id}/status", SignedIn, s.setStatus)
	s.handle(mux, "GET /families/{id}/summary", SignedIn, s.summaryPage)
	s.handle(mux, "POST /families/{id}/summary", SignedIn, s.saveSummary)
	// Working with resistance: engagement records, their plans and safety.
	s.handle(mux, "GET /families/{id}/engagement", SignedIn, s.engagementPage)
	s.handle(mux, "GET /families/{id}/engagement/new", SignedIn, s.newEngagementPage)
	s.handle(mux, "POST /families/{id}/engagement", SignedIn, s.saveEngagement)
	s.handle(mux, "GET /families/{id}/engagement/{record}", SignedIn, s.engagementRecordPage)
	s.handle(mux, "POST /families/{id}/engagement/{record}/actions/{action}", SignedIn, s.changeEngagementAction)
	s.handle(mux, "POST /families/{id}/engagement/{record}/hypotheses/{hypothesis}", SignedIn, s.changeEngagementHypothesis)
	s.handle(mux, "POST /families/{id}/engagement/{record}/supervision", SignedIn, s.sendEngagementToSupervision)
	s.handle(mux, "POST /families/{id}/engagement/{record}/safety/end", SignedIn, s.endSafetyFlag)
	s.handle(mux, "GET /team", SignedIn, s.teamPage)
	// Courageous-conversation plans, their debriefs, and taking either to supervision.
	s.handle(mux, "GET /families/{id}/conversations", SignedIn, s.conversationsPage)
	s.handle(mux, "GET /families/{id}/conversations/new", SignedIn, s.newPlanPage)
	// The parents' NVR journal, with its safety alerts.
	s.handle(mux, "GET /families/{id}/journal", SignedIn, s.familyJournalPage)
	s.handle(mux, "POST /families/{id}/journal/alerts/{entry}", SignedIn, s.acknowledgeJournalAlert)
	s.handle(mux, "GET /families/{id}/announcement", SignedIn, s.familyAnnouncementPage)
	s.handle(mux, "POST /families/{id}/announcement/comments", SignedIn, s.commentOnAnnouncement)
	// Referring the family to an NVR group someone else runs.
	s.handle(mux, "GET /families/{id}/groups", SignedIn, s.referralPage)
	s.handle(mux, "POST /families/{id}/groups", SignedIn, s.refer)
	s.handle(mux, "POST /families/{id}/conversations", SignedIn, s.savePlan)
	s.handle(mux, "GET /families/{id}/conversations/{conversation}", SignedIn, s.planPage)
	s.handle(mux, "GET /families/{id}/conversations/{conversation}/edit", SignedIn, s.editPlanPage)
	s.handle(mux, "POST /families/{id}/conversations/{conversation}/edit", SignedIn, s.savePlan)
	s.handle(mux, "GET /families/{id}/conversations/{conversation}/debrief", SignedIn, s.debriefPage)
	s.handle(mux, "POST /families/{id}/conversations/{conversation}/debrief", SignedIn, s.saveDebrief)
	s.handle(mux, "POST /families/{id}/conversations/{conversation}/supervision", SignedIn, s.sendPlanToSupervision)
	// The family's support network and sit-ins, read only, as the parent keeps them.
	s.handle(mux, "GET /families/{id}/supporters", SignedIn, s.familyNetworkPage)
	s.handle(mux, "GET /families/{id}/sit-ins", SignedIn, s.familySitIns)
	// The family's vigilant care and baskets, read only, as the parent keeps them.
	s.handle(mux, "GET /families/{id}/vigilance", SignedIn, s.familyVigilancePage)
	s.handle(mux, "GET /families/{id}/baskets", SignedIn, s.familyBasketsPage)
	// Inviting a parent or carer to their own space, or making them a new link.
	s.handle(mux, "GET /families/{id}/people/{person}/invite", SignedIn, s.invitePersonPage)
	s.handle(mux, "POST /families/{id}/people/{person}/invite", SignedIn, s.invitePerson)
	s.handle(mux, "GET /families/{id}/people/{person}/invite/new-link", SignedIn, s.newParentLinkConfirm)
	s.handle(mux, "POST /families/{id}/people/{person}/invite/new-link", SignedIn, s.newParentLink)
	s.handle(mux, "POST /families/{id}", SignedIn, s.familyBreakGlass)
	// NVR programme templates: Steadfast's own and the organisation's copies.
	s.handle(mux, "GET /programmes", SignedIn, s.programmesPage)
	s.handle(mux, "GET /programmes/{id}", SignedIn, s.programmePage)
	s.handle(mux, "POST /programmes/{id}/copy", SignedIn, s.copyProgramme)
	s.handle(mux, "GET /programmes/{id}/edit", SignedIn, s.editProgrammePage)
	s.handle(mux, "POST /programmes/{id}/edit", SignedIn, s.saveProgramme)
	// NVR groups and one-to-one work: schedules, enrolments, sessions,
	// attendance and notes; for a parent, their own group and its handouts.
	// The parent's space: their journal, progress and group, on a phone.
	s.handle(mux, "GET /my", SignedIn, s.mySpace)
	s.handle(mux, "GET /my/log/{kind}", SignedIn, s.journalForm)
	s.handle(mux, "POST /my/log/{kind}", SignedIn, s.saveJournalEntry)
	s.handle(mux, "POST /my/drafts", SignedIn, s.saveJournalDraft)
	s.handle(mux, "GET /my/progress", SignedIn, s.myProgress)
	s.handle(mux, "GET /my/support", SignedIn, s.mySupport)
	s.handle(mux, "GET /my/announcement", SignedIn, s.myAnnouncementPage)
	s.handle(mux, "POST /my/announcement", SignedIn, s.saveMyAnnouncement)
	s.handle(mux, "GET /my/sit-ins", SignedIn, s.mySitIns)
	s.handle(mux, "GET /my/sit-ins/new", SignedIn, s.newSitInPage)
	s.handle(mux, "POST /my/sit-ins", SignedIn, s.addSitIn)
	s.handle(mux, "GET /my/sit-ins/{id}", SignedIn, s.sitInPage)
	s.handle(mux, "POST /my/sit-ins/{id}", SignedIn, s.saveSitIn)
	s.handle(mux, "GET /my/sit-ins/{id}/done", SignedIn, s.sitInDonePage)
	s.handle(mux, "POST /my/sit-ins/{id}/done", SignedIn, s.markSitInDone)
	s.handle(mux, "GET /my/sit-ins/{id}/cancel", SignedIn, s.cancelSitInConfirm)
	s.handle(mux, "POST /my/sit-ins/{id}/cancel", SignedIn, s.cancelSitIn)
	s.handle(mux, "GET /groups", SignedIn, s.groupsPage)
	s.handle(mux, "GET /groups/new", SignedIn, s.newGroupPage)
	s.handle(mux, "POST /groups", SignedIn, s.createGroup)
	s.handle(mux, "GET /groups/{id}", SignedIn, s.groupPage)
	s.handle(mux, "POST /groups/{id}/enrolments", SignedIn, s.enrol)
	s.handle(mux, "GET /groups/{id}/sessions/{n}", SignedIn, s.groupSessionPage)
	s.handle(mux, "GET /groups/{id}/handouts/{n}", SignedIn, s.groupHandoutPage)
	s.handle(mux, "POST /groups/{id}/sessions/{n}/attendance", SignedIn, s.recordGroupAttendance)
	s.handle(mux, "POST /groups/{id}/sessions/{n}/notes", SignedIn, s.saveGroupNotes)
	s.handle(mux, "GET /groups/{id}/enrolments/{enrolment}/withdraw", SignedIn, s.withdrawPage)
	s.handle(mux, "POST /groups/{id}/enrolments/{enrolment}/withdraw", SignedIn, s.withdraw)
	s.handle(mux, "GET /groups/{id}/sessions/{n}/move", SignedIn, s.moveSessionPage)
	s.handle(mux, "POST /groups/{id}/sessions/{n}/move", SignedIn, s.moveSession)
	s.handle(mux, "GET /groups/{id}/sessions/{n}/catch-ups/{enrolment}", SignedIn, s.catchUpPage)
	s.handle(mux, "POST /groups/{id}/sessions/{n}/catch-ups/{enrolment}", SignedIn, s.saveCatchUp)
	s.handle(mux, "GET /groups/{id}/supporters-session", SignedIn, s.supportersSessionPage)
	s.handle(mux, "POST /groups/{id}/supporters-session", SignedIn, s.addSupportersSession)
	s.handle(mux, "GET /groups/{id}/staff", SignedIn, s.groupStaffPage)
	s.handle(mux, "POST /groups/{id}/staff", SignedIn, s.addGroupStaff)
	s.handle(mux, "GET /groups/{id}/staff/{user}/remove", SignedIn, s.removeGroupStaffConfirm)
	s.handle(mux, "POST /groups/{id}/staff/{user}/remove", SignedIn, s.removeGroupStaff)
	// Reports: one group's attendance, funnel and who to reach out to;
	// groups run and completion rates across the actor's groups.
	s.handle(mux, "GET /groups/{id}/report", SignedIn, s.groupReportPage)
	s.handle(mux, "GET /groups/{id}/report.csv", SignedIn, s.groupReportCSV)
	s.handle(mux, "GET /groups/reports", SignedIn, s.groupsReportPage)
	s.handle(mux, "GET /groups/reports.csv", SignedIn, s.groupsReportCSV)

	// The parent's support network: their supporters, contacts with them
	// and telephone rounds. Only a parent reaches these, for their own
	// family; everyone else is told nothing.
	s.handle(mux, "GET /my/supporters", SignedIn, s.networkPage)
	s.handle(mux, "GET /my/supporters/new", SignedIn, s.newSupporterPage)
	s.handle(mux, "POST /my/supporters", SignedIn, s.addSupporter)
	s.handle(mux, "GET /my/supporters/people/{id}", SignedIn, s.supporterPage)
	s.handle(mux, "GET /my/supporters/people/{id}/edit", SignedIn, s.editSupporterPage)
	s.handle(mux, "POST /my/supporters/people/{id}/edit", SignedIn, s.saveSupporter)
	s.handle(mux, "GET /my/supporters/people/{id}/remove", SignedIn, s.removeSupporterConfirm)
	s.handle(mux, "POST /my/supporters/people/{id}/remove", SignedIn, s.removeSupporter)
	s.handle(mux, "GET /my/supporters/people/{id}/contacts/new", SignedIn, s.newContactPage)
	s.handle(mux, "POST /my/supporters/people/{id}/contacts", SignedIn, s.addContact)
	s.handle(mux, "GET /my/supporters/people/{id}/contacts/{contact}/remove", SignedIn, s.removeContactConfirm)
	s.handle(mux, "POST /my/supporters/people/{id}/contacts/{contact}/remove", SignedIn, s.removeContact)
	s.handle(mux, "GET /my/supporters/rounds/new", SignedIn, s.newRoundPage)
	s.handle(mux, "POST /my/supporters/rounds", SignedIn, s.addRound)
	s.handle(mux, "GET /my/supporters/rounds/{id}", SignedIn, s.roundPage)
	// Vigilant care: the parent's concerns, each with its level and every
	// change of level with the warning sign behind it.
	s.handle(mux, "GET /my/vigilance", SignedIn, s.vigilancePage)
	s.handle(mux, "GET /my/vigilance/new", SignedIn, s.newConcernPage)
	s.handle(mux, "POST /my/vigilance", SignedIn, s.addConcern)
	s.handle(mux, "GET /my/vigilance/{id}", SignedIn, s.concernPage)
	s.handle(mux, "POST /my/vigilance/{id}/level", SignedIn, s.changeLevel)
	s.handle(mux, "GET /my/vigilance/{id}/settle", SignedIn, s.settleConcernConfirm)
	s.handle(mux, "POST /my/vigilance/{id}/settle", SignedIn, s.settleConcern)
	// Baskets: the child's behaviours sorted, moved and taken off, every
	// move kept.
	s.handle(mux, "GET /my/baskets", SignedIn, s.basketsPage)
	s.handle(mux, "GET /my/baskets/new", SignedIn, s.newBehaviourPage)
	s.handle(mux, "POST /my/baskets", SignedIn, s.addBehaviour)
	s.handle(mux, "GET /my/baskets/{id}/move", SignedIn, s.moveBehaviourPage)
	s.handle(mux, "POST /my/baskets/{id}/move", SignedIn, s.moveBehaviour)
	s.handle(mux, "GET /my/baskets/{id}/remove", SignedIn, s.removeBehaviourConfirm)
	s.handle(mux, "POST /my/baskets/{id}/remove", SignedIn, s.removeBehaviour)

	// Setting up a second factor: reachable before one is set up.
	s.handle(mux, "GET "+enrolmentPath, Enrolment, s.enrolPage)
	s.handle(mux, "POST "+enrolmentPath, Enrolment, s.enrolSubmit)

	// Your own account.
	s.handle(mux, "GET /account", SignedIn, s.accountPage)
	s.handle(mux, "GET /account/password", SignedIn, s.passwordPage)
	s.handle(mux, "POST /account/password", SignedIn, s.passwordSubmit)
	s.handle(mux, "GET /account/sessions", SignedIn, s.sessionsPage)
	s.handle(mux, "POST /account/sessions/end-others", SignedIn, s.endOtherSessions)

	// The parent's own pages: who sees what they write, and where to get help now.
	s.handle(mux, "GET "+transparencyPath, SignedIn, s.transparencyPage)
	s.handle(mux, "POST "+transparencyPath, SignedIn, s.confirmTransparency)
	s.handle(mux, "GET /my/help", SignedIn, s.myHelpPage)

	// Reflective supervision: sessions between a supervisor and a
	// practitioner, their private reflective part, case direction, and the
	// supervision record. The fixed paths come before /supervision/{id}.
	s.handle(mux, "GET /supervision", SignedIn, s.supervisionList)
	s.handle(mux, "GET /supervision/new", SignedIn, s.planSupervisionPage)
	s.handle(mux, "POST /supervision", SignedIn, s.planSupervision)
	s.handle(mux, "GET /supervision/records", SignedIn, s.supervisionRecordsPage)
	s.handle(mux, "GET /supervision/settings", SignedIn, s.supervisionSettingsPage)
	s.handle(mux, "POST /supervision/settings", SignedIn, s.saveSupervisionSettings)
	s.handle(mux, "GET /supervision/legal-export", SignedIn, s.legalExportPage)
	s.handle(mux, "POST /supervision/legal-export", SignedIn, s.legalExport)
	s.handle(mux, "GET /supervision/{id}", SignedIn, s.supervisionPage)
	s.handle(mux, "POST /supervision/{id}/agenda", SignedIn, s.addToAgenda)
	s.handle(mux, "GET /supervision/{id}/agenda/{note}/remove", SignedIn, s.removeAgendaNoteConfirm)
	s.handle(mux, "POST /supervision/{id}/agenda/{note}/remove", SignedIn, s.removeAgendaNote)
	s.handle(mux, "POST /supervision/{id}/held", SignedIn, s.recordHeld)
	s.handle(mux, "GET /supervision/{id}/reflection", SignedIn, s.reflectionPage)
	s.handle(mux, "POST /supervision/{id}/reflection", SignedIn, s.saveReflection)
	s.handle(mux, "GET /supervision/{id}/direction", SignedIn, s.directionPage)
	s.handle(mux, "POST /supervision/{id}/direction", SignedIn, s.saveDirection)
	s.handle(mux, "GET /supervision/{id}/move", SignedIn, s.moveSupervisionPage)
	s.handle(mux, "POST /supervision/{id}/move", SignedIn, s.moveSupervision)
	s.handle(mux, "GET /supervision/{id}/cancel", SignedIn, s.cancelSupervisionConfirm)
	s.handle(mux, "POST /supervision/{id}/cancel", SignedIn, s.cancelSupervision)

	// Practitioners' own wellbeing: the weekly check-in, their trend and
	// whether they share it, self-care plans; a supervisor's team figures
	// and the trends shared with them; the organisation's figures for
	// administrators. Co-facilitators and parents are told nothing.
	s.handle(mux, "GET /wellbeing", SignedIn, s.wellbeingPage)
	s.handle(mux, "POST /wellbeing", SignedIn, s.saveCheckIn)
	s.handle(mux, "POST /wellbeing/sharing", SignedIn, s.saveTrendSharing)
	s.handle(mux, "GET /wellbeing/self-care", SignedIn, s.selfCarePage)
	s.handle(mux, "POST /wellbeing/self-care", SignedIn, s.saveSelfCare)
	s.handle(mux, "GET /wellbeing/team", SignedIn, s.teamWellbeingPage)
	s.handle(mux, "GET /wellbeing/organisation", SignedIn, s.organisationWellbeingPage)
	s.handle(mux, "GET /wellbeing/people/{id}", SignedIn, s.personWellbeingPage)

	// Home, by role.
	s.handle(mux, "GET /{$}", SignedIn, s.home)

	// Anything else.
	s.handle(mux, "/", Public, s.notFound)
}
