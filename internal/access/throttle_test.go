package access

import (
	"testing"
	"time"
)

func TestLockoutPeriod(t *testing.T) {
	cases := map[int]time.Duration{
		1: 15 * time.Minute, 2: 30 * time.Minute, 3: time.Hour, 4: 2 * time.Hour,
		7: 16 * time.Hour, 8: 24 * time.Hour, 50: 24 * time.Hour,
	}
	for n, want := range cases {
		if got := LockoutPeriod(n); got != want {
			t.Errorf("LockoutPeriod(%d) = %v, want %v", n, got, want)
		}
	}
}
