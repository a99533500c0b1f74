package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
)

// The indexes of Bulk's tables, in the order NewBulk declares them.
const (
	bulkFamilies = iota
	bulkUsers
	bulkLinks
	bulkAllocations
	bulkMembers
	bulkSummaries
	bulkNotes
	bulkNoteVersions
)

// Family buffers a family; f.ID, f.OrgID, f.Name and f.CreatedAt are written.
func (b *Bulk) Family(f Family) error {
	return b.add(bulkFamilies, f.ID, f.OrgID, strings.TrimSpace(f.Name), f.CreatedAt.UTC())
}

// User buffers an account made at the given time. nu.ID must be set.
func (b *Bulk) User(nu NewUser, at time.Time) error {
	if nu.ID == "" || (nu.Role == access.Parent) != (nu.FamilyID != "") {
		return fmt.Errorf("bulk: user %q needs an ID, and a family exactly when a parent: %w", nu.Email, ErrConflict)
	}
	at = at.UTC()
	return b.add(bulkUsers, nu.ID, nu.OrgID, access.NormaliseEmail(nu.Email), strings.TrimSpace(nu.Name), string(nu.Role),
		nu.PasswordHash, nullable(nu.TeamID), nullable(nu.FamilyID), at, at)
}

// SupervisionLink buffers a supervisor's link to a practitioner.
func (b *Bulk) SupervisionLink(orgID, supervisorID, practitionerID string, at time.Time) error {
	return b.add(bulkLinks, orgID, supervisorID, practitionerID, at.UTC())
}

// Allocation buffers a current allocation of a practitioner to a family.
func (b *Bulk) Allocation(id, orgID, familyID, practitionerID string, at time.Time) error {
	return b.add(bulkAllocations, id, orgID, familyID, practitionerID, at.UTC())
}

// Member buffers a person in a family; m.ID and m.CreatedAt must be set.
func (b *Bulk) Member(orgID string, m family.Member) error {
	at := m.CreatedAt.UTC()
	return b.add(bulkMembers, m.ID, m.FamilyID, string(m.Kind), strings.TrimSpace(m.Name), m.DateOfBirth, m.School, m.WhatMatters,
		m.Relationship, m.Languages, m.Interpreter, m.Access, at, at, orgID)
}

// Summary buffers a version of a family's three columns; s.ID and s.At must be set.
func (b *Bulk) Summary(orgID string, s family.Summary) error {
	return b.add(bulkSummaries, s.ID, orgID, s.FamilyID, s.Worried, s.WorkingWell, s.NeedsToHappen, s.AuthorID, s.At.UTC())
}

// Note buffers a contact note with every one of its versions, oldest first:
// versions[i] is version i+1, and the last is the note as it stands. Every
// version must carry the note's ID and its RecordedAt.
func (b *Bulk) Note(orgID string, versions []family.Note) error {
	if len(versions) == 0 {
		return fmt.Errorf("bulk: a note needs at least one version")
	}
	n := versions[len(versions)-1]
	if err := b.add(bulkNotes, n.ID, orgID, n.FamilyID, n.AuthorID, n.OccurredAt.UTC(), string(n.Kind), n.Present, string(n.ChildSeen),
		n.ChildWords, n.Body, len(versions), n.RecordedAt.UTC(), versions[0].RecordedAt.UTC()); err != nil {
		return err
	}
	for i, v := range versions {
		if err := b.add(bulkNoteVersions, n.ID, i+1, orgID, v.AuthorID, v.OccurredAt.UTC(), string(v.Kind), v.Present,
			string(v.ChildSeen), v.ChildWords, v.Body, v.RecordedAt.UTC()); err != nil {
			return err
		}
	}
	return nil
}

// bulkContextColumns are family_contexts' columns, in the order Context
// writes them.
const bulkContextColumns = "id, org_id, family_id, kind, detail, started_on, ended_on, recorded_by, recorded_at"

// Context buffers a period of a family's context; c.ID, c.RecordedBy (a
// user's ID) and c.RecordedAt must be set. The family and the user must be
// buffered or written first.
func (b *Bulk) Context(orgID string, c family.Context) error {
	if c.ID == "" || c.RecordedBy == "" {
		return fmt.Errorf("bulk: a context needs an ID and who recorded it: %w", ErrConflict)
	}
	return b.add(b.table("family_contexts", bulkContextColumns), c.ID, orgID, c.FamilyID, string(c.Kind), strings.TrimSpace(c.Detail),
		c.StartedOn, c.EndedOn, c.RecordedBy, c.RecordedAt.UTC())
}

// table returns the index of the named table among Bulk's tables. A table
// NewBulk does not declare joins the load the first time it is asked for,
// after all the others, so that its rows are written after the rows of the
// declared tables they may refer to.
func (b *Bulk) table(name, cols string) int {
	for i, t := range b.tables {
		if t.name == name {
			return i
		}
	}
	c := strings.Split(cols, ", ")
	b.tables = append(b.tables, &bulkTable{name: name, cols: c, chunk: max(1, bulkParams/len(c))})
	return len(b.tables) - 1
}
