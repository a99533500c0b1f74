package main

import (
	"net"
	"testing"
)

func TestTrustedProxyHeaderFlag(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for value, want := range map[string]string{"": "", "X-Forwarded-For": "X-Forwarded-For", " X-Real-IP ": "X-Real-IP"} {
		sf := serverFlags{trustedProxyHeader: value}
		err := sf.check()
		cfg := sf.webConfig(false, l)
		if err != nil || cfg.TrustedProxyHeader != want {
			t.Errorf("--trusted-proxy-header %q: %q, %v; want %q", value, cfg.TrustedProxyHeader, err, want)
		}
	}
	for _, bad := range []string{"X-Forwarded-For: 1.2.3.4", "two words"} {
		sf := serverFlags{trustedProxyHeader: bad}
		if err := sf.check(); err == nil {
			t.Errorf("--trusted-proxy-header %q was accepted", bad)
		}
	}
}
