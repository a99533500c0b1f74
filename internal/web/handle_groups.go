package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// groupsData is what the list of groups shows.
type groupsData struct {
	Groups   []nvr.Course
	CanStart bool
	// CanReport: the actor may see the report across their groups.
	CanReport bool
}

// groupFormData is what the form to start a group shows.
type groupFormData struct {
	Form      *form
	Templates []nvr.Template // shipped first, then the organisation's own
	Kinds     []nvr.Kind
}

// groupResource is the policy's view of a group.
func groupResource(actor *access.Actor, id string, rel access.Relationship) access.Resource {
	return access.Resource{Kind: access.KindGroup, ID: id, OrgID: actor.OrgID, Relationship: rel}
}

// authorizeGroup works out the actor's relationship to group id and asks
// the policy, recording the decision. A group that does not exist, or
// belongs to another organisation, is not found; so, for a parent, is any
// group their family is not enrolled in, and anything they may not do to
// their own.
func (s *Server) authorizeGroup(r *http.Request, action access.Action, id string) (access.Relationship, error) {
	actor := actorFrom(r.Context())
	if actor == nil {
		return access.None, errForbidden
	}
	if !ids.Valid(id) {
		return access.None, errNotFound
	}
	rel, err := s.db.GroupRelationship(r.Context(), *actor, id)
	if err != nil {
		return rel, err
	}
	_, err = s.authorize(r, action, groupResource(actor, id, rel))
	if errors.Is(err, errForbidden) && actor.Role == access.Parent {
		return rel, errNotFound
	}
	return rel, err
}

// mayStartGroups reports whether the actor may start a group, to decide
// whether to offer it; starting one still asks the policy.
func mayStartGroups(actor *access.Actor) bool {
	return access.Can(*actor, access.Create, groupResource(actor, "", access.None)).Allowed
}

func (s *Server) groupsPage(w http.ResponseWriter, r *http.Request) error {
	actor := actorFrom(r.Context())
	if actor == nil {
		return errForbidden
	}
	if actor.Role == access.Parent {
		return errNotFound
	}
	groups, err := s.db.Groups(r.Context(), *actor)
	if err != nil {
		return err
	}
	if err := s.recordList(r, "groups", len(groups)); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "groups", "Groups", groupsData{Groups: groups, CanStart: mayStartGroups(actor),
		CanReport: access.Can(*actor, access.Read, access.Resource{Kind: access.KindGroupReport, ID: actor.OrgID, OrgID: actor.OrgID}).Allowed})
}

// authorizeNewGroup asks whether the actor may start a group.
func (s *Server) authorizeNewGroup(r *http.Request) error {
	actor := actorFrom(r.Context())
	if actor == nil {
		return errForbidden
	}
	_, err := s.authorize(r, access.Create, groupResource(actor, "", access.None))
	if errors.Is(err, errForbidden) && actor.Role == access.Parent {
		return errNotFound
	}
	return err
}

func (s *Server) newGroupPage(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorizeNewGroup(r); err != nil {
		return err
	}
	f := newForm()
	f.Values[nvr.FieldKind] = string(nvr.Group)
	f.Values[nvr.FieldCapacity] = strconv.Itoa(nvr.DefaultCapacity)
	f.Values[nvr.FieldTemplate] = "steadfast-group-12-week"
	return s.renderGroupForm(w, r, http.StatusOK, f)
}

func (s *Server) renderGroupForm(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	shipped, err := nvr.ShippedTemplates()
	if err != nil {
		return err
	}
	own, err := s.db.Templates(r.Context(), actorFrom(r.Context()).OrgID)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "group_form", "Start a group", groupFormData{Form: f, Templates: append(shipped, own...), Kinds: nvr.Kinds()})
}

// groupFormFields are the form's plain fields, kept as typed.
var groupFormFields = []string{nvr.FieldName, nvr.FieldKind, nvr.FieldTemplate, nvr.FieldStart + "-day", nvr.FieldStart + "-month",
	nvr.FieldStart + "-year", nvr.FieldTime, nvr.FieldSkip, nvr.FieldVenue, nvr.FieldCapacity}

func (s *Server) createGroup(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorizeNewGroup(r); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	f := newForm()
	for _, k := range groupFormFields {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	c := nvr.Course{Name: f.Values[nvr.FieldName], Kind: nvr.Kind(f.Values[nvr.FieldKind]), Venue: f.Values[nvr.FieldVenue],
		Facilitators: []string{actor.UserID}}
	c.Capacity, _ = strconv.Atoi(f.Values[nvr.FieldCapacity])
	if f.Values[nvr.FieldCapacity] == "" {
		c.Capacity = nvr.DefaultCapacity
	}
	if c.Kind == nvr.OneToOne && f.Values[nvr.FieldCapacity] == strconv.Itoa(nvr.DefaultCapacity) {
		c.Capacity = 1 // the form's default is for groups
	}
	startOK := true
	if day, ok := family.DateFromParts(f.Values[nvr.FieldStart+"-day"], f.Values[nvr.FieldStart+"-month"], f.Values[nvr.FieldStart+"-year"]); ok {
		c.Schedule.Start, _ = time.Parse("2006-01-02", day)
		c.Schedule.Weekday = c.Schedule.Start.Weekday() // the weekday is the start date's
	} else if f.Values[nvr.FieldStart+"-day"]+f.Values[nvr.FieldStart+"-month"]+f.Values[nvr.FieldStart+"-year"] != "" {
		startOK = false
	}
	c.Schedule.Time = f.Values[nvr.FieldTime]
	c.Schedule.Skip = nvr.ParseSkipDates(f.Values[nvr.FieldSkip])
	tpl, tplErr := programmeFrom(r.Context(), s.db, actor.OrgID, f.Values[nvr.FieldTemplate])
	if tplErr == nil {
		c.TemplateID, c.TemplateVersion = tpl.ID, tpl.Version
	} else if !errors.Is(tplErr, errNotFound) && !errors.Is(tplErr, store.ErrNotFound) {
		return tplErr
	}
	problems := c.Problems()
	if !startOK {
		problems[nvr.FieldStart] = "Enter the date of the first session as a real date, like 23 11 2026"
	}
	for _, k := range []string{nvr.FieldName, nvr.FieldKind, nvr.FieldTemplate, nvr.FieldStart, nvr.FieldTime, nvr.FieldSkip, nvr.FieldVenue, nvr.FieldCapacity} {
		f.Add(k, problems[k])
	}
	if !f.Valid() {
		return s.renderGroupForm(w, r, http.StatusUnprocessableEntity, f)
	}
	c.ID = ids.New()
	if err := s.recordChange(r, audit.Create, access.KindGroup, c.ID, "group started from programme "+tpl.ID); err != nil {
		return err
	}
	g, err := s.db.CreateGroup(r.Context(), actor.OrgID, actor.UserID, store.NewGroup{Course: c, Template: tpl, Zone: s.zone})
	if err != nil {
		return err
	}
	s.flash(r, "The group is started and its sessions are dated. Enrol parents below.")
	http.Redirect(w, r, "/groups/"+g.ID, http.StatusSeeOther)
	return nil
}

// staffPageOnly answers not found to a parent on the pages of a group meant
// for the people who run it (a session's plan, attendance and notes; the
// group's report), before anything is read. A parent reads their own group
// and its handouts on pages of their own.
func staffPageOnly(r *http.Request) error {
	if actor := actorFrom(r.Context()); actor != nil && actor.Role == access.Parent {
		return errNotFound
	}
	return nil
}
