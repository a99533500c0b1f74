package access

import "time"

// Session limits. Every session ends SessionLifetime after sign-in, and
// sooner if it is left idle for the role's IdleTimeout.
const (
	SessionLifetime = 12 * time.Hour
	// LongestIdleTimeout is the longest IdleTimeout of any role.
	LongestIdleTimeout = 60 * time.Minute
)

// IdleTimeout is how long a session of this role may go unused: 30 minutes
// for staff, who may leave a shared office computer, and 60 for parents and
// carers, who are often interrupted at home.
func (r Role) IdleTimeout() time.Duration {
	if r.IsStaff() {
		return 30 * time.Minute
	}
	return LongestIdleTimeout
}

// RequiresSecondFactor reports whether people in this role must set up a
// second factor before they use Steadfast. Parents and carers may choose to.
func (r Role) RequiresSecondFactor() bool { return r.IsStaff() }
