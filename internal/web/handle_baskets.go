package web

import (
	"errors"
	"net/http"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/audit"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/journal"
	"github.com/steadfast-care/steadfast/internal/store"
)

// Baskets: a parent sorts their child's behaviours into must resist,
// negotiable and let go for now at /my/baskets, and every move is kept;
// the family's practitioner and their supervisor read the same at
// /families/{id}/baskets. The rules are in internal/journal.

// basketMoves bounds the moves the baskets' page lists.
const basketMoves = 50

// basketsData is what the baskets' page shows, to the parent and, read
// only, to the family's workers.
type basketsData struct {
	Own    bool         // the parent's own page, which offers changes
	Family store.Family // the staff's page only
	// Baskets holds each basket with its behaviours, in journal.Baskets
	// order.
	Baskets []basketRow
	Moves   []journal.Move
}

// basketRow is one basket and what is in it.
type basketRow struct {
	Basket     journal.Basket
	Behaviours []journal.Behaviour
}

// behaviourFormData is what the forms to add or move a behaviour show.
type behaviourFormData struct {
	Form      *form
	Baskets   []journal.Basket
	Behaviour journal.Behaviour // the behaviour to move; empty when adding
}

// readBaskets reads a family's baskets and latest moves in one read
// snapshot.
func (s *Server) readBaskets(r *http.Request, familyID string) (basketsData, error) {
	orgID := actorFrom(r.Context()).OrgID
	var d basketsData
	err := s.db.ReadSnapshot(r.Context(), func(snap *store.DB) error {
		list, err := snap.Behaviours(r.Context(), orgID, familyID)
		if err != nil {
			return err
		}
		sorted := journal.Sorted(list)
		for _, b := range journal.Baskets() {
			d.Baskets = append(d.Baskets, basketRow{Basket: b, Behaviours: sorted[b]})
		}
		d.Moves, err = snap.BasketMoves(r.Context(), orgID, familyID, basketMoves)
		return err
	})
	return d, err
}

// basketsPage shows a parent their own baskets.
func (s *Server) basketsPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Read)
	if err != nil {
		return err
	}
	d, err := s.readBaskets(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamilyShared, familyID, "baskets read"); err != nil {
		return err
	}
	d.Own = true
	return s.render(w, r, http.StatusOK, "baskets", "Your baskets", d)
}

// familyBasketsPage shows a family's baskets and how they changed, read
// only, to those the family policy lets read the family.
func (s *Server) familyBasketsPage(w http.ResponseWriter, r *http.Request) error {
	f, handled, err := s.familyToRead(w, r)
	if handled {
		return err
	}
	id := f.ID
	d, err := s.readBaskets(r, id)
	if err != nil {
		return err
	}
	if err := s.recordSharedRead(r, access.KindFamily, id, "baskets read"); err != nil {
		return err
	}
	d.Family = f
	return s.render(w, r, http.StatusOK, "baskets", "Baskets of "+f.Name, d)
}

// newBehaviourPage shows the form to put a behaviour in a basket; ?basket=
// chooses the basket beforehand.
func (s *Server) newBehaviourPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.ownFamily(r, access.Create); err != nil {
		return err
	}
	f := newForm()
	if b := journal.Basket(r.URL.Query().Get(journal.FieldBasket)); b.Valid() {
		f.Values[journal.FieldBasket] = string(b)
	}
	return s.render(w, r, http.StatusOK, "basket_form", "Add a behaviour", behaviourFormData{Form: f, Baskets: journal.Baskets()})
}

// addBehaviour puts a behaviour in a basket.
func (s *Server) addBehaviour(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Create)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	sorted, err := s.db.Behaviours(r.Context(), actor.OrgID, familyID)
	if err != nil {
		return err
	}
	p := newPostedForm(r, journal.FieldBehaviour, journal.FieldBasket)
	f := p.form
	b := journal.Behaviour{FamilyID: familyID, What: f.Value(journal.FieldBehaviour), Basket: journal.Basket(f.Value(journal.FieldBasket))}
	p.addProblems(journal.NewBehaviourProblems(b.What, b.Basket, sorted))
	if f.Valid() && len(sorted) >= journal.MaxBehaviours {
		f.Add(journal.FieldBehaviour, "Your baskets are full. Take something off first")
	}
	if !f.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "basket_form", "Add a behaviour", behaviourFormData{Form: f, Baskets: journal.Baskets()})
	}
	if err := s.recordChange(r, audit.Create, access.KindFamilyShared, familyID, "behaviour put in a basket: "+string(b.Basket)); err != nil {
		return err
	}
	if _, err := s.db.AddBehaviour(r.Context(), actor.OrgID, actor.UserID, b); errors.Is(err, store.ErrAlreadyExists) || errors.Is(err, store.ErrConflict) {
		f.Add(journal.FieldBehaviour, "This is already in a basket. You can move it from the baskets page")
		return s.render(w, r, http.StatusUnprocessableEntity, "basket_form", "Add a behaviour", behaviourFormData{Form: f, Baskets: journal.Baskets()})
	} else if err != nil {
		return err
	}
	s.flash(r, "Added to “"+b.Basket.Label()+"”.")
	http.Redirect(w, r, "/my/baskets", http.StatusSeeOther)
	return nil
}

// ownBehaviour reads the behaviour named in the path, of the parent's
// family; one of any other family is not found.
func (s *Server) ownBehaviour(r *http.Request, familyID string) (journal.Behaviour, error) {
	id := r.PathValue("id")
	if !ids.Valid(id) {
		return journal.Behaviour{}, errNotFound
	}
	return s.db.Behaviour(r.Context(), actorFrom(r.Context()).OrgID, familyID, id)
}

// moveBehaviourPage shows the form to move a behaviour to another basket.
func (s *Server) moveBehaviourPage(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	b, err := s.ownBehaviour(r, familyID)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "basket_move", "Move “"+b.What+"”", behaviourFormData{Form: newForm(), Baskets: journal.Baskets(), Behaviour: b})
}

// moveBehaviour moves a behaviour to another basket.
func (s *Server) moveBehaviour(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	b, err := s.ownBehaviour(r, familyID)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := newPostedForm(r, journal.FieldBasket)
	to := journal.Basket(p.Value(journal.FieldBasket))
	p.addProblems(journal.MoveProblems(b, to))
	if !p.Valid() {
		return s.render(w, r, http.StatusUnprocessableEntity, "basket_move", "Move “"+b.What+"”", behaviourFormData{Form: p.form, Baskets: journal.Baskets(), Behaviour: b})
	}
	if err := s.recordChange(r, audit.Update, access.KindFamilyShared, familyID, "behaviour moved to "+string(to)+": "+b.ID); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if err := s.db.MoveBehaviour(r.Context(), actor.OrgID, familyID, actor.UserID, b.ID, to); err != nil {
		return err
	}
	s.flash(r, "Moved to “"+to.Label()+"”.")
	http.Redirect(w, r, "/my/baskets", http.StatusSeeOther)
	return nil
}

// removeBehaviourConfirm asks before taking a behaviour off the baskets.
func (s *Server) removeBehaviourConfirm(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	b, err := s.ownBehaviour(r, familyID)
	if err != nil {
		return err
	}
	return s.renderConfirm(w, r, confirmData{
		Caption: "Your baskets",
		Title:   "Take “" + b.What + "” off your baskets?",
		Body:    []string{"It is in “" + b.Basket.Label() + "” now. The list of changes will still show it was there."},
		Action:  "/my/baskets/" + b.ID + "/remove",
		Button:  "Yes, take it off",
		Back:    "/my/baskets",
	})
}

// removeBehaviour takes a behaviour off the baskets.
func (s *Server) removeBehaviour(w http.ResponseWriter, r *http.Request) error {
	familyID, err := s.ownFamily(r, access.Update)
	if err != nil {
		return err
	}
	b, err := s.ownBehaviour(r, familyID)
	if err != nil {
		return err
	}
	if err := s.recordChange(r, audit.Delete, access.KindFamilyShared, familyID, "behaviour taken off the baskets: "+b.ID); err != nil {
		return err
	}
	actor := actorFrom(r.Context())
	if err := s.db.RemoveBehaviour(r.Context(), actor.OrgID, familyID, actor.UserID, b.ID); err != nil {
		return err
	}
	s.flash(r, "“"+b.What+"” taken off your baskets.")
	http.Redirect(w, r, "/my/baskets", http.StatusSeeOther)
	return nil
}
