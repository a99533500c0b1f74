package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// familyAnnouncementData is what the family's workers see of its
// announcement.
type familyAnnouncementData struct {
	Family       store.Family
	Announcement journal.Announcement
	Exists       bool
	Versions     []store.AnnouncementVersion
	Comments     []store.AnnouncementComment
	Form         *form
}

func (s *Server) familyAnnouncementPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderFamilyAnnouncement(w, r, http.StatusOK, newForm())
}

func (s *Server) renderFamilyAnnouncement(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	orgID := actorFrom(r.Context()).OrgID
	d := familyAnnouncementData{Form: f}
	if d.Family, err = s.db.FamilyInOrg(r.Context(), orgID, id); err != nil {
		return err
	}
	d.Announcement, err = s.db.CurrentAnnouncement(r.Context(), orgID, id)
	switch {
	case err == nil:
		d.Exists = true
		if d.Versions, err = s.db.AnnouncementVersions(r.Context(), orgID, d.Announcement.ID); err != nil {
			return err
		}
		if d.Comments, err = s.db.AnnouncementComments(r.Context(), orgID, d.Announcement.ID); err != nil {
			return err
		}
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	if err := s.checkFields(r, f, "comment"); err != nil {
		return err
	}
	return s.render(w, r, status, "family_announcement", "Announcement: "+d.Family.Name, d)
}

// commentOnAnnouncement adds a worker's comment on the family's current
// announcement, which the parent sees on theirs.
func (s *Server) commentOnAnnouncement(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	f.Values["comment"] = strings.TrimSpace(r.PostForm.Get("comment"))
	if checkOnly(r) {
		return s.renderFamilyAnnouncement(w, r, http.StatusOK, f)
	}
	switch {
	case f.Values["comment"] == "":
		f.Add("comment", "Write your comment for the parent")
	case utf8.RuneCountInString(f.Values["comment"]) > maxNote:
		f.Add("comment", "Keep the comment to 5000 characters or fewer")
	}
	orgID := actorFrom(r.Context()).OrgID
	a, err := s.db.CurrentAnnouncement(r.Context(), orgID, id)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if !f.Valid() {
		return s.renderFamilyAnnouncement(w, r, http.StatusUnprocessableEntity, f)
	}
	if err := s.recordChange(r, audit.Create, access.KindFamilyShared, id, "comment on announcement "+a.ID); err != nil {
		return err
	}
	if err := s.db.CommentOnAnnouncement(r.Context(), orgID, id, a.ID, actorFrom(r.Context()).UserID, f.Values["comment"]); err != nil {
		return err
	}
	s.flash(r, "Your comment is saved. The parent sees it beside their announcement.")
	http.Redirect(w, r, "/families/"+id+"/announcement", http.StatusSeeOther)
	return nil
}
