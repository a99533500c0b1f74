package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
)

// newUser makes an organisation with one user of the given role; a parent
// gets a family of their own, as every parent has.
func newUser(t *testing.T, db *store.DB, role access.Role) access.User {
	t.Helper()
	ctx := context.Background()
	org, err := db.CreateOrganisation(ctx, "Harbour Family Service")
	if err != nil {
		t.Fatal(err)
	}
	var familyID string
	if role == access.Parent {
		f, err := db.CreateFamily(ctx, org.ID, "The Ash family")
		if err != nil {
			t.Fatal(err)
		}
		familyID = f.ID
	}
	u, err := db.CreateUser(ctx, store.NewUser{OrgID: org.ID, Email: string(role) + "-" + org.ID + "@example.org",
		Name: "Robin Ash", Role: role, PasswordHash: "$argon2id$old", FamilyID: familyID})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// signedInSession stores a signed-in session for userID under token, as the
// web layer's session manager would, and returns it.
func signedInSession(t *testing.T, db *store.DB, token, userID string, signedIn, lastSeen time.Time, device string) {
	t.Helper()
	data, err := scs.GobCodec{}.Encode(time.Now().Add(12*time.Hour), map[string]any{
		store.SessionUserKey:       userID,
		store.SessionSignedInAtKey: signedIn.Unix(),
		store.SessionLastSeenKey:   lastSeen.Unix(),
		store.SessionDeviceKey:     device,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Sessions().CommitCtx(context.Background(), token, data, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
}

// sessionExists reports whether the token's session can still be found.
func sessionExists(t *testing.T, db *store.DB, token string) bool {
	t.Helper()
	_, found, err := db.Sessions().FindCtx(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	return found
}
