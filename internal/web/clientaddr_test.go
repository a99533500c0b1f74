package web

import (
	"net/http/httptest"
	"testing"
)

func TestClientAddress(t *testing.T) {
	cases := []struct {
		remote, header, value, want string
	}{
		{"192.0.2.7:51234", "", "", "192.0.2.7"},
		{"[2001:db8:1:2:3:4:5:6]:443", "", "", "2001:db8:1:2::/64"},
		{"[::ffff:192.0.2.7]:443", "", "", "192.0.2.7"},
		// The proxy's header is read only when configured...
		{"10.0.0.1:80", "", "203.0.113.5", "10.0.0.1"},
		// ...and then its last entry, the one the proxy added, counts.
		{"10.0.0.1:80", "X-Forwarded-For", "198.51.100.1, 203.0.113.5", "203.0.113.5"},
		{"10.0.0.1:80", "X-Forwarded-For", "203.0.113.5", "203.0.113.5"},
		{"10.0.0.1:80", "X-Forwarded-For", "2001:db8::1", "2001:db8::/64"},
		// A header that is missing or garbled falls back to the connection.
		{"10.0.0.1:80", "X-Forwarded-For", "", "10.0.0.1"},
		{"10.0.0.1:80", "X-Forwarded-For", "not an address", "10.0.0.1"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("POST", "/sign-in", nil)
		r.RemoteAddr = c.remote
		if c.value != "" {
			r.Header.Set("X-Forwarded-For", c.value)
		}
		if got := clientAddress(r, c.header); got != c.want {
			t.Errorf("clientAddress(remote %s, %s: %q) = %q, want %q", c.remote, c.header, c.value, got, c.want)
		}
	}
}
