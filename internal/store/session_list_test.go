package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

func TestUserSessionsListAndEnd(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := newUser(t, db, access.Practitioner)
		other := newUser(t, db, access.Parent)
		start := time.Now().Add(-2 * time.Hour).Truncate(time.Second).UTC()
		signedInSession(t, db, "phone", u.ID, start, start.Add(time.Hour), "Safari on iPhone")
		signedInSession(t, db, "office", u.ID, start.Add(time.Minute), start.Add(90*time.Minute), "Edge on Windows")
		signedInSession(t, db, "laptop", u.ID, start.Add(2*time.Minute), start.Add(30*time.Minute), "Firefox on Linux")
		signedInSession(t, db, "theirs", other.ID, start, start, "Chrome on Android")

		list, err := db.UserSessions(ctx, u.ID, "office")
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 {
			t.Fatalf("UserSessions = %+v, want the user's three sessions", list)
		}
		want := []store.SessionInfo{
			{SignedInAt: start.Add(time.Minute), LastSeenAt: start.Add(90 * time.Minute), Device: "Edge on Windows", Current: true},
			{SignedInAt: start, LastSeenAt: start.Add(time.Hour), Device: "Safari on iPhone"},
			{SignedInAt: start.Add(2 * time.Minute), LastSeenAt: start.Add(30 * time.Minute), Device: "Firefox on Linux"},
		}
		for i, w := range want {
			g := list[i]
			if !g.SignedInAt.Equal(w.SignedInAt) || !g.LastSeenAt.Equal(w.LastSeenAt) || g.Device != w.Device || g.Current != w.Current {
				t.Errorf("session %d = %+v, want %+v (most recently used first)", i, g, w)
			}
		}

		n, err := db.EndOtherSessions(ctx, u.ID, "office")
		if err != nil || n != 2 {
			t.Fatalf("EndOtherSessions = %d, %v; want 2", n, err)
		}
		if !sessionExists(t, db, "office") || sessionExists(t, db, "phone") || sessionExists(t, db, "laptop") {
			t.Error("EndOtherSessions kept the wrong sessions")
		}
		if !sessionExists(t, db, "theirs") {
			t.Error("EndOtherSessions ended another user's session")
		}
		if n, err := db.EndUserSessions(ctx, u.ID); err != nil || n != 1 || sessionExists(t, db, "office") {
			t.Errorf("EndUserSessions = %d, %v; want the last session ended", n, err)
		}
	})
}

func TestChangePasswordEndsOtherSessions(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := newUser(t, db, access.Parent)
		now := time.Now()
		signedInSession(t, db, "here", u.ID, now, now, "Firefox on Windows")
		signedInSession(t, db, "there", u.ID, now, now, "Safari on iPhone")
		if err := db.ChangePassword(ctx, u.ID, "$argon2id$new", "here"); err != nil {
			t.Fatal(err)
		}
		got, err := db.UserByID(ctx, u.ID)
		if err != nil || got.PasswordHash != "$argon2id$new" {
			t.Errorf("password hash after change = %q, %v", got.PasswordHash, err)
		}
		if !sessionExists(t, db, "here") || sessionExists(t, db, "there") {
			t.Error("a password change must end the other sessions and keep this one")
		}
		if err := db.ChangePassword(ctx, "nosuchuser000000000", "h", ""); err == nil {
			t.Error("changed the password of a user who does not exist")
		}
	})
}
