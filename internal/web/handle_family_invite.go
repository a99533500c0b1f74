package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Inviting a parent or carer from their family's record to a space of
// their own. The family's practitioner or their supervisor asks for the
// person's email; Steadfast makes the account and a one-time link, which is
// shown on screen since no email is sent. A person who already has an
// account gets a new link instead, after a confirmation.

// inviteData is what the invitation page shows: a refusal, the account the
// person already has, or the form.
type inviteParentData struct {
	Family  store.Family
	Member  family.Member
	Problem string               // why this person cannot be invited
	Account *store.ParentAccount // their account, if they have one
	Form    *form
}

// inviteLinkData is what the page showing a parent's new link shows.
type inviteLinkData struct {
	Family  store.Family
	Name    string
	Email   string
	Link    string
	Expires time.Time
	Invited bool // a first invitation, not a new link
}

// invitee checks that the actor may change the family in the path and
// invite its parents (its own workers, not through break-glass), and reads
// the family and the person. action is Create to invite, Update for a new
// link.
func (s *Server) invitee(w http.ResponseWriter, r *http.Request, action access.Action) (store.Family, family.Member, bool, error) {
	id, rel, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return store.Family{}, family.Member{}, true, err
	}
	actor := actorFrom(r.Context())
	if _, err := s.authorize(r, action, access.Resource{Kind: access.KindParentInvite, ID: id, OrgID: actor.OrgID, Relationship: rel}); err != nil {
		return store.Family{}, family.Member{}, true, err
	}
	f, err := s.db.FamilyInOrg(r.Context(), actor.OrgID, id)
	if err != nil {
		return store.Family{}, family.Member{}, true, err
	}
	personID := r.PathValue("person")
	if !ids.Valid(personID) {
		return store.Family{}, family.Member{}, true, errNotFound
	}
	m, err := s.db.Member(r.Context(), actor.OrgID, id, personID)
	if err != nil {
		return store.Family{}, family.Member{}, true, err
	}
	return f, m, false, nil
}

// renderInviteParent shows the invitation page for m: why they cannot be
// invited, the account they have, or the form.
func (s *Server) renderInviteParent(w http.ResponseWriter, r *http.Request, status int, f store.Family, m family.Member, frm *form) error {
	d := inviteParentData{Family: f, Member: m, Problem: family.InviteProblem(m), Form: frm}
	title := "Invite " + m.Name + " to their own space"
	if d.Problem == "" {
		a, err := s.db.ParentAccountFor(r.Context(), f.OrgID, f.ID, m.ID)
		switch {
		case err == nil:
			d.Account = &a
			title = m.Name + " already has their own space"
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
	} else {
		title = m.Name + " cannot be invited"
	}
	return s.render(w, r, status, "family_invite", title, d)
}

func (s *Server) invitePersonPage(w http.ResponseWriter, r *http.Request) error {
	f, m, handled, err := s.invitee(w, r, access.Create)
	if handled {
		return err
	}
	return s.renderInviteParent(w, r, http.StatusOK, f, m, newForm())
}

func (s *Server) invitePerson(w http.ResponseWriter, r *http.Request) error {
	f, m, handled, err := s.invitee(w, r, access.Create)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	frm := newForm()
	frm.Values["email"] = strings.TrimSpace(r.PostForm.Get("email"))
	if family.InviteProblem(m) != "" {
		return s.renderInviteParent(w, r, http.StatusUnprocessableEntity, f, m, frm)
	}
	frm.Add("email", access.EmailProblem(frm.Values["email"]))
	if !frm.Valid() {
		return s.renderInviteParent(w, r, http.StatusUnprocessableEntity, f, m, frm)
	}
	actor := actorFrom(r.Context())
	// The audit records come first: a change is never made unrecorded.
	newID := ids.New()
	if err := s.recordChange(r, audit.Create, access.KindUser, newID, "invited as parent: family "+f.ID+", person "+m.ID); err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Update, access.KindUser, newID, "one-time set-password link made"); err != nil {
		return err
	}
	u, token, expires, err := s.db.InviteParent(r.Context(), store.ParentInvitation{UserID: newID, OrgID: actor.OrgID,
		FamilyID: f.ID, MemberID: m.ID, Email: frm.Values["email"], InvitedBy: actor.UserID})
	switch {
	case errors.Is(err, store.ErrAlreadyExists):
		frm.Add("email", "This email address already has a Steadfast account, so it cannot be used for a new one. Ask "+m.Name+" for another email address")
		return s.renderInviteParent(w, r, http.StatusUnprocessableEntity, f, m, frm)
	case errors.Is(err, store.ErrAlreadyInvited), errors.Is(err, store.ErrNotACarer):
		// Someone else invited them, or changed their details, meanwhile.
		return s.renderInviteParent(w, r, http.StatusConflict, f, m, newForm())
	case err != nil:
		return err
	}
	return s.render(w, r, http.StatusOK, "family_invite_link", "Invitation ready", inviteLinkData{Family: f, Name: u.Name,
		Email: u.Email, Link: s.cfg.BaseURL + "/set-password/" + token, Expires: expires, Invited: true})
}

// parentAccountToRelink reads the account of the person in the path, for a
// new link.
func (s *Server) parentAccountToRelink(w http.ResponseWriter, r *http.Request) (store.Family, family.Member, store.ParentAccount, bool, error) {
	f, m, handled, err := s.invitee(w, r, access.Update)
	if handled {
		return f, m, store.ParentAccount{}, true, err
	}
	a, err := s.db.ParentAccountFor(r.Context(), f.OrgID, f.ID, m.ID)
	if err != nil {
		return f, m, a, true, err
	}
	return f, m, a, false, nil
}

// newParentLinkConfirm asks before making a parent a new link, which stops
// the old one working.
func (s *Server) newParentLinkConfirm(w http.ResponseWriter, r *http.Request) error {
	f, m, a, handled, err := s.parentAccountToRelink(w, r)
	if handled {
		return err
	}
	d := confirmData{
		Caption: f.Name,
		Title:   "Make a new link for " + m.Name + "?",
		Back:    "/families/" + f.ID + "/people/" + m.ID + "/invite",
	}
	if a.Disabled {
		d.Title = m.Name + "'s account is turned off"
		d.Body = []string{"A new link would not work while the account is turned off. An administrator can turn it back on under People."}
		return s.renderConfirm(w, r, d)
	}
	d.Body = []string{"Any link you made for " + m.Name + " before stops working straight away. The new one works once, for 72 hours."}
	if a.PasswordSet {
		d.Body = append(d.Body, m.Name+" has already chosen a password. With the new link they choose a new one, and they are signed out wherever they are signed in now. Everything they have recorded stays as it is.")
	}
	d.Action = "/families/" + f.ID + "/people/" + m.ID + "/invite/new-link"
	d.Button = "Make a new link"
	return s.renderConfirm(w, r, d)
}

// newParentLink makes a parent a new one-time link and shows it.
func (s *Server) newParentLink(w http.ResponseWriter, r *http.Request) error {
	f, m, a, handled, err := s.parentAccountToRelink(w, r)
	if handled {
		return err
	}
	if a.Disabled {
		return errNotFound
	}
	if err := s.recordChange(r, audit.Update, access.KindUser, a.UserID, "one-time set-password link made"); err != nil {
		return err
	}
	token, expires, err := s.db.CreatePasswordLink(r.Context(), f.OrgID, a.UserID, actorFrom(r.Context()).UserID)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "family_invite_link", "New link ready", inviteLinkData{Family: f, Name: m.Name,
		Email: a.Email, Link: s.cfg.BaseURL + "/set-password/" + token, Expires: expires})
}

// addParentAccounts adds to the family page which parents and carers have
// their own space, and whether the actor may invite them. Asking the policy
// here only decides whether to offer the link; following it asks again,
// and that decision is recorded.
func (s *Server) addParentAccounts(r *http.Request, d *familyData) error {
	actor := actorFrom(r.Context())
	accounts, err := s.db.ParentAccounts(r.Context(), actor.OrgID, d.Family.ID)
	if err != nil {
		return err
	}
	d.ParentAccounts = make(map[string]*store.ParentAccount, len(accounts))
	for i := range accounts {
		d.ParentAccounts[accounts[i].MemberID] = &accounts[i]
	}
	d.CanInvite = access.Can(*actor, access.Create, access.Resource{Kind: access.KindParentInvite, ID: d.Family.ID,
		OrgID: actor.OrgID, Relationship: d.Relationship}).Allowed
	return nil
}
