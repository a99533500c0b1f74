package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
)

// scaleData is what the scale page shows.
type scaleData struct {
	FamilyID string
	Question string
	Low      string
	High     string
	Ratings  []family.Rating // newest first
	Chart    scaleChart
	Views    []family.View
	Form     *form
	Scores   []int
}

// scaleHistory bounds the ratings shown; a family gains a few a month.
const scaleHistory = 200

func (s *Server) scalePage(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Read)
	if handled {
		return err
	}
	return s.renderScale(w, r, http.StatusOK, id, newForm())
}

func (s *Server) renderScale(w http.ResponseWriter, r *http.Request, status int, id string, f *form) error {
	ratings, err := s.db.Ratings(r.Context(), actorFrom(r.Context()).OrgID, id, scaleHistory)
	if err != nil {
		return err
	}
	d := scaleData{FamilyID: id, Question: family.ScaleQuestion, Low: family.ScaleLow, High: family.ScaleHigh,
		Ratings: ratings, Chart: newScaleChart(ratings), Views: family.Views(), Form: f}
	for i := 0; i <= 10; i++ {
		d.Scores = append(d.Scores, i)
	}
	return s.render(w, r, status, "scale", family.ScaleQuestion, d)
}

func (s *Server) addRating(w http.ResponseWriter, r *http.Request) error {
	id, _, handled, err := s.familyFor(w, r, access.Update)
	if handled {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	for _, k := range []string{"score", "view", "note"} {
		f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	score, serr := strconv.Atoi(f.Values["score"])
	if serr != nil {
		score = -1
	}
	rating := family.Rating{FamilyID: id, Score: score, View: family.View(f.Values["view"]), Note: f.Values["note"]}
	for field, problem := range rating.Problems() {
		f.Add(field, problem)
	}
	if !f.Valid() {
		return s.renderScale(w, r, http.StatusUnprocessableEntity, id, f)
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindFamily, id, "scale rating added: "+string(rating.View)); err != nil {
		return err
	}
	if _, err := s.db.AddRating(r.Context(), actor.OrgID, actor.UserID, rating); err != nil {
		return err
	}
	s.flash(r, "Rating added.")
	http.Redirect(w, r, "/families/"+id+"/scale", http.StatusSeeOther)
	return nil
}
