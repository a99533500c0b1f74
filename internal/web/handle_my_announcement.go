package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// myAnnouncementData is what the parent's announcement page shows.
type myAnnouncementData struct {
	Announcement journal.Announcement
	Exists       bool
	Comments     []store.AnnouncementComment
	Form         *form
}

// announcementFields are the builder's fields, in the form's order.
var announcementFields = []string{journal.FieldCare, journal.FieldNoLonger, journal.FieldResist, journal.FieldNotWinning, journal.FieldTellingWhom,
	journal.FieldText}

// readMyAnnouncement reads the parent's family's announcement, if any.
func (s *Server) readMyAnnouncement(r *http.Request, action access.Action) (string, myAnnouncementData, error) {
	familyID, err := s.ownFamily(r, action)
	if err != nil {
		return "", myAnnouncementData{}, err
	}
	orgID := actorFrom(r.Context()).OrgID
	d := myAnnouncementData{Announcement: journal.Announcement{FamilyID: familyID, Status: journal.Draft, Parts: journal.DefaultParts()}}
	a, err := s.db.CurrentAnnouncement(r.Context(), orgID, familyID)
	switch {
	case err == nil:
		d.Announcement, d.Exists = a, true
		if d.Comments, err = s.db.AnnouncementComments(r.Context(), orgID, a.ID); err != nil {
			return "", d, err
		}
	case !errors.Is(err, store.ErrNotFound):
		return "", d, err
	}
	return familyID, d, nil
}

func (s *Server) myAnnouncementPage(w http.ResponseWriter, r *http.Request) error {
	_, d, err := s.readMyAnnouncement(r, access.Read)
	if err != nil {
		return err
	}
	d.Form = announcementForm(d.Announcement)
	return s.render(w, r, http.StatusOK, "my_announcement", "Your announcement", d)
}

// announcementForm fills the builder from an announcement.
func announcementForm(a journal.Announcement) *form {
	f := newForm()
	p := a.Parts
	f.Values[journal.FieldCare], f.Values[journal.FieldNoLonger], f.Values[journal.FieldResist] = p.Care, p.NoLonger, p.Resist
	f.Values[journal.FieldNotWinning], f.Values[journal.FieldTellingWhom], f.Values[journal.FieldText] = p.NotWinning, p.TellingWhom, a.Text
	return f
}

// saveMyAnnouncement saves the builder as a draft (action "save"), makes
// it final ("final"), takes a final one back to a draft ("draft"), or
// records that it was read out ("delivered").
func (s *Server) saveMyAnnouncement(w http.ResponseWriter, r *http.Request) error {
	_, d, err := s.readMyAnnouncement(r, access.Update)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	a := d.Announcement
	action := r.PostForm.Get("action")
	f := announcementForm(a)
	if d.Exists && a.Status == journal.Delivered && action != "" {
		f.Add(journal.FieldText, a.CanMoveTo(journal.Draft))
		d.Form = f
		return s.render(w, r, http.StatusUnprocessableEntity, "my_announcement", "Your announcement", d)
	}
	switch action {
	case "save", "final":
		for _, k := range announcementFields {
			f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
		}
		a.Parts = journal.AnnouncementParts{Care: f.Values[journal.FieldCare], NoLonger: f.Values[journal.FieldNoLonger],
			Resist: f.Values[journal.FieldResist], NotWinning: f.Values[journal.FieldNotWinning], TellingWhom: f.Values[journal.FieldTellingWhom]}
		a.Text = f.Values[journal.FieldText]
		for k, v := range a.DraftProblems() {
			f.Add(k, v)
		}
		if a.Text == "" {
			a.Text = a.Parts.Text()
		}
		a.Status = journal.Draft
		if action == "final" {
			if why := a.CanMoveTo(journal.Final); why != "" && f.Valid() {
				f.Add(journal.FieldText, why)
			}
			a.Status = journal.Final
		}
	case "draft":
		if why := a.CanMoveTo(journal.Draft); why != "" || !d.Exists {
			f.Add(journal.FieldText, "There is no final announcement to change")
		}
		a.Status = journal.Draft
	case "delivered":
		for _, k := range []string{journal.FieldDelivered + "-day", journal.FieldDelivered + "-month", journal.FieldDelivered + "-year",
			journal.FieldPresent, journal.FieldTold} {
			f.Values[k] = strings.TrimSpace(r.PostForm.Get(k))
		}
		on, _ := family.DateFromParts(f.Values[journal.FieldDelivered+"-day"], f.Values[journal.FieldDelivered+"-month"], f.Values[journal.FieldDelivered+"-year"])
		if why := a.CanMoveTo(journal.Delivered); why != "" || !d.Exists {
			f.Add(journal.FieldDelivered, "Make the announcement final before recording that you read it out")
		} else {
			for k, v := range journal.DeliveryProblems(on, s.db.Now().In(s.zone), f.Values[journal.FieldPresent]) {
				f.Add(k, v)
			}
		}
		a.Status, a.DeliveredOn, a.Present, a.SupportersTold = journal.Delivered, on, f.Values[journal.FieldPresent], f.Values[journal.FieldTold]
	default:
		return errNotFound
	}
	if !f.Valid() {
		d.Form = f
		return s.render(w, r, http.StatusUnprocessableEntity, "my_announcement", "Your announcement", d)
	}
	actor := actorFrom(r.Context())
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, a.FamilyID, "announcement: "+action); err != nil {
		return err
	}
	if _, err := s.db.SaveAnnouncement(r.Context(), actor.OrgID, actor.UserID, a); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return errNotFound
		}
		return err
	}
	s.flash(r, map[string]string{"save": "Your draft is saved. Your practitioner can see it and may suggest changes.",
		"final": "Your announcement is ready to read out.", "draft": "You can change your announcement again.",
		"delivered": "Well done for reading it out. That takes courage."}[action])
	http.Redirect(w, r, "/my/announcement", http.StatusSeeOther)
	return nil
}
