package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/family"
	"github.com/steadfast-care/steadfast/internal/help"
	"github.com/steadfast-care/steadfast/internal/ids"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestInviteParent(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		add := func(o org, f store.Family, kind family.Kind, name string) family.Member {
			m, err := db.AddMember(ctx, o.id, family.Member{FamilyID: f.ID, Kind: kind, Name: name, DateOfBirth: "2015-01-02"})
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		mum := add(a, a.family, family.Carer, "Jo Marsh")
		child := add(a, a.family, family.Child, "Kit Marsh")
		aunt := add(a, a.family, family.Outside, "Viv Marsh")
		elsewhere := add(b, b.family, family.Carer, "Bo Far")
		inv := func(o org, f store.Family, m family.Member, email string) store.ParentInvitation {
			return store.ParentInvitation{UserID: ids.New(), OrgID: o.id, FamilyID: f.ID, MemberID: m.ID, Email: email, InvitedBy: o.prac.ID}
		}

		for name, c := range map[string]struct {
			inv  store.ParentInvitation
			want error
		}{
			"a child":                         {inv(a, a.family, child, "kit@a.example"), store.ErrNotACarer},
			"someone outside the home":        {inv(a, a.family, aunt, "viv@a.example"), store.ErrNotACarer},
			"another family's carer":          {inv(a, a.otherFamily, mum, "jo@a.example"), store.ErrNotFound},
			"another organisation's carer":    {inv(a, a.family, elsewhere, "bo@a.example"), store.ErrNotFound},
			"from another organisation":       {inv(b, a.family, mum, "jo@a.example"), store.ErrNotFound},
			"an email in use, in another org": {inv(a, a.family, mum, "parent@b.example"), store.ErrAlreadyExists},
			"an email in use, in any case":    {inv(a, a.family, mum, "PRAC@a.example"), store.ErrAlreadyExists},
		} {
			if _, _, _, err := db.InviteParent(ctx, c.inv); !errors.Is(err, c.want) {
				t.Errorf("%s: %v; want %v", name, err, c.want)
			}
		}
		if accts, err := db.ParentAccounts(ctx, a.id, a.family.ID); err != nil || len(accts) != 0 {
			t.Fatalf("after refusals, accounts = %+v, %v", accts, err)
		}

		in := inv(a, a.family, mum, " Jo.Marsh@Example.org ")
		u, token, expires, err := db.InviteParent(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if u.ID != in.UserID || u.Role != access.Parent || u.FamilyID != a.family.ID || u.Name != "Jo Marsh" || u.Email != "jo.marsh@example.org" || u.PasswordHash != "" {
			t.Errorf("invited account = %+v", u)
		}
		if want := db.Now().Add(store.PasswordLinkLifetime); expires.After(want) || expires.Before(want.Add(-time.Minute)) {
			t.Errorf("link expires %v; want %v", expires, want)
		}
		if got, err := db.PasswordLinkUser(ctx, token); err != nil || got.ID != u.ID {
			t.Errorf("the link is for %+v, %v", got, err)
		}
		acct, err := db.ParentAccountFor(ctx, a.id, a.family.ID, mum.ID)
		if err != nil || acct.UserID != u.ID || acct.PasswordSet || acct.Disabled || acct.Email != u.Email {
			t.Errorf("ParentAccountFor = %+v, %v", acct, err)
		}
		if _, err := db.ParentAccountFor(ctx, b.id, a.family.ID, mum.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation reads the account: %v", err)
		}
		if _, err := db.ParentAccountFor(ctx, a.id, a.family.ID, child.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a person with no account: %v", err)
		}
		if _, _, _, err := db.InviteParent(ctx, inv(a, a.family, mum, "jo.other@example.org")); !errors.Is(err, store.ErrAlreadyInvited) {
			t.Errorf("inviting twice: %v; want ErrAlreadyInvited", err)
		}

		// A new link spends the old one; using it sets the password.
		token2, _, err := db.CreatePasswordLink(ctx, a.id, u.ID, a.super.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.PasswordLinkUser(ctx, token); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the first link still works after a new one: %v", err)
		}
		if _, err := db.UsePasswordLink(ctx, token2, "hash"); err != nil {
			t.Fatal(err)
		}
		accts, err := db.ParentAccounts(ctx, a.id, a.family.ID)
		if err != nil || len(accts) != 1 || !accts[0].PasswordSet || accts[0].MemberID != mum.ID {
			t.Errorf("ParentAccounts = %+v, %v", accts, err)
		}
		if accts, err := db.ParentAccounts(ctx, b.id, a.family.ID); err != nil || len(accts) != 0 {
			t.Errorf("another organisation lists the family's accounts: %+v, %v", accts, err)
		}

		// An account made otherwise (the demo) is linked to its person.
		if err := db.LinkParentAccount(ctx, a.id, a.parent.ID, mum.ID); !errors.Is(err, store.ErrAlreadyInvited) {
			t.Errorf("linking a second account to one person: %v", err)
		}
		dad := add(a, a.family, family.Carer, "Ray Marsh")
		if err := db.LinkParentAccount(ctx, b.id, a.parent.ID, dad.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("linking from another organisation: %v", err)
		}
		if err := db.LinkParentAccount(ctx, a.id, a.prac.ID, dad.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("linking a member of staff: %v", err)
		}
		if err := db.LinkParentAccount(ctx, a.id, a.parent.ID, dad.ID); err != nil {
			t.Fatal(err)
		}
		if accts, _ := db.ParentAccounts(ctx, a.id, a.family.ID); len(accts) != 2 {
			t.Errorf("after linking, accounts = %+v", accts)
		}
	})
}

func TestTransparencyConfirmations(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		if c, err := db.Transparency(ctx, a.id, a.parent.ID); err != nil || c.Version != 0 {
			t.Fatalf("before confirming: %+v, %v", c, err)
		}
		if err := db.ConfirmTransparency(ctx, b.id, a.parent.ID, 1); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("confirming for another organisation's user: %v", err)
		}
		first := db.Now()
		if err := db.ConfirmTransparency(ctx, a.id, a.parent.ID, 1); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond)
		if err := db.ConfirmTransparency(ctx, a.id, a.parent.ID, 1); err != nil {
			t.Fatalf("confirming again: %v", err)
		}
		c, err := db.Transparency(ctx, a.id, a.parent.ID)
		if err != nil || c.Version != 1 || c.At.Before(first.Add(-time.Second)) || c.At.After(first.Add(time.Millisecond)) {
			t.Errorf("after confirming twice: %+v, %v; want version 1 at the first time, about %v", c, err, first)
		}
		if c, _ := db.Transparency(ctx, b.id, a.parent.ID); c.Version != 0 {
			t.Errorf("another organisation sees the confirmation: %+v", c)
		}
		if err := db.ConfirmTransparency(ctx, a.id, a.parent.ID, 2); err != nil {
			t.Fatal(err)
		}
		if c, _ := db.Transparency(ctx, a.id, a.parent.ID); c.Version != 2 {
			t.Errorf("the newest version confirmed = %+v", c)
		}
		if c, _ := db.Transparency(ctx, a.id, a.prac.ID); c.Version != 0 {
			t.Errorf("someone else's confirmation = %+v", c)
		}
	})
}

func TestHelpContacts(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a := newOrg(t, db, "a")
		b := newOrg(t, db, "b")
		got, err := db.HelpContacts(ctx, a.id)
		if err != nil || len(got) != 2 || got[0].Reach != "999" || got[1].Reach != "111" || got[0].ID != "" {
			t.Fatalf("before any are set: %+v, %v; want the defaults", got, err)
		}
		line, err := db.AddHelpContact(ctx, a.id, help.Contact{ID: ids.New(), Name: " Parent line ", Reach: "0808 800 2222", WhenToUse: "Any time you need to talk"})
		if err != nil {
			t.Fatal(err)
		}
		got, err = db.HelpContacts(ctx, a.id)
		if err != nil || len(got) != 3 || got[0].Reach != "999" || got[1].Reach != "111" || got[2].ID != line.ID || got[2].Name != "Parent line" {
			t.Fatalf("after adding one: %+v, %v; want the defaults, kept, then the new one", got, err)
		}
		for _, c := range got {
			if c.ID == "" {
				t.Errorf("a stored contact has no ID: %+v", c)
			}
		}
		if got, _ := db.HelpContacts(ctx, b.id); len(got) != 2 || got[0].ID != "" {
			t.Errorf("another organisation's list changed: %+v", got)
		}
		if _, err := db.HelpContact(ctx, b.id, line.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation reads the contact: %v", err)
		}
		changed := line
		changed.WhenToUse = "Evenings and weekends"
		if err := db.UpdateHelpContact(ctx, b.id, changed); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation changes the contact: %v", err)
		}
		if err := db.RemoveHelpContact(ctx, b.id, line.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another organisation removes the contact: %v", err)
		}
		if err := db.UpdateHelpContact(ctx, a.id, changed); err != nil {
			t.Fatal(err)
		}
		if c, err := db.HelpContact(ctx, a.id, line.ID); err != nil || c.WhenToUse != "Evenings and weekends" || c.Name != "Parent line" {
			t.Errorf("after the change: %+v, %v", c, err)
		}
		// A second addition does not copy the defaults again.
		if _, err := db.AddHelpContact(ctx, a.id, help.Contact{Name: "Web chat", Reach: "https://chat.example.org", WhenToUse: "If you would rather type"}); err != nil {
			t.Fatal(err)
		}
		got, _ = db.HelpContacts(ctx, a.id)
		if len(got) != 4 || got[3].Name != "Web chat" {
			t.Fatalf("after a second addition: %+v", got)
		}
		for _, c := range got {
			if err := db.RemoveHelpContact(ctx, a.id, c.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.RemoveHelpContact(ctx, a.id, line.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing twice: %v", err)
		}
		if got, _ := db.HelpContacts(ctx, a.id); len(got) != 2 || got[0].Reach != "999" {
			t.Errorf("with every contact removed, parents see %+v; want the defaults", got)
		}
		// The list is bounded.
		for i := 0; i < help.MaxContacts-2; i++ {
			if _, err := db.AddHelpContact(ctx, a.id, help.Contact{Name: "Line", Reach: "0800 000 000", WhenToUse: "Now"}); err != nil {
				t.Fatalf("contact %d: %v", i, err)
			}
		}
		if _, err := db.AddHelpContact(ctx, a.id, help.Contact{Name: "One too many", Reach: "0800 000 000", WhenToUse: "Now"}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("beyond the limit: %v; want ErrConflict", err)
		}
	})
}
