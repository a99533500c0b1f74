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

// fail records n failed sign-ins for u from address and returns the last state.
func fail(t *testing.T, db *store.DB, address, userID string, n int) store.Lockout {
	t.Helper()
	var l store.Lockout
	for range n {
		var err error
		if l, err = db.RecordSignInFailure(context.Background(), address, userID); err != nil {
			t.Fatal(err)
		}
	}
	return l
}

func locked(t *testing.T, db *store.DB, userID string) bool {
	t.Helper()
	l, err := db.SignInLocked(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestTenFailuresLockTheAccount checks the lock, that it lifts after its
// period, that each further lock lasts twice as long, and that a successful
// sign-in starts the count again.
func TestTenFailuresLockTheAccount(t *testing.T) {
	storetest.ForEachEngineWithClock(t, func(t *testing.T, db *store.DB, clock *storetest.Clock) {
		ctx := context.Background()
		u := newUser(t, db, access.Practitioner)
		if l := fail(t, db, "192.0.2.1", u.ID, 9); l.Locked(clock.Now()) || l.Failures != 9 {
			t.Fatalf("after 9 failures: %+v, want unlocked", l)
		}
		l := fail(t, db, "192.0.2.1", u.ID, 1)
		if !locked(t, db, u.ID) || l.Locks != 1 {
			t.Fatalf("after 10 failures: %+v, want locked", l)
		}
		if d := l.LockedUntil.Sub(clock.Now()); d < 14*time.Minute || d > 15*time.Minute {
			t.Errorf("first lock lasts %v, want 15 minutes", d)
		}
		// Attempts while locked do not count towards the next lock.
		fail(t, db, "192.0.2.1", u.ID, 25)
		clock.Advance(14 * time.Minute)
		if !locked(t, db, u.ID) {
			t.Fatal("the lock lifted before 15 minutes")
		}
		clock.Advance(time.Minute + time.Second)
		if locked(t, db, u.ID) {
			t.Fatal("the lock did not lift after 15 minutes")
		}
		// Ten more: the second lock is twice as long.
		l = fail(t, db, "192.0.2.1", u.ID, 10)
		if d := l.LockedUntil.Sub(clock.Now()); l.Locks != 2 || d < 29*time.Minute || d > 30*time.Minute {
			t.Errorf("second lock: %+v, lasting %v; want 30 minutes", l, d)
		}
		clock.Advance(31 * time.Minute)
		// A successful sign-in forgets failures and earlier locks.
		fail(t, db, "192.0.2.1", u.ID, 5)
		if err := db.RecordSignInSuccess(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if l, _ := db.SignInLockout(ctx, u.ID); l != (store.Lockout{}) {
			t.Errorf("after a success: %+v, want a clean slate", l)
		}
		l = fail(t, db, "192.0.2.1", u.ID, 10)
		if d := l.LockedUntil.Sub(clock.Now()); l.Locks != 1 || d > 15*time.Minute {
			t.Errorf("the first lock after a success: %+v, lasting %v; want 15 minutes again", l, d)
		}
	})
}

func TestUnlockUser(t *testing.T) {
	storetest.ForEachEngine(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := newUser(t, db, access.Supervisor)
		stranger := newUser(t, db, access.Admin)
		fail(t, db, "192.0.2.2", u.ID, access.MaxSignInFailures)
		if !locked(t, db, u.ID) {
			t.Fatal("not locked after ten failures")
		}
		if err := db.UnlockUser(ctx, stranger.OrgID, u.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unlock from another organisation: %v, want ErrNotFound", err)
		}
		if !locked(t, db, u.ID) {
			t.Fatal("a refused unlock unlocked")
		}
		if err := db.UnlockUser(ctx, u.OrgID, u.ID); err != nil {
			t.Fatal(err)
		}
		if locked(t, db, u.ID) {
			t.Error("still locked after UnlockUser")
		}
	})
}

// TestFailuresPerAddress checks the per-address limit, across accounts and
// unknown emails alike, and that its window ends.
func TestFailuresPerAddress(t *testing.T) {
	storetest.ForEachEngineWithClock(t, func(t *testing.T, db *store.DB, clock *storetest.Clock) {
		ctx := context.Background()
		u := newUser(t, db, access.Parent)
		throttled := func(addr string) bool {
			t.Helper()
			got, err := db.AddressThrottled(ctx, addr)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		fail(t, db, "198.51.100.7", "", access.AddressFailureLimit-1)
		if throttled("198.51.100.7") {
			t.Fatal("throttled before the limit")
		}
		fail(t, db, "198.51.100.7", u.ID, 1)
		if !throttled("198.51.100.7") {
			t.Fatal("not throttled at the limit")
		}
		if throttled("198.51.100.8") {
			t.Error("another address is throttled too")
		}
		clock.Advance(access.AddressWindow + time.Second)
		if throttled("198.51.100.7") {
			t.Error("still throttled after the window")
		}
		fail(t, db, "198.51.100.7", "", 1)
		if throttled("198.51.100.7") {
			t.Error("a new window started with the old count")
		}
		clock.Advance(access.AddressWindow + time.Second)
		if n, err := db.DeleteStaleSignInFailures(ctx); err != nil || n != 1 {
			t.Errorf("DeleteStaleSignInFailures = %d, %v; want 1", n, err)
		}
	})
}
