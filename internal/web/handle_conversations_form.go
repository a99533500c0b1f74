package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/steadfast-care/steadfast/internal/conversation"
	"github.com/steadfast-care/steadfast/internal/family"
)

// planFormData is what the conversation plan form shows.
type planFormData struct {
	FamilyID string
	PlanID   string // "" for a new plan
	Action   string
	Form     *form
	Slots    []responseSlot
	Patterns []conversation.Pattern
	// CanAdd is true while another anticipated response can be added.
	CanAdd bool
	// DraftSaved is when the draft offered back was last saved, if one was.
	DraftSaved *time.Time
}

// planDraft is the draft key of a new conversation plan, kept per person
// and family beside contact notes' drafts.
const planDraft = "form:conversation"

// draftRows counts the rows of anticipated responses a saved draft holds.
func draftRows(values map[string]string) int {
	rows := 0
	for i := range conversation.MaxResponses {
		if _, ok := values[slotAt(i).TheyMight]; !ok {
			break
		}
		rows = i + 1
	}
	return rows
}

// responseSlot is one row of anticipated responses on the plan form, with
// the names of its three fields.
type responseSlot struct {
	Number                    int
	Pattern, TheyMight, IWill string
}

// slotAt returns the i-th row (from 0) of the form's anticipated responses.
func slotAt(i int) responseSlot {
	return responseSlot{Number: i + 1, Pattern: conversation.ResponseField(i, conversation.PartPattern),
		TheyMight: conversation.ResponseField(i, conversation.PartTheyMight), IWill: conversation.ResponseField(i, conversation.PartIWill)}
}

// newSlots returns n rows of the form's anticipated responses, at most
// conversation.MaxResponses.
func newSlots(n int) []responseSlot {
	n = min(max(n, 0), conversation.MaxResponses)
	out := make([]responseSlot, n)
	for i := range out {
		out[i] = slotAt(i)
	}
	return out
}

// planTextFields are the plan form's free-text fields outside the
// responses, in the order the form shows them.
var planTextFields = []string{conversation.FieldWith, conversation.FieldPurpose, conversation.FieldWorries, conversation.FieldWorkingWell,
	conversation.FieldNeedsToHappen, conversation.FieldOpening, conversation.FieldSupport}

// planChecked lists the plan form's fields whose wording is checked, apart
// from the responses (see planCheckedFields). Who the conversation is with
// is names, so it is not checked.
var planChecked = []string{conversation.FieldPurpose, conversation.FieldWorries, conversation.FieldWorkingWell,
	conversation.FieldNeedsToHappen, conversation.FieldOpening, conversation.FieldSupport}

// planCheckedFields lists every checked field of a form with n response
// rows: both halves of each response are the practitioner's own words.
func planCheckedFields(n int) []string {
	names := append([]string(nil), planChecked...)
	for _, s := range newSlots(n) {
		names = append(names, s.TheyMight, s.IWill)
	}
	return names
}

// postedPlanForm reads the plan fields that were posted, and how many rows
// of responses the form had.
func postedPlanForm(r *http.Request) (*form, int) {
	f := newForm()
	for _, k := range planTextFields {
		f.Values[k] = r.PostForm.Get(k)
	}
	for _, part := range []string{"day", "month", "year"} {
		k := conversation.FieldPlannedFor + "-" + part
		f.Values[k] = r.PostForm.Get(k)
	}
	rows := 0
	for i := range conversation.MaxResponses {
		s := slotAt(i)
		if _, ok := r.PostForm[s.TheyMight]; !ok {
			break
		}
		f.Values[s.Pattern], f.Values[s.TheyMight], f.Values[s.IWill] = r.PostForm.Get(s.Pattern), r.PostForm.Get(s.TheyMight), r.PostForm.Get(s.IWill)
		rows = i + 1
	}
	return f, rows
}

// planFromForm reads a plan from the form's fields. ok is false when the
// planned date was typed but is not a date.
func planFromForm(f *form, rows int) (p conversation.Plan, ok bool) {
	p = conversation.Plan{With: strings.TrimSpace(f.Value(conversation.FieldWith)), Purpose: f.Value(conversation.FieldPurpose),
		Worries: f.Value(conversation.FieldWorries), WorkingWell: f.Value(conversation.FieldWorkingWell),
		NeedsToHappen: f.Value(conversation.FieldNeedsToHappen), Opening: f.Value(conversation.FieldOpening), Support: f.Value(conversation.FieldSupport)}
	p.PlannedFor, ok = family.DateFromParts(f.Value("planned-day"), f.Value("planned-month"), f.Value("planned-year"))
	for _, s := range newSlots(rows) {
		p.Responses = append(p.Responses, conversation.Response{Pattern: conversation.Pattern(f.Value(s.Pattern)),
			TheyMight: f.Value(s.TheyMight), IWill: f.Value(s.IWill)})
	}
	return p, ok
}

// formFromPlan fills the plan form from a saved plan, and returns how many
// response rows it needs: one for each response, and one spare.
func formFromPlan(p conversation.Plan) (*form, int) {
	f := newForm()
	f.Values[conversation.FieldWith], f.Values[conversation.FieldPurpose], f.Values[conversation.FieldWorries] = p.With, p.Purpose, p.Worries
	f.Values[conversation.FieldWorkingWell], f.Values[conversation.FieldNeedsToHappen] = p.WorkingWell, p.NeedsToHappen
	f.Values[conversation.FieldOpening], f.Values[conversation.FieldSupport] = p.Opening, p.Support
	if d, err := family.ParseDate(p.PlannedFor); err == nil {
		f.Values["planned-day"], f.Values["planned-month"], f.Values["planned-year"] = d.Format("2"), d.Format("1"), d.Format("2006")
	}
	slots := newSlots(len(p.Responses) + 1)
	for i, resp := range p.Responses {
		s := slots[i]
		f.Values[s.Pattern], f.Values[s.TheyMight], f.Values[s.IWill] = string(resp.Pattern), resp.TheyMight, resp.IWill
	}
	return f, len(slots)
}

// addPlanProblems adds a plan's problems to the form in the order the form
// shows its fields, so the error summary reads down the page.
func addPlanProblems(f *form, p conversation.Plan, dateOK bool, rows int) {
	problems := p.Problems()
	if !dateOK {
		problems[conversation.FieldPlannedFor] = "Enter a real date, for example 3 12 2026"
	}
	order := []string{conversation.FieldPlannedFor, conversation.FieldWith, conversation.FieldPurpose, conversation.FieldWorries,
		conversation.FieldWorkingWell, conversation.FieldNeedsToHappen, conversation.FieldOpening}
	for _, s := range newSlots(rows) {
		order = append(order, s.Pattern, s.TheyMight, s.IWill)
	}
	order = append(order, conversation.FieldSupport)
	for _, field := range order {
		f.Add(field, problems[field])
	}
}

// renderPlanForm shows the plan form with rows rows of responses, every
// practitioner's own words checked.
func (s *Server) renderPlanForm(w http.ResponseWriter, r *http.Request, status int, d planFormData, rows int) error {
	d.Slots, d.Patterns = newSlots(max(rows, 1)), conversation.Patterns()
	d.CanAdd = len(d.Slots) < conversation.MaxResponses
	if err := s.checkFields(r, d.Form, planCheckedFields(len(d.Slots))...); err != nil {
		return err
	}
	title := "Plan a conversation"
	if d.PlanID != "" {
		title = "Change the conversation plan"
	}
	return s.render(w, r, status, "conversation_form", title, d)
}
