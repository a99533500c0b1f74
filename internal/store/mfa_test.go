package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
)

// enrol sets up an authenticator app for u and returns its secret and
// recovery codes.
func enrol(t *testing.T, db *store.DB, u access.User, keepToken string) (string, []string) {
	t.Helper()
	key, err := access.NewTOTPKey("Steadfast", u.Email)
	if err != nil {
		t.Fatal(err)
	}
	codes, err := access.NewRecoveryCodes()
	if err != nil {
		t.Fatal(err)
	}
	hashes := make([]string, len(codes))
	for i, c := range codes {
		hashes[i] = access.HashRecoveryCode(c)
	}
	if err := db.EnableSecondFactor(context.Background(), u.ID, key.Secret, 0, hashes, keepToken); err != nil {
		t.Fatal(err)
	}
	return key.Secret, codes
}

func TestSecondFactorEnrolment(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := newUser(t, db, access.Practitioner)
		if has, err := db.HasSecondFactor(ctx, u.ID); err != nil || has {
			t.Fatalf("HasSecondFactor before enrolment = %v, %v", has, err)
		}
		if _, err := db.CheckTOTP(ctx, u.ID, "123456"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("CheckTOTP without a second factor: %v, want ErrNotFound", err)
		}
		now := time.Now()
		signedInSession(t, db, "enrolling", u.ID, now, now, "Firefox on Linux")
		signedInSession(t, db, "elsewhere", u.ID, now, now, "Safari on iPhone")
		enrol(t, db, u, "enrolling")
		sf, err := db.SecondFactor(ctx, u.ID)
		if err != nil || sf.RecoveryCodesLeft != 10 || sf.EnabledAt.IsZero() {
			t.Fatalf("SecondFactor = %+v, %v", sf, err)
		}
		if !sessionExists(t, db, "enrolling") || sessionExists(t, db, "elsewhere") {
			t.Error("enrolment must end the user's other sessions and keep this one")
		}
	})
}

// TestReplayedTOTPCodeIsRefused checks that a code works once, and that a
// code older than the last one accepted is refused too.
func TestReplayedTOTPCodeIsRefused(t *testing.T) {
	storetest.ForEachEngineWithClock(t, func(t *testing.T, db *store.DB, clock *storetest.Clock) {
		ctx := context.Background()
		u := newUser(t, db, access.Supervisor)
		secret, _ := enrol(t, db, u, "")
		code := func(at time.Time) string {
			c, err := access.TOTPCode(secret, at)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		first := code(clock.Now())
		if ok, err := db.CheckTOTP(ctx, u.ID, first); err != nil || !ok {
			t.Fatalf("first use of a code: %v, %v", ok, err)
		}
		if ok, err := db.CheckTOTP(ctx, u.ID, first); err != nil || ok {
			t.Errorf("the same code again: %v, %v; want refused", ok, err)
		}
		clock.Advance(access.TOTPPeriod)
		if ok, _ := db.CheckTOTP(ctx, u.ID, first); ok {
			t.Error("the used code, still within the allowed skew a step later, was accepted")
		}
		if ok, err := db.CheckTOTP(ctx, u.ID, code(clock.Now())); err != nil || !ok {
			t.Errorf("the next step's code: %v, %v", ok, err)
		}
		if ok, _ := db.CheckTOTP(ctx, u.ID, code(clock.Now().Add(-access.TOTPPeriod))); ok {
			t.Error("a code older than the last one accepted was accepted")
		}
		clock.Advance(10 * access.TOTPPeriod)
		if ok, _ := db.CheckTOTP(ctx, u.ID, code(clock.Now().Add(-3*access.TOTPPeriod))); ok {
			t.Error("a stale code outside the skew was accepted")
		}
		if ok, err := db.CheckTOTP(ctx, u.ID, code(clock.Now())); err != nil || !ok {
			t.Errorf("a fresh code after a while: %v, %v", ok, err)
		}
	})
}

func TestRecoveryCodesWorkOnceEach(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := newUser(t, db, access.Admin)
		other := newUser(t, db, access.Admin)
		_, codes := enrol(t, db, u, "")
		_, theirCodes := enrol(t, db, other, "")
		if ok, err := db.UseRecoveryCode(ctx, u.ID, theirCodes[0]); err != nil || ok {
			t.Errorf("another user's recovery code: %v, %v; want refused", ok, err)
		}
		for i, c := range codes {
			if ok, err := db.UseRecoveryCode(ctx, u.ID, c); err != nil || !ok {
				t.Fatalf("recovery code %d, first use: %v, %v", i, ok, err)
			}
			if ok, err := db.UseRecoveryCode(ctx, u.ID, c); err != nil || ok {
				t.Errorf("recovery code %d, second use: %v, %v; want refused", i, ok, err)
			}
		}
		if sf, err := db.SecondFactor(ctx, u.ID); err != nil || sf.RecoveryCodesLeft != 0 {
			t.Errorf("recovery codes left after using all = %+v, %v", sf, err)
		}
		if ok, _ := db.UseRecoveryCode(ctx, u.ID, "not-a-real-code"); ok {
			t.Error("a made-up recovery code was accepted")
		}
		// Enrolling again replaces the codes: old unused ones stop working.
		_, fresh := enrol(t, db, other, "")
		if ok, _ := db.UseRecoveryCode(ctx, other.ID, theirCodes[1]); ok {
			t.Error("a recovery code from before re-enrolment still works")
		}
		if ok, _ := db.UseRecoveryCode(ctx, other.ID, fresh[0]); !ok {
			t.Error("a new recovery code does not work")
		}
	})
}

// TestResetSecondFactorEndsSessions checks the administrator's reset: the app
// and codes go, every session of the user ends, and only within the
// administrator's own organisation.
func TestResetSecondFactorEndsSessions(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := newUser(t, db, access.Practitioner)
		stranger := newUser(t, db, access.Admin) // in another organisation
		_, codes := enrol(t, db, u, "")
		now := time.Now()
		signedInSession(t, db, "one", u.ID, now, now, "Firefox on Linux")
		signedInSession(t, db, "two", u.ID, now, now, "Safari on iPhone")

		if err := db.ResetSecondFactor(ctx, stranger.OrgID, u.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("reset from another organisation: %v, want ErrNotFound", err)
		}
		if has, _ := db.HasSecondFactor(ctx, u.ID); !has || !sessionExists(t, db, "one") {
			t.Fatal("a refused reset changed something")
		}
		if err := db.ResetSecondFactor(ctx, u.OrgID, u.ID); err != nil {
			t.Fatal(err)
		}
		if has, err := db.HasSecondFactor(ctx, u.ID); err != nil || has {
			t.Errorf("HasSecondFactor after reset = %v, %v", has, err)
		}
		if ok, _ := db.UseRecoveryCode(ctx, u.ID, codes[0]); ok {
			t.Error("a recovery code still works after reset")
		}
		if sessionExists(t, db, "one") || sessionExists(t, db, "two") {
			t.Error("the user's sessions survived the reset")
		}
		if n, err := db.CountUserSessions(ctx, u.ID); err != nil || n != 0 {
			t.Errorf("sessions after reset = %d, %v", n, err)
		}
	})
}
