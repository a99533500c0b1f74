package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/nvr"
	"github.com/steadfast-care/steadfast/internal/store"
)

// templateInput is the programme form as typed: every value kept as text,
// so a form shown again keeps every word, and sessions can be added and
// removed by posting the form back, without JavaScript.
type templateInput struct {
	Name, Description string
	Version           string // the version the edit started from
	Sessions          []sessionInput
}

type sessionInput struct {
	Title, Aims, Handout string
	Elements             []string
	Activities           []activityInput
}

type activityInput struct{ Minutes, What string }

func (a activityInput) blank() bool {
	return strings.TrimSpace(a.Minutes) == "" && strings.TrimSpace(a.What) == ""
}

// programmeFormData is what the programme form shows.
type programmeFormData struct {
	ID       string
	Action   string
	Kind     nvr.Kind
	Version  string
	Form     *form
	Sessions []sessionSlot
	CanAdd   bool
}

// sessionSlot is one session on the form, with its fields' names.
type sessionSlot struct {
	Number                                    int
	Title, ElementsField, Aims, Handout, Plan string
	Elements                                  []elementBox
	Activities                                []activitySlot
	TotalMinutes                              int
	ElementsError                             string
}

// elementBox is one checkbox of a session's NVR map elements.
type elementBox struct {
	ID, Value, Label, Hint string
	Checked                bool
}

type activitySlot struct {
	Number        int
	Minutes, What string
}

// inputFromTemplate fills the form from a saved template, with a spare
// activity row in each session.
func inputFromTemplate(t nvr.Template) templateInput {
	in := templateInput{Name: t.Name, Description: t.Description, Version: strconv.Itoa(t.Version)}
	for _, s := range t.Sessions {
		si := sessionInput{Title: s.Title, Aims: strings.Join(s.Aims, "\n"), Handout: s.Handout}
		for _, e := range s.Elements {
			si.Elements = append(si.Elements, string(e))
		}
		for _, a := range s.Plan {
			si.Activities = append(si.Activities, activityInput{Minutes: strconv.Itoa(a.Minutes), What: a.What})
		}
		in.Sessions = append(in.Sessions, si.withSpare())
	}
	return in
}

// withSpare adds a blank activity row unless the last is blank already.
func (si sessionInput) withSpare() sessionInput {
	if n := len(si.Activities); (n == 0 || !si.Activities[n-1].blank()) && n < nvr.MaxActivities {
		si.Activities = append(si.Activities, activityInput{})
	}
	return si
}

// postedTemplate reads the programme form as posted.
func postedTemplate(r *http.Request) templateInput {
	pf := r.PostForm
	in := templateInput{Name: pf.Get(nvr.FieldName), Description: pf.Get(nvr.FieldDescription), Version: pf.Get("version")}
	for i := 0; i <= nvr.MaxSessions; i++ {
		if _, ok := pf[nvr.SessionField(i, nvr.PartTitle)]; !ok {
			break
		}
		si := sessionInput{Title: pf.Get(nvr.SessionField(i, nvr.PartTitle)), Aims: pf.Get(nvr.SessionField(i, nvr.PartAims)),
			Handout: pf.Get(nvr.SessionField(i, nvr.PartHandout)), Elements: pf[nvr.SessionField(i, nvr.PartElements)]}
		for j := 0; j <= nvr.MaxActivities; j++ {
			if _, ok := pf[nvr.ActivityField(i, j, nvr.PartWhat)]; !ok {
				break
			}
			si.Activities = append(si.Activities, activityInput{Minutes: pf.Get(nvr.ActivityField(i, j, nvr.PartMinutes)),
				What: pf.Get(nvr.ActivityField(i, j, nvr.PartWhat))})
		}
		in.Sessions = append(in.Sessions, si)
	}
	return in
}

// template reads the typed form as a template. Minutes that are not a
// whole number read as -1, which Problems explains.
func (in templateInput) template() nvr.Template {
	t := nvr.Template{Name: in.Name, Description: in.Description}
	t.Version, _ = strconv.Atoi(in.Version)
	for _, si := range in.Sessions {
		s := nvr.Session{Title: si.Title, Handout: si.Handout, Aims: strings.Split(strings.ReplaceAll(si.Aims, "\r\n", "\n"), "\n")}
		for _, e := range si.Elements {
			s.Elements = append(s.Elements, nvr.Element(e))
		}
		for _, a := range si.Activities {
			m := 0
			if v := strings.TrimSpace(a.Minutes); v != "" {
				var err error
				if m, err = strconv.Atoi(v); err != nil {
					m = -1
				}
			}
			s.Plan = append(s.Plan, nvr.Activity{Minutes: m, What: a.What})
		}
		t.Sessions = append(t.Sessions, s)
	}
	return t
}

// form puts the typed values into a form, keyed by field name.
func (in templateInput) form() *form {
	f := newForm()
	f.Values[nvr.FieldName], f.Values[nvr.FieldDescription] = in.Name, in.Description
	for i, si := range in.Sessions {
		f.Values[nvr.SessionField(i, nvr.PartTitle)] = si.Title
		f.Values[nvr.SessionField(i, nvr.PartAims)] = si.Aims
		f.Values[nvr.SessionField(i, nvr.PartHandout)] = si.Handout
		for j, a := range si.Activities {
			f.Values[nvr.ActivityField(i, j, nvr.PartMinutes)] = a.Minutes
			f.Values[nvr.ActivityField(i, j, nvr.PartWhat)] = a.What
		}
	}
	return f
}

// addTemplateProblems adds the template's problems to the form in the
// order the form shows its fields, so the error summary reads down the page.
func addTemplateProblems(f *form, in templateInput, t nvr.Template) {
	pr := t.Problems()
	f.Add(nvr.FieldName, pr[nvr.FieldName])
	f.Add(nvr.FieldDescription, pr[nvr.FieldDescription])
	f.Add(nvr.FieldSessions, pr[nvr.FieldSessions])
	for i, si := range in.Sessions {
		for _, part := range []string{nvr.PartTitle, nvr.PartElements, nvr.PartAims} {
			f.Add(nvr.SessionField(i, part), pr[nvr.SessionField(i, part)])
		}
		for j := range si.Activities {
			f.Add(nvr.ActivityField(i, j, nvr.PartMinutes), pr[nvr.ActivityField(i, j, nvr.PartMinutes)])
			f.Add(nvr.ActivityField(i, j, nvr.PartWhat), pr[nvr.ActivityField(i, j, nvr.PartWhat)])
		}
		f.Add(nvr.SessionField(i, nvr.PartPlan), pr[nvr.SessionField(i, nvr.PartPlan)])
		f.Add(nvr.SessionField(i, nvr.PartHandout), pr[nvr.SessionField(i, nvr.PartHandout)])
	}
}

// slots builds the form's sessions from what was typed.
func (in templateInput) slots(f *form) []sessionSlot {
	out := make([]sessionSlot, len(in.Sessions))
	t := in.template()
	for i, si := range in.Sessions {
		sl := sessionSlot{Number: i + 1, Title: nvr.SessionField(i, nvr.PartTitle), ElementsField: nvr.SessionField(i, nvr.PartElements),
			Aims: nvr.SessionField(i, nvr.PartAims), Handout: nvr.SessionField(i, nvr.PartHandout), Plan: nvr.SessionField(i, nvr.PartPlan)}
		sl.ElementsError = f.Error(sl.ElementsField)
		checked := map[string]bool{}
		for _, e := range si.Elements {
			checked[e] = true
		}
		for k, e := range nvr.Elements() {
			id := sl.ElementsField
			if k > 0 {
				id += "-" + string(e)
			}
			sl.Elements = append(sl.Elements, elementBox{ID: id, Value: string(e), Label: e.Label(), Hint: e.What(), Checked: checked[string(e)]})
		}
		for j := range si.Activities {
			sl.Activities = append(sl.Activities, activitySlot{Number: j + 1, Minutes: nvr.ActivityField(i, j, nvr.PartMinutes),
				What: nvr.ActivityField(i, j, nvr.PartWhat)})
		}
		for _, a := range t.Sessions[i].Plan {
			if a.Minutes > 0 {
				sl.TotalMinutes += a.Minutes
			}
		}
		out[i] = sl
	}
	return out
}

// checkedFields lists the fields whose wording is checked: the description,
// and each session's aims and handout, which parents and co-facilitators
// read. Titles and activities are short; the shipped ones are checked in
// internal/nvr's tests.
func (in templateInput) checkedFields() []string {
	names := []string{nvr.FieldDescription}
	for i := range in.Sessions {
		names = append(names, nvr.SessionField(i, nvr.PartAims), nvr.SessionField(i, nvr.PartHandout))
	}
	return names
}

// renderProgrammeForm shows the programme form: status 200 when shown or
// posted back, 422 with problems.
func (s *Server) renderProgrammeForm(w http.ResponseWriter, r *http.Request, status int, t nvr.Template, in templateInput, f *form) error {
	d := programmeFormData{ID: t.ID, Action: "/programmes/" + t.ID + "/edit", Kind: t.Kind, Version: in.Version, Form: f,
		Sessions: in.slots(f), CanAdd: len(in.Sessions) < nvr.MaxSessions}
	if err := s.checkFields(r, f, in.checkedFields()...); err != nil {
		return err
	}
	return s.render(w, r, status, "programme_form", "Change "+t.Name, d)
}

// ownProgramme reads the organisation's own template named in the path.
// Shipped templates cannot be changed, only copied, so they are not found.
func (s *Server) ownProgramme(r *http.Request) (nvr.Template, error) {
	id := r.PathValue("id")
	if strings.HasPrefix(id, nvr.ShippedPrefix) {
		return nvr.Template{}, errNotFound
	}
	return programmeFrom(r.Context(), s.db, actorFrom(r.Context()).OrgID, id)
}

func (s *Server) editProgrammePage(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorizeProgramme(r, access.Update, r.PathValue("id")); err != nil {
		return err
	}
	t, err := s.ownProgramme(r)
	if err != nil {
		return err
	}
	in := inputFromTemplate(t)
	return s.renderProgrammeForm(w, r, http.StatusOK, t, in, in.form())
}

// saveProgramme saves the form as a new version. "Add a session", "Remove
// session N" and "Check my wording" show the form again, saving nothing.
func (s *Server) saveProgramme(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorizeProgramme(r, access.Update, r.PathValue("id")); err != nil {
		return err
	}
	current, err := s.ownProgramme(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	in := postedTemplate(r)
	action := r.PostForm.Get("action")
	switch {
	case checkOnly(r):
		return s.renderProgrammeForm(w, r, http.StatusOK, current, in, in.form())
	case action == "add-session":
		if len(in.Sessions) < nvr.MaxSessions {
			in.Sessions = append(in.Sessions, sessionInput{}.withSpare())
		}
		return s.renderProgrammeForm(w, r, http.StatusOK, current, in, in.form())
	case strings.HasPrefix(action, "add-activity-"):
		if n, err := strconv.Atoi(strings.TrimPrefix(action, "add-activity-")); err == nil && n >= 1 && n <= len(in.Sessions) &&
			len(in.Sessions[n-1].Activities) < nvr.MaxActivities {
			in.Sessions[n-1].Activities = append(in.Sessions[n-1].Activities, activityInput{})
		}
		return s.renderProgrammeForm(w, r, http.StatusOK, current, in, in.form())
	case strings.HasPrefix(action, "remove-"):
		if n, err := strconv.Atoi(strings.TrimPrefix(action, "remove-")); err == nil && n >= 1 && n <= len(in.Sessions) {
			in.Sessions = append(in.Sessions[:n-1], in.Sessions[n:]...)
		}
		return s.renderProgrammeForm(w, r, http.StatusOK, current, in, in.form())
	}
	t := in.template()
	f := in.form()
	addTemplateProblems(f, in, t)
	if !f.Valid() {
		return s.renderProgrammeForm(w, r, http.StatusUnprocessableEntity, current, in, f)
	}
	actor := actorFrom(r.Context())
	t.ID, t.Kind, t.SavedBy = current.ID, current.Kind, actor.UserID
	if err := s.recordChange(r, audit.Update, access.KindProgramme, current.ID, "programme template saved"); err != nil {
		return err
	}
	saved, added, err := s.db.SaveTemplate(r.Context(), actor.OrgID, t)
	if errors.Is(err, store.ErrConflict) {
		f.Add("top", "Someone saved version "+strconv.Itoa(current.Version)+" while you were changing this one. Your changes are below, not saved. Open the latest version to see theirs, then make your changes again.")
		return s.renderProgrammeForm(w, r, http.StatusConflict, current, in, f)
	}
	if err != nil {
		return err
	}
	if added {
		s.flash(r, "Saved as version "+strconv.Itoa(saved.Version)+". New groups will use it; groups already running keep their version.")
	} else {
		s.flash(r, "Nothing had changed, so nothing new was saved.")
	}
	http.Redirect(w, r, "/programmes/"+saved.ID, http.StatusSeeOther)
	return nil
}
