package access

import "time"

// Sign-in throttling. An account is locked after MaxSignInFailures failures
// in a row; each further lock lasts twice as long as the one before, up to
// MaxLockout. A successful sign-in, or an administrator, clears the count.
const (
	MaxSignInFailures = 10
	FirstLockout      = 15 * time.Minute
	MaxLockout        = 24 * time.Hour
)

// One client address may fail AddressFailureLimit sign-ins in each
// AddressWindow, whichever accounts it tries.
const (
	AddressFailureLimit = 50
	AddressWindow       = 15 * time.Minute
)

// LockoutPeriod returns how long an account's nth lock lasts, counting from
// 1: 15 minutes, then 30, 60 and so on, never more than MaxLockout.
func LockoutPeriod(n int) time.Duration {
	d := FirstLockout
	for i := 1; i < n && d < MaxLockout; i++ {
		d *= 2
	}
	return min(d, MaxLockout)
}
