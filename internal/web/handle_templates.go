package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// programmesData is what the list of programme templates shows.
type programmesData struct {
	Shipped []nvr.Template // the templates Steadfast ships
	Own     []nvr.Template // the organisation's own, latest versions
}

// programmeData is what a programme template's page shows.
type programmeData struct {
	Template nvr.Template
	// Latest is the template's latest version: the one new groups use.
	Latest   int
	Versions []store.TemplateVersion // newest first; none for shipped templates
	CanCopy  bool
	CanEdit  bool
	Elements []nvr.Element // the NVR map, for the key
}

// programmeResource is the policy's view of a programme template: no
// personal data, and no relationship beyond the organisation.
func programmeResource(r *http.Request, id string) access.Resource {
	return access.Resource{Kind: access.KindProgramme, ID: id, OrgID: actorFrom(r.Context()).OrgID}
}

// authorizeProgramme asks the policy, as authorize does. Parents are told
// nothing about programmes (404): their handouts come with their group.
func (s *Server) authorizeProgramme(r *http.Request, action access.Action, id string) error {
	if actorFrom(r.Context()) == nil {
		return errForbidden
	}
	_, err := s.authorize(r, action, programmeResource(r, id))
	if errors.Is(err, errForbidden) && actorFrom(r.Context()).Role == access.Parent {
		return errNotFound
	}
	return err
}

// mayEditProgrammes reports whether the signed-in person may copy and edit
// templates, to decide which buttons to show. Each action is still asked
// of the policy, and recorded, when it is taken.
func mayEditProgrammes(r *http.Request) bool {
	actor := actorFrom(r.Context())
	return actor != nil && access.Can(*actor, access.Update, programmeResource(r, "")).Allowed
}

// programmeFrom reads the template named id: a shipped one, or the latest
// version of one of the organisation's own. An ID that can be neither is
// not found.
func programmeFrom(ctx context.Context, db *store.DB, orgID, id string) (nvr.Template, error) {
	if strings.HasPrefix(id, nvr.ShippedPrefix) {
		t, ok, err := nvr.ShippedTemplate(id)
		if err != nil {
			return nvr.Template{}, err
		}
		if !ok {
			return nvr.Template{}, errNotFound
		}
		return t, nil
	}
	if !ids.Valid(id) {
		return nvr.Template{}, errNotFound
	}
	return db.Template(ctx, orgID, id)
}

func (s *Server) programmesPage(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorizeProgramme(r, access.Read, ""); err != nil {
		return err
	}
	shipped, err := nvr.ShippedTemplates()
	if err != nil {
		return err
	}
	own, err := s.db.Templates(r.Context(), actorFrom(r.Context()).OrgID)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "programmes", "Programmes", programmesData{Shipped: shipped, Own: own})
}

func (s *Server) programmePage(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if err := s.authorizeProgramme(r, access.Read, id); err != nil {
		return err
	}
	orgID := actorFrom(r.Context()).OrgID
	t, err := programmeFrom(r.Context(), s.db, orgID, id)
	if err != nil {
		return err
	}
	d := programmeData{Template: t, Latest: t.Version, CanCopy: mayEditProgrammes(r), Elements: nvr.Elements()}
	if !t.Shipped() {
		d.CanEdit = d.CanCopy
		if d.Versions, err = s.db.TemplateVersions(r.Context(), orgID, id); err != nil {
			return err
		}
		if v := r.URL.Query().Get("version"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return errNotFound
			}
			if d.Template, err = s.db.TemplateAt(r.Context(), orgID, id, n); err != nil {
				return err
			}
		}
	}
	title := d.Template.Name
	if d.Template.Version != d.Latest {
		title += ", version " + strconv.Itoa(d.Template.Version)
	}
	return s.render(w, r, http.StatusOK, "programme", title, d)
}

// copyProgramme makes the organisation's own copy of a template, shipped or
// its own, and opens it for editing.
func (s *Server) copyProgramme(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if err := s.authorizeProgramme(r, access.Create, id); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	from, err := programmeFrom(r.Context(), s.db, actor.OrgID, id)
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Create, access.KindProgramme, id, "programme template copied"); err != nil {
		return err
	}
	copied, err := s.db.CopyTemplate(r.Context(), actor.OrgID, actor.UserID, copyName(from.Name), from)
	if err != nil {
		return err
	}
	s.flash(r, "Your copy is made. Change it here, and save to keep your changes.")
	http.Redirect(w, r, "/programmes/"+copied.ID+"/edit", http.StatusSeeOther)
	return nil
}

// copyName names a copy: "Copy of" the original, cut to fit.
func copyName(name string) string {
	out := "Copy of " + name
	for utf8.RuneCountInString(out) > 120 {
		_, size := utf8.DecodeLastRuneInString(out)
		out = out[:len(out)-size]
	}
	return strings.TrimSpace(out)
}
