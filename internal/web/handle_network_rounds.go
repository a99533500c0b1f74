package web

import (
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/network"
)

// roundFormData is what the form to record a telephone round shows.
type roundFormData struct {
	Form       *form
	Supporters []network.Supporter
	Calls      []int // the call rows' numbers, from 1
	Outcomes   []network.Outcome
}

// someoneElse is the "who did you call" choice for someone not on the
// parent's list, whose name is then typed.
const someoneElse = "someone-else"

// roundRows is how many call rows a new round's form shows.
const roundRows = 3

// CallField names the form field of one part of call n (from 1), for the
// template.
func (roundFormData) CallField(n int, part string) string { return network.CallField(n-1, part) }

func (s *Server) renderRoundForm(w http.ResponseWriter, r *http.Request, status int, familyID string, f *form, rows int) error {
	supporters, err := s.db.Supporters(r.Context(), actorFrom(r.Context()).OrgID, familyID)
	if err != nil {
		return err
	}
	d := roundFormData{Form: f, Supporters: supporters, Outcomes: network.Outcomes()}
	for n := 1; n <= rows; n++ {
		d.Calls = append(d.Calls, n)
	}
	return s.render(w, r, status, "network_round_form", "Record a telephone round", d)
}

// newRoundPage shows the form to record a telephone round, starting now.
func (s *Server) newRoundPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	f := newForm()
	now := s.db.Now().In(ukTime())
	f.Values["when-day"], f.Values["when-month"], f.Values["when-year"] = now.Format("2"), now.Format("1"), now.Format("2006")
	f.Values["when-time"] = now.Format("15:04")
	return s.renderRoundForm(w, r, http.StatusOK, familyID, f, roundRows)
}

// roundFromForm reads a round and its calls from a posted form, keeping
// every typed value in f, and returns how many call rows were posted.
func roundFromForm(r *http.Request, f *form, familyID string) (network.Round, int) {
	for _, k := range []string{"when-day", "when-month", "when-year", "when-time", network.FieldWhy} {
		f.Values[k] = r.PostForm.Get(k)
	}
	round := network.Round{FamilyID: familyID, Why: f.Values[network.FieldWhy]}
	if at, ok := family.WhenFromParts(f.Value("when-day"), f.Value("when-month"), f.Value("when-year"), f.Value("when-time"), ukTime()); ok {
		round.At = at
	}
	rows := 0
	for i := 0; i < network.MaxCalls+1; i++ {
		if _, posted := r.PostForm[network.CallField(i, network.PartWho)]; !posted {
			break
		}
		rows++
		for _, part := range []string{network.PartWho, network.PartName, network.PartOutcome, network.PartNote} {
			f.Values[network.CallField(i, part)] = r.PostForm.Get(network.CallField(i, part))
		}
		c := network.Call{Outcome: network.Outcome(f.Values[network.CallField(i, network.PartOutcome)]),
			Name: f.Values[network.CallField(i, network.PartName)], Note: f.Values[network.CallField(i, network.PartNote)]}
		if who := f.Values[network.CallField(i, network.PartWho)]; who != "" && who != someoneElse {
			c.SupporterID, c.Name = who, ""
		}
		round.Calls = append(round.Calls, c)
	}
	return round, rows
}

// addRound records a telephone round; "Add another call" shows the form
// again with one more row, saving nothing.
func (s *Server) addRound(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := newForm()
	round, rows := roundFromForm(r, f, familyID)
	rows = max(rows, 1)
	if r.PostForm.Get("action") == "add-call" {
		return s.renderRoundForm(w, r, http.StatusOK, familyID, f, min(rows+1, network.MaxCalls))
	}
	supporters, err := s.db.Supporters(r.Context(), actorFrom(r.Context()).OrgID, familyID)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, sp := range supporters {
		known[sp.ID] = true
	}
	pr := round.Problems(s.db.Now())
	for i, c := range round.Calls {
		if c.SupporterID != "" && (!ids.Valid(c.SupporterID) || !known[c.SupporterID]) {
			pr[network.CallField(i, network.PartWho)] = "Choose who you called from your list, or someone else"
		}
	}
	f.Add("when", pr[network.FieldWhen])
	f.Add(network.FieldWhy, pr[network.FieldWhy])
	for i := 0; i < rows; i++ {
		for _, part := range []string{network.PartWho, network.PartName, network.PartOutcome, network.PartNote} {
			f.Add(network.CallField(i, part), pr[network.CallField(i, part)])
		}
	}
	if !f.Valid() {
		return s.renderRoundForm(w, r, http.StatusUnprocessableEntity, familyID, f, rows)
	}
	if err := s.recordChange(r, audit.Create, access.KindFamilyShared, familyID, "telephone round added"); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	saved, err := s.db.AddRound(r.Context(), actor.OrgID, actor.UserID, round)
	if err != nil {
		return err
	}
	s.flash(r, "Telephone round saved.")
	http.Redirect(w, r, "/my/supporters/rounds/"+saved.ID, http.StatusSeeOther)
	return nil
}

// roundPage shows the parent one of their telephone rounds.
func (s *Server) roundPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return errNotFound
	}
	round, err := s.db.Round(r.Context(), actorFrom(r.Context()).OrgID, familyID, id)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, familyID, "telephone round read: "+round.ID); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "network_round", "Telephone round, "+strings.TrimSpace(whenIn(ukTime())(round.At)), round)
}
