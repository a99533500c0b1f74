package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// The tests in this file run unchanged on every engine storetest offers.

func TestMigrateIsIdempotentAndReady(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		res, err := db.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Applied) != 0 {
			t.Errorf("second migrate applied %v", res.Applied)
		}
		latest, err := store.LatestSchemaVersion(db.Engine())
		if err != nil {
			t.Fatal(err)
		}
		if res.Current != latest {
			t.Errorf("schema at %d, want %d", res.Current, latest)
		}
		if err := db.CheckReady(ctx); err != nil {
			t.Errorf("CheckReady: %v", err)
		}
	})
}

func TestCheckReadyFailsBeforeMigration(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			db, err := store.Open(context.Background(), storetest.Config(t, engine))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.CheckReady(context.Background()); err == nil {
				t.Fatal("an unmigrated database reported ready")
			}
		})
	}
}

func TestUsers(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		org, err := db.CreateOrganisation(ctx, "  Riverside Family Support ")
		if err != nil {
			t.Fatal(err)
		}
		if org.Name != "Riverside Family Support" {
			t.Errorf("organisation name %q was not trimmed", org.Name)
		}
		u, err := db.CreateUser(ctx, store.NewUser{OrgID: org.ID, Email: "Sam.Okafor@Example.org ", Name: "Sam Okafor",
			Role: access.Practitioner, PasswordHash: "$argon2id$x"})
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.UserByEmail(ctx, "SAM.OKAFOR@example.org")
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != u.ID || got.Email != "sam.okafor@example.org" || got.Role != access.Practitioner || got.OrgID != org.ID {
			t.Errorf("UserByEmail = %+v", got)
		}
		if !got.CreatedAt.Equal(u.CreatedAt) || got.CreatedAt.Location() != time.UTC {
			t.Errorf("created_at round trip: stored %v, read %v", u.CreatedAt, got.CreatedAt)
		}
		if !got.Active() {
			t.Error("new user is not active")
		}
		_, err = db.CreateUser(ctx, store.NewUser{OrgID: org.ID, Email: "sam.okafor@example.org", Name: "Other",
			Role: access.Supervisor, PasswordHash: "x"})
		if !errors.Is(err, store.ErrAlreadyExists) {
			t.Errorf("duplicate email: err = %v, want ErrAlreadyExists", err)
		}
		if _, err := db.UserByEmail(ctx, "nobody@example.org"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown email: err = %v, want ErrNotFound", err)
		}
		if _, err := db.UserByID(ctx, "aaaaaaaaaaaaaaaaaaaa"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown id: err = %v, want ErrNotFound", err)
		}
		_, err = db.CreateUser(ctx, store.NewUser{OrgID: "nosuchorganisation00", Email: "a@example.org", Name: "A",
			Role: access.Practitioner, PasswordHash: "x"})
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("user in a missing organisation: err = %v, want ErrConflict", err)
		}
		page, err := db.ListUsers(ctx, org.ID, 10, 0)
		if err != nil || page.Total != 1 || len(page.Users) != 1 {
			t.Errorf("ListUsers = %+v, %v", page, err)
		}
	})
}

func TestSetupIsOneTime(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		token, expires, err := db.CreateSetupToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Until(expires); d < 23*time.Hour || d > 25*time.Hour {
			t.Errorf("setup link expires in %v, want 24h", d)
		}
		if err := db.SetupTokenValid(ctx, token); err != nil {
			t.Fatalf("fresh token invalid: %v", err)
		}
		if err := db.SetupTokenValid(ctx, "wrong"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("wrong token: %v", err)
		}
		fa := store.FirstAdmin{OrganisationName: "Harbour Trust", Name: "Ada Admin", Email: "ada@example.org", PasswordHash: "h"}
		admin, err := db.CompleteSetup(ctx, token, fa)
		if err != nil {
			t.Fatal(err)
		}
		if admin.Role != access.Admin {
			t.Errorf("first user role %s", admin.Role)
		}
		if _, err := db.CompleteSetup(ctx, token, fa); !errors.Is(err, store.ErrSetupDone) {
			t.Errorf("second setup: err = %v, want ErrSetupDone", err)
		}
		if err := db.SetupTokenValid(ctx, token); !errors.Is(err, store.ErrSetupDone) {
			t.Errorf("token after setup: %v", err)
		}
	})
}

func TestSetupTokenExpires(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
			cfg := storetest.Config(t, engine)
			cfg.Now = func() time.Time { return now }
			db, err := store.Open(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Migrate(context.Background()); err != nil {
				t.Fatal(err)
			}
			token, _, err := db.CreateSetupToken(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			now = now.Add(store.SetupLinkLifetime + time.Second)
			if err := db.SetupTokenValid(context.Background(), token); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("expired token: err = %v, want ErrNotFound", err)
			}
			_, err = db.CompleteSetup(context.Background(), token, store.FirstAdmin{OrganisationName: "O", Name: "N", Email: "n@example.org", PasswordHash: "h"})
			if !errors.Is(err, store.ErrNotFound) {
				t.Errorf("setup with expired token: err = %v", err)
			}
		})
	}
}

func TestSessionStore(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		org, _ := db.CreateOrganisation(ctx, "O")
		u, err := db.CreateUser(ctx, store.NewUser{OrgID: org.ID, Email: "p@example.org", Name: "P", Role: access.Practitioner, PasswordHash: "h"})
		if err != nil {
			t.Fatal(err)
		}
		s := db.Sessions()
		data, err := scs.GobCodec{}.Encode(time.Now().Add(time.Hour), map[string]any{store.SessionUserKey: u.ID})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CommitCtx(ctx, "token-1", data, time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		got, found, err := s.FindCtx(ctx, "token-1")
		if err != nil || !found || string(got) != string(data) {
			t.Fatalf("FindCtx = %q, %v, %v", got, found, err)
		}
		keys, err := db.StoredSessionKeys(ctx)
		if err != nil || len(keys) != 1 || keys[0] == "token-1" || len(keys[0]) != 64 {
			t.Errorf("stored session keys = %q, %v; want one SHA-256 hex digest, never the token", keys, err)
		}
		if n, err := db.CountUserSessions(ctx, u.ID); err != nil || n != 1 {
			t.Errorf("CountUserSessions = %d, %v; want 1", n, err)
		}
		if _, found, _ := s.FindCtx(ctx, "token-2"); found {
			t.Error("found a session that was never made")
		}
		// An expired session is not found, and is swept.
		if err := s.CommitCtx(ctx, "token-old", data, time.Now().Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := s.FindCtx(ctx, "token-old"); found {
			t.Error("found an expired session")
		}
		if n, err := db.DeleteExpiredSessions(ctx); err != nil || n != 1 {
			t.Errorf("DeleteExpiredSessions = %d, %v; want 1", n, err)
		}
		if err := s.DeleteCtx(ctx, "token-1"); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := s.FindCtx(ctx, "token-1"); found {
			t.Error("session found after delete")
		}
	})
}

// TestSessionTouchIsThrottled checks that re-committing an unchanged session
// with a slightly later idle deadline does not write, and a later one does.
func TestSessionTouchIsThrottled(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := db.Sessions()
		deadline := time.Now().Add(12 * time.Hour)
		values := map[string]any{"a": "1", "b": int64(2), "c": "3", store.SessionUserKey: ""}
		encode := func() []byte {
			b, err := scs.GobCodec{}.Encode(deadline, values)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		first := time.Now().Add(30 * time.Minute).UTC().Truncate(time.Microsecond)
		if err := s.CommitCtx(ctx, "tok", encode(), first); err != nil {
			t.Fatal(err)
		}
		if err := s.CommitCtx(ctx, "tok", encode(), first.Add(10*time.Second)); err != nil {
			t.Fatal(err)
		}
		if got, err := db.StoredSessionExpiry(ctx, "tok"); err != nil || !got.Equal(first) {
			t.Errorf("after a 10 s touch, expiry = %v, %v; want unchanged %v", got, err, first)
		}
		later := first.Add(2 * time.Minute)
		if err := s.CommitCtx(ctx, "tok", encode(), later); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.StoredSessionExpiry(ctx, "tok"); !got.Equal(later) {
			t.Errorf("after a 2 min touch, expiry = %v; want %v", got, later)
		}
		values["a"] = "changed"
		if err := s.CommitCtx(ctx, "tok", encode(), later.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.StoredSessionExpiry(ctx, "tok"); !got.Equal(later.Add(time.Second)) {
			t.Error("changed session data was not written")
		}
	})
}

// TestEndedSessionsStayEnded: a request that loaded a session before it was
// ended, and saves it afterwards, must not bring it back.
func TestEndedSessionsStayEnded(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		org, _ := db.CreateOrganisation(ctx, "O")
		u, err := db.CreateUser(ctx, store.NewUser{OrgID: org.ID, Email: "p@example.org", Name: "P", Role: access.Practitioner, PasswordHash: "h"})
		if err != nil {
			t.Fatal(err)
		}
		s := db.Sessions()
		encode := func(v string) []byte {
			b, err := scs.GobCodec{}.Encode(time.Now().Add(time.Hour), map[string]any{store.SessionUserKey: u.ID, "v": v})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		for _, tok := range []string{"ended-by-owner", "signed-out"} {
			if err := s.CommitCtx(ctx, tok, encode("before"), time.Now().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.EndUserSessions(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteCtx(ctx, "signed-out"); err != nil {
			t.Fatal(err)
		}
		for _, tok := range []string{"ended-by-owner", "signed-out"} {
			// The stale request saves a changed session with a later deadline.
			if err := s.CommitCtx(ctx, tok, encode("after"), time.Now().Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
			if _, found, err := s.FindCtx(ctx, tok); err != nil || found {
				t.Errorf("session %q came back after it was ended: found=%v err=%v", tok, found, err)
			}
		}
		if n, _ := db.CountUserSessions(ctx, u.ID); n != 0 {
			t.Errorf("%d sessions counted after all were ended", n)
		}
	})
}
