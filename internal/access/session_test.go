package access

import (
	"testing"
	"time"
)

func TestSessionPolicyByRole(t *testing.T) {
	for _, r := range Roles() {
		want, mfa := 30*time.Minute, true
		if r == Parent {
			want, mfa = 60*time.Minute, false
		}
		if got := r.IdleTimeout(); got != want || got > LongestIdleTimeout {
			t.Errorf("%s idle timeout %v, want %v", r, got, want)
		}
		if r.RequiresSecondFactor() != mfa {
			t.Errorf("%s RequiresSecondFactor = %v", r, !mfa)
		}
	}
	if SessionLifetime != 12*time.Hour {
		t.Errorf("session lifetime %v", SessionLifetime)
	}
}
