package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientAddress returns the address sign-in limits count failures against:
// the connection's address, or with a trusted proxy header the last address
// in it (the one the proxy added; earlier ones the client could have
// written). An IPv6 address counts as its /64 network, which one household
// or device usually holds whole.
func clientAddress(r *http.Request, trustedHeader string) string {
	if trustedHeader != "" {
		values := r.Header.Values(trustedHeader)
		if len(values) > 0 {
			parts := strings.Split(values[len(values)-1], ",")
			if a, ok := normaliseAddress(strings.TrimSpace(parts[len(parts)-1])); ok {
				return a
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if a, ok := normaliseAddress(host); ok {
		return a
	}
	return host
}

// normaliseAddress parses an IP address, counting IPv4-mapped IPv6 as IPv4
// and IPv6 as its /64.
func normaliseAddress(s string) (string, bool) {
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return "", false
	}
	addr = addr.Unmap().WithZone("")
	if addr.Is6() {
		p, err := addr.Prefix(64)
		if err != nil {
			return "", false
		}
		return p.String(), true
	}
	return addr.String(), true
}
