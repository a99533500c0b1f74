package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/steadfast-care/steadfast/internal/access"
	"github.com/steadfast-care/steadfast/internal/store/storetest"
	"github.com/steadfast-care/steadfast/internal/web"
	"github.com/steadfast-care/steadfast/internal/web/webtest"
)

const unknownEmail = "nobody@families.example"

// failedSignIn tries a sign-in that should fail and returns the response,
// with the email typed (the only part that may differ) replaced.
func failedSignIn(c *client, email, password string) response {
	c.t.Helper()
	res := c.post("/sign-in", url.Values{"email": {email}, "password": {password}})
	res.body = strings.ReplaceAll(stable(res.body), email, "EMAIL")
	return res
}

// TestTenWrongPasswordsLockTheAccount checks the lock, that a locked account
// answers exactly as a wrong password and an unknown email do, and that the
// lock lifts after 15 minutes.
func TestTenWrongPasswordsLockTheAccount(t *testing.T) {
	for _, engine := range storetest.Engines() {
		t.Run(string(engine), func(t *testing.T) {
			env := webtest.Start(t, webtest.Options{Engine: engine})
			a := env.Accounts[access.Parent]
			c := newClient(t, env)
			var wrong response
			for i := range access.MaxSignInFailures {
				wrong = failedSignIn(c, a.Email, "not the right password at all")
				if wrong.StatusCode != http.StatusUnauthorized {
					t.Fatalf("wrong password %d: %d", i+1, wrong.StatusCode)
				}
			}
			if !strings.Contains(wrong.body, "If you have tried many times, wait 15 minutes") {
				t.Error("a failed sign-in does not tell people how to recover from a lock")
			}
			// The right password is refused now, and the answer is the same,
			// byte for byte, as for a wrong password or an unknown email.
			locked := failedSignIn(c, a.Email, a.Password)
			unknown := failedSignIn(c, unknownEmail, a.Password)
			if locked.StatusCode != wrong.StatusCode || unknown.StatusCode != wrong.StatusCode {
				t.Fatalf("statuses: locked %d, wrong password %d, unknown email %d", locked.StatusCode, wrong.StatusCode, unknown.StatusCode)
			}
			if locked.body != wrong.body {
				t.Error("a locked account's page differs from a wrong password's: it reveals the lock")
			}
			if unknown.body != wrong.body {
				t.Error("an unknown email's page differs from a known one's")
			}
			if home := c.get("/"); home.StatusCode != http.StatusSeeOther {
				t.Fatalf("signed in while locked: home %d", home.StatusCode)
			}

			env.Clock.Advance(14 * time.Minute)
			if res := failedSignIn(c, a.Email, a.Password); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("right password after 14 minutes: %d, want still locked", res.StatusCode)
			}
			env.Clock.Advance(time.Minute + time.Second)
			c.signIn(a)
		})
	}
}

// TestUnlockUserLiftsTheLock is the administrator's unlock.
func TestUnlockUserLiftsTheLock(t *testing.T) {
	env := webtest.Start(t, webtest.Options{})
	a := env.Accounts[access.Parent]
	c := newClient(t, env)
	for range access.MaxSignInFailures {
		failedSignIn(c, a.Email, "not the right password at all")
	}
	if res := failedSignIn(c, a.Email, a.Password); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("right password while locked: %d", res.StatusCode)
	}
	u, err := env.DB.UserByEmail(t.Context(), a.Email)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.UnlockUser(t.Context(), u.OrgID, u.ID); err != nil {
		t.Fatal(err)
	}
	c.signIn(a)
}

// TestWrongCodesCountTowardsTheLock stops someone who has the password from
// guessing codes without end.
func TestWrongCodesCountTowardsTheLock(t *testing.T) {
	env := webtest.Start(t, webtest.Options{EnrolTOTP: true})
	a := env.Accounts[access.Practitioner]
	c := newClient(t, env)
	wantRedirect(t, "password step", c.signInWithPassword(a), "/sign-in/code")
	for i := range access.MaxSignInFailures {
		res := c.post("/sign-in/code", url.Values{"code": {"000000"}})
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong code %d: %d", i+1, res.StatusCode)
		}
	}
	// Locked: the right code is refused, and so is the right password.
	if res := c.post("/sign-in/code", url.Values{"code": {env.TOTPCode(t, access.Practitioner)}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("right code while locked: %d, want 401", res.StatusCode)
	}
	if res := failedSignIn(newClient(t, env), a.Email, a.Password); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("right password while locked: %d, want 401", res.StatusCode)
	}
}

// TestTooManyFailuresFromOneAddress checks the per-address limit: the same
// page with status 429, whatever the account, and only for that address.
func TestTooManyFailuresFromOneAddress(t *testing.T) {
	env := webtest.Start(t, webtest.Options{Config: web.Config{TrustedProxyHeader: "X-Forwarded-For"}})
	a := env.Accounts[access.Parent]
	c := newClient(t, env)
	c.header.Set("X-Forwarded-For", "203.0.113.9, 198.51.100.20")
	var last response
	for i := range access.AddressFailureLimit {
		// Many emails, so no single account locks.
		last = failedSignIn(c, "guess"+string(rune('a'+i%26))+"@families.example", "password guess")
		if last.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, last.StatusCode)
		}
	}
	limited := failedSignIn(c, unknownEmail, "password guess")
	if limited.StatusCode != http.StatusTooManyRequests || limited.Header.Get("Retry-After") == "" {
		t.Fatalf("after %d failures: %d, Retry-After %q; want 429 with Retry-After", access.AddressFailureLimit, limited.StatusCode, limited.Header.Get("Retry-After"))
	}
	if limited.body != last.body {
		t.Error("the limited page differs from an ordinary failure's")
	}
	if res := failedSignIn(c, a.Email, a.Password); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("right password from the limited address: %d, want 429", res.StatusCode)
	}
	// The address is the proxy's last entry: another client is not limited,
	// and the client cannot escape by writing its own first entry.
	spoof := newClient(t, env)
	spoof.header.Set("X-Forwarded-For", "192.0.2.1, 198.51.100.20")
	if res := failedSignIn(spoof, a.Email, a.Password); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a changed first X-Forwarded-For entry escaped the limit: %d", res.StatusCode)
	}
	other := newClient(t, env)
	other.header.Set("X-Forwarded-For", "198.51.100.21")
	other.signIn(a)
	env.Clock.Advance(access.AddressWindow + time.Second)
	c.signIn(a)
}
